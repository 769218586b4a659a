/**
 * Transactions → customers: one pass over the rows, typed arrays per customer.
 */
import type { KeyColumn, NumberColumn } from './columns';
import { TierwiseError } from './errors';
import { type SkipLog, addSkip, emptySkipLog, reasonAt } from './skips';

/** A transaction log as typed columns (see `columns.ts`). Dates are day numbers. */
export interface Transactions {
  customer: KeyColumn;
  date: NumberColumn;
  amount: NumberColumn;
  /** When given, frequency counts distinct invoices instead of rows. */
  invoice?: KeyColumn;
}

/** How returns and cancellations count. */
export type ReturnsPolicy = 'net' | 'drop';

/** Options for {@link aggregateTransactions}. */
export interface AggregateOptions {
  /** Day number recency is measured to. Default: the day after the latest transaction. */
  asOf?: number;
  /**
   * "net" (default): every row counts, negative amounts reduce monetary.
   * "drop": rows with amount ≤ 0 or an invoice starting with "C" are skipped.
   */
  returns?: ReturnsPolicy;
}

/** One row per customer, sorted by customer id (numerically when every id is a number). */
export interface Customers {
  keys: string[];
  /** Day numbers of the first and last purchase. */
  first: Float64Array;
  last: Float64Array;
  /** Whole days from the last purchase day to `asOf` (≥ 1 with the default as-of). */
  recency: Float64Array;
  /** Distinct invoices (or rows when no invoice column is given). */
  frequency: Float64Array;
  /** Sum of amounts (net of returns unless they were dropped). */
  monetary: Float64Array;
  asOf: number;
  /** Rows that went into the table. */
  rowsUsed: number;
  skipped: SkipLog;
}

const NUMERIC_KEY = /^-?\d+(?:\.\d+)?$/;

/**
 * Order of customer codes by key: numeric order when every key is a number, text order otherwise.
 *
 * @example
 * keyOrder(["10", "9", "100"]); // Int32Array [1, 0, 2]
 */
