/** A table read from a file, before the columns are chosen: headers, a sample, and a loader. */
import type { Cell, ColumnCells, DictCells, NumberCells } from '../engine';
import type { ColumnSoFar } from './column-builders';

/** How many data rows the column detection looks at. */
export const SAMPLE_ROWS = 500;

/** How a file was read, for "say what was read". */
export interface SourceReading {
  /** CSV: the text encoding and how it was decided ("bom", "utf-8", "detected", "flag"). */
  encoding?: { name: string; how: string; confidence?: number };
  /** CSV: the field delimiter and whether it was sniffed or given. */
  delimiter?: string;
  /** xlsx: the sheet read. */
  sheet?: string;
  /** Row number of the header row, or null when the file has none (the first row is data). */
  headerRow: number | null;
  /** CSV with `--lenient`: records skipped for an unbalanced quote, and the first lines. */
  malformedRows?: { count: number; lines: number[] };
}

/**
 * Thrown by {@link TableSource.readBlocks} when the blocks it handed over are void: the file was
 * found not to be UTF-8 after its ASCII head, and is to be read again from the start in the
 * encoding decided on the whole file (the caller starts its blocks over).
 */
export class ReadAgainError extends Error {
  constructor(file: string) {
    super(`${file}: not UTF-8 after all; to be read again`);
    this.name = 'ReadAgainError';
  }
}

/** Options of {@link TableSource.readBlocks}. */
export interface BlockReadOptions {
  /** Rows per block (about). */
  blockRows?: number;
  /** Why the file is read once more (a progress line says so). */
  again?: string;
}

/** A readable table (CSV or worksheet). */
export interface TableSource {
  /** File name as the user gave it, for messages. */
  file: string;
  headers: string[];
  /** Column-major sample of the first {@link SAMPLE_ROWS} data rows, one array per header. */
  sample: Cell[][];
  /**
   * Loads whole columns (column-major) for the given header indexes; `numeric` says which of them
   * hold numbers (a streaming reader parses those on the way). Columns may come in a coded form
   * (see `engine/coded-cells.ts`): read a cell with `cellAt`.
   */
  load(indexes: readonly number[], numeric?: readonly number[]): { columns: Map<number, ColumnCells>; rows: number };
  /**
   * Reads the columns block by block (CSV files): `onBlock` gets each block's rows — a text column
   * as codes into its distinct values, a number column as number cells — the index of its first
   * row, and the columns as far as they were read (their distinct texts so far, to extend the
   * tables the blocks are read through). Returns each column over all rows without its rows
   * (distinct values, counts, the decimal-mark evidence). Memory holds one block of about
   * `blockRows` rows, not the file. Throws {@link ReadAgainError} when the blocks so far are void.
   */
  readBlocks?(indexes: readonly number[], numeric: readonly number[], onBlock: (block: Map<number, Int32Array | NumberCells>, offset: number, soFar: Map<number, ColumnSoFar>) => void, options?: BlockReadOptions): Map<number, DictCells | NumberCells>;
  /** Row number the user sees (header row = its own number) of 0-based data row i. */
  rowNumber(i: number): number;
  /** Epoch of numeric dates (xlsx workbooks can use 1904). */
  dateSystem: '1900' | '1904';
  /** How the file was read (encoding, delimiter, header row). */
  reading?: SourceReading;
}

/**
 * The file row of data row `i` (0-based), counting the rows skipped for an unbalanced quote
 * (`skippedBefore`: the data indexes they came before, ascending) as the user sees the file.
 *
 * @example
 * fileRow(3, 2, [1]); // 6: row 3 below a header (file row 5), one skipped row above it
 */
export function fileRow(i: number, first: number, skippedBefore: readonly number[]): number {
  let skipped = 0;
  while (skipped < skippedBefore.length && skippedBefore[skipped] <= i) skipped++;
  return i + first + skipped;
}
