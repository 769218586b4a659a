/**
 * Reading the user's table: the header and a sample for column detection, then only the needed
 * columns, in requests sized to stay under Excel's payload limit.
 */
import type { Cell } from '../engine';
import type { CancelToken, ProgressListener } from './cancel';
import { rowBytes } from './json-size';
import { REQUEST_BUDGET, rowsPerRequest } from './limits';
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

/** Options for {@link readColumns}. */
export interface ReadOptions {
  /** Average JSON bytes per cell of each table column (from {@link readSample}). */
  cellBytes: readonly number[];
  token?: CancelToken;
  onProgress?: ProgressListener;
}

/**
 * Reads the data rows of some columns (offsets within the area), column-major. Columns next to
 * each other are read as one block; each request carries as many rows as fit the payload budget
 * (halved and retried if Excel still finds it too large).
 * @example const [customer, amount] = await readColumns(context, area, [0, 2], { cellBytes: sample.cellBytes });
 */
export async function readColumns(context: Excel.RequestContext, area: SheetArea, columns: readonly number[], options: ReadOptions): Promise<Cell[][]> {
  const total = area.rows - 1;
  const out = new Map<number, Cell[]>(columns.map((c) => [c, new Array<Cell>(total)]));
  const runs = runsOf(columns);
  const perRow = runs.reduce((n, [start, len]) => {
    let cells = 0;
    for (let c = start; c < start + len; c++) cells += options.cellBytes[c] ?? 16;
    return n + cells + len + 2;
  }, 0);
  const width = runs.reduce((n, [, len]) => n + len, 0);
  let chunk = rowsPerRequest(perRow * 1.04 + 2, width);
  const sheet = context.workbook.worksheets.getItem(area.sheetId);
  let done = 0;
  while (done < total) {
    const n = Math.min(chunk, total - done);
    const ranges = runs.map(([start, len]) => sheet.getRangeByIndexes(area.row + 1 + done, area.column + start, n, len).load('values'));
    try {
      await context.sync();
    } catch (error) {
      if ((error as { code?: string }).code === 'RequestPayloadSizeLimitExceeded' && n > 1) {
        chunk = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw error;
    }
    let bytes = 0;
    ranges.forEach((range, k) => {
      const [start, len] = runs[k];
      const values = range.values as Cell[][];
      for (let c = 0; c < len; c++) {
        const col = out.get(start + c);
        if (!col) continue;
        for (let r = 0; r < n; r++) col[done + r] = values[r][c];
      }
      if (done === 0) for (let r = 0; r < Math.min(n, 500); r++) bytes += rowBytes(values[r]) + 1;
    });
    if (done === 0 && n > 500 && bytes > 0) {
      // refine the row size from the first request's real data
      chunk = rowsPerRequest((bytes / Math.min(n, 500)) * 1.03 + 2 * runs.length, width);
      chunk = Math.min(chunk, Math.floor(REQUEST_BUDGET / Math.max(1, perRow * 0.5)));
    }
    done += n;
    options.onProgress?.({ phase: 'read', done, total });
    options.token?.check();
  }
  return columns.map((c) => out.get(c) as Cell[]);
}
