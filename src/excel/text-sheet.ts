/**
 * Sheets of plain text the user edits (e.g. a rule table): written as text so that nothing typed
 * like `= x` or `>= 100` becomes a formula, and read back as the user left them.
 */
import type { Cell } from '../engine';
import { uniqueSheetName } from './sheet-names';

/**
 * Adds a worksheet named `base` (or "base (2)"… when taken) holding `rows` as text, the first
 * row bold, columns fitted; never touches an existing sheet. Returns the new sheet's name.
 * @example await addTextSheet(context, "Rules", [["Class", "Stage"], ["Type 1", "中学"]]) // "Rules"
 */
export async function addTextSheet(context: Excel.RequestContext, base: string, rows: readonly (readonly string[])[]): Promise<string> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const name = uniqueSheetName(base, sheets.items.map((s) => s.name));
  const sheet = context.workbook.worksheets.add(name);
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (rows.length > 0) {
    const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
    range.numberFormat = rows.map(() => new Array<string>(width).fill('@'));
    range.values = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  }
  await context.sync();
  return name;
}

/**
 * The cells of a worksheet's used range (values only), or null when there is no such sheet.
 * @example await readSheetCells(context, "Rules") // [["Class", "Stage"], ["Type 1", "中学"]]
 */
export async function readSheetCells(context: Excel.RequestContext, name: string): Promise<Cell[][] | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRangeOrNullObject(true).load('values');
  await context.sync();
  return used.isNullObject ? [] : (used.values as Cell[][]);
}
