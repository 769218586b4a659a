/**
 * Mean silhouette width (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20) with Euclidean distances, as
 * scikit-learn's `silhouette_score`: s(i) = (b − a) / max(a, b), a = mean distance to the other
 * members of its cluster, b = the smallest mean distance to another cluster; s(i) = 0 for a
 * point alone in its cluster.
 *
 * Exact for up to {@link SILHOUETTE_EXACT_MAX} points. Above that, it is computed on a sample of
 * {@link SILHOUETTE_SAMPLE} points drawn without replacement by a generator seeded with `seed`
 * (scikit-learn's `sample_size`: distances and cluster sizes within the sample only). Several
 * labellings of the same points (k = 2…8) are scored in one pass over the pairs.
 */
import { sqDist } from './distance';
import { seededRandom } from './random';

/** Largest number of points scored exactly. */
export const SILHOUETTE_EXACT_MAX = 5000;
/** Sample size above {@link SILHOUETTE_EXACT_MAX}. */
export const SILHOUETTE_SAMPLE = 5000;

/** Mean silhouettes of several labellings, and how they were computed. */
export interface SilhouetteResult {
  /** One per labelling; NaN when a labelling has fewer than 2 clusters among the points used. */
  values: number[];
  /** Points the scores are computed on. */
  used: number;
  sampled: boolean;
  seed: number;
}

/**
 * Mean silhouettes of labellings of the same n points (dimension d, row-major).
 *
 * @example
 * const pts = new Float64Array([0, 1, 10, 11]);
 * silhouettes(pts, 4, 1, [new Int32Array([0, 0, 1, 1])]).values; // [0.9]
 */
export function silhouettes(
  points: Float64Array, n: number, d: number, labellings: readonly Int32Array[],
  options: { seed?: number; exactMax?: number; sampleSize?: number } = {},
): SilhouetteResult {
  const seed = options.seed ?? 0;
  const exactMax = options.exactMax ?? SILHOUETTE_EXACT_MAX;
  const sampled = n > exactMax;
  const idx = sampled ? sampleIndices(n, options.sampleSize ?? SILHOUETTE_SAMPLE, seed) : null;
  const m = idx ? idx.length : n;
  const sub = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const i = idx ? idx[r] : r;
    for (let f = 0; f < d; f++) sub[r * d + f] = points[i * d + f];
  }
  const L = labellings.length;
  const ks = labellings.map((lab) => {
    let max = 0;
    for (let i = 0; i < n; i++) if (lab[i] > max) max = lab[i];
    return max + 1;
  });
  const offsets: number[] = [];
  let total = 0;
  ks.forEach((k) => {
    offsets.push(total);
    total += k;
  });
  // col[r * L + s] = slot of point r's cluster in labelling s
  const col = new Int32Array(m * L);
  for (let r = 0; r < m; r++) {
    const i = idx ? idx[r] : r;
    for (let s = 0; s < L; s++) col[r * L + s] = offsets[s] + labellings[s][i];
  }
  const sums = new Float64Array(m * total);
  for (let a = 0; a < m; a++) {
    const pa = a * d;
    const ra = a * total;
    for (let b = a + 1; b < m; b++) {
      const pb = b * d;
      const dist = Math.sqrt(sqDist(sub, pa, sub, pb, d));
      const rb = b * total;
      for (let s = 0; s < L; s++) {
        sums[ra + col[b * L + s]] += dist;
        sums[rb + col[a * L + s]] += dist;
      }
    }
  }
  const counts = new Float64Array(total);
  for (let r = 0; r < m; r++) for (let s = 0; s < L; s++) counts[col[r * L + s]]++;
  const values = ks.map((k, s) => {
    const off = offsets[s];
    let present = 0;
    for (let c = 0; c < k; c++) if (counts[off + c] > 0) present++;
    if (present < 2) return NaN;
    let acc = 0;
    for (let r = 0; r < m; r++) {
      const own = col[r * L + s];
      if (counts[own] < 2) continue;
      const a = sums[r * total + own] / (counts[own] - 1);
      let b = Infinity;
      for (let c = off; c < off + k; c++) {
        if (c === own || counts[c] === 0) continue;
        const v = sums[r * total + c] / counts[c];
        if (v < b) b = v;
      }
      const den = Math.max(a, b);
      acc += den > 0 ? (b - a) / den : 0;
    }
    return acc / m;
  });
  return { values, used: m, sampled, seed };
}

/**
 * `size` distinct indices of 0…n−1 (partial Fisher–Yates, seeded), in draw order.
 *
 * @example
 * sampleIndices(10, 3, 0); // three distinct indices, the same for seed 0 every time
 */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  const m = Math.min(n, size);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const rng = seededRandom(seed);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, m);
}
