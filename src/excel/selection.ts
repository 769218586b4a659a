/**
 * Where the user's table is and what Tierwise wrote before: the selection resolved in one request
 * (a single cell grows to its current region, whole columns shrink to the used range), the sheet
 * names in use, and the previous output.
 */
import { type Block, blockAddress, sheetRef } from './a1';
import { BESIDE_NAME, type OutputRecord, parseRecord, RECORD_KEY } from './tracking';

/** A block on a named sheet. */
export interface SheetArea extends Block {
  sheetId: string;
  sheetName: string;
}

/** What Tierwise wrote before and still exists. */
export interface PreviousOutput {
  record: OutputRecord;
  /** Sheets of the record that still exist (id and name). */
  sheets: { id: string; name: string }[];
  /** Where the columns beside the input are now (null when none). */
  beside: SheetArea | null;
  /** Conditional-format ids of the record that still exist. */
  rules: string[];
}

/** The selection and the workbook around it. */
export interface WorkbookState {
  /** The table to classify (null when the selection holds nothing). */
  area: SheetArea | null;
  /** How the selection was adjusted. */
  adjusted: 'expanded' | 'trimmed' | null;
  /** Names of every sheet. */
  sheetNames: string[];
  previous: PreviousOutput;
}

/**
 * "Sheet1!A1:D9" for an area.
 * @example areaAddress({ sheetId: "{1}", sheetName: "Sales 2024", row: 0, column: 0, rows: 9, columns: 4 }) // "'Sales 2024'!A1:D9"
 */
export function areaAddress(area: SheetArea): string {
  return `${sheetRef(area.sheetName)}!${blockAddress(area)}`;
}

type Dims = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number; isNullObject?: boolean };

function blockOf(r: Dims): Block {
  return { row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
}

function intersect(a: Block, b: Block): Block | null {
  const r0 = Math.max(a.row, b.row);
  const c0 = Math.max(a.column, b.column);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c1 = Math.min(a.column + a.columns, b.column + b.columns);
  return r1 > r0 && c1 > c0 ? { row: r0, column: c0, rows: r1 - r0, columns: c1 - c0 } : null;
}

const DIMS = 'rowIndex,columnIndex,rowCount,columnCount';

/**
 * Resolves the selection and reads the previous output: one request, two when old colour rules
 * over user rows must be checked.
 * @example const state = await inspectWorkbook(context); state.area // { sheetName: "Sheet1", row: 0, … }
 */
export async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const wb = context.workbook;
  const selected = wb.getSelectedRange().load(DIMS);
  const sheet = selected.worksheet.load('id,name');
  const region = selected.getSurroundingRegion().load(DIMS);
  const used = sheet.getUsedRangeOrNullObject(true).load(DIMS);
  const sheets = wb.worksheets.load('items/id,items/name');
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY).load('value');
  const besideRange = wb.names.getItemOrNullObject(BESIDE_NAME).getRangeOrNullObject().load(DIMS);
  const besideSheet = besideRange.worksheet.load('id,name');
  await context.sync();

  let area: Block | null;
  let adjusted: WorkbookState['adjusted'] = null;
  if (selected.rowCount === 1 && selected.columnCount === 1) {
    area = blockOf(region);
    if (area.rows > 1 || area.columns > 1) adjusted = 'expanded';
    if (used.isNullObject) area = null;
  } else {
    area = used.isNullObject ? null : intersect(blockOf(selected), blockOf(used));
    if (area && (area.rows < selected.rowCount || area.columns < selected.columnCount)) adjusted = 'trimmed';
  }
  const record = parseRecord(setting.isNullObject ? null : setting.value);
  const all = sheets.items.map((s) => ({ id: s.id, name: s.name }));
  const previous: PreviousOutput = {
    record,
    sheets: all.filter((s) => record.sheets.includes(s.id)),
    beside: besideRange.isNullObject ? null : { sheetId: besideSheet.id, sheetName: besideSheet.name, ...blockOf(besideRange) },
    rules: [],
  };
  const ruleSheet = all.find((s) => s.id === record.besideSheet);
  if (ruleSheet && record.rules.length > 0) {
    const whole = wb.worksheets.getItem(ruleSheet.id).getRange();
    const found = record.rules.map((id) => whole.conditionalFormats.getItemOrNullObject(id));
    await context.sync();
    previous.rules = record.rules.filter((_, i) => !found[i].isNullObject);
  }
  return {
    area: area && { sheetId: sheet.id, sheetName: sheet.name, ...area },
    adjusted,
    sheetNames: all.map((s) => s.name),
    previous,
  };
}
