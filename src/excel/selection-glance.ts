/**
 * The cheap look at the selection made on every selection change (address and size, one tiny
 * request), and the recognition of a selection Excel cannot hand over as one range.
 */

/** The selected block as the pane shows it before the full inspection. */
export interface SelectionGlance {
  /** "Sheet1!A1:D9" as Excel writes it. */
  address: string;
  rows: number;
  columns: number;
}

/**
 * True when Excel refused `getSelectedRange()`: several areas, or a chart or shape selected
 * (code `InvalidSelection`, or the failing call named in `debugInfo.errorLocation`).
 * @example selectionRefused({ code: 'InvalidSelection' }) // true
 */
export function selectionRefused(error: unknown): boolean {
  const e = error as { code?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  if (!e) return false;
  if (e.code === 'InvalidSelection') return true;
  const where = e.debugInfo?.errorLocation;
  return typeof where === 'string' && /getSelectedRange/i.test(where);
}

/**
 * Loads only the selection's address and size (no values, names, rules or date probe).
 * @example const g = await glanceSelection(context); g.address // "Sheet1!A1:D9"
 */
export async function glanceSelection(context: Excel.RequestContext): Promise<SelectionGlance> {
  const range = context.workbook.getSelectedRange().load('address,rowCount,columnCount');
  await context.sync();
  return { address: range.address, rows: range.rowCount, columns: range.columnCount };
}
