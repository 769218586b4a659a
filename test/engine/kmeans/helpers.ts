/** Deterministic point clouds for the k-means tests. */
import { seededRandom } from '../../../src/engine';

/** n points of dimension d around `centres` (row-major), Gaussian noise of sd `spread`. */
export function blobs(centres: number[][], n: number, spread: number, seed: number): { points: Float64Array; n: number; d: number } {
  const rng = seededRandom(seed);
  const d = centres[0].length;
  const points = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centres[rng.int(centres.length)];
    for (let f = 0; f < d; f++) {
      const g = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      points[i * d + f] = c[f] + spread * g;
    }
  }
  return { points, n, d };
}

/** The same points in another order (seeded Fisher–Yates), and where each went. */
export function shuffled(points: Float64Array, n: number, d: number, seed: number): Float64Array {
  const rng = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = new Float64Array(n * d);
  order.forEach((from, to) => out.set(points.subarray(from * d, from * d + d), to * d));
  return out;
}
