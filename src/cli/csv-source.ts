/** CSV files as a {@link TableSource}: decoded once, sampled for detection, then only needed columns parsed. */
import { readFileSync } from 'node:fs';
import { type Cell, looksHeaderless } from '../engine';
import { decodeCsvBytes } from './csv-encoding';
import { parseCsv, sniffDelimiter } from './csv-read';
import { CliError } from './errors';
import { SAMPLE_ROWS, type TableSource, fileRow } from './table-source';

/** How to read a CSV file. */
export interface CsvReadOptions {
  /** Forces the text encoding (`--encoding`). */
  encoding?: string;
  /** Skips and counts records with an unbalanced quote (`--lenient`). */
  lenient?: boolean;
}

/**
 * Opens a CSV file: encoding from its BOM, UTF-8 validity or a detector; delimiter `,` `;` tab or
 * `|` sniffed; a first row that is data rather than headers recognised.
 *
 * @example
 * const src = openCsv("examples/transactions.csv");
 * src.headers; // ["InvoiceNo", "CustomerID", "InvoiceDate", "Amount"]
 * src.reading; // { encoding: { name: "UTF-8", how: "utf-8" }, delimiter: ",", headerRow: 1 }
 */
export function openCsv(file: string, onProgress?: (done: number, total: number) => void, options: CsvReadOptions = {}): TableSource {
  const decoded = decodeCsvBytes(readFileSync(file), options.encoding);
  const text = decoded.text;
  const delimiter = sniffDelimiter(text);
  const base = { delimiter, file, lenient: options.lenient };
  let head = parseCsv(text, { ...base, maxRows: SAMPLE_ROWS });
  if (head.headers.length === 0 || head.headers.every((h) => h === '')) throw new CliError(`${file}: the file is empty`);
  const headerless = looksHeaderless(head.headers, head.columns.map((c) => c ?? []));
  if (headerless) head = parseCsv(text, { ...base, maxRows: SAMPLE_ROWS, headerless });
  const first = headerless ? 1 : 2;
  let skippedBefore: number[] = [];
  const source: TableSource = {
    file,
    headers: head.headers,
    sample: head.columns.map((c) => (c ?? []) as Cell[]),
    load(indexes) {
      const all = parseCsv(text, { ...base, headerless, keep: indexes, onProgress });
      skippedBefore = all.malformed.before;
      if (all.malformed.count > 0) source.reading = { ...source.reading, headerRow: source.reading?.headerRow ?? null, malformedRows: { count: all.malformed.count, lines: all.malformed.lines } };
      const columns = new Map<number, Cell[]>();
      for (const i of indexes) columns.set(i, all.columns[i] ?? []);
      return { columns, rows: all.rows };
    },
    // rows skipped for an unbalanced quote still count in the row numbers the user sees
    rowNumber: (i) => fileRow(i, first, skippedBefore),
    dateSystem: '1900',
    reading: {
      encoding: { name: decoded.encoding, how: decoded.how, ...(decoded.confidence !== undefined ? { confidence: decoded.confidence } : {}) },
      delimiter,
      headerRow: headerless ? null : 1,
    },
  };
  return source;
}
