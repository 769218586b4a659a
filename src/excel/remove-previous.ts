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
  for (const name of previous.names) wb.names.getItem(name).delete();
  if (previous.rules.ids.length > 0) {
    const whole = wb.worksheets.getItem(previous.rules.sheetId).getRange();
    for (const id of previous.rules.ids) whole.conditionalFormats.getItem(id).delete();
  }
  if (previous.beside) {
    const b = previous.beside;
    wb.worksheets.getItem(b.sheetId).getRangeByIndexes(b.row, b.column, b.rows, b.columns).clear('All');
  }
  for (const s of previous.sheets) wb.worksheets.getItem(s.id).delete();
}
