/**
 * Worksheets as a {@link TableSource}, through ExcelJS (loaded only when an xlsx is read).
 * Cells may be numbers, text, Dates, booleans, rich text, hyperlinks, formula results or errors.
 */
import type { Cell } from '../engine';
import { CliError } from './errors';
import { SAMPLE_ROWS, type TableSource } from './table-source';

type ExcelJSModule = typeof import('exceljs');

/**
 * The engine cell of an ExcelJS cell value.
 *
 * @example
 * cellOf({ richText: [{ text: "Ali" }, { text: "ce" }] }); // "Alice"
 * cellOf({ formula: "B2*2", result: 84 }); // 84
 * cellOf({ error: "#N/A" }); // { error: "#N/A" }
 */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return { error: v.error };
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellOf(v.result) : null;
    if (typeof v.text === 'string') return v.text;
    if ('result' in v) return cellOf(v.result);
  }
  return String(value);
}

function headerText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return cell.error ?? '';
  return String(cell).trim();
}

/** What the streaming reader yields and exposes (typed here: ExcelJS's typings omit it). */
interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
}
interface StreamWorkbook extends AsyncIterable<StreamSheet> {
  /** Sheets in tab order, once xl/workbook.xml has been read. */
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/** The rows of one worksheet, by row index (row number − 1; missing rows are blank). */
interface SheetRows {
  name: string;
  rows: Cell[][];
  width: number;
}

/**
 * Streams the workbook (ExcelJS's streaming reader: a million-row sheet takes a few seconds and
 * ~150 MB instead of a whole in-memory model) and keeps the cells of the wanted sheet: the one
 * named (case-insensitive, as Excel's sheet names are) or the first in tab order.
 */
async function readSheet(file: string, ExcelJS: ExcelJSModule, name: string | undefined): Promise<{ sheet: SheetRows | null; names: string[]; date1904: boolean }> {
  const options = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as const;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, options) as unknown as StreamWorkbook;
  const seen: string[] = [];
  let sheet: SheetRows | null = null;
  for await (const ws of reader) {
    seen.push(ws.name);
    const wanted = name ?? reader.model?.sheets?.[0]?.name ?? seen[0];
    if (sheet || ws.name.toLowerCase() !== wanted.toLowerCase()) continue;
    sheet = { name: ws.name, rows: [], width: 0 };
    for await (const row of ws) {
      const cells = new Array<Cell>(Math.max(0, row.values.length - 1));
      for (let c = 1; c < row.values.length; c++) cells[c - 1] = cellOf(row.values[c]);
      sheet.rows[row.number - 1] = cells;
      sheet.width = Math.max(sheet.width, cells.length);
    }
  }
  const names = reader.model?.sheets?.map((s) => s.name) ?? seen;
  return { sheet, names, date1904: Boolean(reader.properties?.model?.date1904) };
}

/**
 * Opens a worksheet of an .xlsx file: the first non-empty row is the header row.
 *
 * @example
 * const src = await openXlsx("sales.xlsx", "2024");
 * src.headers; // ["Customer ID", "Date", "Amount"]
 */
export async function openXlsx(file: string, sheetName?: string): Promise<TableSource> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as ExcelJSModule;
  let read: Awaited<ReturnType<typeof readSheet>>;
  try {
    read = await readSheet(file, ExcelJS, sheetName);
  } catch (e) {
    throw new CliError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const { sheet, names } = read;
  if (names.length === 0) throw new CliError(`${file}: the workbook has no worksheets`);
  if (!sheet) {
    const wanted = sheetName ?? names[0];
    const listed = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    if (listed === undefined) throw new CliError(`${file}: no sheet named "${wanted}" (the sheets are ${names.map((n) => `"${n}"`).join(', ')})`);
    // ExcelJS finds worksheet data only in parts named xl/worksheets/sheetN.xml, as Excel writes them
    throw new CliError(`${file}: sheet "${listed}" is listed but its cells are stored in an unusual place; save the file again from Excel, or export the sheet as CSV`);
  }
  const { width } = sheet;
  const last = sheet.rows.length;
  const rowCells = (r: number): Cell[] => {
    const row = sheet.rows[r - 1];
    const out = new Array<Cell>(width).fill(null);
    if (row) for (let c = 0; c < row.length; c++) out[c] = row[c] ?? null;
    return out;
  };
  const blank = (cells: Cell[]): boolean => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
  let headerRow = 1;
  while (headerRow <= last && blank(rowCells(headerRow))) headerRow++;
  if (headerRow > last) throw new CliError(`${file}: sheet "${sheet.name}" is empty`);
  const headers = rowCells(headerRow).map(headerText);
  let end = last;
  while (end > headerRow && blank(rowCells(end))) end--;
  const rows: Cell[][] = [];
  for (let r = headerRow + 1; r <= end; r++) rows.push(rowCells(r));
  const column = (c: number, upto: number): Cell[] => {
    const out = new Array<Cell>(upto);
    for (let i = 0; i < upto; i++) out[i] = rows[i][c];
    return out;
  };
  return {
    file,
    headers,
    sample: headers.map((_, c) => column(c, Math.min(SAMPLE_ROWS, rows.length))),
    load(indexes) {
      const columns = new Map<number, Cell[]>();
      for (const i of indexes) columns.set(i, column(i, rows.length));
      return { columns, rows: rows.length };
    },
    rowNumber: (i) => headerRow + 1 + i,
    dateSystem: read.date1904 ? '1904' : '1900',
  };
}
