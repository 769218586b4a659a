/**
 * The inner loops of k-means on row-major Float64Arrays. A loop over a small, unknown number of
 * features is several times slower in V8 than straight-line code, so the common dimensions
 * (2, 3, 4; recency-frequency-monetary is 3) have their own branch and the rest loop.
 */

/**
 * Squared Euclidean distance between a[ai…ai+d) and b[bi…bi+d).
 *
 * @example
 * sqDist(new Float64Array([0, 0]), 0, new Float64Array([3, 4]), 0, 2); // 25
 */
export function sqDist(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): number {
  if (d === 3) {
    const x = a[ai] - b[bi];
    const y = a[ai + 1] - b[bi + 1];
    const z = a[ai + 2] - b[bi + 2];
    return x * x + y * y + z * z;
  }
  if (d === 2) {
    const x = a[ai] - b[bi];
    const y = a[ai + 1] - b[bi + 1];
    return x * x + y * y;
  }
  if (d === 4) {
    const x = a[ai] - b[bi];
    const y = a[ai + 1] - b[bi + 1];
    const z = a[ai + 2] - b[bi + 2];
    const w = a[ai + 3] - b[bi + 3];
    return x * x + y * y + z * z + w * w;
  }
  let s = 0;
  for (let f = 0; f < d; f++) {
    const e = a[ai + f] - b[bi + f];
    s += e * e;
  }
  return s;
}

/**
 * Adds a[ai…ai+d) into out[oi…oi+d).
 *
 * @example
 * const out = new Float64Array(2); addInto(out, 0, new Float64Array([1, 2]), 0, 2); // out = [1, 2]
 */
export function addInto(out: Float64Array, oi: number, a: Float64Array, ai: number, d: number): void {
  if (d === 3) {
    out[oi] += a[ai];
    out[oi + 1] += a[ai + 1];
    out[oi + 2] += a[ai + 2];
    return;
  }
  for (let f = 0; f < d; f++) out[oi + f] += a[ai + f];
}
