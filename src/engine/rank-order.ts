/**
 * Rank order with ties broken by position — what pandas' `rank(method="first")` and a stable
 * sort give — without a comparator on the common path.
 *
 * Whole numbers in a small range (days, counts) take a counting sort. Other numbers: each value becomes one unsigned 64-bit key: its IEEE-754 bits turned so that unsigned order is
 * numeric order (negative numbers have every bit flipped, others the sign bit set), with the
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
const SIGN = 0x80000000;

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
 * Whole numbers in a small range (days, counts): a counting sort, no comparisons at all; null
 * for other values.
 */
function countingOrder(values: ArrayLike<number>, descending: boolean): Int32Array | null {
  const n = values.length;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v !== Math.floor(v)) return null;
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

/** Any numbers: one native sort of packed 64-bit keys (see the module notes). */
function packedKeyOrder(values: ArrayLike<number>, descending: boolean): Int32Array {
  const n = values.length;
  let bits = 1;
  while (2 ** bits < n) bits++;
  const keep = bits >= 32 ? 0 : ~(2 ** bits - 1);
  const keys = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // + 0 turns −0 into +0, so the two sort as the equal numbers they are
    if (v === v) keys[m++] = (descending ? -v : v) + 0;
  }
  const words = new Uint32Array(keys.buffer, 0, 2 * m);
  for (let i = 0, j = 0; j < m; i++) {
    if (values[i] !== values[i]) continue;
    const hi = words[2 * j + HI];
    const lo = words[2 * j + LO];
    const negative = hi >= SIGN;
    words[2 * j + HI] = negative ? ~hi : hi | SIGN;
    words[2 * j + LO] = ((negative ? ~lo : lo) & keep) | i;
    j++;
  }
  new BigUint64Array(keys.buffer, 0, m).sort();
  const order = new Int32Array(m);
  const index = ~keep;
  for (let p = 0; p < m; p++) order[p] = words[2 * p + LO] & index;
  sortSharedPrefixRuns(order, words, keep, values, descending);
  return order;
}

/** Sorts, exactly by (value, position), each run of items whose keys agree above the position bits. */
function sortSharedPrefixRuns(order: Int32Array, words: Uint32Array, keep: number, values: ArrayLike<number>, descending: boolean): void {
  const m = order.length;
  let start = 0;
  let mixed = false;
  for (let p = 1; p <= m; p++) {
    const sameRun = p < m && words[2 * p + HI] === words[2 * p - 2 + HI] && ((words[2 * p + LO] ^ words[2 * p - 2 + LO]) & keep) === 0;
    if (sameRun) {
      if (values[order[p]] !== values[order[p - 1]]) mixed = true;
      continue;
    }
    if (mixed) sortRun(order, start, p, values, descending);
    start = p;
    mixed = false;
  }
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
