/**
 * Lloyd's k-means iterations, accelerated with Hamerly's bounds (G. Hamerly 2010, "Making
 * k-means even faster", SIAM SDM): each point keeps an upper bound on the distance to its own
 * centre and a lower bound on the distance to any other, so most points skip the distance
 * computations; the labels and centres are exactly those of plain Lloyd iterations.
 *
 * Stopping as in scikit-learn: after a centre update, stop when the total squared centre shift
 * is ≤ `tol` (an absolute tolerance), or when no label changed; at most `maxIter` updates; the
 * labels are always those of the final centres. An empty cluster takes the point farthest from
 * its centre (scikit-learn's rule), so every cluster keeps at least one point.
 */
import { addInto, sqDist } from './distance';
import { sqDistTo } from './init';

/** Options of {@link lloydHamerly}. */
export interface LloydOptions {
  /** Maximum centre updates. */
  maxIter: number;
  /** Absolute tolerance on the total squared centre shift. */
  tol: number;
  /** Record the inertia after every assignment step (costs one pass each). */
  trace?: boolean;
}

/** One k-means run from given centres. */
export interface LloydResult {
  labels: Int32Array;
  /** k × d, row-major. */
  centers: Float64Array;
  /** Sum of squared distances of the points to their centres. */
  inertia: number;
  /** Centre updates done. */
  iterations: number;
  /** Stopped by tolerance or unchanged labels rather than by maxIter. */
  converged: boolean;
  /** With `trace`: inertia after each assignment step, in order. */
  trace?: number[];
}

/**
 * Runs Lloyd iterations (with Hamerly's bounds) from `init` centres.
 *
 * @example
 * const pts = new Float64Array([0, 1, 10, 11]);
 * lloydHamerly(pts, 4, 1, new Float64Array([0, 1]), { maxIter: 300, tol: 0 }).centers; // [0.5, 10.5]
 */
export function lloydHamerly(points: Float64Array, n: number, d: number, init: Float64Array, options: LloydOptions): LloydResult {
  const k = init.length / d;
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const move = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const trace: number[] | undefined = options.trace ? [] : undefined;
  for (let i = 0; i < n; i++) {
    const a = assignFully(points, i, d, centers, k, labels, upper, lower);
    addInto(sums, a * d, points, i * d, d);
    counts[a]++;
  }
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIter) {
    if (trace) trace.push(inertiaOf(points, n, d, centers, labels));
    relocateEmpty(points, n, d, k, labels, centers, sums, counts, upper, lower);
    for (let j = 0; j < k; j++) for (let f = 0; f < d; f++) next[j * d + f] = sums[j * d + f] / counts[j];
    let shift = 0;
    let m1 = -1;
    let m2 = -1;
    for (let j = 0; j < k; j++) {
      const s = sqDistTo(next, j, centers, j, d);
      shift += s;
      move[j] = Math.sqrt(s);
      if (m1 < 0 || move[j] > move[m1]) {
        m2 = m1;
        m1 = j;
      } else if (m2 < 0 || move[j] > move[m2]) m2 = j;
    }
    [centers, next] = [next, centers];
    iterations++;
    const changed = assignStep(points, n, d, centers, k, labels, upper, lower, half, move, m1, m2, sums, counts);
    if (changed === 0 || shift <= options.tol) {
      converged = true;
      break;
    }
  }
  if (iterations > 0) {
    // the centres are the running sums' means; make them exact means of the final labels
    meansOf(points, n, d, k, labels, centers, counts);
  }
  const inertia = inertiaOf(points, n, d, centers, labels);
  if (trace) trace.push(inertia);
  return trace ? { labels, centers, inertia, iterations, converged, trace } : { labels, centers, inertia, iterations, converged };
}

/**
 * One assignment step with Hamerly's bounds (first loosened by the centre moves); keeps the
 * per-cluster sums and counts up to date; returns how many labels changed.
 */
