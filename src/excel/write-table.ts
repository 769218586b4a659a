/**
 * Writing a plan table (header + typed columns) at a position, in slices that fill each request.
 */
import type { DateSystem } from '../engine';
import type { TablePlan } from '../report';
import { type ExcelValue, toExcelValue } from './cell-value';
import { rowBytes } from './json-size';
import { OP_BYTES, type RequestPacker } from './packer';

/** Where a table goes: a sheet and its top-left cell (0-based). */
export interface TablePlace {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
}

/** Options for {@link writeTable}. */
export interface WriteTableOptions {
  /** Write the header row (default true). */
  header?: boolean;
  dateSystem?: DateSystem;
  /** Called with the rows written so far. */
  onRows?: (rows: number) => void;
}

/**
 * Queues the values of a table through a packer: the header, then slices of rows sized to the
 * room left in the current request. Formats are applied separately, after the values.
 * @example await writeTable(packer, { sheet, row: 0, column: 0 }, plan.customers);
 */
export async function writeTable(packer: RequestPacker, at: TablePlace, table: TablePlan, options: WriteTableOptions = {}): Promise<void> {
  const width = table.columns.length;
  if (width === 0) return;
  const dateSystem = options.dateSystem ?? '1900';
  let top = at.row;
  if (options.header !== false) {
    const header = [table.columns.map((c) => toExcelValue(c.header, 'label'))];
    await packer.add(rowBytes(header[0]) + 2, width, () => {
      at.sheet.getRangeByIndexes(top, at.column, 1, width).values = header;
    });
    top++;
  }
  let r = 0;
  while (r < table.rows) {
    const budget = Math.max(packer.room - OP_BYTES, 50_000);
    const cellBudget = Math.max(packer.cellRoom, width);
    const slice: ExcelValue[][] = [];
    let bytes = 2;
    while (r < table.rows && slice.length * width + width <= cellBudget) {
      const row = new Array<ExcelValue>(width);
      for (let c = 0; c < width; c++) row[c] = toExcelValue(table.columns[c].values[r], table.columns[c].kind, dateSystem);
      const size = rowBytes(row) + 1;
      if (slice.length > 0 && bytes + size > budget) break;
      slice.push(row);
      bytes += size;
      r++;
    }
    const first = top;
    await packer.add(bytes, slice.length * width, () => {
      at.sheet.getRangeByIndexes(first, at.column, slice.length, width).values = slice;
    });
    top += slice.length;
    options.onRows?.(r);
  }
}
