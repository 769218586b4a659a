/**
 * CSV files as a {@link TableSource}, read in chunks: memory holds one chunk, the part-record
 * carried over, and the needed columns in coded form (a code per row for text, a number per row
 * for numbers), never the file's text. It reads exactly as `openCsv` (the whole-file reader)
 * does: same encoding, delimiter, header detection, quoting rules, errors and row numbers.
 */
import { statSync } from 'node:fs';
import type { Cell } from '../engine/cells';
import type { DictCells, NumberCells } from '../engine/coded-cells';
import { looksHeaderless } from '../engine/detect';
import { type ColumnBuilder, DictBuilder, NumberBuilder } from './column-builders';
import { CHUNK_BYTES, type EncodingPlan, NotUtf8Error, planEncoding, textHead, utf8Chunks } from './csv-chunks';
import { sniffDelimiter } from './csv-read';
import { type ScanResult, scanCsv } from './csv-scan';
import type { CsvReadOptions } from './csv-source';
import { CliError } from './errors';
import { ReadAgainError, SAMPLE_ROWS, type SourceReading, type TableSource, fileRow } from './table-source';

/** The sample's fields as strings. */
class StringsBuilder implements ColumnBuilder {
  readonly cells: string[] = [];
  add(buf: Uint8Array, start: number, end: number): void {
    this.cells.push(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', start, end));
  }
  addText(text: string): void {
    this.cells.push(text);
  }
}

/** Rows per block when a file is read block by block (`readBlocks`): about 20 MB of columns. */
const BLOCK_ROWS = 1 << 20;

/** Options of the streaming reader beyond {@link CsvReadOptions}. */
export interface CsvStreamOptions extends CsvReadOptions {
  /** Bytes per chunk (tests use small ones to cut records at every place). */
  chunkBytes?: number;
}

/** Rows the file probably holds, from the length of its first lines (so columns rarely grow). */
function rowEstimate(head: string, fileBytes: number): number {
  let breaks = 0;
  // indexOf rather than a loop over each character: this runs once, before the loop would be compiled
  for (let i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) breaks++;
  if (breaks < 2) return 1024;
  const bytesPerRow = Buffer.byteLength(head) / breaks;
  return Math.ceil((fileBytes / bytesPerRow) * 1.02) + 1024;
}

/** How the encoding was decided, for the reading report. */
function encodingReport(plan: EncodingPlan): NonNullable<SourceReading['encoding']> {
  return { name: plan.name, how: plan.how, ...(plan.confidence !== undefined ? { confidence: plan.confidence } : {}) };
}

/** `read()`, and once more after `replan()` when it finds the file is not UTF-8 after all. */
function notUtf8Again<T>(read: () => T, replan: () => void): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    replan();
    return read();
  }
}

/**
 * Opens a CSV file for streaming: encoding, delimiter and header row decided from the file (see
 * `csv-chunks.ts`), a sample of the first rows for column detection, and `load` that reads the
 * file again in chunks into the asked columns.
 *
 * @example
 * const src = openCsvStream("examples/transactions.csv");
 * src.headers; // ["InvoiceNo", "CustomerID", "InvoiceDate", "Amount"]
 * src.load([1, 2, 3], [3]).columns.get(3); // { kind: "numbers", … }
 */
