/**
 * Removal of the previous output: its colour rules over the user's rows, its defined names, the
 * columns it wrote beside the input and its sheets.
 */
import type { WorkbookState } from './selection';

/**
 * Queues the removal of the previous output (in the request that commits the new one).
 * @example removePrevious(context, state);
 */
export function removePrevious(context: Excel.RequestContext, state: WorkbookState): void {
  const wb = context.workbook;
  const previous = state.previous;
  wb.application.suspendApiCalculationUntilNextSync();
  // the rules first: deleting a rule can fail in Excel (office-js 5222), and a request stops at
  // its first failing operation — then nothing else of the previous output has been touched
  if (previous.rules.ids.length > 0) {
    const whole = wb.worksheets.getItem(previous.rules.sheetId).getRange();
    for (const id of previous.rules.ids) whole.conditionalFormats.getItem(id).delete();
  }
  for (const name of previous.names) wb.names.getItem(name).delete();
  if (previous.beside) {
    const b = previous.beside;
    wb.worksheets.getItem(b.sheetId).getRangeByIndexes(b.row, b.column, b.rows, b.columns).clear('All');
  }
  for (const s of previous.sheets) wb.worksheets.getItem(s.id).delete();
}

/**
 * True when Excel failed to delete a colour rule (office-js 5222: `ItemNotFound` on a rule that
 * exists), located by Office.js in `debugInfo.errorLocation`.
 * @example ruleDeleteFailed({ code: 'ItemNotFound', debugInfo: { errorLocation: 'ConditionalFormat.delete' } }) // true
 */
export function ruleDeleteFailed(error: unknown): boolean {
  const where = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof where === 'string' && /^ConditionalFormat\.delete/.test(where);
}
