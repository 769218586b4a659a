/**
 * A whole table in (raw cells, column-major), a classification out: transactions are aggregated
 * into customers first; customer tables are classified row by row.
 */
import type { Cell } from './cells';
import { type Classification, type ClassifyOptions, classifyCustomers } from './classify';
import { type ColumnCells, keyColumnOf, numberColumnOf, plainCells } from './coded-cells';
import { type KeyColumn, type NumberColumn, type NumberOptions } from './columns';
import type { DateOrder } from './coerce';
import { type DuplicatesPolicy, mergeDuplicateRows } from './duplicates';
import { markTotalRows } from './total-rows';
import { type TableReading, readingOf } from './table-reading';
import { type Customers, type ReturnsPolicy, aggregateTransactions } from './aggregate';
import type { DateSystem } from './dates';
import { TierwiseError } from './errors';
import { methodById } from './methods/registry';
import type { CustomerInput } from './methods/types';
import { customerCells, purchaseRows, rowCells, timelineNeeds } from './purchases';
import { addSkip, emptySkipLog, quoteSkippedValues, reasonAt } from './skips';
import { transactionColumns } from './transactions';

/**
 * The columns of a table, raw cells, one array per role (or the coded form a streaming reader
 * builds, see `coded-cells.ts`, which reads the same).
 */
export interface TableColumns {
  customer: ColumnCells;
  date?: ColumnCells;
  amount?: ColumnCells;
  invoice?: ColumnCells;
  /** With `price` and no `amount`: amount = quantity × price. */
  quantity?: ColumnCells;
  price?: ColumnCells;
  /** Customer tables: the value to rank customers by. */
  value?: ColumnCells;
  /**
   * Columns named by the method's `columns` parameters (features, criteria, attributes), by the
   * name the user gave; one cell per input row.
   */
  extra?: Readonly<Record<string, ColumnCells>>;
}

/** Options for {@link classifyTable}. */
export type TableOptions = ClassifyOptions & {
  /** Day number recency is measured to (default: day after the latest transaction). */
  asOf?: number;
  returns?: ReturnsPolicy;
  dateSystem?: DateSystem;
  /** Forces the order of slash dates (otherwise decided from the date column's values). */
  dateOrder?: DateOrder;
  /** The date order assumed when no value decides it (e.g. the workbook's or OS locale's). */
  fallbackDateOrder?: DateOrder;
  /** Forces the decimal mark of number text (otherwise decided per column from its values). */
  decimal?: NumberOptions['decimal'];
  fallbackDecimal?: NumberOptions['fallbackDecimal'];
  /** Customer tables: repeated ids summed into one customer (default) or refused. */
  duplicates?: DuplicatesPolicy;
};

/** The classification of a table and how its rows map to customers. */
export interface TableResult {
  level: 'transactions' | 'customers';
  classification: Classification;
  /** Transactions only: the customer table (first/last purchase, recency, frequency, monetary). */
  customers?: Customers;
  /** Customer tables only: the input row (0-based) of each classified customer. */
  rowOfCustomer?: Int32Array;
  inputRows: number;
  /** How the cells were read: decimal mark, date order, total rows, merged duplicates. */
  reading: TableReading;
}

/**
 * Classifies a table: with a date column it is a transaction log (aggregated per customer),
 * otherwise a customer table with a value column (one customer per row).
 *
 * @example
 * const r = classifyTable(
 *   { customer: ["a", "b", "a"], date: ["2024-01-02", "2024-01-03", "2024-02-01"], amount: [10, 20, 5] },
 *   { method: "abc" },
 * );
 * r.level; // "transactions"
 * r.classification.keys; // ["a", "b"]
 */
