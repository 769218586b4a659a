/**
 * A whole table in (raw cells, column-major), a classification out: transactions are aggregated
 * into customers first; customer tables are classified row by row.
 */
import type { Cell } from './cells';
import { type Classification, type ClassifyOptions, classifyCustomers } from './classify';
import { type KeyColumn, type NumberColumn, dateColumn, keyColumn, numberColumn, reasonIndex } from './columns';
import { type Customers, type ReturnsPolicy, aggregateTransactions } from './aggregate';
import type { DateSystem } from './dates';
import { TierwiseError } from './errors';
import { methodById } from './methods/registry';
import { addSkip, emptySkipLog, reasonAt } from './skips';

/** The columns of a table, raw cells, one array per role. */
export interface TableColumns {
  customer: ArrayLike<Cell>;
  date?: ArrayLike<Cell>;
  amount?: ArrayLike<Cell>;
  invoice?: ArrayLike<Cell>;
  /** With `price` and no `amount`: amount = quantity × price. */
  quantity?: ArrayLike<Cell>;
  price?: ArrayLike<Cell>;
  /** Customer tables: the value to rank customers by. */
  value?: ArrayLike<Cell>;
}

/** Options for {@link classifyTable}. */
export type TableOptions = ClassifyOptions & {
  /** Day number recency is measured to (default: day after the latest transaction). */
  asOf?: number;
  returns?: ReturnsPolicy;
  dateSystem?: DateSystem;
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
}

function amountColumn(columns: TableColumns): NumberColumn {
  if (columns.amount) return numberColumn(columns.amount);
  if (columns.quantity && columns.price) {
    const q = numberColumn(columns.quantity);
    const p = numberColumn(columns.price);
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
    return { values, reasons };
  }
  throw new TierwiseError('column', 'no amount column (or quantity and unit price columns) was given');
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
  for (const [name, col] of Object.entries(columns) as [string, ArrayLike<Cell> | undefined][]) {
    if (col && col.length !== n) {
      throw new TierwiseError('length', `the ${name} column has ${col.length} rows but the customer column has ${n}`);
    }
  }
  if (columns.date) {
    const customers = aggregateTransactions(
      {
        customer: keyColumn(columns.customer),
        date: dateColumn(columns.date, { dateSystem: options.dateSystem }),
        amount: amountColumn(columns),
        invoice: columns.invoice ? keyColumn(columns.invoice) : undefined,
      },
      { asOf: options.asOf, returns: options.returns },
    );
    return { level: 'transactions', classification: classifyCustomers({ ...customers, customers }, options), customers, inputRows: n };
  }
  if (!columns.value && !columns.amount) {
    throw new TierwiseError('column', 'a customer table needs a value column (or give a date column for transactions)');
  }
  const method = methodById(options.method);
  if (method.needsTransactions) {
    throw new TierwiseError('column', `${method.short.en} needs transactions: give a date and an amount column`);
  }
  const keys = keyColumn(columns.customer);
  const values = numberColumn((columns.value ?? columns.amount) as ArrayLike<Cell>);
  return { level: 'customers', ...classifyRows(keys, values, options), inputRows: n };
}

function classifyRows(keys: KeyColumn, values: NumberColumn, options: ClassifyOptions): { classification: Classification; rowOfCustomer: Int32Array } {
  const n = keys.codes.length;
  const skipped = emptySkipLog();
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (keys.codes[i] < 0) addSkip(skipped, i, 'customer', reasonAt(keys.reasons as Uint8Array, i));
    else if (values.values[i] !== values.values[i]) addSkip(skipped, i, 'value', reasonAt(values.reasons as Uint8Array, i));
    else rows.push(i);
  }
  if (rows.length === 0) throw new TierwiseError('empty', `no usable rows: all ${n} rows were skipped`);
  const rowOfCustomer = Int32Array.from(rows);
  const classification = classifyCustomers(
    {
      keys: rows.map((i) => keys.keys[keys.codes[i]]),
      value: Float64Array.from(rows, (i) => values.values[i]),
      skipped,
    },
    options,
  );
  return { classification, rowOfCustomer };
}
