/**
 * k-means (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)) with
 * greedy k-means++ seeding, `restarts` independent runs (the lowest inertia wins; the first on a
 * tie) and reproducible randomness: all runs draw from one generator seeded by `seed`.
 *
 * Defaults follow scikit-learn's `KMeans`: 10 restarts, at most 300 iterations, tol = 1e-4 ×
 * the mean variance of the features (absolute tolerance on the total squared centre shift).
 *
 * Beyond scikit-learn (with `refine`, default on): each run is improved by Hartigan's moves
 * (hartigan.ts), and the best by one round of centre swaps; the result is still a Lloyd fixed
 * point with a lower or equal inertia. Above SAMPLE_ABOVE points the restarts run on a seeded
 * sample of SAMPLE_SIZE; the best FINALISTS sample solutions are scored on every point and the
 * best of them is refined on every point (Lloyd, then Hartigan).
 *
 * Clusters are renumbered in a stable order: by the mean of `rankBy` (e.g. monetary value in
 * original units) descending when given, otherwise by the first coordinate of the centroid
 * descending; ties by the remaining centroid coordinates, descending. Cluster 0 is the first.
 */
import { TierwiseError } from '../errors';
import { hartiganRefine } from './hartigan';
import { inertiaOf, lloydHamerly, type LloydOptions, type LloydResult } from './hamerly';
import { sqDist } from './distance';
import { kmeansPlusPlus, sqDistTo } from './init';
import { seededRandom, type Random } from './random';
import { sampleIndices } from './silhouette';

/** Options of {@link kmeans}. */
export interface KMeansOptions {
  k: number;
  /** Default 0. */
  seed?: number;
  /** Independent k-means++ runs, 1…1000. Default 10. */
  restarts?: number;
  /** Default 300. */
  maxIter?: number;
  /** Relative tolerance (× mean feature variance). Default 1e-4. */
  tol?: number;
  /** One value per point; clusters are numbered by its cluster mean, descending. */
  rankBy?: ArrayLike<number>;
  /** Improve each run with Hartigan's single-point moves (see hartigan.ts). Default true. */
  refine?: boolean;
  /**
   * Run the restarts on a seeded sample of SAMPLE_SIZE points when there are more than
   * SAMPLE_ABOVE; the best of its FINALISTS solutions on all points is refined on all points. Default true.
   */
  sample?: boolean;
  /** Record the inertia after each assignment step of the winning run. */
  trace?: boolean;
}

/** A fitted k-means model on points. */
export interface KMeansFit {
  k: number;
  /** Cluster of each point, 0…k−1 in the documented order. */
  labels: Int32Array;
  /** k × d, row-major, same space as the points. */
  centers: Float64Array;
  sizes: number[];
  inertia: number;
  /** Iterations of the winning run. */
  iterations: number;
  /** Inertia of every restart, in order (on the sample when the restarts ran on one). */
  runInertias: number[];
  trace?: number[];
}

/**
 * Fits k-means to n points of dimension d (row-major).
 *
 * @example
 * const fit = kmeans(new Float64Array([0, 1, 10, 11]), 4, 1, { k: 2, seed: 1 });
 * fit.labels; // [1, 1, 0, 0] (the cluster with the larger first coordinate is 0)
 */
export function kmeans(points: Float64Array, n: number, d: number, options: KMeansOptions): KMeansFit {
  const { k } = options;
  const restarts = options.restarts ?? 10;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(k) || k < 1) throw new TierwiseError('option', `k must be a whole number ≥ 1, got ${String(k)}`);
  if (!Number.isInteger(restarts) || restarts < 1 || restarts > 1000) {
    throw new TierwiseError('option', `restarts must be a whole number from 1 to 1000, got ${String(restarts)}`);
  }
  if (!Number.isInteger(seed)) throw new TierwiseError('option', `seed must be a whole number, got ${String(seed)}`);
  if (n < k) throw new TierwiseError('empty', `k-means with k = ${k} needs at least ${k} customers, got ${n}`);
  const tol = (options.tol ?? 1e-4) * meanVariance(points, n, d);
  const maxIter = options.maxIter ?? 300;
  const refine = options.refine ?? true;
  const rng = seededRandom(seed);
  const opts: LloydOptions = { maxIter, tol, trace: options.trace };
  const useSample = (options.sample ?? true) && n > SAMPLE_ABOVE;
  let won: LloydResult;
  let runInertias: number[];
  if (!useSample) {
    const runs = search(points, n, d, k, restarts, rng, opts, refine);
    runInertias = runs.inertias;
    won = runs.finalists[0];
  } else {
    // restarts on a seeded sample; its best few solutions are refined on every point
    const idx = sampleIndices(n, SAMPLE_SIZE, seed);
    const sub = new Float64Array(idx.length * d);
    idx.forEach((i, r) => sub.set(points.subarray(i * d, i * d + d), r * d));
    const runs = search(sub, idx.length, d, k, restarts, rng, { maxIter, tol }, refine);
    runInertias = runs.inertias;
    // the finalist with the lowest inertia on every point (one assignment pass each) is refined
    let best = runs.finalists[0];
    let bestInertia = Infinity;
    for (const f of runs.finalists) {
      const inertia = nearestInertia(points, n, d, f.centers, k);
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = f;
      }
    }
    let run = lloydHamerly(points, n, d, best.centers, opts);
    if (refine) run = polish(points, n, d, k, run, opts);
    won = run;
  }
  const order = clusterOrder(won.centers, won.labels, k, d, options.rankBy);
  const rename = new Int32Array(k);
  order.forEach((old, j) => (rename[old] = j));
  const labels = won.labels.map((l) => rename[l]);
  const centers = new Float64Array(k * d);
  order.forEach((old, j) => centers.set(won.centers.subarray(old * d, old * d + d), j * d));
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const fit: KMeansFit = { k, labels, centers, sizes, inertia: won.inertia, iterations: won.iterations, runInertias };
  if (won.trace) fit.trace = won.trace;
  return fit;
}

