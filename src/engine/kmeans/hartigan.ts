/**
 * Hartigan's single-point moves after Lloyd (Hartigan & Wong 1979, "Algorithm AS 136: a k-means
 * clustering algorithm", Applied Statistics 28(1); Telgarsky & Vattani 2010, "Hartigan's method:
 * k-means clustering without Voronoi", AISTATS). A point x of cluster a (size nₐ > 1) moves to
 * cluster b when that lowers the inertia, i.e. when
 *   n_b/(n_b+1)·‖x − c_b‖² < nₐ/(nₐ−1)·‖x − cₐ‖²,
 * and both means are updated at once. Every move lowers the inertia, and a result where no move
 * helps is also a fixed point of Lloyd's iterations (each point is nearest its own mean), so
 * this only ever improves a Lloyd solution — it escapes many of Lloyd's poor local optima.
 */
import { addInto, sqDist } from './distance';

/**
 * Improves a labelling by Hartigan moves in place (labels, centers = means); returns the moves
 * made, or −1 when `maxPasses` ran out before a pass without moves.
 *
 * Bounds skip most points: each point keeps an upper bound on the distance to its own centre
 * and a lower bound on the distance to any other, loosened by how far the centres moved since
 * they were exact (cumulative movement per centre, and the largest movement of any centre); a
 * point cannot gain from a move while min-size factor × lower² ≥ own factor × upper².
 *
 * @example
 * // {0, 2} {3.9} is a Lloyd fixed point; moving 2 lowers the inertia from 2 to 1.805
 * hartiganRefine(new Float64Array([0, 2, 3.9]), 3, 1, new Int32Array([0, 0, 1]), new Float64Array([1, 3.9]), 2); // 1
 */
export function hartiganRefine(
  points: Float64Array, n: number, d: number, labels: Int32Array, centers: Float64Array, k: number, maxPasses = 100,
): number {
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const upS = new Float64Array(n).fill(Infinity);
  const loS = new Float64Array(n);
  const ownAt = new Float64Array(n);
  const anyAt = new Float64Array(n);
  const drift = new Float64Array(k);
  let driftAny = 0;
  const dist = new Float64Array(k);
  let moves = 0;
  // smallest cluster size: n_b/(n_b+1) grows with n_b, so this factor is ≤ every other one
  let nMin = Infinity;
  for (let c = 0; c < k; c++) if (sizes[c] < nMin) nMin = sizes[c];
  let minFactor = nMin / (nMin + 1);
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const na = sizes[a];
      if (na <= 1) continue;
      const up = upS[i] + (drift[a] - ownAt[i]);
      const lo = loS[i] - (driftAny - anyAt[i]);
      if (lo > 0 && minFactor * lo * lo >= (na / (na - 1)) * up * up) continue;
      const pi = i * d;
      for (let c = 0; c < k; c++) dist[c] = sqDist(points, pi, centers, c * d, d);
      let best = a;
      let bestCost = ((dist[a] * na) / (na - 1)) * (1 - 1e-12);
      for (let b = 0; b < k; b++) {
        if (b === a) continue;
        const cost = (dist[b] * sizes[b]) / (sizes[b] + 1);
        if (cost < bestCost) {
          bestCost = cost;
          best = b;
        }
      }
      let second = Infinity;
      for (let c = 0; c < k; c++) if (c !== best && dist[c] < second) second = dist[c];
      upS[i] = Math.sqrt(dist[best]);
      loS[i] = Math.sqrt(second);
      ownAt[i] = drift[best];
      anyAt[i] = driftAny;
      if (best === a) continue;
      const nb = sizes[best];
      let moveA = 0;
      let moveB = 0;
      for (let f = 0; f < d; f++) {
        const x = points[pi + f];
        const ca = centers[a * d + f];
        const cb = centers[best * d + f];
        const na2 = (ca * na - x) / (na - 1);
        const nb2 = (cb * nb + x) / (nb + 1);
        moveA += (na2 - ca) * (na2 - ca);
        moveB += (nb2 - cb) * (nb2 - cb);
        centers[a * d + f] = na2;
        centers[best * d + f] = nb2;
      }
      moveA = Math.sqrt(moveA);
      moveB = Math.sqrt(moveB);
      drift[a] += moveA;
      drift[best] += moveB;
      driftAny += moveA > moveB ? moveA : moveB;
      sizes[a] = na - 1;
      sizes[best] = nb + 1;
      if (na - 1 < nMin) {
        nMin = na - 1;
        minFactor = nMin / (nMin + 1);
      }
      labels[i] = best;
      moved++;
    }
    moves += moved;
    if (moved === 0) break;
  }
  // exact means (removes the rounding drift of the incremental updates)
  if (moves > 0) exactMeans(points, n, d, labels, centers, k);
  return moves > 0 && passes === maxPasses ? -1 : moves;
}

/** Recomputes the cluster means exactly (removes drift of the incremental updates). */
function exactMeans(points: Float64Array, n: number, d: number, labels: Int32Array, centers: Float64Array, k: number): void {
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    addInto(sums, labels[i] * d, points, i * d, d);
    counts[labels[i]]++;
  }
  for (let j = 0; j < k; j++) if (counts[j] > 0) for (let f = 0; f < d; f++) centers[j * d + f] = sums[j * d + f] / counts[j];
}
