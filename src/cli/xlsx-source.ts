/**
 * Worksheets as a {@link TableSource}, through ExcelJS (loaded only when an xlsx is read).
 * Cells may be numbers, text, Dates, booleans, rich text, hyperlinks, formula results or errors.
 */
import { type Cell, looksHeaderless } from '../engine';
import { CliError } from './errors';
import { SAMPLE_ROWS, type TableSource } from './table-source';

type ExcelJSModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

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

function pickSheet(file: string, sheets: Worksheet[], name: string | undefined): Worksheet {
  // also when the sheets' cells sit in parts ExcelJS does not look for (other than xl/worksheets/sheetN.xml)
  if (sheets.length === 0) throw new CliError(`${file}: no worksheet found; save the file again from Excel, or export the sheet as CSV`);
  if (name === undefined) return sheets[0];
  const ws = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new CliError(`${file}: no sheet named "${name}" (the sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')})`);
  return ws;
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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new CliError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = pickSheet(file, wb.worksheets, sheetName);
  const width = ws.columnCount;
  const last = ws.rowCount;
  const rowCells = (r: number): Cell[] => {
    const row = ws.getRow(r);
    const out = new Array<Cell>(width);
    for (let c = 1; c <= width; c++) out[c - 1] = cellOf(row.getCell(c).value);
    return out;
  };
  const blank = (cells: Cell[]): boolean => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
  let headerRow = 1;
  while (headerRow <= last && blank(rowCells(headerRow))) headerRow++;
  if (headerRow > last) throw new CliError(`${file}: sheet "${ws.name}" is empty`);
  let headers = rowCells(headerRow).map(headerText);
  // a first row that is data (no header names a role, some cell is a date or number, no text on
  // top of a column of numbers or dates): no header row
  const below: Cell[][] = headers.map(() => []);
  for (let r = headerRow + 1; r <= Math.min(last, headerRow + 50); r++) rowCells(r).forEach((c, i) => below[i]?.push(c));
  const headerless = looksHeaderless(headers, below);
  if (headerless) headers = headers.map((_, i) => `column ${i + 1}`);
  let end = last;
  while (end > headerRow && blank(rowCells(end))) end--;
  const rows: Cell[][] = [];
  for (let r = headerless ? headerRow : headerRow + 1; r <= end; r++) rows.push(rowCells(r));
  const column = (c: number, upto: number): Cell[] => {
    const out = new Array<Cell>(upto);
    for (let i = 0; i < upto; i++) out[i] = rows[i][c];
    return out;
  };
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  return {
    file,
    headers,
    sample: headers.map((_, c) => column(c, Math.min(SAMPLE_ROWS, rows.length))),
    load(indexes) {
      const columns = new Map<number, Cell[]>();
      for (const i of indexes) columns.set(i, column(i, rows.length));
      return { columns, rows: rows.length };
    },
    rowNumber: (i) => (headerless ? headerRow : headerRow + 1) + i,
    dateSystem: date1904 ? '1904' : '1900',
    reading: { sheet: ws.name, headerRow: headerless ? null : headerRow },
  };
}
