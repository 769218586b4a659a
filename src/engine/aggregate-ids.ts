/**
 * Fast path of `aggregateTransactions` for numeric customer ids: whole numbers in a compact
 * range (at most 4 × rows + 1024 apart), whole day numbers, every cell valid, no invoice column,
 * and either every amount positive (so every row is a purchase) or returns "all" (the peer
 * benchmark's pandas semantics, every row a transaction). Money is summed exactly, in whole
 * units of the amounts' decimals (see `money.ts`). Per-customer sums sit in slots indexed by id − base, so rows are read once and
 * customers come out already in id order. Everything runs on 32-bit integers: a reader that
 * knows its ids and days are whole (the benchmark reader does) hands over Int32Arrays and saves
 * both memory traffic and a conversion; 64-bit columns are converted first.
 */
import type { AggregateOptions, Customers } from './aggregate';
import { moneyProfile, moneyScale } from './money';
import { emptySkipLog } from './skips';

/**
 * Days must lie in [−2^29, 2^29) (±1.4 million years around 1970): then every difference of
 * two days, and of a day and a sentinel, fits in 31 bits, which the branch-free min/max needs.
 * A day outside sends the input to the general path.
 */
const DAY_BOUND = 2 ** 29;
const NO_FIRST = 2 ** 30;
const NO_LAST = -(2 ** 30);

/**
 * Aggregates transactions whose customer ids are numbers; null when the input does not qualify
 * (see the module notes), so the caller falls back to the general path (same results, tested).
 *
 * @example
 * const c = aggregateNumericIds(new Int32Array([7, 5, 7]), new Int32Array([0, 3, 9]), new Float64Array([1, 2, 3]));
 * c?.keys; // ["5", "7"]; c?.frequency // [1, 2]; c?.recency // [7, 1]
 */
export function aggregateNumericIds(
  ids: Int32Array | Float64Array,
  days: Int32Array | Float64Array,
  amounts: Float64Array,
  options: AggregateOptions = {},
): Customers | null {
  const n = ids.length;
  if (n === 0 || days.length !== n || amounts.length !== n) return null;
  if (options.returns !== 'all' && !allPositive(amounts)) return null;
  const { decimals, fitsDouble } = moneyProfile(amounts);
  if (!fitsDouble) return null;
  const scale = moneyScale(decimals);
  const idCol = wholeInt32(ids);
  const dayCol = idCol && wholeInt32(days);
  if (!idCol || !dayCol) return null;
  const widest = Math.min(4 * n + 1024, 1 << 27);
  // no pass to find the id range first: slots start around the first id (so its row always
  // fits) and widen on demand
  let sums: IdSlots | null = idSlots(idCol[0] - 512, Math.min(1024, widest));
  for (let i = 0; (i = sumById(idCol, dayCol, amounts, scale, i, sums)) < n; ) {
    if (!dayInBounds(dayCol[i])) return null;
    sums = widen(sums, idCol[i], widest);
    if (sums === null) return null;
  }
  const used = usedSlots(sums);
  if (!used) return null;
  for (let j = 0; j < used.money.length; j++) used.money[j] /= scale;
  const table = customerTable(used, n, options.asOf);
  if (table) table.moneyDecimals = decimals;
  return table;
}

function allPositive(amounts: Float64Array): boolean {
  for (let i = 0; i < amounts.length; i++) if (!(amounts[i] > 0)) return false;
  return true;
}

/** Per-customer sums in slots id − base. */
interface IdSlots {
  base: number;
  freq: Int32Array;
  money: Float64Array;
  first: Int32Array;
  last: Int32Array;
}

function idSlots(base: number, cap: number): IdSlots {
  return { base, freq: new Int32Array(cap), money: new Float64Array(cap), first: new Int32Array(cap).fill(NO_FIRST), last: new Int32Array(cap).fill(NO_LAST) };
}

/**
 * Slots that also hold `id`: twice as many as the ids seen so far plus `id` span (at most
 * `widest`), those ids in the middle, so later ids on either side find room and the slots widen
 * only a few times. Null when the ids are further apart than `widest`.
 */
