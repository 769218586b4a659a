/**
 * Transactions → the per-customer summary the BG/NBD and Gamma-Gamma models take: x (repeat
 * purchases), t_x (time of the last purchase), T (age at the calibration end) and the mean value
 * of the repeat purchases — as in Fader, Hardie & Lee (2005) and the `lifetimes` package.
 */
import type { Transactions } from '../aggregate';
import { keyOrder } from '../aggregate';
import { TierwiseError } from '../errors';
import { moneyProfile, moneyScale, toUnits } from '../money';
import type { Purchases } from '../methods/types';
import { type SkipLog, addSkip, emptySkipLog, reasonAt } from '../skips';
import { type TimeUnit, UNIT_DAYS } from './units';

/** Options for {@link repeatSummary}. */
export interface RepeatSummaryOptions {
  /** Day number of the last day of the calibration period (inclusive). Default: the latest purchase day. */
  calibrationEnd?: number;
  /** Unit of t_x and T. */
  unit: TimeUnit;
  /** Day number of the last day of a holdout period (inclusive) whose purchases are counted separately. */
  holdoutEnd?: number;
}

/** One row per customer who purchased in the calibration period, in customer-id order. */
export interface RepeatSummary {
  keys: string[];
  /** Repeat purchases: distinct purchase days in the calibration period minus one. */
  x: Float64Array;
  /** Time from the first to the last purchase day, in `unit`s. */
  tx: Float64Array;
  /** Time from the first purchase day to the calibration end, in `unit`s. */
  T: Float64Array;
  /** Mean value of the repeat purchase days (each day's amounts summed); 0 when x = 0. */
  meanValue: Float64Array;
  /** Day number of the first purchase. */
  first: Float64Array;
  /** Distinct purchase days after the calibration end, up to `holdoutEnd` (only with a holdout). */
  holdoutPurchases?: Float64Array;
  /** Length of the holdout period in `unit`s (only with a holdout). */
  holdoutLength?: number;
  unit: TimeUnit;
  calibrationEnd: number;
  /** Purchase rows that went into the calibration summary. */
  rowsUsed: number;
  /** Rows not used, by reason (rejected cells, returns, after the calibration or holdout end). */
  skipped: SkipLog;
  /** Customers whose first purchase is after the calibration end (not in the summary). */
  customersAfterCalibration: number;
}

/**
 * Summarises a transaction log for the BG/NBD and Gamma-Gamma models. Purchases on the same day
 * are merged into one (their amounts summed); rows with a negative amount are returns, not
 * purchases, and are skipped (counted as "return"); zero amounts are purchases of no value.
 * Rows after the calibration end are left out (or counted as holdout purchases).
 *
 * @example
 * const s = repeatSummary({
 *   customer: keyColumn(["A", "A", "A", "B"]),
 *   date: dateColumn(["1997-01-01", "1997-01-18", "1997-08-02", "1997-03-01"]),
 *   amount: numberColumn([29.33, 29.73, 14.96, 10]),
 * }, { calibrationEnd: dayNumber(1997, 9, 30), unit: "week" });
 * s.x; // [2, 0]; s.tx // [30.43, 0]; s.T // [38.86, 30.43]; s.meanValue // [22.345, 0]
 */
export function repeatSummary(tx: Transactions, options: RepeatSummaryOptions): RepeatSummary {
  const n = tx.customer.codes.length;
  for (const [name, len] of [['date', tx.date.values.length], ['amount', tx.amount.values.length]] as const) {
    if (len !== n) throw new TierwiseError('length', `the ${name} column has ${len} rows but the customer column has ${n}`);
  }
  if (UNIT_DAYS[options.unit] === undefined) throw new TierwiseError('option', `unit must be "day", "week" or "month", got "${String(options.unit)}"`);
  const { holdoutEnd } = options;
  const skipped = emptySkipLog();
  const cust = tx.customer.codes;
  const days = tx.date.values;
  const amounts = tx.amount.values;

  // rows that are valid purchases (any date); the calibration end defaults to the latest of them
  const valid = new Uint8Array(n);
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    const a = amounts[i];
    if (cust[i] < 0) addSkip(skipped, i, 'customer', reasonAt(tx.customer.reasons as Uint8Array, i));
    else if (d !== d) addSkip(skipped, i, 'date', reasonAt(tx.date.reasons as Uint8Array, i));
    else if (a !== a) addSkip(skipped, i, 'amount', reasonAt(tx.amount.reasons as Uint8Array, i));
    else if (a < 0) addSkip(skipped, i, 'amount', 'return');
    else {
      valid[i] = 1;
      if (d > latest) latest = d;
    }
  }
  if (latest === -Infinity) throw new TierwiseError('empty', `no usable purchases: all ${n} rows were skipped`);
  const calibrationEnd = Math.floor(options.calibrationEnd ?? latest);
  if (!Number.isFinite(calibrationEnd)) throw new TierwiseError('date', 'the calibration end is not a date');
  if (holdoutEnd !== undefined && !(Math.floor(holdoutEnd) > calibrationEnd)) {
    throw new TierwiseError('date', 'the holdout end must be after the calibration end');
  }

  const valids: number[] = [];
  for (let i = 0; i < n; i++) if (valid[i] === 1) valids.push(i);
  const { rows, holdRows } = splitByCalibration(valids, days, calibrationEnd, holdoutEnd, skipped);
  return summarize({ customer: cust, day: days, amount: amounts, keys: tx.customer.keys, order: keyOrder(tx.customer.keys) }, { rows, holdRows, valid: valids }, { ...options, calibrationEnd }, skipped);
}