function assignStep(
  points: Float64Array, n: number, d: number, centers: Float64Array, k: number,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, half: Float64Array,
  move: Float64Array, m1: number, m2: number, sums: Float64Array, counts: Float64Array,
): number {
  for (let j = 0; j < k; j++) {
    let m = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === j) continue;
      const s = sqDist(centers, o * d, centers, j * d, d);
      if (s < m) m = s;
    }
    half[j] = Math.sqrt(m) / 2;
  }
  const second = m2 >= 0 ? move[m2] : 0;
  const first = move[m1];
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const u = upper[i] + move[a];
    const l = lower[i] - (a === m1 ? second : first);
    lower[i] = l;
    const bound = half[a] > l ? half[a] : l;
    if (u <= bound) {
      upper[i] = u;
      continue;
    }
    const exact = Math.sqrt(sqDist(points, i * d, centers, a * d, d));
    upper[i] = exact;
    if (exact <= bound) continue;
    const b = assignFully(points, i, d, centers, k, labels, upper, lower);
    if (b !== a) {
      changed++;
      for (let f = 0; f < d; f++) {
        const x = points[i * d + f];
        sums[a * d + f] -= x;
        sums[b * d + f] += x;
      }
      counts[a]--;
      counts[b]++;
    }
  }
  return changed;
}

/** Nearest centre of point i (lowest index on ties), with exact bounds; returns the label. */
function assignFully(
  points: Float64Array, i: number, d: number, centers: Float64Array, k: number,
  labels: Int32Array, upper: Float64Array, lower: Float64Array,
): number {
  let best = Infinity;
  let second = Infinity;
  let label = 0;
  const pi = i * d;
  for (let j = 0; j < k; j++) {
    const s = sqDist(points, pi, centers, j * d, d);
    if (s < best) {
      second = best;
      best = s;
      label = j;
    } else if (s < second) second = s;
  }
  labels[i] = label;
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
  return label;
}

/** Cluster means into `out` (k × d) and sizes into `counts`; an empty cluster's mean is left 0. */
function meansOf(points: Float64Array, n: number, d: number, k: number, labels: Int32Array, out: Float64Array, counts: Float64Array): void {
  out.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    addInto(out, labels[i] * d, points, i * d, d);
    counts[labels[i]]++;
  }
  for (let j = 0; j < k; j++) if (counts[j] > 0) for (let f = 0; f < d; f++) out[j * d + f] /= counts[j];
}

/**
 * Gives each empty cluster the point farthest from its (old) centre, moving it in the running
 * sums; the moved points get bounds that force a fresh assignment.
 */
function relocateEmpty(
  points: Float64Array, n: number, d: number, k: number, labels: Int32Array, old: Float64Array,
  sums: Float64Array, counts: Float64Array, upper: Float64Array, lower: Float64Array,
): void {
  const empty: number[] = [];
  for (let j = 0; j < k; j++) if (counts[j] === 0) empty.push(j);
  if (empty.length === 0) return;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) dist[i] = sqDistTo(points, i, old, labels[i], d);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b] - dist[a] || a - b);
  let next = 0;
  for (const j of empty) {
    while (counts[labels[order[next]]] <= 1) next++;
    const far = order[next++];
    const from = labels[far];
    for (let f = 0; f < d; f++) {
      sums[from * d + f] -= points[far * d + f];
      sums[j * d + f] = points[far * d + f];
    }
    counts[from]--;
    counts[j] = 1;
    labels[far] = j;
    upper[far] = 0;
    lower[far] = 0;
  }
}

/**
 * Sum of squared distances of the points to their labelled centres.
 *
 * @example
 * inertiaOf(new Float64Array([0, 2]), 2, 1, new Float64Array([1]), new Int32Array([0, 0])); // 2
 */
export function inertiaOf(points: Float64Array, n: number, d: number, centers: Float64Array, labels: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += sqDistTo(points, i, centers, labels[i], d);
  return s;
}
