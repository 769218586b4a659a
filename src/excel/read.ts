/**
 * Reading the user's table: the header and a sample for column detection, then only the needed
 * columns, in requests sized to stay under Excel's payload limit.
 */
import type { Cell } from '../engine';
import type { CancelToken, ProgressListener } from './cancel';
import { rowBytes } from './json-size';
import { payloadTooLarge, REQUEST_BUDGET, rowsPerRequest } from './limits';
import type { SheetArea } from './selection';

/** Sample rows read for detection. */
export const SAMPLE_ROWS = 200;
/** Widest table the pane inspects. */
export const MAX_SAMPLE_COLUMNS = 100;

/** Header texts, a column-major sample of the data and the size of its cells. */
export interface TableSample {
  headers: string[];
  /** One array per column (data rows only, header excluded). */
  sample: Cell[][];
  /** Average JSON bytes of a cell, per column. */
  cellBytes: number[];
  /** Data rows in the table (header excluded). */
  dataRows: number;
}

/**
 * Reads the header row and up to {@link SAMPLE_ROWS} data rows in one request.
 * @example const s = await readSample(context, area); s.headers // ["Customer", "Date", "Amount"]
 */
export async function readSample(context: Excel.RequestContext, area: SheetArea): Promise<TableSample> {
  const columns = Math.min(area.columns, MAX_SAMPLE_COLUMNS);
  const rows = Math.min(area.rows, SAMPLE_ROWS + 1);
  const range = context.workbook.worksheets.getItem(area.sheetId).getRangeByIndexes(area.row, area.column, rows, columns).load('values');
  await context.sync();
  const values = range.values as Cell[][];
  const headers = values[0].map((v) => (v === null || v === undefined ? '' : String(v).trim()));
  const sample: Cell[][] = headers.map((_, c) => values.slice(1).map((row) => row[c]));
  const cellBytes = sample.map((col) => (col.length === 0 ? 8 : Math.max(1, (rowBytes(col) - 2) / col.length)));
  return { headers, sample, cellBytes, dataRows: area.rows - 1 };
}

/** Contiguous runs of column offsets: [start, length]. */
function runsOf(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/** Options for {@link ColumnReader}. */
export interface ReadOptions {
  /** Average JSON bytes per cell of each table column (from {@link readSample}). */
  cellBytes: readonly number[];
  token?: CancelToken;
  onProgress?: ProgressListener;
}

/**
 * Reads the data rows of some columns (offsets within the area), column-major, in requests that
 * each carry as many rows as fit the payload budget. Columns next to each other are read as one
 * block. The first chunk can be queued into a request the caller sends (with other loads).
 * @example const reader = new ColumnReader(context, area, [0, 2], { cellBytes }); const [customer, amount] = await reader.read();
 */
export class ColumnReader {
  private readonly total: number;
  private readonly out: Map<number, Cell[]>;
  private readonly runs: [number, number][];
  private readonly perRow: number;
  private readonly width: number;
  private chunk: number;
  private done = 0;
  private pending: { n: number; ranges: Excel.Range[] } | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly area: SheetArea,
    private readonly columns: readonly number[],
    private readonly options: ReadOptions,
  ) {
    this.total = area.rows - 1;
    this.out = new Map<number, Cell[]>(columns.map((c) => [c, new Array<Cell>(this.total)]));
    this.runs = runsOf(columns);
    this.perRow = this.runs.reduce((n, [start, len]) => {
      let cells = 0;
      for (let c = start; c < start + len; c++) cells += options.cellBytes[c] ?? 16;
      return n + cells + len + 2;
    }, 0);
    this.width = this.runs.reduce((n, [, len]) => n + len, 0);
    this.chunk = rowsPerRequest(this.perRow * 1.04 + 2, this.width);
  }

  /**
   * Queues the loads of the next chunk without syncing; `reserve` bytes of the request are left
   * for the caller's other loads.
   */
  queue(reserve = 0): void {
    const rows = reserve > 0 ? Math.max(1, Math.floor(this.chunk * (1 - reserve / REQUEST_BUDGET))) : this.chunk;
    const n = Math.min(rows, this.total - this.done);
    const sheet = this.context.workbook.worksheets.getItem(this.area.sheetId);
    const ranges = n > 0 ? this.runs.map(([start, len]) => sheet.getRangeByIndexes(this.area.row + 1 + this.done, this.area.column + start, n, len).load('values')) : [];
    this.pending = { n, ranges };
  }

  /** Forgets a queued chunk whose request was refused, and halves the rows per request. */
  refused(): void {
    if (this.pending) this.chunk = Math.max(1, Math.floor(this.pending.n / 2));
    this.pending = null;
  }

  /** Takes the values of the queued chunk once its request has been synced; reports progress, checks cancel. */
  collect(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const { n, ranges } = pending;
    const first = this.done === 0;
    let bytes = 0;
    ranges.forEach((range, k) => {
      const [start, len] = this.runs[k];
      const values = range.values as Cell[][];
      for (let c = 0; c < len; c++) {
        const col = this.out.get(start + c);
        if (!col) continue;
        for (let r = 0; r < n; r++) col[this.done + r] = values[r][c];
      }
      if (first) for (let r = 0; r < Math.min(n, 500); r++) bytes += rowBytes(values[r]) + 1;
    });
    if (first && n > 500 && bytes > 0) {
      // refine the row size from the first request's real data
      this.chunk = rowsPerRequest((bytes / Math.min(n, 500)) * 1.03 + 2 * this.runs.length, this.width);
      this.chunk = Math.min(this.chunk, Math.floor(REQUEST_BUDGET / Math.max(1, this.perRow * 0.5)));
    }
    this.done += n;
    this.options.onProgress?.({ phase: 'read', done: this.done, total: this.total });
    this.options.token?.check();
  }

  /**
   * Reads the remaining rows and returns the columns. A chunk Excel refuses as too large — the
   * read's answer over the limit (`ResponsePayloadSizeLimitExceeded`), or its request — is read
   * again with half the rows.
   */
  async read(): Promise<Cell[][]> {
    while (this.done < this.total) {
      this.queue();
      try {
        await this.context.sync();
      } catch (error) {
        if (payloadTooLarge(error) && (this.pending?.n ?? 0) > 1) {
          this.refused();
          continue;
        }
        throw error;
      }
      this.collect();
    }
    return this.columns.map((c) => this.out.get(c) as Cell[]);
  }
}
