/**
 * The one pass over a transaction log's rows that `aggregateTransactions` makes: per customer,
 * first and last purchase day, money and (optionally) frequency. Run by the WebAssembly loop
 * (`accumulate-wasm.ts`) for 16,384 rows or more where the engine has WebAssembly, else by
 * {@link accumulateRowsJs}; both give the same sums (tests hold them to it).
 */
import type { ValueRuns } from './columns';
import { accumulateRowsWasm } from './accumulate-wasm';

/**
 * What counts while accumulating: with `net`, only purchases (positive amounts not on a
 * cancelled invoice) count toward frequency, first and last purchase; money is summed in units
 * of 1 / unitScale (0: not summed here, the caller sums it with BigInt); `countRows`: frequency
 * counts purchase rows.
 */
export interface PurchaseRule {
  net: boolean;
  cancelledRow: Uint8Array | null;
  unitScale: number;
  countRows: boolean;
}

/** The rows: customer codes, days (one per row, or runs of one day for rows in date order), amounts, and which are used. */
export interface AccumulateRows {
  cust: Int32Array;
  /** Day numbers per row, or as runs of one day when the rows are in date order. */
  days: Float64Array | ValueRuns;
  amounts: Float64Array;
  /** 0 for a row not used; null: every row is used (and has a customer, a day and an amount). */
  keep: Uint8Array | null;
}

/** Per-customer sums, indexed by customer code; `first`/`last` start at ±Infinity, the others at 0. */
export interface RowSums {
  first: Float64Array;
  last: Float64Array;
  /** 1 for a customer with a used row. */
  seen: Uint8Array;
  /** Money in units of 1 / unitScale. */
  money: Float64Array;
  freq: Float64Array;
}

/**
 * Adds the used rows into `sums`: first and last purchase day, money (in units) and, with
 * `countRows`, frequency per customer, and marks the customers with used rows; returns the
 * latest day of any used row (−Infinity when none).
 *
 * @example
 * const sums = { first: new Float64Array(2).fill(Infinity), last: new Float64Array(2).fill(-Infinity), seen: new Uint8Array(2), money: new Float64Array(2), freq: new Float64Array(2) };
 * accumulateRows({ cust: Int32Array.of(0, 1, 0), days: Float64Array.of(5, 6, 7), amounts: Float64Array.of(1.5, 2, -1), keep: null },
 *   { net: true, cancelledRow: null, unitScale: 10, countRows: true }, sums); // 7
 * sums.money; // Float64Array [5, 20]; sums.freq // [1, 1]; sums.last // [5, 6]
 */
export function accumulateRows(rows: AccumulateRows, rule: PurchaseRule, sums: RowSums): number {
  if (rows.cust.length < WASM_FROM_ROWS) return accumulateRowsJs(rows, rule, sums);
  return accumulateRowsWasm(rows, rule, sums) ?? accumulateRowsJs(rows, rule, sums);
}

/**
 * Fewer rows than this take the JavaScript loop: its warm-up costs about a millisecond here,
 * no more than setting up a module instance (and its memory) would — which custom functions,
 * called often on small ranges, would otherwise do on every call.
 */
const WASM_FROM_ROWS = 16384;

/**
 * {@link accumulateRows} in JavaScript: where WebAssembly is missing, and the reference the
 * tests hold the WebAssembly loop to.
 *
 * @example
 * accumulateRowsJs(rows, rule, sums); // as accumulateRows
 */
export function accumulateRowsJs(rows: AccumulateRows, rule: PurchaseRule, sums: RowSums): number {
  const { cust, days, amounts, keep } = rows;
  return days instanceof Float64Array ? accumulateByRow(cust, days, amounts, keep, rule, sums) : accumulateInDateOrder(cust, days, amounts, keep, rule, sums);
}

function accumulateByRow(cust: Int32Array, days: Float64Array, amounts: Float64Array, keep: Uint8Array | null, rule: PurchaseRule, sums: RowSums): number {
  const { first, last, seen, money, freq } = sums;
  const { net, cancelledRow, unitScale, countRows } = rule;
  let maxDay = -Infinity;
  for (let i = 0; i < cust.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const c = cust[i];
    const d = days[i];
    const a = amounts[i];
    if (d > maxDay) maxDay = d;
    seen[c] = 1;
    if (unitScale !== 0) money[c] += Math.round(a * unitScale);
    if (net && (!(a > 0) || (cancelledRow !== null && cancelledRow[i] === 1))) continue;
    if (d < first[c]) first[c] = d;
    if (d > last[c]) last[c] = d;
    if (countRows) freq[c]++;
  }
  return maxDay;
}

/**
 * {@link accumulateByRow} for rows in date order, as runs of one day: a customer's first
 * purchase is its first purchase row's day and its last the last one's, and the latest day of
 * any used row is the last used row's — no comparisons and no day per row.
 */
function accumulateInDateOrder(cust: Int32Array, days: ValueRuns, amounts: Float64Array, keep: Uint8Array | null, rule: PurchaseRule, sums: RowSums): number {
  const { first, last, seen, money, freq } = sums;
  const { net, cancelledRow, unitScale, countRows } = rule;
  const { lengths, values: dayOf } = days;
  let maxDay = -Infinity;
  let i = 0;
  for (let r = 0; r < lengths.length; r++) {
    const d = dayOf[r];
    // (a whole number: the loop then counts in integers)
    for (const end = i + (lengths[r] | 0); i < end; i++) {
      if (keep !== null && keep[i] === 0) continue;
      const c = cust[i];
      const a = amounts[i];
      maxDay = d;
      seen[c] = 1;
      if (unitScale !== 0) money[c] += Math.round(a * unitScale);
      if (net && (!(a > 0) || (cancelledRow !== null && cancelledRow[i] === 1))) continue;
      if (last[c] === -Infinity) first[c] = d;
      last[c] = d;
      if (countRows) freq[c]++;
    }
  }
  return maxDay;
}
