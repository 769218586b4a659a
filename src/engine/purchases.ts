/**
 * The purchase rows of a transaction log, mapped to the customer table: what methods that need
 * the timeline (lifecycle classes, customer lifetime value) read. A purchase is a row with every
 * cell valid, a positive amount, an invoice that is not cancelled ("C…") and a date before the
 * as-of day. Returns (amount ≤ 0) and cancellations are not purchases. A method may count
 * zero-value rows as purchases of no value (`zeroValue`: CLV, as the BG/NBD literature does).
 */
import type { Customers } from './aggregate';
import type { Cell } from './cells';
import type { KeyColumn, NumberColumn } from './columns';
import { namesTimelineMeasure } from './methods/params';
import type { ExtraColumns, MethodModule, Purchases } from './methods/types';

/** What a method reads of the purchase timeline (see {@link timelineNeeds}). */
export interface TimelineNeeds {
  /** It reads the purchase rows (`Measures.purchases`). */
  purchases: boolean;
  /** A row with amount 0 is a purchase of no value (CLV, and methods reading a `clv` column). */
  zeroValue: boolean;
  /** Which customers without a purchase the customer table keeps (`aggregateTransactions`' `keepNoPurchase`). */
  keepNoPurchase: boolean | 'zero-value';
}

/**
 * What a method with these parameters reads of the timeline, from the registry's flags
 * (`timeline`, `zeroValuePurchases`, `keepsNoPurchase`) and a `columns` parameter naming a
 * timeline prediction (a matrix axis `clv`): the same for the in-memory and the database paths.
 *
 * @example
 * timelineNeeds(methodById("clv"), {}); // { purchases: true, zeroValue: true, keepNoPurchase: "zero-value" }
 * timelineNeeds(methodById("rfm"), {}); // { purchases: false, zeroValue: false, keepNoPurchase: false }
 */
export function timelineNeeds(method: MethodModule, params: Readonly<Record<string, unknown>>): TimelineNeeds {
  // a method reading CLV as an input (a matrix axis `clv`) gets the purchases as CLV counts them
  const predicts = namesTimelineMeasure(method, params);
  const zeroValue = method.zeroValuePurchases === true || predicts;
  return { purchases: method.timeline === true || predicts, zeroValue, keepNoPurchase: method.keepsNoPurchase ? true : zeroValue ? 'zero-value' : false };
}

/** Typed transaction columns (see `columns.ts`). */
export interface PurchaseColumns {
  customer: KeyColumn;
  date: NumberColumn;
  amount: NumberColumn;
  invoice?: KeyColumn;
}

/**
 * The purchases of a transaction log, as indexes into the customer table; with `zeroValue`, rows
 * with amount 0 count too.
 *
 * @example
 * const tx = { customer: keyColumn(["a", "b", "a"]), date: dateColumn(["2024-01-01", "2024-01-02", "2024-01-03"]), amount: numberColumn([5, -2, 7]) };
 * purchaseRows(tx, aggregateTransactions(tx)).amount; // Float64Array [5, 7]
 */
export function purchaseRows(tx: PurchaseColumns, customers: Customers, options: { zeroValue?: boolean } = {}): Purchases {
  const zeroValue = options.zeroValue ?? false;
  const index = new Map(customers.keys.map((k, i) => [k, i]));
  const ofCode = Int32Array.from(tx.customer.keys, (k) => index.get(k) ?? -1);
  const cancelled = tx.invoice ? tx.invoice.keys.map((k) => /^c/i.test(k)) : null;
  const n = tx.customer.codes.length;
  const isPurchase = (i: number): boolean => {
    const code = tx.customer.codes[i];
    const day = tx.date.values[i];
    const amount = tx.amount.values[i];
    if (code < 0 || ofCode[code] < 0 || !(zeroValue ? amount >= 0 : amount > 0) || day !== day || Math.floor(day) >= customers.asOf) return false;
    const inv = tx.invoice ? tx.invoice.codes[i] : -1;
    return !(cancelled && inv >= 0 && cancelled[inv]);
  };
  // two passes into preallocated typed arrays (TypedArray.from with a mapping function is slow)
  const keep = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!isPurchase(i)) continue;
    keep[i] = 1;
    m++;
  }
  const out: Purchases = { customer: new Int32Array(m), day: new Float64Array(m), amount: new Float64Array(m), invoice: new Int32Array(m) };
  for (let i = 0, k = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    out.customer[k] = ofCode[tx.customer.codes[i]];
    out.day[k] = Math.floor(tx.date.values[i]);
    out.amount[k] = tx.amount.values[i];
    out.invoice[k] = tx.invoice ? tx.invoice.codes[i] : -1;
    k++;
  }
  return out;
}

/**
 * Extra columns of a transaction log per customer: the last non-blank cell of each customer's
 * rows (a customer's region, owner or stage as of their latest row).
 *
 * @example
 * customerCells({ Region: ["N", "S", ""] }, keyColumn(["a", "b", "a"]), aggregate).Region; // ["N", "S"]
 */
export function customerCells(extra: Readonly<Record<string, ArrayLike<Cell>>>, customer: KeyColumn, customers: Customers): ExtraColumns {
  const index = new Map(customers.keys.map((k, i) => [k, i]));
  const ofCode = Int32Array.from(customer.keys, (k) => index.get(k) ?? -1);
  const out: Record<string, Cell[]> = {};
  for (const [name, cells] of Object.entries(extra)) {
    const col = new Array<Cell>(customers.keys.length).fill('');
    for (let i = 0; i < cells.length; i++) {
      const code = customer.codes[i];
      const c = cells[i];
      if (code < 0 || ofCode[code] < 0 || c === '' || c === null || c === undefined) continue;
      col[ofCode[code]] = c;
    }
    out[name] = col;
  }
  return out;
}

/**
 * Extra columns of a customer table for the classified rows.
 *
 * @example
 * rowCells({ Region: ["N", "S", "E"] }, Int32Array.of(0, 2)).Region; // ["N", "E"]
 */
export function rowCells(extra: Readonly<Record<string, ArrayLike<Cell>>>, rows: ArrayLike<number>): ExtraColumns {
  const out: Record<string, Cell[]> = {};
  for (const [name, cells] of Object.entries(extra)) out[name] = Array.from(rows, (i) => cells[i]);
  return out;
}