/**
 * The same summary from the purchase rows of the registry (`Measures.purchases`): customers are
 * the customer table's (in its order), every row is a purchase (the caller decides which rows are:
 * CLV counts zero-value ones). Rows after the calibration end are holdout purchases up to
 * `holdoutEnd`, or left out.
 *
 * @example
 * const s = repeatSummaryOfPurchases(
 *   { customer: Int32Array.of(0, 0, 0, 1), day: Float64Array.of(9862, 9879, 10075, 9921), amount: Float64Array.of(29.33, 29.73, 14.96, 10), invoice: Int32Array.of(-1, -1, -1, -1) },
 *   ["A", "B"],
 *   { calibrationEnd: dayNumber(1997, 9, 30), unit: "week" },
 * );
 * s.x; // [2, 0]
 */
export function repeatSummaryOfPurchases(purchases: Purchases, keys: readonly string[], options: RepeatSummaryOptions): RepeatSummary {
  if (UNIT_DAYS[options.unit] === undefined) throw new TierwiseError('option', `unit must be "day", "week" or "month", got "${String(options.unit)}"`);
  const { day } = purchases;
  const n = day.length;
  if (n === 0) throw new TierwiseError('empty', 'no usable purchases');
  let latest = -Infinity;
  for (let i = 0; i < n; i++) if (day[i] > latest) latest = day[i];
  const calibrationEnd = Math.floor(options.calibrationEnd ?? latest);
  const { holdoutEnd } = options;
  if (holdoutEnd !== undefined && !(Math.floor(holdoutEnd) > calibrationEnd)) throw new TierwiseError('date', 'the holdout end must be after the calibration end');
  const skipped = emptySkipLog();
  const all = Array.from({ length: n }, (_, i) => i);
  const { rows, holdRows } = splitByCalibration(all, day, calibrationEnd, holdoutEnd, skipped);
  const order = Int32Array.from(keys, (_, c) => c);
  return summarize({ customer: purchases.customer, day, amount: purchases.amount, keys, order }, { rows, holdRows, valid: all }, { ...options, calibrationEnd }, skipped);
}

/** Purchase rows on or before the calibration end, and holdout rows up to its end; later rows are logged as left out. */
function splitByCalibration(valid: readonly number[], days: Float64Array, calibrationEnd: number, holdoutEnd: number | undefined, skipped: SkipLog): { rows: number[]; holdRows: number[] } {
  const rows: number[] = [];
  const holdRows: number[] = [];
  for (const i of valid) {
    const day = Math.floor(days[i]);
    if (day <= calibrationEnd) rows.push(i);
    else if (holdoutEnd !== undefined && day <= Math.floor(holdoutEnd)) holdRows.push(i);
    else addSkip(skipped, i, 'date', 'after-as-of');
  }
  return { rows, holdRows };
}

/** Purchase rows by customer code (≥ 0), with the customer keys and the order customers are listed in. */
interface PurchaseSource {
  customer: Int32Array;
  day: Float64Array;
  amount: Float64Array;
  keys: readonly string[];
  order: ArrayLike<number>;
}

