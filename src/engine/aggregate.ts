/**
 * Transactions → customers: one pass over the rows, typed arrays per customer.
 */
import { type PurchaseRule, accumulateRows } from './accumulate';
import { type KeyColumn, type NumberColumn, type ValueRuns, valueRuns } from './columns';
import { TierwiseError } from './errors';
import { moneyProfile, moneyScale, profileOf } from './money';
import { rankFirstOrder } from './rank-order';
import { type SkipLog, addSkip, emptySkipLog, reasonAt } from './skips';

/** A transaction log as typed columns (see `columns.ts`). Dates are day numbers. */
export interface Transactions {
  customer: KeyColumn;
  date: NumberColumn;
  amount: NumberColumn;
  /** When given, frequency counts distinct invoices instead of rows. */
  invoice?: KeyColumn;
}

/**
 * How returns and cancellations count. A purchase is a row with a positive amount whose invoice
 * (when an invoice column is given) does not start with "C"; every other row is a return.
 * - "net" (default): frequency, first and last purchase count purchases only; returns reduce
 *   monetary. A customer with returns and no purchase is skipped (reason "returns-only").
 * - "drop": returns are skipped rows (reason "return" or "cancellation").
 * - "all": every row counts as a transaction, returns included (the peer benchmark's pandas
 *   semantics, `groupby(...).agg(count, sum)`); not offered to users.
 */
export type ReturnsPolicy = 'net' | 'drop' | 'all';

/** Options for {@link aggregateTransactions}. */
export interface AggregateOptions {
  /** Day number recency is measured to. Default: the day after the latest transaction. */
  asOf?: number;
  /** See {@link ReturnsPolicy}. Default "net". */
  returns?: ReturnsPolicy;
  /**
   * Keep customers who have rows but no purchase (only returns or zero amounts) with frequency 0,
   * instead of skipping them: for methods that classify them (lifecycle's "Potential"). With
   * `true`, a row with a customer id and a blank date and a blank amount lists that customer (a
   * customer list appended to the log) instead of being skipped.
   * "zero-value": keep only those with a zero-amount row (a purchase of no value for CLV); those
   * with nothing but returns are still skipped.
   */
  keepNoPurchase?: boolean | 'zero-value';
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
  /** Sum of amounts (net of returns unless they were dropped), summed exactly (see `money.ts`). */
  monetary: Float64Array;
  /** Decimals of the input's amounts: money prints at this precision. */
  moneyDecimals?: number;
  asOf: number;
  /** Rows that went into the table. */
  rowsUsed: number;
  /** `keys` as numbers, when the key column had them (see `KeyColumn.numbers`). */
  numericKeys?: Float64Array;
  skipped: SkipLog;
}

const NUMERIC_KEY = /^-?\d+(?:\.\d+)?$/;

/**
 * Order of customer codes by key: numeric order when every key is a number, text order otherwise.
 * `known`: the keys as numbers when a reader already had them (`KeyColumn.numbers`).
 *
 * @example
 * keyOrder(["10", "9", "100"]); // Int32Array [1, 0, 2]
 */
export function keyOrder(keys: readonly string[], known?: Float64Array): Int32Array {
  // numbers written the one way: distinct keys are distinct numbers, no ties to break
  const numbers = known ?? canonicalNumbers(keys);
  if (numbers) return rankFirstOrder(numbers);
  const order = Int32Array.from({ length: keys.length }, (_, i) => i);
  if (keys.every((k) => NUMERIC_KEY.test(k))) {
    const nums = keys.map(Number);
    order.sort((a, b) => nums[a] - nums[b] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  } else {
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  }
  return order;
}

/**
 * The keys as numbers when each is a number written the one way JavaScript writes it (no
 * leading zero or "+", no trailing zeros, no exponent): distinct keys are then distinct numbers,
 * in numeric order with no ties to break; else null.
 */
function canonicalNumbers(keys: readonly string[]): Float64Array | null {
  const out = new Float64Array(keys.length);
  // Number and String rather than a loop over characters: this runs once, before V8 compiles it
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const v = Number(key);
    if (!Number.isFinite(v) || String(v) !== key || key.includes('e')) return null;
    out[k] = v;
  }
  return out;
}

