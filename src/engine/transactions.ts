/**
 * A transaction log's cells → typed columns: customer keys, dates and amounts coerced (date order
 * and decimal mark decided from all the values), total rows marked. Kept apart from `table.ts`
 * (which also classifies) so a reader that only aggregates loads no method.
 */
import { dateColumnOf, keyColumnOf, numberColumnOf } from './coded-cells';
import { type NumberColumn, type NumberOptions, reasonIndex } from './columns';
import type { Transactions } from './aggregate';
import { TierwiseError } from './errors';
import { markTotalRows } from './total-rows';
import type { TableColumns, TableOptions } from './table';

function amountColumn(columns: TableColumns, options: NumberOptions): NumberColumn {
  if (columns.amount) return numberColumnOf(columns.amount, options);
  if (columns.quantity && columns.price) {
    const q = numberColumnOf(columns.quantity, options);
    const p = numberColumnOf(columns.price, options);
    const n = q.values.length;
    const values = new Float64Array(n);
    let reasons: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      values[i] = q.values[i] * p.values[i];
      if (values[i] !== values[i]) {
        reasons ??= new Uint8Array(n);
        reasons[i] = (q.reasons?.[i] || p.reasons?.[i]) ?? reasonIndex('not-a-number');
      }
    }
    return { values, reasons, decimal: p.decimal ?? q.decimal };
  }
  throw new TierwiseError('column', 'no amount column (or quantity and unit price columns) was given');
}

/**
 * The typed transaction columns of a table with a date column (cells coerced, the date order
 * and decimal mark decided, total rows marked): what {@link classifyTable} aggregates.
 *
 * @example
 * const { tx } = transactionColumns({ customer: ["a", "b"], date: ["2024-01-02", "2024-01-03"], amount: ["1.5", "2"] }, { method: "abc" });
 * tx.amount.values; // Float64Array [1.5, 2]
 */
export function transactionColumns(columns: TableColumns, options: TableOptions): { tx: Transactions; totalRows: number } {
  if (!columns.date) throw new TierwiseError('column', 'a transaction log needs a date column');
  const numberOptions: NumberOptions = { decimal: options.decimal, fallbackDecimal: options.fallbackDecimal };
  const customer = keyColumnOf(columns.customer);
  const date = dateColumnOf(columns.date, { dateSystem: options.dateSystem, dateOrder: options.dateOrder, fallbackOrder: options.fallbackDateOrder });
  const amount = amountColumn(columns, numberOptions);
  const totalRows = markTotalRows(customer, amount.values, [columns.customer, columns.invoice, columns.date]);
  return { tx: { customer, date, amount, invoice: columns.invoice ? keyColumnOf(columns.invoice) : undefined }, totalRows };
}

