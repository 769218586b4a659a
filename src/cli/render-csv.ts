/**
 * The customer table as CSV: RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel reads 中文 correctly;
 * optionally another delimiter, a decimal comma, and another encoding (what the reader must read back).
 * Formula-safe by default (OWASP, "CSV Injection"): a text cell starting with =, +, -, @, tab or
 * carriage return gets a leading `'`, so spreadsheet programs show it as text instead of running
 * it; numbers are written as numbers (a negative amount stays a number).
 */
import { isoDate, moneyDecimals } from '../engine';
import type { PlanValue, TablePlan } from '../report';

/** How to write CSV (defaults: comma, decimal point, formula-safe text). */
export interface CsvOptions {
  /** Write text exactly as it is, even when a spreadsheet would read it as a formula (`--raw-csv`). */
  raw?: boolean;
  delimiter?: ',' | ';' | '\t' | '|';
  decimal?: '.' | ',';
}

/** @deprecated name kept for the reading tests: see {@link CsvOptions}. */
export type CsvWriteOptions = CsvOptions;

/** Text a spreadsheet program would take for a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text made safe to open in a spreadsheet: a leading `'` when it starts like a formula.
 *
 * @example
 * formulaSafe('=HYPERLINK("http://x","click")'); // '\'=HYPERLINK("http://x","click")'
 * formulaSafe("C0001"); // "C0001"
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Quotes one CSV field when it needs it (delimiter, quote, line break, leading/trailing space);
 * text that starts like a formula gets a leading `'` unless `raw`.
 *
 * @example
 * csvField('say "hi"'); // '"say ""hi"""'
 * csvField(12.5); // "12.5"
 * csvField("=1+1"); // "'=1+1"
 * csvField("a;b", false, ";"); // '"a;b"'
 */
export function csvField(value: PlanValue, raw = false, delimiter = ','): string {
  if (value === null) return '';
  const s = typeof value === 'string' && !raw ? formulaSafe(value) : String(value);
  const special = /[",\r\n]|^\s|\s$/.test(s) || (delimiter !== ',' && s.includes(delimiter));
  return special ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Money at a number of decimals, without float noise or a negative zero.
 *
 * @example
 * moneyText(19.989999999999995, 2); // "19.99"
 * moneyText(-5.68e-14, 2); // "0"
 */
export function moneyText(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * Renders a table plan as CSV text (BOM first). Dates as `YYYY-MM-DD`, shares as fractions.
 *
 * @example
 * tableCsv({ name: "T", rows: 1, columns: [{ id: "tier", header: "Tier", kind: "label", values: ["A"] }] });
 * // "\uFEFFTier\r\nA\r\n"
 */
export function tableCsv(table: TablePlan, options: CsvOptions = {}): string {
  return [...tableCsvChunks(table, options)].join('');
}

/**
 * {@link tableCsv} in pieces of `rowsPerChunk` rows (the first with the BOM and the header), so a
 * big table is written without its whole text in memory.
 *
 * @example
 * for (const text of tableCsvChunks(plan.customers)) writeSync(fd, text);
 */
export function* tableCsvChunks(table: TablePlan, options: CsvOptions = {}, rowsPerChunk = 10_000): Generator<string> {
  const raw = options.raw === true;
  const d = options.delimiter ?? ',';
  const comma = options.decimal === ',';
  // money prints at the column's own precision (the input's decimals: sums are exact)
  const decimals = table.columns.map((c) => (c.kind === 'money' ? moneyDecimals(c.values.map((v) => (typeof v === 'number' ? v : NaN))) : -1));
  const row = (r: number): string =>
    table.columns
      .map((c, k) => {
        const v = c.values[r];
        if (typeof v !== 'number') return csvField(v, raw, d);
        if (c.kind === 'date') return csvField(isoDate(v), raw, d);
        const text = decimals[k] >= 0 ? moneyText(v, decimals[k]) : String(Number(v.toPrecision(12)));
        return csvField(comma ? text.replace('.', ',') : text, raw, d);
      })
      .join(d);
  let lines: string[] = ['\uFEFF' + table.columns.map((c) => csvField(c.header, raw, d)).join(d)];
  for (let r = 0; r < table.rows; r++) {
    lines.push(row(r));
    if (lines.length >= rowsPerChunk) {
      yield lines.join('\r\n') + '\r\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\r\n') + '\r\n';
}

/**
 * CSV text as bytes in an encoding: UTF-8 or UTF-16 keep their BOM; legacy code pages
 * (gb18030, big5, shift_jis, windows-1252…) drop it, as Excel writes them.
 *
 * @example
 * encodeCsv("\uFEFFa\r\n", "utf-16le"); // <ff fe 61 00 0d 00 0a 00>
 */
export function encodeCsv(text: string, encoding: string): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  const e = encoding.toLowerCase();
  if (e === 'utf-8' || e === 'utf8') return Buffer.from(text, 'utf8');
  if (e.startsWith('utf-16')) return iconv.encode(text, e, { addBOM: false });
  return iconv.encode(text.replace(/^\uFEFF/, ''), e);
}
