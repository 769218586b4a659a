/** The customer table as CSV: RFC 4180 quoting, CRLF, UTF-8 with a BOM so Excel reads 中文 correctly. */
import { isoDate } from '../engine';
import type { PlanValue, TablePlan } from '../report';

/**
 * Quotes one CSV field when it needs it (delimiter, quote, line break, leading/trailing space).
 *
 * @example
 * csvField('say "hi"'); // '"say ""hi"""'
 * csvField(12.5); // "12.5"
 */
export function csvField(value: PlanValue): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Renders a table plan as CSV text (BOM first). Dates as `YYYY-MM-DD`, shares as fractions.
 *
 * @example
 * tableCsv({ name: "T", rows: 1, columns: [{ id: "tier", header: "Tier", kind: "label", values: ["A"] }] });
 * // "\uFEFFTier\r\nA\r\n"
 */
export function tableCsv(table: TablePlan): string {
  const lines: string[] = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (let r = 0; r < table.rows; r++) {
    lines.push(
      table.columns
        .map((c) => {
          const v = c.values[r];
          if (typeof v !== 'number') return csvField(v);
          return csvField(c.kind === 'date' ? isoDate(v) : Number(v.toPrecision(12)));
        })
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
