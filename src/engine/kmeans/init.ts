/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful
 * seeding", SODA), in the greedy form scikit-learn uses: the first centre is a uniformly random
 * point; each next centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability
 * proportional to the squared distance to the nearest centre chosen so far — "best" being the
 * candidate that leaves the smallest total squared distance (the potential).
 */
import { sqDist } from './distance';
import type { Random } from './random';

/**
 * Chooses k initial centres among n points of dimension d (row-major), returned row-major.
 *
 * @example
 * const pts = new Float64Array([0, 0, 0, 1, 10, 10, 10, 11]);
 * kmeansPlusPlus(pts, 4, 2, 2, seededRandom(1)); // one centre near (0, 0.5), one near (10, 10.5)
 */
export function kmeansPlusPlus(points: Float64Array, n: number, d: number, k: number, rng: Random): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  copyPoint(points, first, centers, 0, d);
  let closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = sqDistTo(points, i, centers, 0, d);
  const cum = new Float64Array(n);
  const cand = Array.from({ length: trials }, () => new Float64Array(n));
  const candIdx = new Int32Array(trials);
  const candPot = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += closest[i];
      cum[i] = s;
    }
    for (let t = 0; t < trials; t++) candIdx[t] = Math.min(n - 1, searchLeft(cum, rng.next() * s));
    for (let t = 0; t < trials; t++) {
      const out = cand[t];
      const ci = candIdx[t] * d;
      let p = 0;
      for (let i = 0; i < n; i++) {
        const dist = sqDist(points, i * d, points, ci, d);
        const v = dist < closest[i] ? dist : closest[i];
        out[i] = v;
        p += v;
      }
      candPot[t] = p;
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (candPot[t] < candPot[best]) best = t;
    const chosen = cand[best];
    cand[best] = closest;
    closest = chosen;
    copyPoint(points, candIdx[best], centers, c, d);
  }
  return centers;
}

/** First index i with cum[i] ≥ r (numpy's searchsorted, side "left"). */
function searchLeft(cum: Float64Array, r: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function copyPoint(points: Float64Array, i: number, centers: Float64Array, c: number, d: number): void {
  for (let f = 0; f < d; f++) centers[c * d + f] = points[i * d + f];
}

/**
 * Squared Euclidean distance from point i to centre c.
 *
 * @example
 * sqDistTo(new Float64Array([0, 0]), 0, new Float64Array([3, 4]), 0, 2); // 25
 */
export function sqDistTo(points: Float64Array, i: number, centers: Float64Array, c: number, d: number): number {
  return sqDist(points, i * d, centers, c * d, d);
}