/** The summary of calibration rows (same-day purchases merged) and holdout rows. */
function summarize(
  src: PurchaseSource,
  sel: { rows: number[]; holdRows: number[]; valid: readonly number[] },
  options: RepeatSummaryOptions & { calibrationEnd: number },
  skipped: SkipLog,
): RepeatSummary {
  const { rows, holdRows } = sel;
  const { calibrationEnd, holdoutEnd } = options;
  const unitDays = UNIT_DAYS[options.unit];
  const cust = src.customer;
  const days = src.day;
  if (rows.length === 0) throw new TierwiseError('empty', 'no purchases on or before the calibration end');
  const byCustDay = (i: number, j: number): number => cust[i] - cust[j] || Math.floor(days[i]) - Math.floor(days[j]);
  rows.sort(byCustDay);
  holdRows.sort(byCustDay);

  const k = src.keys.length;
  const first = new Float64Array(k).fill(NaN);
  const lastDay = new Float64Array(k);
  const periods = new Float64Array(k);
  const repeatValue = new Float64Array(k);
  let prevCust = -1;
  let prevDay = NaN;
  for (const i of rows) {
    const c = cust[i];
    const day = Math.floor(days[i]);
    if (c !== prevCust) first[c] = day;
    if (c !== prevCust || day !== prevDay) periods[c]++;
    lastDay[c] = day;
    prevCust = c;
    prevDay = day;
  }
  sumRepeatValue(rows, src, first, repeatValue);
  const holdCount = new Float64Array(k);
  prevCust = -1;
  prevDay = NaN;
  for (const i of holdRows) {
    const c = cust[i];
    const day = Math.floor(days[i]);
    if (first[c] === first[c] && (c !== prevCust || day !== prevDay)) holdCount[c]++;
    prevCust = c;
    prevDay = day;
  }
  // customers who purchased, but only after the calibration end
  const seenLate = new Uint8Array(k);
  for (const i of sel.valid) if (first[cust[i]] !== first[cust[i]]) seenLate[cust[i]] = 1;
  let afterOnly = 0;
  for (let c = 0; c < k; c++) afterOnly += seenLate[c];

  const slots = Array.from(src.order).filter((c) => first[c] === first[c]);
  const m = slots.length;
  const out: RepeatSummary = {
    keys: slots.map((c) => src.keys[c]),
    x: new Float64Array(m),
    tx: new Float64Array(m),
    T: new Float64Array(m),
    meanValue: new Float64Array(m),
    first: new Float64Array(m),
    unit: options.unit,
    calibrationEnd,
    rowsUsed: rows.length,
    skipped,
    customersAfterCalibration: afterOnly,
  };
  for (let j = 0; j < m; j++) {
    const c = slots[j];
    const x = periods[c] - 1;
    out.x[j] = x;
    out.tx[j] = (lastDay[c] - first[c]) / unitDays;
    out.T[j] = (calibrationEnd - first[c]) / unitDays;
    out.meanValue[j] = x > 0 ? repeatValue[c] / x : 0;
    out.first[j] = first[c];
  }
  if (holdoutEnd !== undefined) {
    out.holdoutPurchases = Float64Array.from(slots, (c) => holdCount[c]);
    out.holdoutLength = (Math.floor(holdoutEnd) - calibrationEnd) / unitDays;
  }
  return out;
}

/**
 * Per customer, the value of the purchases after their first purchase day, summed exactly in
 * whole units of the amounts' decimals (see `../money.ts`): the same in any row order and equal
 * to an exact SQL `DECIMAL` sum of the same rows (or of their per-day sums), so a summary built
 * from purchase rows a database grouped equals the one built from the rows themselves.
 */
function sumRepeatValue(rows: readonly number[], src: PurchaseSource, first: Float64Array, out: Float64Array): void {
  const { customer: cust, day: days, amount: amounts } = src;
  const values = Float64Array.from(rows, (i) => amounts[i]);
  const { decimals, fitsDouble } = moneyProfile(values);
  const scale = moneyScale(decimals);
  if (fitsDouble) {
    for (const i of rows) if (Math.floor(days[i]) !== first[cust[i]]) out[cust[i]] += toUnits(amounts[i], scale);
  } else {
    const big = new Map<number, bigint>();
    for (const i of rows) if (Math.floor(days[i]) !== first[cust[i]]) big.set(cust[i], (big.get(cust[i]) ?? 0n) + BigInt(toUnits(amounts[i], scale)));
    for (const [c, units] of big) out[c] = Number(units);
  }
  for (let c = 0; c < out.length; c++) out[c] /= scale;
}