export function keyOrder(keys: readonly string[]): Int32Array {
  const order = Int32Array.from({ length: keys.length }, (_, i) => i);
  if (keys.every((k) => NUMERIC_KEY.test(k))) {
    const nums = keys.map(Number);
    order.sort((a, b) => nums[a] - nums[b] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  } else {
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  }
  return order;
}

function checkLengths(tx: Transactions): number {
  const n = tx.customer.codes.length;
  const others: [string, number][] = [
    ['date', tx.date.values.length],
    ['amount', tx.amount.values.length],
  ];
  if (tx.invoice) others.push(['invoice', tx.invoice.codes.length]);
  for (const [name, len] of others) {
    if (len !== n) throw new TierwiseError('length', `the ${name} column has ${len} rows but the customer column has ${n}`);
  }
  return n;
}

/**
 * Aggregates a transaction log into customers: first and last purchase, recency in days to the
 * as-of date, frequency and monetary. Rows with a rejected cell are skipped and logged.
 *
 * @example
 * const c = aggregateTransactions({
 *   customer: keyColumn(["A", "B", "A"]),
 *   date: dateColumn(["2024-01-01", "2024-01-05", "2024-01-09"]),
 *   amount: numberColumn([10, 5, 20]),
 * });
 * c.keys; // ["A", "B"]; c.frequency // [2, 1]; c.monetary // [30, 5]; c.recency // [1, 5]
 */
export function aggregateTransactions(tx: Transactions, options: AggregateOptions = {}): Customers {
  const n = checkLengths(tx);
  const dropReturns = options.returns === 'drop';
  const cust = tx.customer.codes;
  const days = tx.date.values;
  const amounts = tx.amount.values;
  const invoice = tx.invoice;
  const skipped = emptySkipLog();
  const cancelled = invoice && dropReturns ? invoice.keys.map((k) => /^c/i.test(k)) : null;

  // rows kept: every column valid (NaN / -1 mark rejected cells), within the as-of date
  const keep = new Uint8Array(n);
  let maxDay = -Infinity;
  const asOfGiven = options.asOf !== undefined;
  const asOf = options.asOf ?? 0;
  for (let i = 0; i < n; i++) {
    const c = cust[i];
    const d = days[i];
    const a = amounts[i];
    if (c < 0) addSkip(skipped, i, 'customer', reasonAt(tx.customer.reasons as Uint8Array, i));
    else if (d !== d) addSkip(skipped, i, 'date', reasonAt(tx.date.reasons as Uint8Array, i));
    else if (a !== a) addSkip(skipped, i, 'amount', reasonAt(tx.amount.reasons as Uint8Array, i));
    else if (asOfGiven && Math.floor(d) >= asOf) addSkip(skipped, i, 'date', 'after-as-of');
    else if (cancelled && invoice && invoice.codes[i] >= 0 && cancelled[invoice.codes[i]]) {
      addSkip(skipped, i, 'invoice', 'cancellation');
    } else if (dropReturns && a <= 0) addSkip(skipped, i, 'amount', 'return');
    else {
      keep[i] = 1;
      if (d > maxDay) maxDay = d;
    }
  }
  const rowsUsed = n - skipped.total;
  if (rowsUsed === 0) {
    throw new TierwiseError('empty', `no usable transactions: all ${n} rows were skipped (${describeSkips(skipped)})`);
  }
  const resolvedAsOf = asOfGiven ? asOf : Math.floor(maxDay) + 1;

  const k = tx.customer.keys.length;
  const first = new Float64Array(k).fill(Infinity);
  const last = new Float64Array(k).fill(-Infinity);
  const freq = new Float64Array(k);
  const money = new Float64Array(k);
  const seen = new Uint8Array(k);
  const owner = invoice ? new Int32Array(invoice.keys.length).fill(-1) : null;
  const shared = new Set<number>();
  const nInv = invoice ? invoice.keys.length : 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    const c = cust[i];
    const d = days[i];
    seen[c] = 1;
    if (d < first[c]) first[c] = d;
    if (d > last[c]) last[c] = d;
    money[c] += amounts[i];
    if (owner && invoice) {
      const inv = invoice.codes[i];
      if (inv < 0) freq[c]++;
      else if (owner[inv] === -1) {
        owner[inv] = c;
        freq[c]++;
      } else if (owner[inv] !== c) {
        const pair = c * nInv + inv;
        if (!shared.has(pair)) {
          shared.add(pair);
          freq[c]++;
        }
      }
    } else freq[c]++;
  }

  const order = keyOrder(tx.customer.keys);
  let m = 0;
  for (let j = 0; j < k; j++) if (seen[order[j]]) m++;
  const out: Customers = {
    keys: new Array<string>(m),
    first: new Float64Array(m),
    last: new Float64Array(m),
    recency: new Float64Array(m),
    frequency: new Float64Array(m),
    monetary: new Float64Array(m),
    asOf: resolvedAsOf,
    rowsUsed,
    skipped,
  };
  let j = 0;
  for (let o = 0; o < k; o++) {
    const c = order[o];
    if (!seen[c]) continue;
    out.keys[j] = tx.customer.keys[c];
    out.first[j] = first[c];
    out.last[j] = last[c];
    out.recency[j] = resolvedAsOf - Math.floor(last[c]);
    out.frequency[j] = freq[c];
    out.monetary[j] = money[c];
    j++;
  }
  return out;
}

/**
 * A one-line account of a skip log, e.g. "3 blank, 1 not-a-date".
 *
 * @example
 * describeSkips({ total: 2, byReason: { blank: 2 }, byCause: { 'customer|blank': 2 }, rows: [] }); // "2 blank"
 */
export function describeSkips(log: SkipLog): string {
  return Object.entries(log.byReason)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
}
