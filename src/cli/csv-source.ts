/** CSV files as a {@link TableSource}: read once, sampled for detection, then only needed columns parsed. */
import { readFileSync } from 'node:fs';
import type { Cell } from '../engine';
import { parseCsv, sniffDelimiter } from './csv-read';
import { CliError } from './errors';
import { SAMPLE_ROWS, type TableSource } from './table-source';

/**
 * Opens a CSV file (UTF-8, optional BOM; `,`, `;` or tab).
 *
 * @example
 * const src = openCsv("examples/transactions.csv");
 * src.headers; // ["InvoiceNo", "CustomerID", "InvoiceDate", "Amount"]
 */
export function openCsv(file: string, onProgress?: (done: number, total: number) => void): TableSource {
  const text = readFileSync(file, 'utf8');
  const delimiter = sniffDelimiter(text);
  const head = parseCsv(text, { delimiter, maxRows: SAMPLE_ROWS });
  if (head.headers.length === 0 || head.headers.every((h) => h === '')) throw new CliError(`${file}: the file is empty`);
  return {
    file,
    headers: head.headers,
    sample: head.columns.map((c) => (c ?? []) as Cell[]),
    load(indexes) {
      const all = parseCsv(text, { delimiter, keep: indexes, onProgress });
      const columns = new Map<number, Cell[]>();
      for (const i of indexes) columns.set(i, all.columns[i] ?? []);
      return { columns, rows: all.rows };
    },
    rowNumber: (i) => i + 2,
    dateSystem: '1900',
  };
}