function checkLengths(tx: Transactions): number {
  const n = tx.customer.codes.length;
  const others: [string, number][] = [
    ['date', tx.date.runs ? runsLength(tx.date.runs) : tx.date.values.length],
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
 * as-of date, frequency and monetary. Frequency, first and last purchase count purchases only
 * (see {@link ReturnsPolicy}); monetary is summed exactly in the input's smallest money unit.
 * Rows with a rejected cell are skipped and logged.
 *
 * @example
 * const c = aggregateTransactions({
 *   customer: keyColumn(["A", "B", "A", "A"]),
 *   date: dateColumn(["2024-01-01", "2024-01-05", "2024-01-09", "2024-01-10"]),
 *   amount: numberColumn([10, 5, 20, -4]),
 * });
 * c.keys; // ["A", "B"]; c.frequency // [2, 1]; c.monetary // [26, 5]; c.recency // [2, 6]
 */
export function aggregateTransactions(tx: Transactions, options: AggregateOptions = {}): Customers {
  const n = checkLengths(tx);
  const policy = options.returns ?? 'net';
  const dropReturns = policy === 'drop';
  const cust = tx.customer.codes;
  const amounts = tx.amount.values;
  const invoice = tx.invoice;
  const skipped = emptySkipLog();
  const cancelledKeys = invoice && policy !== 'all' ? invoice.keys.map((k) => /^c/i.test(k)) : null;
  const cancelled = cancelledKeys && cancelledKeys.includes(true) ? cancelledKeys : null;

  const asOfGiven = options.asOf !== undefined;
  const asOf = options.asOf ?? 0;
  const k = tx.customer.keys.length;
  const first = new Float64Array(k).fill(Infinity);
  const last = new Float64Array(k).fill(-Infinity);
  const freq = new Float64Array(k);
  const seen = new Uint8Array(k);
  const owner = invoice ? new Int32Array(invoice.keys.length).fill(-1) : null;
  const shared = new Set<number | string>();
  const nInv = invoice ? invoice.keys.length : 0;
  // which rows are used: every column valid (NaN / -1 mark rejected cells), before the as-of
  // date, not a dropped return; the others are logged with the column at fault
  const mayReject =
    asOfGiven || dropReturns || tx.customer.reasons !== null || tx.date.reasons !== null || tx.amount.reasons !== null;
  let keep: Uint8Array | null = null;
  let listed = 0;
  if (mayReject) ({ keep, listed } = usedRows(tx, { asOf: asOfGiven ? asOf : undefined, dropReturns, cancelled, keepNoPurchase: options.keepNoPurchase }, skipped, seen));
  // one pass: purchases (rows that count toward frequency, first and last purchase) and money in
  // whole units of the input's decimals (see money.ts)
  const known = tx.amount.money;
  const { decimals, fitsDouble } = keep === null && known ? profileOf(known.decimals, known.bound, amounts.length) : moneyProfile(amounts, keep);
  const scale = moneyScale(decimals);
  const money = new Float64Array(k);
  const net = policy === 'net';
  const cancelledRow = net && cancelled && invoice ? cancelledRows(invoice.codes, cancelled) : null;
  const rule: PurchaseRule = { net, cancelledRow, unitScale: fitsDouble ? scale : 0, countRows: !invoice };
  const sums = { first, last, seen, money, freq };
  // rows in date order go as runs of one day (the reader's, or found here)
  const days = tx.date.ascending === true ? (tx.date.runs ?? valueRuns(tx.date.values)) : tx.date.values;
  let maxDay = accumulateRows({ cust, days, amounts, keep }, rule, sums);
  if (invoice && owner) countInvoices(cust, invoice.codes, amounts, keep, rule, owner, shared, nInv, freq);
  if (!fitsDouble) sumUnitsBig(cust, amounts, keep, scale, money);
  // customers with rows but no purchase (only returns): skipped, every row logged
  const zeroValueBuyers = options.keepNoPurchase === 'zero-value' ? zeroAmountCustomers(cust, amounts, keep, cancelledRow, k) : null;
  if (policy === 'net' && options.keepNoPurchase !== true && skipOnlyReturns(cust, keep, freq, seen, skipped, zeroValueBuyers)) {
    keep ??= new Uint8Array(n).fill(1);
    maxDay = dropUnseen(cust, keep, seen, days);
  }
  const rowsUsed = n - skipped.total;
  if (rowsUsed === listed) {
    throw new TierwiseError('empty', `no usable transactions: all ${n} rows were skipped (${describeSkips(skipped)})`);
  }
  const resolvedAsOf = asOfGiven ? asOf : Math.floor(maxDay) + 1;

  const order = keyOrder(tx.customer.keys, tx.customer.numbers);
  const slots = new Int32Array(order.length);
  let m = 0;
  for (let j = 0; j < order.length; j++) if (seen[order[j]] === 1) slots[m++] = order[j];
  // money in units of 1 / scale until here
  const out = collectCustomers(slots.subarray(0, m), tx.customer, { freq, money, first, last, scale }, resolvedAsOf, rowsUsed, skipped);
  out.moneyDecimals = decimals;
  return out;
}

/** What decides which rows {@link usedRows} keeps. */
export interface RowRules {
  asOf?: number;
  /** Returns and cancellations are skipped rows ("drop"). */
  dropReturns: boolean;
  /** Per invoice code, whether it is a cancellation ("C…"); null when none is. */
  cancelled: boolean[] | null;
  keepNoPurchase?: AggregateOptions['keepNoPurchase'];
}

/**
 * Which rows are used: every column valid (NaN / -1 mark rejected cells), before the as-of date,
 * not a dropped return; the others are logged in `skipped` (as row `offset + i`) with the column
 * at fault. A customer-list row (`keepNoPurchase` true) marks its customer `seen` and counts in
 * `listed`.
 *
 * @example
 * const log = emptySkipLog();
 * usedRows(tx, { dropReturns: false, cancelled: null }, log, new Uint8Array(2)).keep; // Uint8Array [1, 0, 1]
 */
export function usedRows(tx: Transactions, rules: RowRules, skipped: SkipLog, seen: Uint8Array, offset = 0): { keep: Uint8Array; listed: number } {
  const n = tx.customer.codes.length;
  const cust = tx.customer.codes;
  const amounts = tx.amount.values;
  const { invoice } = tx;
  const { dropReturns, cancelled } = rules;
  const asOfGiven = rules.asOf !== undefined;
  const asOf = rules.asOf ?? 0;
  let listed = 0;
  // the day of each row: from the runs of one day when the reader kept them (no day per row)
  const runs = tx.date.runs ?? null;
  const rowDays = runs === null ? tx.date.values : null;
  let r = -1;
  let runEnd = 0;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = cust[i];
    if (runs !== null) while (i >= runEnd) runEnd += runs.lengths[++r];
    const d = runs !== null ? runs.values[r] : (rowDays as Float64Array)[i];
    const a = amounts[i];
    if (c < 0) addSkip(skipped, offset + i, 'customer', reasonAt(tx.customer.reasons as Uint8Array, i));
    else if (rules.keepNoPurchase === true && listingRow(tx, i)) {
      seen[c] = 1;
      listed++;
    }
    else if (d !== d) addSkip(skipped, offset + i, 'date', reasonAt(tx.date.reasons as Uint8Array, i));
    else if (a !== a) addSkip(skipped, offset + i, 'amount', reasonAt(tx.amount.reasons as Uint8Array, i));
    else if (asOfGiven && Math.floor(d) >= asOf) addSkip(skipped, offset + i, 'date', 'after-as-of');
    else if (dropReturns && cancelled && invoice && invoice.codes[i] >= 0 && cancelled[invoice.codes[i]]) {
      addSkip(skipped, offset + i, 'invoice', 'cancellation');
    } else if (dropReturns && a <= 0) addSkip(skipped, offset + i, 'amount', 'return');
    else keep[i] = 1;
  }
  return { keep, listed };
}

/**
 * Unmarks the kept rows of customers no longer `seen`; returns the latest day of the rows still
 * kept. Rows in date order are read as runs of one day (no day per row is built for them).
 */
function dropUnseen(cust: Int32Array, keep: Uint8Array, seen: Uint8Array, days: Float64Array | ValueRuns): number {
  let maxDay = -Infinity;
  if (days instanceof Float64Array) {
    for (let i = 0; i < cust.length; i++) {
      if (keep[i] === 0) continue;
      if (seen[cust[i]] === 0) keep[i] = 0;
      else if (days[i] > maxDay) maxDay = days[i];
    }
    return maxDay;
  }
  let i = 0;
  for (let r = 0; r < days.lengths.length; r++) {
    for (const end = i + days.lengths[r]; i < end; i++) {
      if (keep[i] === 0) continue;
      if (seen[cust[i]] === 0) keep[i] = 0;
      else maxDay = days.values[r];
    }
  }
  return maxDay;
}

/** A row naming a customer with a blank date and a blank amount: a customer list's row. */
function listingRow(tx: Transactions, i: number): boolean {
  const { date, amount } = tx;
  return date.reasons !== null && amount.reasons !== null && reasonAt(date.reasons, i) === 'blank' && reasonAt(amount.reasons, i) === 'blank';
}

/**
 * 1 for a row of a cancelled invoice.
 *
 * @example
 * cancelledRows(Int32Array.of(0, 1, -1), [false, true]); // Uint8Array [0, 1, 0]
 */
export function cancelledRows(inv: Int32Array, cancelled: boolean[]): Uint8Array {
  const out = new Uint8Array(inv.length);
  for (let i = 0; i < inv.length; i++) if (inv[i] >= 0 && cancelled[inv[i]]) out[i] = 1;
  return out;
}

/**
 * Logs the rows of customers who have used rows but no purchase (reason "returns-only") and
 * unmarks them in `seen`; true when there were any.
 */
function skipOnlyReturns(cust: Int32Array, keep: Uint8Array | null, freq: Float64Array, seen: Uint8Array, skipped: SkipLog, exempt: Uint8Array | null): boolean {
  const skips = (c: number): boolean => seen[c] === 1 && freq[c] === 0 && !(exempt !== null && exempt[c] === 1);
  let any = false;
  for (let c = 0; c < seen.length; c++) if (skips(c)) any = true;
  if (!any) return false;
  for (let i = 0; i < cust.length; i++) {
    if ((keep === null || keep[i] === 1) && skips(cust[i])) addSkip(skipped, i, 'customer', 'returns-only');
  }
  for (let c = 0; c < seen.length; c++) if (skips(c)) seen[c] = 0;
  return true;
}

/** 1 for a customer with a used zero-amount row not on a cancelled invoice (a purchase of no value). */
function zeroAmountCustomers(cust: Int32Array, amounts: Float64Array, keep: Uint8Array | null, cancelledRow: Uint8Array | null, k: number): Uint8Array {
  const out = new Uint8Array(k);
  for (let i = 0; i < cust.length; i++) {
    if ((keep === null || keep[i] === 1) && amounts[i] === 0 && !(cancelledRow !== null && cancelledRow[i] === 1)) out[cust[i]] = 1;
  }
  return out;
}

/** Exact per-customer sums in units when they may pass 2^53 (BigInt; slow, and rare). */
function sumUnitsBig(cust: Int32Array, amounts: Float64Array, keep: Uint8Array | null, scale: number, money: Float64Array): void {
  const big = new Array<bigint>(money.length).fill(0n);
  for (let i = 0; i < cust.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    big[cust[i]] += BigInt(Math.round(amounts[i] * scale));
  }
  for (let c = 0; c < money.length; c++) money[c] = Number(big[c]);
}

/** Per-slot sums of the used rows. */
export interface SlotSums {
  freq: ArrayLike<number>;
  /** Money in units of 1 / `scale`. */
  money: Float64Array;
  scale: number;
  first: Float64Array;
  last: Float64Array;
}

/**
 * The customer table of the given slots (codes of `key`), in their order.
 *
 * @example
 * collectCustomers(Int32Array.of(1), { keys: ["a", "b"] }, sums, 19800, 3, emptySkipLog()).keys; // ["b"]
 */
export function collectCustomers(slots: Int32Array, key: Pick<KeyColumn, 'keys' | 'numbers'>, sums: SlotSums, asOf: number, rowsUsed: number, skipped: SkipLog): Customers {
  const m = slots.length;
  const out: Customers = {
    keys: new Array<string>(m),
    first: new Float64Array(m),
    last: new Float64Array(m),
    recency: new Float64Array(m),
    frequency: new Float64Array(m),
    monetary: new Float64Array(m),
    asOf,
    rowsUsed,
    skipped,
  };
  // every array in a local: this loop runs once per run, mostly before V8 compiles it, where each
  // property read costs
  const { keys, first, last, recency, frequency, monetary } = out;
  const { first: firstOf, last: lastOf, freq, money, scale } = sums;
  const { keys: keyOf, numbers } = key;
  const numericKeys = numbers ? new Float64Array(m) : null;
  for (let j = 0; j < m; j++) {
    const c = slots[j];
    keys[j] = keyOf[c];
    if (numericKeys !== null) numericKeys[j] = (numbers as Float64Array)[c];
    // a customer kept without a purchase (keepNoPurchase) has no purchase dates: NaN, not ±Infinity
    const l = lastOf[c];
    if (l !== -Infinity) {
      first[j] = firstOf[c];
      last[j] = l;
      recency[j] = asOf - Math.floor(l);
    } else first[j] = last[j] = recency[j] = NaN;
    frequency[j] = freq[c];
    monetary[j] = money[c] / scale;
  }
  if (numericKeys !== null) out.numericKeys = numericKeys;
  return out;
}

/** Rows in runs. */
function runsLength(runs: ValueRuns): number {
  let n = 0;
  for (let r = 0; r < runs.lengths.length; r++) n += runs.lengths[r];
  return n;
}

/**
 * Frequency as distinct purchase invoices per customer (an invoice shared by customers counts for
 * each); `owner` (per invoice, -1 at first) and `shared` carry from one block of rows to the next.
 *
 * @example
 * countInvoices(cust, inv, amounts, null, rule, new Int32Array(nInv).fill(-1), new Set(), nInv, freq);
 */
export function countInvoices(
  cust: Int32Array,
  inv: Int32Array,
  amounts: Float64Array,
  keep: Uint8Array | null,
  rule: PurchaseRule,
  owner: Int32Array,
  shared: Set<number | string>,
  nInv: number,
  freq: Float64Array,
): void {
  const { net, cancelledRow } = rule;
  for (let i = 0; i < cust.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    if (net && (!(amounts[i] > 0) || (cancelledRow !== null && cancelledRow[i] === 1))) continue;
    const c = cust[i];
    const v = inv[i];
    if (v < 0) freq[c]++;
    else if (owner[v] === -1) {
      owner[v] = c;
      freq[c]++;
    } else if (owner[v] !== c) {
      // a customer and invoice as one number while it is exact, else as text (a shared invoice is rare)
      const product = c * nInv + v;
      const pair = product <= Number.MAX_SAFE_INTEGER ? product : `${c}:${v}`;
      if (!shared.has(pair)) {
        shared.add(pair);
        freq[c]++;
      }
    }
  }
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
