/**
 * "Say what was read": the encoding, delimiter, header row, decimal mark, date order and the
 * column taken for each role with how it was chosen — as lines for stderr and as JSON `input`.
 */
import { type DateOrderFinding, type DecimalFinding, type Role, type TableReading } from '../engine';
import type { ColumnChoice } from './choose-columns';
import type { TableSource } from './table-source';

/** The `input` object of the JSON output. */
export interface InputReport {
  file: string;
  encoding?: { name: string; how: string; confidence?: number };
  delimiter?: string;
  sheet?: string;
  headerRow: number | null;
  decimal?: DecimalFinding;
  dateOrder?: DateOrderFinding & { assumedFrom?: string };
  columns: Partial<Record<Role, { column: string; number: number; how: string }>>;
  totalRows: number;
  duplicates?: { customers: number; rows: number; policy: 'summed' };
  malformedRows?: { count: number; lines: number[] };
}

const ROLE_ORDER: Role[] = ['customer', 'date', 'amount', 'quantity', 'price', 'invoice', 'value'];

/**
 * The input report of a run.
 *
 * @example
 * inputReport(source, choice, result.reading, "en-US").columns.customer; // { column: "Kunde", number: 2, how: "header" }
 */
export function inputReport(source: TableSource, choice: ColumnChoice, reading: TableReading, locale?: string): InputReport {
  const r = source.reading;
  const out: InputReport = { file: source.file, headerRow: r ? r.headerRow : 1, columns: {}, totalRows: reading.totalRows };
  if (r?.encoding) out.encoding = r.encoding;
  if (r?.delimiter !== undefined) out.delimiter = r.delimiter;
  if (r?.sheet !== undefined) out.sheet = r.sheet;
  if (reading.decimal) out.decimal = reading.decimal;
  if (reading.dateOrder) out.dateOrder = reading.dateOrder.how === 'assumed' && locale ? { ...reading.dateOrder, assumedFrom: locale } : reading.dateOrder;
  for (const role of ROLE_ORDER) {
    const i = choice.mapping[role];
    if (i !== undefined) out.columns[role] = { column: source.headers[i], number: i + 1, how: choice.how[role] ?? 'header' };
  }
  if (reading.duplicates && reading.duplicates.customers > 0) out.duplicates = { ...reading.duplicates, policy: 'summed' };
  if (r?.malformedRows) out.malformedRows = r.malformedRows;
  return out;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const ORDER_NAMES: Record<string, string> = { dmy: 'day first (dd/mm/yyyy)', mdy: 'month first (mm/dd/yyyy)', ymd: 'year first (yyyy-mm-dd)' };
const HOW: Record<string, string> = { header: 'header', values: 'from the values', flag: 'flag' };
const fmt = (n: number): string => n.toLocaleString('en-US');

function decimalLine(d: DecimalFinding): string {
  const mark = d.mark === ',' ? 'decimal comma' : 'decimal point';
  let line = `numbers: ${mark} (${d.how === 'values' ? 'from the values' : d.how === 'flag' ? '--decimal' : 'assumed'})`;
  if (d.ambiguous > 0) line += `; ${fmt(d.ambiguous)} values such as "${d.ambiguousExample}" read either way — if that is wrong, say --decimal ${d.mark === ',' ? '.' : ','}`;
  if (d.conflicting > 0) line += `; ${fmt(d.conflicting)} values such as "${d.conflictExample}" use the other mark and were skipped`;
  return line;
}

function dateLine(d: DateOrderFinding & { assumedFrom?: string }): string {
  if (d.how === 'none') return 'dates: Excel date values (no order to decide)';
  const how = d.how === 'values' ? 'from the values' : d.how === 'iso' ? 'all dates are year first' : d.how === 'flag' ? '--date-order' : `assumed${d.assumedFrom ? ` from the locale ${d.assumedFrom}` : ''}`;
  let line = `dates: ${ORDER_NAMES[d.order]} (${how})`;
  if (d.ambiguous > 0) line += `; ${fmt(d.ambiguous)} dates such as "${d.ambiguousExample}" read either way — if that is wrong, say --date-order ${d.order === 'dmy' ? 'mdy' : 'dmy'}`;
  if (d.conflicting > 0) line += `; ${fmt(d.conflicting)} dates such as "${d.conflictExample}" do not exist in that order and were skipped`;
  return line;
}

/**
 * The report as lines for stderr (each starting "tierwise: ").
 *
 * @example
 * inputLines(report)[0]; // 'tierwise: read sales.csv: UTF-8 (BOM), delimiter ";" (semicolon), header row 1'
 */
export function inputLines(report: InputReport): string[] {
  const head: string[] = [];
  if (report.encoding) {
    const e = report.encoding;
    const how = e.how === 'bom' ? 'BOM' : e.how === 'utf-8' ? 'valid UTF-8' : e.how === 'flag' ? '--encoding' : 'detected — if the text looks wrong, name it with --encoding';
    head.push(`${e.name} (${how})`);
  }
  if (report.sheet !== undefined) head.push(`sheet "${report.sheet}"`);
  if (report.delimiter !== undefined) head.push(`delimiter ${JSON.stringify(report.delimiter)} (${DELIMITER_NAMES[report.delimiter] ?? 'other'})`);
  head.push(report.headerRow === null ? 'no header row (the first row is data)' : `header row ${report.headerRow}`);
  const lines = [`read ${report.file}: ${head.join(', ')}`];
  if (report.decimal) lines.push(decimalLine(report.decimal));
  if (report.dateOrder) lines.push(dateLine(report.dateOrder));
  const cols = Object.entries(report.columns).map(([role, c]) => `${role} = ${JSON.stringify(c.column)} (${HOW[c.how] ?? c.how})`);
  lines.push(`columns: ${cols.join(', ')}`);
  if (report.totalRows > 0) lines.push(`skipped ${fmt(report.totalRows)} total row${report.totalRows > 1 ? 's' : ''}`);
  if (report.duplicates) lines.push(`${fmt(report.duplicates.customers)} customer ids appear on several rows: their ${fmt(report.duplicates.rows + report.duplicates.customers)} rows were summed into one customer each (--duplicates error refuses them)`);
  if (report.malformedRows) lines.push(`--lenient: skipped ${fmt(report.malformedRows.count)} rows with an unbalanced quote (lines ${report.malformedRows.lines.join(', ')})`);
  return lines.map((l) => `tierwise: ${l}`);
}
