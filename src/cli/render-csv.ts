/**
 * The customer table as CSV: RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel reads 中文 correctly.
 * Formula-safe by default (OWASP, "CSV Injection"): a text cell starting with =, +, -, @, tab or
 * carriage return gets a leading `'`, so spreadsheet programs show it as text instead of running
 * it; numbers are written as numbers (a negative amount stays a number).
 */
import { isoDate, moneyDecimals } from '../engine';
import type { PlanValue, TablePlan } from '../report';

/** Options for {@link tableCsv}. */
export interface CsvOptions {
  /** Write text exactly as it is, even when a spreadsheet would read it as a formula (`--raw-csv`). */
  raw?: boolean;
}

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
 */
export function csvField(value: PlanValue, raw = false): string {
  if (value === null) return '';
  const s = typeof value === 'string' && !raw ? formulaSafe(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
  const raw = options.raw === true;
  const lines: string[] = [table.columns.map((c) => csvField(c.header, raw)).join(',')];
  // money prints at the column's own precision (the input's decimals: sums are exact)
  const decimals = table.columns.map((c) => (c.kind === 'money' ? moneyDecimals(c.values.map((v) => (typeof v === 'number' ? v : NaN))) : -1));
  for (let r = 0; r < table.rows; r++) {
    lines.push(
      table.columns
        .map((c, k) => {
          const v = c.values[r];
          if (typeof v !== 'number') return csvField(v, raw);
          if (c.kind === 'date') return csvField(isoDate(v));
          return csvField(decimals[k] >= 0 ? moneyText(v, decimals[k]) : Number(v.toPrecision(12)));
        })
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
