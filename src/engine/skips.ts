/** A log of skipped rows: counts per reason and the first rows with their reason. */
import { keyText } from './cells';
import { type ColumnCells, cellAt } from './coded-cells';
import type { SkipReason } from './columns';
import { SKIP_REASONS } from './columns';

/** One skipped row: 0-based index into the input, the column at fault, and why. */
export interface RowIssue {
  row: number;
  column: string;
  reason: SkipReason;
  /** The offending cell as text (absent for blank cells), for messages that quote it. */
  value?: string;
}

/** Skipped rows, counted by reason; `rows` keeps the first {@link MAX_LISTED_ISSUES}. */
export interface SkipLog {
  total: number;
  byReason: Partial<Record<SkipReason, number>>;
  /** Counts per column and reason, keyed "column|reason" (e.g. "customer|blank"). */
  byCause: Record<string, number>;
  rows: RowIssue[];
}

/** How many skipped rows a log lists one by one (all are counted). */
export const MAX_LISTED_ISSUES = 1000;

/**
 * An empty skip log.
 *
 * @example
 * const log = emptySkipLog(); // { total: 0, byReason: {}, byCause: {}, rows: [] }
 */
export function emptySkipLog(): SkipLog {
  return { total: 0, byReason: {}, byCause: {}, rows: [] };
}

/**
 * Records one skipped row.
 *
 * @example
 * addSkip(log, 1203, 'customer', 'blank');
 */
export function addSkip(log: SkipLog, row: number, column: string, reason: SkipReason): void {
  log.total++;
  log.byReason[reason] = (log.byReason[reason] ?? 0) + 1;
  const cause = `${column}|${reason}`;
  log.byCause[cause] = (log.byCause[cause] ?? 0) + 1;
  if (log.rows.length < MAX_LISTED_ISSUES) log.rows.push({ row, column, reason });
}

/**
 * The reason code stored in a column's reason array, as a name.
 *
 * @example
 * reasonAt(new Uint8Array([0, 1]), 1); // "blank"
 */
export function reasonAt(reasons: Uint8Array, row: number): SkipReason {
  return SKIP_REASONS[reasons[row]] as SkipReason;
}

/**
 * Fills in the offending value of each listed skipped row from the raw columns (by the column
 * name the row was logged under), so messages can quote it: `amount "12,3,4" is not a number`.
 * A log filled block by block quotes the rows listed from index `from` on, whose cells are row
 * `issue.row - offset` of the block's columns.
 *
 * @example
 * quoteSkippedValues(log, (column) => (column === 'amount' ? amountCells : undefined));
 */
export function quoteSkippedValues(log: SkipLog, cellsOf: (column: string) => ColumnCells | undefined, from = 0, offset = 0): void {
  for (let k = from; k < log.rows.length; k++) {
    const issue = log.rows[k];
    const cells = cellsOf(issue.column);
    if (!cells) continue;
    const c = cellAt(cells, issue.row - offset);
    const text = typeof c === 'object' && c !== null && !(c instanceof Date) ? (c.error ?? c.code ?? '') : keyText(c);
    if (text !== '') issue.value = quotedValue(text);
  }
}

/**
 * A cell's text as a message quotes it: at most 60 characters.
 *
 * @example
 * quotedValue("x".repeat(80)).length; // 58
 */
export function quotedValue(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