function widen(s: IdSlots, id: number, widest: number): IdSlots | null {
  const { freq } = s;
  let from = 0;
  while (freq[from] === 0) from++;
  let to = freq.length;
  while (freq[to - 1] === 0) to--;
  const lo = Math.min(s.base + from, id);
  const hi = Math.max(s.base + to - 1, id);
  if (hi - lo + 1 > widest) return null;
  const grown = Math.min(widest, 2 * (hi - lo + 1));
  const t = idSlots(lo - Math.floor((grown - (hi - lo + 1)) / 2), grown);
  const at = s.base + from - t.base;
  t.freq.set(s.freq.subarray(from, to), at);
  t.money.set(s.money.subarray(from, to), at);
  t.first.set(s.first.subarray(from, to), at);
  t.last.set(s.last.subarray(from, to), at);
  return t;
}

/** The column as Int32Array (itself when it is one); null when a value is not a whole 32-bit number. */
function wholeInt32(col: Int32Array | Float64Array): Int32Array | null {
  if (col instanceof Int32Array) return col;
  const out = new Int32Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if ((v | 0) !== v) return null;
    out[i] = v;
  }
  return out;
}

function dayInBounds(d: number): boolean {
  return d >= -DAY_BOUND && d < DAY_BOUND;
}

/**
 * Sums rows from `from` on into slots id − base (money in whole units of 1 / scale), up to the first row whose id has no slot or
 * whose day is out of bounds; returns that row (the length when every row went in). First and
 * last day without branches: in `f ^ ((f ^ d) & ((d - f) >> 31))` the mask is all ones exactly
 * when d < f, so the result is d then and f otherwise; a branch here would be mispredicted on
 * most rows.
 */
function sumById(ids: Int32Array, days: Int32Array, amounts: Float64Array, scale: number, from: number, s: IdSlots): number {
  const { base, freq, money, first, last } = s;
  const cap = freq.length;
  for (let i = from; i < ids.length; i++) {
    const k = ids[i] - base;
    const d = days[i];
    if (k >>> 0 >= cap || (d + DAY_BOUND) >>> 0 >= 2 * DAY_BOUND) return i;
    freq[k]++;
    money[k] += Math.round(amounts[i] * scale);
    const f = first[k];
    first[k] = f ^ ((f ^ d) & ((d - f) >> 31));
    const l = last[k];
    last[k] = l ^ ((l ^ d) & ((l - d) >> 31));
  }
  return ids.length;
}

/** The customers' sums, one entry per customer in id order. */
interface UsedSlots {
  ids: Int32Array;
  freq: Int32Array;
  money: Float64Array;
  first: Int32Array;
  last: Int32Array;
}

/**
 * The slots that have rows, in id order; null when an amount was NaN (the general path logs it).
 * Dense ids (every id between the smallest and the largest has rows, the usual case) take
 * whole-range copies, which cost next to nothing; others are gathered one by one.
 */
function usedSlots(s: IdSlots): UsedSlots | null {
  const { freq } = s;
  let from = 0;
  while (freq[from] === 0) from++;
  let to = freq.length;
  while (freq[to - 1] === 0) to--;
  if (s.money.subarray(from, to).includes(NaN)) return null;
  if (!freq.subarray(from, to).includes(0)) {
    const ids = new Int32Array(to - from);
    for (let j = 0; j < ids.length; j++) ids[j] = s.base + from + j;
    return { ids, freq: freq.slice(from, to), money: s.money.slice(from, to), first: s.first.slice(from, to), last: s.last.slice(from, to) };
  }
  const slots: number[] = [];
  for (let k = from; k < to; k++) if (freq[k] !== 0) slots.push(k);
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(slots.length);
    for (let j = 0; j < slots.length; j++) out[j] = a[slots[j]];
    return out;
  };
  return { ids: Int32Array.from(slots, (k) => s.base + k), freq: pick(freq), money: pick(s.money), first: pick(s.first), last: pick(s.last) };
}

/** The customer table; null when a row is on or after the as-of day (the general path skips and logs it). */
function customerTable(u: UsedSlots, rows: number, asOfOption: number | undefined): Customers | null {
  const m = u.ids.length;
  let maxDay = NO_LAST;
  for (let j = 0; j < m; j++) if (u.last[j] > maxDay) maxDay = u.last[j];
  if (asOfOption !== undefined && !(maxDay < asOfOption)) return null;
  const asOf = asOfOption ?? maxDay + 1;
  const keys = new Array<string>(m);
  const recency = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    keys[j] = String(u.ids[j]);
    recency[j] = asOf - u.last[j];
  }
  return {
    keys,
    first: new Float64Array(u.first),
    last: new Float64Array(u.last),
    recency,
    frequency: new Float64Array(u.freq),
    monetary: u.money,
    asOf,
    rowsUsed: rows,
    skipped: emptySkipLog(),
  };
}
