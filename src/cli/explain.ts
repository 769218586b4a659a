/** One clear line for unusable input: the column, the row and the cell that failed. */
import { type Cell, type ColumnCells, type ColumnMapping, type DateOrder, type DecimalMark, type Role, type SkipLog, cellAt, coerceDate, coerceNumber, keyText } from '../engine';

/** How the run reads dates and numbers (so a cell is judged as the engine judged it). */
export interface CellReading {
  dateOrder?: DateOrder;
  decimal?: DecimalMark;
}
import type { TableSource } from './table-source';

const NUMERIC: Role[] = ['amount', 'quantity', 'price', 'value'];

function show(cell: Cell): string {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return 'is blank';
  if (cell instanceof Date) return `"${cell.toISOString()}" is not usable`;
  if (typeof cell === 'object') return `is an error value (${cell.error ?? cell.code ?? '#VALUE!'})`;
  return `"${String(cell)}"`;
}

/**
 * Why one cell of a role is unusable, or undefined when it is fine.
 *
 * @example
 * cellProblem("date", "31/31/2020"); // '"31/31/2020" is not a date'
 * cellProblem("amount", ""); // "is blank"
 */
export function cellProblem(role: Role, cell: Cell, dateSystem: '1900' | '1904' = '1900', reading: CellReading = {}): string | undefined {
  if (role === 'customer' || role === 'invoice') return keyText(cell) === '' ? show(cell) : undefined;
  if (role === 'date') {
    const r = coerceDate(cell, { dateSystem, dateOrder: reading.dateOrder });
    if (r.ok) return undefined;
    const s = show(cell);
    return s.startsWith('"') ? `${s} is not a date` : s;
  }
  if (NUMERIC.includes(role)) {
    const r = coerceNumber(cell, reading.decimal);
    if (r.ok) return undefined;
    const s = show(cell);
    return s.startsWith('"') ? `${s} is not a number` : s;
  }
  return undefined;
}

/**
 * `column "Date": row 5: "31/31/2020" is not a date` for the first row (in the skip log, or
 * else by scanning) whose cell in a role cannot be used.
 *
 * @example
 * firstBadCell(source, mapping, columns, log); // 'column "Date": row 5: "31/31/2020" is not a date'
 */
export function firstBadCell(
  source: TableSource,
  mapping: ColumnMapping,
  columns: Map<number, ColumnCells>,
  log?: SkipLog,
  onlyRole?: Role,
  reading: CellReading = {},
): string | undefined {
  const roles = (Object.keys(mapping) as Role[]).filter((r) => onlyRole === undefined || r === onlyRole || (onlyRole === 'amount' && (r === 'quantity' || r === 'price')));
  const check = (i: number): string | undefined => {
    for (const role of roles) {
      const index = mapping[role] as number;
      const cells = columns.get(index);
      const problem = cellProblem(role, cells === undefined ? undefined : cellAt(cells, i), source.dateSystem, reading);
      if (problem && role !== 'invoice') return `column "${source.headers[index]}": row ${source.rowNumber(i)}: ${problem}`;
    }
    return undefined;
  };
  for (const issue of log?.rows ?? []) {
    const found = check(issue.row);
    if (found) return found;
  }
  const n = columns.get(mapping.customer as number)?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const found = check(i);
    if (found) return found;
  }
  return undefined;
}
