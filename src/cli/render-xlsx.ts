/**
 * Renders a sheet plan into an .xlsx workbook with ExcelJS's streaming writer (loaded lazily), so
 * memory stays bounded however many customers there are: rows are written and let go one by one.
 * A customers sheet (styled header, frozen, auto-filter, number formats, one conditional-format
 * rule per tier) — continued on "Customers (2)", … when there are more customers than a sheet
 * holds (1,048,576 rows including the header) — and the Tier Summary sheet (notes, summary table,
 * skipped rows, Pareto data). Wrapped text gets explicit row heights, so LibreOffice and Excel
 * show it without overprinting the next row. ExcelJS cannot create charts, so the sheet says
 * where the chart data is instead of faking one.
 */
import { PassThrough } from 'node:stream';
import type { PlanValue, SheetPlan, TablePlan, TierColorRule } from '../report';
import { writeRowsFast } from './xlsx-rows';

type ExcelJSModule = typeof import('exceljs');
type StreamWorkbook = import('exceljs').stream.xlsx.WorkbookWriter;
type Worksheet = import('exceljs').Worksheet;

/** Rows an Excel worksheet holds, the header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

const NUMBER_FORMATS: Record<string, string | undefined> = {
  integer: '0',
  number: '#,##0.00',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};
const HEADER_FILL = 'FF1F4E79';
const HEADER_FONT = 'FFFFFFFF';
/** Landscape, one page wide. */
const PAGE_SETUP = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
/** Points per line of 11-pt text, for explicit heights of wrapped rows. */
const LINE_HEIGHT = 15;

/**
 * Excel column letters of a 1-based column number.
 *
 * @example
 * columnLetter(1); // "A"
 * columnLetter(28); // "AB"
 */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The conditional-format formula that matches a tier in a column, for the first data row.
 *
 * @example
 * tierFormula("K", 2, "Can't lose them"); // '$K2="Can\'t lose them"'
 */
export function tierFormula(letter: string, firstRow: number, tier: string): string {
  return `$${letter}${firstRow}="${tier.replace(/"/g, '""')}"`;
}

/**
 * The customer sheets' names: the first as given, then "Name (2)", "Name (3)", … — as many as
 * `customers` rows need with `maxRows` rows a sheet (one of them the header).
 *
 * @example
 * customerSheetNames("Customers", 1_100_000); // ["Customers", "Customers (2)"]
 * customerSheetNames("Customers", 5, 3); // ["Customers", "Customers (2)", "Customers (3)"]
 */
export function customerSheetNames(name: string, customers: number, maxRows = EXCEL_MAX_ROWS): string[] {
  const per = maxRows - 1;
  const sheets = Math.max(1, Math.ceil(customers / per));
  return Array.from({ length: sheets }, (_, i) => (i === 0 ? name : `${name.slice(0, 24)} (${i + 1})`));
}

/**
 * Lines a text takes in a column of a given width (in characters), wrapping at spaces.
 *
 * @example
 * wrappedLines("a long strategy line", 10); // 2
 */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const w = textWidth(word);
      if (line > 0 && line + 1 + w > width) {
        lines += Math.ceil(w / width);
        line = w % width;
      } else line += (line > 0 ? 1 : 0) + w;
      while (line > width) {
        lines++;
        line -= width;
      }
    }
  }
  return lines;
}

const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase();

function cellValue(kind: string, v: PlanValue): PlanValue | Date {
  if (v === null) return null;
  if (kind === 'date' && typeof v === 'number') return new Date(Math.round(v * 86400000));
  return v;
}

/** Display width: CJK characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths that fit the header and the first 300 values of each table column. */
function fitWidths(tables: { table: TablePlan; col: number }[], min = 8, max = 60): Map<number, number> {
  const widths = new Map<number, number>();
  for (const { table, col } of tables) {
    table.columns.forEach((c, k) => {
      let w = Math.min(textWidth(c.header) + 2, 30);
      for (let r = 0; r < Math.min(table.rows, 300); r++) {
        const v = c.values[r];
        const len = v === null ? 0 : c.kind === 'date' ? 10 : typeof v === 'number' ? String(Math.round(v)).length + 4 : textWidth(v);
        if (len + 2 > w) w = len + 2;
      }
      widths.set(col + k, Math.max(widths.get(col + k) ?? min, Math.min(w, max)));
    });
  }
  return widths;
}

function styleHeader(row: import('exceljs').Row, table: TablePlan, widths: Map<number, number>): void {
  let lines = 1;
  table.columns.forEach((c, k) => {
    const cell = row.getCell(k + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: HEADER_FONT } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    lines = Math.max(lines, wrappedLines(c.header, (widths.get(k + 1) ?? 10) - 1));
  });
  row.height = Math.max(30, lines * LINE_HEIGHT);
}