export function openCsvStream(file: string, onProgress?: (done: number, total: number) => void, options: CsvStreamOptions = {}): TableSource {
  const size = statSync(file).size;
  // a big file with an ASCII head is read as UTF-8 and checked on the way (see `asciiHead`); the
  // sample must then come from that head, which reads the same in any encoding
  let plan = planEncoding(file, options.encoding, { checkAsRead: true });
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const survey = (): { head: string; delimiter: string; headerless: boolean; sample: { headers: string[]; columns: Cell[][] } } => {
    const head = textHead(file, plan, 65536);
    const delimiter = sniffDelimiter(head);
    const sampleOf = (headerless: boolean): { headers: string[]; columns: Cell[][] } => {
      let read = 0;
      const r = scanCsv(utf8Chunks(file, plan, Math.min(chunkBytes, 256 * 1024)), { delimiter, file, lenient: options.lenient, keep: null, headerless, maxRows: SAMPLE_ROWS, builder: () => new StringsBuilder(), onProgress: (n) => (read = n) });
      if (plan.asciiHead !== undefined && read > plan.asciiHead) throw new NotUtf8Error();
      return { headers: r.headers, columns: r.builders.map((b) => (b as StringsBuilder | undefined)?.cells ?? []) };
    };
    let sample = sampleOf(false);
    if (sample.headers.length === 0 || sample.headers.every((h) => h === '')) throw new CliError(`${file}: the file is empty`);
    const headerless = looksHeaderless(sample.headers, sample.columns);
    if (headerless) sample = sampleOf(true);
    return { head, delimiter, headerless, sample };
  };
  const surveyed = notUtf8Again(survey, () => (plan = planEncoding(file, options.encoding)));
  const { head, delimiter, headerless, sample } = surveyed;
  const base = { delimiter, file, lenient: options.lenient };
  const first = headerless ? 1 : 2;
  const capacity = rowEstimate(head, size);
  let skippedBefore: number[] = [];
  /** One read of the file into builders of the kept columns (`onChunk`: see `ScanOptions`). */
  const scanFile = (indexes: readonly number[], builder: (i: number) => ColumnBuilder, onChunk?: (rows: number) => void): ScanResult =>
    scanCsv(utf8Chunks(file, plan, chunkBytes), { ...base, keep: indexes, headerless, builder, onProgress: onProgress ? (read) => onProgress(read, size) : undefined, onChunk });
  /** The file is not UTF-8 after its ASCII head: its encoding decided on the whole file. */
  const replan = (): void => {
    plan = planEncoding(file, options.encoding);
    source.reading = { ...source.reading, headerRow: source.reading?.headerRow ?? null, encoding: encodingReport(plan) };
  };
  /** Records skipped for an unbalanced quote (`--lenient`): for the row numbers and the reading report. */
  const noteMalformed = (r: ScanResult): void => {
    skippedBefore = r.malformed.before;
    if (r.malformed.count > 0) source.reading = { ...source.reading, headerRow: source.reading?.headerRow ?? null, malformedRows: { count: r.malformed.count, lines: r.malformed.lines } };
  };
  const source: TableSource = {
    file,
    headers: sample.headers,
    sample: sample.columns,
    load(indexes, numeric = []) {
      // not UTF-8 after its ASCII head: decided on the whole file and read again (the sample came from the head)
      const r = notUtf8Again(() => scanFile(indexes, (i) => (numeric.includes(i) ? new NumberBuilder(capacity) : new DictBuilder(capacity))), replan);
      noteMalformed(r);
      const columns = new Map<number, ReturnType<DictBuilder['cells']> | ReturnType<NumberBuilder['cells']> | Cell[]>();
      for (const i of indexes) {
        const b = r.builders[i];
        columns.set(i, b instanceof DictBuilder || b instanceof NumberBuilder ? b.cells() : []);
      }
      return { columns, rows: r.rows };
    },
    readBlocks(indexes, numeric, onBlock, blockOptions = {}) {
      const blockRows = blockOptions.blockRows ?? BLOCK_ROWS;
      // a block ends at the first chunk end past blockRows: room for one chunk more of short records
      const blockCapacity = Math.min(blockRows + (chunkBytes >> 4), capacity);
      // a file found not to be UTF-8 after its ASCII head is read again from the start (once
      // blocks went out, by the caller, who starts its blocks over)
      let blocksOut = false;
      const scan = (): { r: ScanResult; builders: Map<number, DictBuilder | NumberBuilder> } => {
        const builders = new Map<number, DictBuilder | NumberBuilder>();
        let offset = 0;
        const drain = (): void => {
          const block = new Map<number, Int32Array | NumberCells>();
          let n = 0;
          for (const [i, b] of builders) {
            const rows = b.drain();
            block.set(i, rows);
            n = rows.length;
          }
          if (n === 0) return;
          blocksOut = true;
          onBlock(block, offset, builders);
          offset += n;
        };
        const builder = (i: number): DictBuilder | NumberBuilder => {
          const b = numeric.includes(i) ? new NumberBuilder(blockCapacity) : new DictBuilder(blockCapacity, true);
          builders.set(i, b);
          return b;
        };
        const r = scanFile(indexes, builder, (rows) => {
          if (rows - offset >= blockRows) drain();
        });
        drain();
        return { r, builders };
      };
      const { r, builders } = notUtf8Again(scan, () => {
        replan();
        if (blocksOut) throw new ReadAgainError(file);
      });
      noteMalformed(r);
      const out = new Map<number, DictCells | NumberCells>();
      for (const [i, b] of builders) out.set(i, b.survey());
      return out;
    },
    // rows skipped for an unbalanced quote still count in the row numbers the user sees
    rowNumber: (i) => fileRow(i, first, skippedBefore),
    dateSystem: '1900',
    reading: {
      encoding: encodingReport(plan),
      delimiter,
      headerRow: headerless ? null : 1,
    },
  };
  return source;
}
