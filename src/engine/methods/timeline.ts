/**
 * Per-customer facts of a purchase timeline, for the lifecycle classes: purchase invoices, the
 * first and last purchase as whole days before the as-of day, and which of the last quarters
 * (fixed-length windows counted back from the as-of day) had a purchase.
 */
import type { Purchases } from './types';

/** What a customer's purchases show, counted back from the as-of day. */
export interface TimelineFacts {
  /** Distinct purchase invoices (rows for purchases without an invoice). */
  invoices: Float64Array;
  /** Whole days before as-of of the first and of the last purchase (NaN: never bought). */
  firstDays: Float64Array;
  lastDays: Float64Array;
  /** Of the last `quarters` windows, how many had a purchase. */
  activeQuarters: Float64Array;
}

/**
 * The window a purchase `days` before as-of falls in: window i holds length·(i−1) < days ≤ length·i.
 *
 * @example
 * quarterOf(91, 91); // 1
 * quarterOf(92, 91); // 2
 */
export function quarterOf(days: number, length: number): number {
  return Math.ceil(days / length);
}

/**
 * Timeline facts of n customers from their purchase rows (see {@link Purchases}); `asOf` is the
 * day number days are counted back from (a purchase on day d is asOf − d days before it).
 *
 * @example
 * const p = { customer: Int32Array.of(0, 0, 0), day: Float64Array.of(90, 95, 95), amount: Float64Array.of(1, 1, 1), invoice: Int32Array.of(7, 8, 8) };
 * timelineFacts(p, 2, 100, { quarters: 4, quarterDays: 91 }).invoices; // Float64Array [2, 0]
 */
export function timelineFacts(purchases: Purchases, n: number, asOf: number, window: { quarters: number; quarterDays: number }): TimelineFacts {
  const invoices = new Float64Array(n);
  const firstDays = new Float64Array(n).fill(NaN);
  const lastDays = new Float64Array(n).fill(NaN);
  const activeQuarters = new Float64Array(n);
  const masks = new Uint32Array(n);
  let maxInvoice = 0;
  for (let k = 0; k < purchases.invoice.length; k++) if (purchases.invoice[k] > maxInvoice) maxInvoice = purchases.invoice[k];
  const stride = maxInvoice + 1;
  // an invoice is counted once per customer: its first customer in `owner`, any other in `shared`
  const owner = new Int32Array(stride).fill(-1);
  const shared = new Set<number>();
  for (let k = 0; k < purchases.customer.length; k++) {
    const c = purchases.customer[k];
    if (c < 0 || c >= n) continue;
    const days = asOf - purchases.day[k];
    const inv = purchases.invoice[k];
    if (inv < 0) invoices[c]++;
    else if (owner[inv] === -1) {
      owner[inv] = c;
      invoices[c]++;
    } else if (owner[inv] !== c) {
      const pair = c * stride + inv;
      if (!shared.has(pair)) {
        shared.add(pair);
        invoices[c]++;
      }
    }
    if (!(firstDays[c] >= days)) firstDays[c] = days;
    if (!(lastDays[c] <= days)) lastDays[c] = days;
    const q = quarterOf(days, window.quarterDays);
    if (q >= 1 && q <= window.quarters) masks[c] |= 1 << (q - 1);
  }
  for (let c = 0; c < n; c++) {
    let m = masks[c];
    let count = 0;
    while (m) {
      count += m & 1;
      m >>>= 1;
    }
    activeQuarters[c] = count;
  }
  return { invoices, firstDays, lastDays, activeQuarters };
}
