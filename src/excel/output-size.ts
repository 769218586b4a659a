/**
 * Size estimates of a plan's output as Excel receives it (JSON bytes and cells), to choose between
 * writing it in one request and staging it.
 */
import type { DateSystem } from '../engine';
import type { SheetPlan, TablePlan } from '../report';
import { toExcelValue } from './cell-value';
import { rowBytes } from './json-size';
import { REQUEST_BUDGET } from './limits';
import { OP_BYTES } from './packer';

/**
 * The summary's notes (key, value) as a two-column table without a header.
 * @example notesTable(plan).columns.length // 2
 */
export function notesTable(plan: SheetPlan): TablePlan {
  const notes = plan.summary.notes;
  return {
    name: 'notes',
    rows: notes.length,
    columns: [
      { id: 'k', header: '', kind: 'label', values: notes.map((n) => n[0]) },
      { id: 'v', header: '', kind: 'label', values: notes.map((n) => n[1]) },
    ],
  };
}

/**
 * Bytes and cells of a table's values as written (header included), counted up to `limit` bytes.
 * @example tableSize(plan.customers, '1900', REQUEST_BUDGET).cells // (rows + 1) × columns
 */
export function tableSize(table: TablePlan, dateSystem: DateSystem | undefined, limit: number): { bytes: number; cells: number } {
  const width = table.columns.length;
  let bytes = rowBytes(table.columns.map((c) => c.header)) + OP_BYTES;
  const row = new Array<unknown>(width);
  for (let r = 0; r < table.rows && bytes <= limit; r++) {
    for (let c = 0; c < width; c++) row[c] = toExcelValue(table.columns[c].values[r], table.columns[c].kind, dateSystem);
    bytes += rowBytes(row) + 1;
  }
  // slices of at most 50 kB each carry an operation's overhead
  bytes += Math.ceil(bytes / 50_000) * OP_BYTES;
  return { bytes, cells: (table.rows + 1) * width };
}

/**
 * Bytes the output's values take (stops counting past the one-request budget).
 * @example outputSize(plan, 'sheet', '1900').bytes <= REQUEST_BUDGET // fits one request
 */
export function outputSize(plan: SheetPlan, mode: 'beside' | 'sheet', dateSystem: DateSystem | undefined): { bytes: number; cells: number } {
  const tables = [notesTable(plan), plan.summary.table, ...plan.summary.extras.map((e) => e.table)];
  tables.push(mode === 'beside' && plan.besideInput ? plan.besideInput : plan.customers);
  let bytes = 0;
  let cells = 0;
  for (const t of tables) {
    const size = tableSize(t, dateSystem, REQUEST_BUDGET);
    bytes += size.bytes;
    cells += size.cells;
  }
  return { bytes, cells };
}