export function classifyTable(columns: TableColumns, options: TableOptions): TableResult {
  const n = columns.customer.length;
  const all: [string, ColumnCells | undefined][] = [
    ...(Object.entries(columns).filter(([k]) => k !== 'extra') as [string, ColumnCells | undefined][]),
    ...Object.entries(columns.extra ?? {}),
  ];
  for (const [name, col] of all) {
    if (col && col.length !== n) {
      throw new TierwiseError('length', `the ${name} column has ${col.length} rows but the customer column has ${n}`);
    }
  }
  const method = methodById(options.method);
  const numberOptions: NumberOptions = { decimal: options.decimal, fallbackDecimal: options.fallbackDecimal };
  const cellsOf = (column: string): ColumnCells | undefined =>
    column === 'amount' ? (columns.amount ?? columns.price) : column === 'value' ? (columns.value ?? columns.amount) : columns[column as 'customer'];
  if (columns.date) {
    const { tx, totalRows } = transactionColumns(columns, options);
    const { date, amount } = tx;
    const needs = timelineNeeds(method, options);
    const customers = aggregateTransactions(tx, { asOf: options.asOf, returns: options.returns, keepNoPurchase: needs.keepNoPurchase });
    quoteSkippedValues(customers.skipped, cellsOf);
    const reading = readingOf(amount, date, totalRows);
    const input: CustomerInput = { ...customers, customers };
    if (needs.purchases) input.purchases = purchaseRows(tx, customers, { zeroValue: needs.zeroValue });
    if (columns.extra) input.extra = customerCells(plainExtra(columns.extra), tx.customer, customers);
    return { level: 'transactions', classification: classifyCustomers(input, options), customers, inputRows: n, reading };
  }
  if (!columns.value && !columns.amount) {
    throw new TierwiseError('column', 'a customer table needs a value column (or give a date column for transactions)');
  }
  if (method.needsTransactions) {
    throw new TierwiseError('column', `${method.short.en} needs transactions: give a date and an amount column`);
  }
  const keys = keyColumnOf(columns.customer);
  const values = numberColumnOf((columns.value ?? columns.amount) as ColumnCells, numberOptions);
  const totalRows = markTotalRows(keys, values.values, [columns.customer]);
  const rows = classifyRows(keys, values, options, columns.extra);
  quoteSkippedValues(rows.classification.skipped, cellsOf);
  const reading = readingOf(values, undefined, totalRows, rows.merged);
  return { level: 'customers', classification: rows.classification, rowOfCustomer: rows.rowOfCustomer, inputRows: n, reading };
}

function plainExtra(extra: Readonly<Record<string, ColumnCells>>): Record<string, ArrayLike<Cell>> {
  return Object.fromEntries(Object.entries(extra).map(([name, cells]) => [name, plainCells(cells)]));
}

function classifyRows(
  keys: KeyColumn,
  values: NumberColumn,
  options: TableOptions,
  extra: TableColumns['extra'],
): { classification: Classification; rowOfCustomer: Int32Array; merged: { customers: number; rows: number } } {
  const n = keys.codes.length;
  const skipped = emptySkipLog();
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (keys.codes[i] < 0) addSkip(skipped, i, 'customer', reasonAt(keys.reasons as Uint8Array, i));
    else if (values.values[i] !== values.values[i]) addSkip(skipped, i, 'value', reasonAt(values.reasons as Uint8Array, i));
    else rows.push(i);
  }
  if (rows.length === 0) throw new TierwiseError('empty', `no usable rows: all ${n} rows were skipped`);
  // one customer per id: repeated ids are summed (their first row stands for them), or refused
  const merged = mergeDuplicateRows(keys, values.values, rows, options.duplicates ?? 'sum');
  const rowOfCustomer = Int32Array.from(merged.rows);
  const classification = classifyCustomers(
    {
      keys: merged.rows.map((i) => keys.keys[keys.codes[i]]),
      value: Float64Array.from(merged.values),
      extra: extra ? rowCells(plainExtra(extra), merged.rows) : undefined,
      skipped,
    },
    options,
  );
  return { classification, rowOfCustomer, merged: { customers: merged.repeatedCustomers, rows: merged.mergedRows } };
}
