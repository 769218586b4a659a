/**
 * The customer table as CSV: RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel reads 中文 correctly;
 * optionally another delimiter, a decimal comma, and another encoding (what the reader must read back).
 */
import { isoDate } from '../engine';
import type { PlanValue, TablePlan } from '../report';

/** How to write CSV (defaults: comma, decimal point). */
export interface CsvWriteOptions {
  delimiter?: ',' | ';' | '\t' | '|';
  decimal?: '.' | ',';
}

/**
 * Quotes one CSV field when it needs it (delimiter, quote, line break, leading/trailing space).
 *
 * @example
 * csvField('say "hi"'); // '"say ""hi"""'
 * csvField(12.5); // "12.5"
 * csvField("a;b", ";"); // '"a;b"'
 */
export function csvField(value: PlanValue, delimiter = ','): string {
  if (value === null) return '';
  const s = String(value);
  const special = /[",\r\n]|^\s|\s$/.test(s) || (delimiter !== ',' && s.includes(delimiter));
  return special ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Renders a table plan as CSV text (BOM first). Dates as `YYYY-MM-DD`, shares as fractions.
 *
 * @example
 * tableCsv({ name: "T", rows: 1, columns: [{ id: "tier", header: "Tier", kind: "label", values: ["A"] }] });
 * // "\uFEFFTier\r\nA\r\n"
 */
export function tableCsv(table: TablePlan, options: CsvWriteOptions = {}): string {
  const d = options.delimiter ?? ',';
  const comma = options.decimal === ',';
  const lines: string[] = [table.columns.map((c) => csvField(c.header, d)).join(d)];
  for (let r = 0; r < table.rows; r++) {
    lines.push(
      table.columns
        .map((c) => {
          const v = c.values[r];
          if (typeof v !== 'number') return csvField(v, d);
          if (c.kind === 'date') return csvField(isoDate(v), d);
          const text = String(Number(v.toPrecision(12)));
          return csvField(comma ? text.replace('.', ',') : text, d);
        })
        .join(d),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
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