function tierRules(rules: readonly TierColorRule[], tierCol: number, lastCol: number, firstRow: number, lastRow: number) {
  const letter = columnLetter(tierCol);
  return {
    ref: `A${firstRow}:${columnLetter(lastCol)}${lastRow}`,
    rules: rules.map((rule, i) => ({
      type: 'expression' as const,
      priority: i + 1,
      formulae: [tierFormula(letter, firstRow, rule.tier)],
      style: {
        fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(rule.fill) } },
        font: { color: { argb: argb(rule.fontColor) } },
      },
    })),
  };
}

/** Texts the workbook needs that the plan does not carry. */
export interface XlsxTexts {
  customersSheet: string;
  skippedTitle: string;
  chartNote: string;
  /** Note when the customers fill several sheets: {sheets} and {perSheet} are filled in. */
  splitNote?: string;
}

/** Options for {@link writeXlsx}. */
export interface XlsxOptions {
  /** Rows a sheet may hold, the header included (default {@link EXCEL_MAX_ROWS}; tests pass less). */
  maxRows?: number;
  /** Customer rows through ExcelJS's `addRow` instead of the batched XML (for comparison tests). */
  plainRows?: boolean;
}

/** What {@link writeXlsx} wrote. */
export interface XlsxWritten {
  customerSheets: string[];
}

/** Where the workbook goes: a file path, or a stream. */
export type XlsxTarget = { filename: string } | { stream: import('node:stream').Stream };

/**
 * Streams the workbook of a plan to a file or a stream.
 *
 * @example
 * await writeXlsx(plan, xlsxTexts("en"), { filename: "tiers.xlsx" }); // { customerSheets: ["Customers"] }
 */
export async function writeXlsx(plan: SheetPlan, texts: XlsxTexts, target: XlsxTarget, options: XlsxOptions = {}): Promise<XlsxWritten> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as ExcelJSModule;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tierwise';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const maxRows = Math.max(2, options.maxRows ?? EXCEL_MAX_ROWS);
  const names = customerSheetNames(texts.customersSheet, plan.customers.rows, maxRows);
  const per = maxRows - 1;
  names.forEach((name, i) => writeCustomerSheet(wb, plan, name, i * per, Math.min(plan.customers.rows, (i + 1) * per), options.plainRows === true));
  writeSummarySheet(wb, plan, texts, names, per);
  await wb.commit();
  return { customerSheets: names };
}

/** One customers sheet: the header, then customers [from, to) of the plan. */
function writeCustomerSheet(wb: StreamWorkbook, plan: SheetPlan, name: string, from: number, to: number, plainRows: boolean): void {
  const table = plan.customers;
  const ncol = table.columns.length;
  const rows = to - from;
  const widths = fitWidths([{ table, col: 1 }]);
  // page setup goes in with the sheet: a streamed sheet writes its properties when it is added
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PAGE_SETUP } }) as unknown as Worksheet;
  ws.columns = table.columns.map((_, k) => ({ width: widths.get(k + 1) }));
  // one style object per column, shared by its cells: ExcelJS looks a style up by object identity
  // first, so a million cells cost one lookup each instead of one serialisation each
  const styles = table.columns.map((c) => Object.freeze(NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {}));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows, column: ncol } };
  ws.pageSetup.printTitlesRow = '1:1';
  const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn) + 1;
  if (rows > 0 && tierCol > 0) ws.addConditionalFormatting(tierRules(plan.colorRules, tierCol, ncol, 2, 1 + rows));
  const header = ws.addRow([]);
  styleHeader(header, table, widths);
  header.commit();
  const letters = table.columns.map((_, k) => columnLetter(k + 1));
  if (!plainRows && writeRowsFast(wb, ws, table, letters, styles, from, to)) {
    ws.commit();
    return;
  }
  const values: (PlanValue | Date)[] = new Array(ncol);
  const kinds = table.columns.map((c) => c.kind);
  for (let r = from; r < to; r++) {
    for (let k = 0; k < ncol; k++) values[k] = cellValue(kinds[k], table.columns[k].values[r]);
    const row = ws.addRow(values);
    for (let k = 0; k < ncol; k++) if (values[k] !== null) row.getCell(k + 1).style = styles[k] as Partial<import('exceljs').Style>;
    row.commit();
  }
  ws.commit();
}

