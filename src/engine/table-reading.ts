/** What the engine decided while reading a table's cells, for "say what was read". */
import type { NumberColumn } from './columns';
import type { DateOrderFinding } from './date-order';
import type { DecimalFinding } from './number-format';

/** How a table's cells were read. */
export interface TableReading {
  /** The amount (or value) column's decimal mark, when it held number text. */
  decimal?: DecimalFinding;
  /** The date column's order of day, month and year. */
  dateOrder?: DateOrderFinding;
  /** Rows skipped as total or subtotal rows. */
  totalRows: number;
  /** Customer tables: ids that appeared on several rows and were summed, and the rows merged. */
  duplicates?: { customers: number; rows: number };
}

/**
 * The reading record of a table from its coerced columns.
 *
 * @example
 * readingOf(numberColumn(["46,80"]), undefined, 0).decimal?.mark; // ","
 */
export function readingOf(amount: NumberColumn, date: NumberColumn | undefined, totalRows: number, duplicates?: { customers: number; rows: number }): TableReading {
  const out: TableReading = { totalRows };
  if (amount.decimal) out.decimal = amount.decimal;
  if (date?.dateOrder) out.dateOrder = date.dateOrder;
  if (duplicates) out.duplicates = duplicates;
  return out;
}