/** Above this many points the restarts run on a sample. */
export const SAMPLE_ABOVE = 20000;
/** Points in that sample. */
export const SAMPLE_SIZE = 5000;
/** Best distinct sample solutions scored on every point; the best of them is refined. */
export const FINALISTS = 3;

/** Inertia of the points when each goes to its nearest centre. */
function nearestInertia(points: Float64Array, n: number, d: number, centers: Float64Array, k: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sqDist(points, i * d, centers, c * d, d);
      if (s < best) best = s;
    }
    total += best;
  }
  return total;
}

/**
 * `restarts` runs (k-means++, Lloyd, Hartigan when `refine`), then centre swaps on the best;
 * returns every run's inertia and the best distinct solutions, best first.
 */
function search(
  points: Float64Array, n: number, d: number, k: number, restarts: number, rng: Random, opts: LloydOptions, refine: boolean,
): { inertias: number[]; finalists: LloydResult[] } {
  const runs: LloydResult[] = [];
  for (let r = 0; r < restarts; r++) {
    const init = kmeansPlusPlus(points, n, d, k, rng);
    let run = lloydHamerly(points, n, d, init, opts);
    if (refine) run = polish(points, n, d, k, run, opts);
    runs.push(run);
  }
  const inertias = runs.map((r) => r.inertia);
  // best first; equal inertias keep run order; near-equal inertias are the same solution
  const sorted = runs.map((r, i) => ({ r, i })).sort((a, b) => a.r.inertia - b.r.inertia || a.i - b.i).map((x) => x.r);
  const finalists: LloydResult[] = [];
  for (const r of sorted) {
    if (finalists.length === FINALISTS) break;
    if (finalists.every((f) => Math.abs(f.inertia - r.inertia) > 1e-9 * f.inertia)) finalists.push(r);
  }
  if (refine && k > 1) finalists[0] = swapCentres(points, n, d, k, finalists[0], rng, opts);
  return { inertias, finalists };
}

/**
 * Hartigan's moves on a Lloyd result, then Lloyd again from the improved means when anything
 * moved: that confirms every point is nearest its centre and recomputes the inertia exactly.
 */
function polish(points: Float64Array, n: number, d: number, k: number, run: LloydResult, opts: LloydOptions): LloydResult {
  const moves = k < 2 ? 0 : hartiganRefine(points, n, d, run.labels, run.centers, k);
  if (moves === 0) return run;
  if (moves > 0) {
    // converged: no point gains from a move, so each is nearest its own mean (a Lloyd fixed point)
    const inertia = inertiaOf(points, n, d, run.centers, run.labels);
    return run.trace ? { ...run, inertia, trace: [...run.trace, inertia] } : { ...run, inertia };
  }
  const again = lloydHamerly(points, n, d, run.centers, opts);
  const trace = run.trace && again.trace ? [...run.trace, ...again.trace] : undefined;
  return { ...again, iterations: run.iterations + again.iterations, ...(trace ? { trace } : {}) };
}

/**
 * One round of centre swaps on the best run: for each cluster in turn, its centre moves to a
 * point drawn with probability proportional to the squared distance to the other centres
 * (k-means++ style), then Lloyd and Hartigan run again; the result is kept when it lowers the
 * inertia. Lloyd's local optima often put two centres in one natural group and none in
 * another; a swap moves a centre across, which no single-point move can do.
 */
function swapCentres(points: Float64Array, n: number, d: number, k: number, start: LloydResult, rng: Random, opts: LloydOptions): LloydResult {
  let best = start;
  const dist = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let m = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === j) continue;
        const s = sqDistTo(points, i, best.centers, c, d);
        if (s < m) m = s;
      }
      dist[i] = m;
      total += m;
    }
    let r = rng.next() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i];
      if (r < 0) {
        pick = i;
        break;
      }
    }
    const init = Float64Array.from(best.centers);
    init.set(points.subarray(pick * d, pick * d + d), j * d);
    const run = polish(points, n, d, k, lloydHamerly(points, n, d, init, opts), opts);
    if (run.inertia < best.inertia * (1 - 1e-12)) best = { ...run, iterations: best.iterations + run.iterations };
  }
  return best;
}

/** Old cluster indices in the documented order. */
function clusterOrder(centers: Float64Array, labels: Int32Array, k: number, d: number, rankBy?: ArrayLike<number>): number[] {
  const key = new Float64Array(k);
  if (rankBy) {
    const count = new Float64Array(k);
    for (let i = 0; i < labels.length; i++) {
      key[labels[i]] += rankBy[i];
      count[labels[i]]++;
    }
    for (let j = 0; j < k; j++) key[j] = count[j] > 0 ? key[j] / count[j] : -Infinity;
  } else {
    for (let j = 0; j < k; j++) key[j] = centers[j * d];
  }
  return Array.from({ length: k }, (_, j) => j).sort((a, b) => {
    if (key[a] !== key[b]) return key[b] - key[a];
    for (let f = 0; f < d; f++) {
      const diff = centers[b * d + f] - centers[a * d + f];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
}

/**
 * Mean of the per-feature population variances (scikit-learn's tolerance scale).
 *
 * @example
 * meanVariance(new Float64Array([0, 0, 2, 4]), 2, 2); // (1 + 4) / 2 = 2.5
 */
export function meanVariance(points: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let f = 0; f < d; f++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += points[i * d + f];
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (points[i * d + f] - mean) ** 2;
    total += ss / n;
  }
  return total / d;
}