/** The Tier Summary sheet, written top to bottom (a streamed sheet cannot go back). */
function writeSummarySheet(wb: StreamWorkbook, plan: SheetPlan, texts: XlsxTexts, customerSheets: string[], perSheet: number): void {
  const s = plan.summary;
  const tables = [{ table: s.table, col: 1 }];
  for (const extra of s.extras) tables.push({ table: extra.table, col: 1 });
  const widths = fitWidths(tables);
  widths.set(1, Math.max(widths.get(1) ?? 10, 18));
  const strategyCol = s.table.columns.findIndex((c) => c.id === 'strategy') + 1;
  if (strategyCol > 0) widths.set(strategyCol, 60);
  const ncol = Math.max(...widths.keys(), 2);
  const ws = wb.addWorksheet(s.sheetName, { pageSetup: { ...PAGE_SETUP } }) as unknown as Worksheet;
  ws.columns = Array.from({ length: ncol }, (_, k) => ({ width: widths.get(k + 1) ?? 10 }));
  let rowNo = 0;
  const row = (values: (PlanValue | Date)[] = []): import('exceljs').Row => {
    rowNo++;
    return ws.addRow(values);
  };
  const title = row([s.title]);
  title.getCell(1).font = { bold: true, size: 16 };
  title.height = 24;
  title.commit();
  row().commit();
  const notes: [string, PlanValue][] = [...s.notes];
  if (customerSheets.length > 1 && texts.splitNote) {
    notes.push(['', texts.splitNote.replace('{sheets}', customerSheets.join(', ')).replace('{perSheet}', perSheet.toLocaleString('en-US'))]);
  }
  for (const [label, value] of notes) {
    const r = row([label, value]);
    r.getCell(1).font = { bold: true };
    r.commit();
  }
  row().commit();
  const tableTop = rowNo + 1;
  writeSmallTable(ws, s.table, widths, row, strategyCol);
  const sumTierCol = s.table.columns.findIndex((c) => c.id === 'tier') + 1;
  if (sumTierCol > 0 && s.table.rows > 0) ws.addConditionalFormatting(tierRules(plan.colorRules, sumTierCol, s.table.columns.length, tableTop + 1, tableTop + s.table.rows));
  row().commit();
  if (plan.issues.total > 0) {
    const head = row([texts.skippedTitle]);
    head.getCell(1).font = { bold: true };
    head.commit();
    for (const r of plan.issues.byReason) {
      const x = row([r.count, r.message]);
      x.getCell(1).numFmt = '#,##0';
      x.commit();
    }
    for (const line of plan.issues.lines.slice(0, 20)) {
      const x = row([null, line.message]);
      x.getCell(2).font = { color: { argb: 'FF595959' } };
      x.commit();
    }
    row().commit();
  }
  const note = row([texts.chartNote]);
  note.getCell(1).font = { italic: true, color: { argb: 'FF595959' } };
  note.commit();
  row().commit();
  for (const [k, extra] of s.extras.entries()) {
    if (k > 0) row().commit();
    const head = row([extra.title]);
    head.getCell(1).font = { bold: true };
    head.commit();
    writeSmallTable(ws, extra.table, widths, row, 0);
  }
  ws.commit();
}

/** A small table (summary, the method's extra tables) written row by row; wrapped text gets the height it needs. */
function writeSmallTable(ws: Worksheet, table: TablePlan, widths: Map<number, number>, row: (v?: (PlanValue | Date)[]) => import('exceljs').Row, wrapCol: number): void {
  void ws;
  const header = row();
  styleHeader(header, table, widths);
  header.commit();
  for (let r = 0; r < table.rows; r++) {
    const x = row(table.columns.map((c) => cellValue(c.kind, c.values[r])));
    table.columns.forEach((c, k) => {
      const fmt = NUMBER_FORMATS[c.kind];
      if (fmt && c.values[r] !== null) x.getCell(k + 1).numFmt = fmt;
    });
    if (wrapCol > 0) {
      const text = table.columns[wrapCol - 1].values[r];
      x.getCell(wrapCol).alignment = { wrapText: true, vertical: 'top' };
      for (let k = 1; k <= table.columns.length; k++) if (k !== wrapCol) x.getCell(k).alignment = { vertical: 'top' };
      // an explicit height: LibreOffice does not grow a row for wrapped text it did not lay out
      if (typeof text === 'string') x.height = Math.max(1, wrappedLines(text, (widths.get(wrapCol) ?? 60) - 2)) * LINE_HEIGHT;
    }
    x.commit();
  }
}

/**
 * Builds the workbook in memory and returns the .xlsx bytes (for stdout and tests; files are
 * streamed with {@link writeXlsx}).
 *
 * @example
 * const bytes = await renderXlsx(plan, { customersSheet: "Customers", skippedTitle: "Skipped rows", chartNote: "…" });
 */
export async function renderXlsx(plan: SheetPlan, texts: XlsxTexts, options: XlsxOptions = {}): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeXlsx(plan, texts, { stream }, options);
  stream.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
