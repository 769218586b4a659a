/**
 * Rank order with ties broken by position — what pandas' `rank(method="first")` and a stable
 * sort give — without a comparator on the common path.
 *
 * Whole numbers in a small range (days, counts) take a counting sort. Other numbers: each value
 * becomes one unsigned 64-bit key: its IEEE-754 bits turned so that unsigned order is numeric
 * order (negative numbers have every bit flipped, others the sign bit set), with the
 * lowest `b` bits replaced by the item's position (2^b ≥ n). One native sort of those keys puts
 * items in value order, and equal values in position order. Dropping `b` low mantissa bits can
 * make values that differ only there (e.g. 0.42 and 0.4200000000000004, sums of the same
 * amounts in another order) share the upper bits; such runs are few and short, and are sorted
 * exactly by (value, position) afterwards. Distinct upper bits always mean distinct values in
 * the right order, so the result is exact.
 */

/** Where the high and low 32-bit words of a 64-bit value sit in a Uint32Array view. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;
/** The sign bit of a signed 32-bit half. */
const SIGN = 0x80000000 | 0;

/**
 * Items in rank order, ties broken by position; NaN values are left out.
 *
 * @example
 * rankFirstOrder([30, 10, 30, 20]); // Int32Array [1, 3, 0, 2]
 * rankFirstOrder([30, 10, 30, 20], true); // Int32Array [0, 2, 3, 1]
 */
export function rankFirstOrder(values: ArrayLike<number>, descending = false): Int32Array {
  return countingOrder(values, descending) ?? (typeof BigUint64Array === 'undefined' ? rankFirstOrderByComparator(values, descending) : packedKeyOrder(values, descending));
}

/**
 * Whole 32-bit numbers in a small range (days, counts): a counting sort, no comparisons at all;
 * null for other values.
 */
function countingOrder(values: ArrayLike<number>, descending: boolean): Int32Array | null {
  const n = values.length;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if ((v | 0) !== v) return null; // whole 32-bit numbers only (cheaper than a Math.floor call)
    m++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min + 1;
  if (m === 0 || !(span <= 4 * m + 1024)) return null; // NaN span: infinities
  const start = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) start[(descending ? max - v : v - min) + 1]++;
  }
  for (let b = 1; b <= span; b++) start[b] += start[b - 1];
  const order = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === v) order[start[descending ? max - v : v - min]++] = i;
  }
  return order;
}

/**
 * Any numbers: one native sort of packed 64-bit keys (see the module notes). Two passes around
 * the sort, each doing all it can: this often runs before V8 has compiled it, so the keys are
 * worked on as signed 32-bit halves, which the interpreter keeps unboxed, and a 64-bit column
 * without NaN is copied in natively.
 */
function packedKeyOrder(values: ArrayLike<number>, descending: boolean): Int32Array {
  const n = values.length;
  let bits = 1;
  while (2 ** bits < n) bits++;
  const keep = bits >= 32 ? 0 : ~(2 ** bits - 1);
  const keys = new Float64Array(n);
  const words = new Int32Array(keys.buffer);
  let m = n;
  let positions: Int32Array | null = null;
  if (values instanceof Float64Array && !values.includes(NaN)) keys.set(values);
  else {
    positions = new Int32Array(n);
    m = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) continue;
      keys[m] = v;
      positions[m++] = i;
    }
  }
  for (let p = 0; p < m; p++) {
    let hi = words[2 * p + HI];
    let lo = words[2 * p + LO];
    if (hi === SIGN && lo === 0) hi = 0; // −0 sorts as the +0 it equals
    // unsigned order = numeric order: negative numbers get every bit flipped, others the sign bit
    if (hi < 0) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= SIGN;
    if (descending) {
      hi = ~hi;
      lo = ~lo;
    }
    words[2 * p + HI] = hi;
    words[2 * p + LO] = (lo & keep) | (positions === null ? p : positions[p]);
  }
  new BigUint64Array(keys.buffer, 0, m).sort();
  // read the positions back; items whose keys agree above the position bits but whose values
  // differ ("mixed" runs) are then sorted exactly by (value, position)
  const order = new Int32Array(m);
  const index = ~keep;
  let start = 0;
  let mixed = false;
  let runHi = 0;
  let runTop = 0;
  for (let p = 0; p < m; p++) {
    const hi = words[2 * p + HI];
    const lo = words[2 * p + LO];
    const item = lo & index;
    order[p] = item;
    if (p > 0 && hi === runHi && (lo & keep) === runTop) {
      if (values[item] !== values[order[p - 1]]) mixed = true;
      continue;
    }
    if (mixed) sortRun(order, start, p, values, descending);
    start = p;
    mixed = false;
    runHi = hi;
    runTop = lo & keep;
  }
  if (mixed) sortRun(order, start, m, values, descending);
  return order;
}

/** Sorts order[start…end) by (value, position): insertion sort for the usual short run. */
function sortRun(order: Int32Array, start: number, end: number, values: ArrayLike<number>, descending: boolean): void {
  const sign = descending ? -1 : 1;
  if (end - start > 16) {
    order.subarray(start, end).sort((a, b) => sign * (values[a] - values[b]) || a - b);
    return;
  }
  for (let p = start + 1; p < end; p++) {
    const item = order[p];
    const v = sign * values[item];
    let q = p;
    while (q > start && (sign * values[order[q - 1]] > v || (sign * values[order[q - 1]] === v && order[q - 1] > item))) {
      order[q] = order[q - 1];
      q--;
    }
    order[q] = item;
  }
}

/**
 * The descending rank order (ties by position) from the ascending one of the same values: the
 * ascending order read backwards, except that each run of equal values keeps its ascending
 * positions. Saves a second sort when both orders are needed (M score and ABC).
 *
 * @example
 * descendingRankOrder(rankFirstOrder([30, 10, 30, 20]), [30, 10, 30, 20]); // Int32Array [0, 2, 3, 1]
 */
export function descendingRankOrder(ascending: Int32Array, values: ArrayLike<number>): Int32Array {
  const m = ascending.length;
  const out = new Int32Array(m);
  let q = 0;
  for (let p = m - 1; p >= 0; ) {
    const v = values[ascending[p]];
    let start = p;
    while (start > 0 && values[ascending[start - 1]] === v) start--;
    for (let t = start; t <= p; t++) out[q++] = ascending[t];
    p = start - 1;
  }
  return out;
}

/**
 * The same order by a comparator sort: the fallback where 64-bit typed arrays are missing,
 * and the reference the tests hold the fast path to.
 *
 * @example
 * rankFirstOrderByComparator([30, 10, 30, 20], true); // Int32Array [0, 2, 3, 1]
 */
export function rankFirstOrderByComparator(values: ArrayLike<number>, descending = false): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) idx.push(i);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => sign * (values[a] - values[b]) || a - b);
  return Int32Array.from(idx);
}
