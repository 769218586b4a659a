/**
 * Renders a sheet plan into an .xlsx workbook with ExcelJS (loaded lazily): a customers sheet
 * (styled header, frozen, auto-filter, number formats, one conditional-format rule per tier) and
 * the Tier Summary sheet (notes, summary table, skipped rows, Pareto data). ExcelJS cannot create
 * charts, so the sheet says where the chart data is instead of faking one.
 */
import type { PlanValue, SheetPlan, TablePlan, TierColorRule } from '../report';

type ExcelJSModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

const NUMBER_FORMATS: Record<string, string | undefined> = {
  integer: '0',
  number: '#,##0.00',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};
const HEADER_FILL = 'FF1F4E79';
const HEADER_FONT = 'FFFFFFFF';

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

const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase();

function cellValue(kind: string, v: PlanValue): PlanValue | Date {
  if (v === null) return null;
  if (kind === 'date' && typeof v === 'number') return new Date(Math.round(v * 86400000));
  return v;
}

/** Writes a table at (row, 1); returns the row after it. */
function writeTable(ws: Worksheet, table: TablePlan, top: number): number {
  const header = ws.getRow(top);
  table.columns.forEach((c, k) => {
    const cell = header.getCell(k + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: HEADER_FONT } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (let r = 0; r < table.rows; r++) {
    const row = ws.getRow(top + 1 + r);
    table.columns.forEach((c, k) => {
      const v = cellValue(c.kind, c.values[r]);
      if (v === null) return;
      const cell = row.getCell(k + 1);
      cell.value = v;
      const fmt = NUMBER_FORMATS[c.kind];
      if (fmt) cell.numFmt = fmt;
    });
  }
  return top + 1 + table.rows;
}

function colourTiers(ws: Worksheet, rules: readonly TierColorRule[], tierCol: number, lastCol: number, firstRow: number, lastRow: number): void {
  if (lastRow < firstRow || tierCol < 1) return;
  const letter = columnLetter(tierCol);
  ws.addConditionalFormatting({
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
  });
}

function fitWidths(ws: Worksheet, tables: { table: TablePlan; col: number }[], min = 8, max = 60): void {
  const widths = new Map<number, number>();
  for (const { table, col } of tables) {
    table.columns.forEach((c, k) => {
      let w = Math.min(c.header.length + 2, 30);
      for (let r = 0; r < Math.min(table.rows, 300); r++) {
        const v = c.values[r];
        const len = v === null ? 0 : c.kind === 'date' ? 10 : typeof v === 'number' ? String(Math.round(v)).length + 4 : textWidth(v);
        if (len + 2 > w) w = len + 2;
      }
      widths.set(col + k, Math.max(widths.get(col + k) ?? min, Math.min(w, max)));
    });
  }
  for (const [c, w] of widths) ws.getColumn(c).width = w;
}

/** Display width: CJK characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Texts the summary sheet needs that the plan does not carry. */
export interface XlsxTexts {
  customersSheet: string;
  skippedTitle: string;
  chartNote: string;
}

/**
 * Builds the workbook and returns the .xlsx bytes.
 *
 * @example
 * const bytes = await renderXlsx(plan, { customersSheet: "Customers", skippedTitle: "Skipped rows", chartNote: "…" });
 */
export async function renderXlsx(plan: SheetPlan, texts: XlsxTexts): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tierwise';
  wb.created = new Date(0);
  wb.modified = new Date(0);

  const table = plan.customers;
  const ws = wb.addWorksheet(texts.customersSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  writeTable(ws, table, 1);
  ws.getRow(1).height = 30;
  const ncol = table.columns.length;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows, column: ncol } };
  const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn) + 1;
  colourTiers(ws, plan.colorRules, tierCol, ncol, 2, 1 + table.rows);
  fitWidths(ws, [{ table, col: 1 }]);
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = '1:1';

  const s = plan.summary;
  const sum = wb.addWorksheet(s.sheetName);
  sum.getCell('A1').value = s.title;
  sum.getCell('A1').font = { bold: true, size: 16 };
  let row = 3;
  for (const [label, value] of s.notes) {
    sum.getCell(row, 1).value = label;
    sum.getCell(row, 1).font = { bold: true };
    sum.getCell(row, 2).value = value;
    row++;
  }
  row++;
  const tableTop = row;
  row = writeTable(sum, s.table, tableTop);
  const sumTierCol = s.table.columns.findIndex((c) => c.id === 'tier') + 1;
  colourTiers(sum, plan.colorRules, sumTierCol, s.table.columns.length, tableTop + 1, tableTop + s.table.rows);
  const tables = [{ table: s.table, col: 1 }];
  row++;
  if (plan.issues.total > 0) {
    sum.getCell(row, 1).value = texts.skippedTitle;
    sum.getCell(row, 1).font = { bold: true };
    row++;
    for (const r of plan.issues.byReason) {
      sum.getCell(row, 1).value = r.count;
      sum.getCell(row, 1).numFmt = '#,##0';
      sum.getCell(row, 2).value = r.message;
      row++;
    }
    for (const line of plan.issues.lines.slice(0, 20)) {
      sum.getCell(row, 2).value = line.message;
      sum.getCell(row, 2).font = { color: { argb: 'FF595959' } };
      row++;
    }
    row++;
  }
  sum.getCell(row, 1).value = texts.chartNote;
  sum.getCell(row, 1).font = { italic: true, color: { argb: 'FF595959' } };
  row += 2;
  for (const extra of s.extras) {
    sum.getCell(row, 1).value = extra.title;
    sum.getCell(row, 1).font = { bold: true };
    row = writeTable(sum, extra.table, row + 1) + 1;
    tables.push({ table: extra.table, col: 1 });
  }
  fitWidths(sum, tables);
  sum.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  sum.getColumn(1).width = Math.max(sum.getColumn(1).width ?? 10, 18);
  const strategyCol = s.table.columns.findIndex((c) => c.id === 'strategy') + 1;
  if (strategyCol > 0) {
    sum.getColumn(strategyCol).width = 60;
    for (let r = tableTop + 1; r <= tableTop + s.table.rows; r++) sum.getCell(r, strategyCol).alignment = { wrapText: true, vertical: 'top' };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
