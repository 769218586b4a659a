import fc from 'fast-check';
import {
  kmeans, kmeansPlusPlus, lloydHamerly, hartiganRefine, inertiaOf, meanVariance, seededRandom, sqDistTo, TierwiseError,
} from '../../../src/engine';
import { blobs, shuffled } from './helpers';

/** Random blobs: 2…5 centres in 1…4 dimensions, 30…300 points. */
const cloud = fc.record({
  k: fc.integer({ min: 2, max: 5 }),
  d: fc.integer({ min: 1, max: 4 }),
  n: fc.integer({ min: 30, max: 300 }),
  spread: fc.double({ min: 0.05, max: 2, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1e6 }),
}).map(({ k, d, n, spread, seed }) => {
  const rng = seededRandom(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.next() * 10));
  return { k, ...blobs(centres, n, spread, seed + 1) };
});

describe('k-means', () => {
  it('puts every point in exactly one of k non-empty clusters, sizes summing to n', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 1, max: 6 }), ({ points, n, d }, k) => {
        const fit = kmeans(points, n, d, { k, seed: 3 });
        expect(fit.labels).toHaveLength(n);
        expect(fit.labels.every((l) => Number.isInteger(l) && l >= 0 && l < k)).toBe(true);
        expect(fit.sizes.reduce((s, x) => s + x, 0)).toBe(n);
        expect(fit.sizes.every((s) => s > 0)).toBe(true);
        expect(fit.inertia).toBeCloseTo(inertiaOf(points, n, d, fit.centers, fit.labels), 6);
      }),
      { numRuns: 40, seed: 1 },
    );
  });

  it('never increases the inertia across Lloyd iterations', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1000 }), ({ k, points, n, d }, seed) => {
        const init = kmeansPlusPlus(points, n, d, k, seededRandom(seed));
        const run = lloydHamerly(points, n, d, init, { maxIter: 300, tol: 0, trace: true });
        const t = run.trace!;
        expect(t.length).toBeGreaterThan(1);
        for (let i = 1; i < t.length; i++) expect(t[i]).toBeLessThanOrEqual(t[i - 1] * (1 + 1e-12));
        // the winning run of a fit, Hartigan moves included, never goes up either
        const fit = kmeans(points, n, d, { k, seed, trace: true });
        const ft = fit.trace!;
        for (let i = 1; i < ft.length; i++) expect(ft[i]).toBeLessThanOrEqual(ft[i - 1] * (1 + 1e-12));
      }),
      { numRuns: 40, seed: 2 },
    );
  });

  it('ends with every point at its nearest centre and every centre the mean of its points', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1000 }), ({ k, points, n, d }, seed) => {
        const fit = kmeans(points, n, d, { k, seed });
        const sums = new Float64Array(k * d);
        for (let i = 0; i < n; i++) {
          const own = sqDistTo(points, i, fit.centers, fit.labels[i], d);
          for (let c = 0; c < k; c++) expect(own).toBeLessThanOrEqual(sqDistTo(points, i, fit.centers, c, d) + 1e-9);
          for (let f = 0; f < d; f++) sums[fit.labels[i] * d + f] += points[i * d + f];
        }
        for (let c = 0; c < k; c++) for (let f = 0; f < d; f++) expect(fit.centers[c * d + f]).toBeCloseTo(sums[c * d + f] / fit.sizes[c], 9);
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('gives the same result for the same input and seed', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1e6 }), ({ k, points, n, d }, seed) => {
        const a = kmeans(points, n, d, { k, seed });
        const b = kmeans(Float64Array.from(points), n, d, { k, seed });
        expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
        expect(Array.from(b.centers)).toEqual(Array.from(a.centers));
        expect(b.inertia).toBe(a.inertia);
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('reaches within 0.05 % of the best inertia on a shuffled input', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1e6 }), ({ k, points, n, d }, shuffleSeed) => {
        const best = kmeans(points, n, d, { k, seed: 11, restarts: 100 }).inertia;
        const again = kmeans(shuffled(points, n, d, shuffleSeed), n, d, { k }).inertia;
        expect(again).toBeLessThanOrEqual(best * 1.0005);
      }),
      { numRuns: 30, seed: 4 },
    );
  });

  it('restarts on a sample above 20,000 points and still reaches the best inertia of full restarts', () => {
    const { points, n, d } = blobs([[0, 0, 0], [4, 0, 0], [0, 4, 1], [3, 3, 3], [6, 6, 0]], 30000, 1.2, 5);
    const sampled = kmeans(points, n, d, { k: 5, seed: 1 });
    expect(sampled.runInertias).toHaveLength(10);
    const full = kmeans(points, n, d, { k: 5, seed: 1, sample: false, restarts: 30 });
    expect(sampled.inertia).toBeLessThanOrEqual(full.inertia * 1.0005);
    const again = kmeans(points, n, d, { k: 5, seed: 1 });
    expect(Array.from(again.labels)).toEqual(Array.from(sampled.labels));
    expect(again.inertia).toBe(sampled.inertia);
  });

  it('keeps every cluster non-empty when points repeat (empty clusters are refilled)', () => {
    const points = new Float64Array([0, 0, 0, 0, 0, 0, 0, 5, 5, 5]);
    const fit = kmeans(points, 10, 1, { k: 3, seed: 0 });
    expect(fit.sizes.every((s) => s > 0)).toBe(true);
    expect(fit.sizes.reduce((s, x) => s + x)).toBe(10);
    expect(Number.isFinite(fit.inertia)).toBe(true);
    const same = kmeans(new Float64Array(8).fill(2), 8, 1, { k: 2 });
    expect(same.sizes.reduce((s, x) => s + x)).toBe(8);
    expect(same.inertia).toBe(0);
  });

  it('refills an empty cluster with the point farthest from its centre', () => {
    // centres at 0 and 100: the second gets no point, so it takes the farthest one (9)
    const points = new Float64Array([0, 1, 2, 9]);
    const run = lloydHamerly(points, 4, 1, new Float64Array([0, 100]), { maxIter: 300, tol: 0 });
    expect(Array.from(run.labels)).toEqual([0, 0, 0, 1]);
    expect(Array.from(run.centers)).toEqual([1, 9]);
  });

  it('numbers clusters by the mean of rankBy, descending (else by the first coordinate)', () => {
    const { points, n, d } = blobs([[0, 0], [10, 0], [20, 0]], 300, 0.5, 9);
    const byX = kmeans(points, n, d, { k: 3, seed: 2 });
    expect(byX.centers[0]).toBeGreaterThan(byX.centers[2]);
    expect(byX.centers[2]).toBeGreaterThan(byX.centers[4]);
    const negX = Array.from({ length: n }, (_, i) => -points[i * d]);
    const byRank = kmeans(points, n, d, { k: 3, seed: 2, rankBy: negX });
    expect(byRank.centers[0]).toBeLessThan(byRank.centers[2]);
    expect(byRank.centers[2]).toBeLessThan(byRank.centers[4]);
  });

  it('Hartigan moves lower the inertia of a Lloyd fixed point', () => {
    // {0, 2} {3.9}: 2 is nearer its own mean 1 than 3.9 (Lloyd stays), yet moving it
    // lowers the inertia from 2 to 1.805
    const points = new Float64Array([0, 2, 3.9]);
    const labels = new Int32Array([0, 0, 1]);
    const centers = new Float64Array([1, 3.9]);
    expect(lloydHamerly(points, 3, 1, centers, { maxIter: 300, tol: 0 }).inertia).toBeCloseTo(2, 12);
    expect(hartiganRefine(points, 3, 1, labels, centers, 2)).toBe(1);
    expect(Array.from(labels)).toEqual([0, 1, 1]);
    expect(inertiaOf(points, 3, 1, centers, labels)).toBeCloseTo(1.805, 12);
  });

  it('Hamerly bounds give exactly plain Lloyd iterations', () => {
    /** Plain Lloyd from the same centres, `iters` updates, labels of the final centres. */
    function plain(points: Float64Array, n: number, d: number, init: Float64Array, k: number, iters: number): Int32Array {
      const centers = Float64Array.from(init);
      const labels = new Int32Array(n);
      const assign = (): void => {
        for (let i = 0; i < n; i++) {
          let best = 0;
          for (let c = 1; c < k; c++) if (sqDistTo(points, i, centers, c, d) < sqDistTo(points, i, centers, best, d)) best = c;
          labels[i] = best;
        }
      };
      assign();
      for (let it = 0; it < iters; it++) {
        const sums = new Float64Array(k * d);
        const counts = new Float64Array(k);
        for (let i = 0; i < n; i++) {
          counts[labels[i]]++;
          for (let f = 0; f < d; f++) sums[labels[i] * d + f] += points[i * d + f];
        }
        for (let c = 0; c < k; c++) if (counts[c] > 0) for (let f = 0; f < d; f++) centers[c * d + f] = sums[c * d + f] / counts[c];
        assign();
      }
      return labels;
    }
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), ({ k, points, n, d }, seed, iters) => {
        const init = kmeansPlusPlus(points, n, d, k, seededRandom(seed));
        const run = lloydHamerly(points, n, d, init, { maxIter: iters, tol: -1 });
        expect(Array.from(run.labels)).toEqual(Array.from(plain(points, n, d, init, k, iters)));
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('Hartigan bounds skip only points that cannot move: same moves as the plain method', () => {
    /** Hartigan's method without bounds, point by point, as in hartigan.ts. */
    function plain(points: Float64Array, n: number, d: number, labels: Int32Array, centers: Float64Array, k: number): void {
      const sizes = new Float64Array(k);
      labels.forEach((l) => sizes[l]++);
      for (let moved = 1; moved > 0; ) {
        moved = 0;
        for (let i = 0; i < n; i++) {
          const a = labels[i];
          if (sizes[a] <= 1) continue;
          let best = a;
          let bestCost = ((sqDistTo(points, i, centers, a, d) * sizes[a]) / (sizes[a] - 1)) * (1 - 1e-12);
          for (let b = 0; b < k; b++) {
            if (b === a) continue;
            const cost = (sqDistTo(points, i, centers, b, d) * sizes[b]) / (sizes[b] + 1);
            if (cost < bestCost) [best, bestCost] = [b, cost];
          }
          if (best === a) continue;
          for (let f = 0; f < d; f++) {
            const x = points[i * d + f];
            centers[a * d + f] = (centers[a * d + f] * sizes[a] - x) / (sizes[a] - 1);
            centers[best * d + f] = (centers[best * d + f] * sizes[best] + x) / (sizes[best] + 1);
          }
          sizes[a]--;
          sizes[best]++;
          labels[i] = best;
          moved++;
        }
      }
    }
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 1000 }), ({ k, points, n, d }, seed) => {
        const init = kmeansPlusPlus(points, n, d, k, seededRandom(seed));
        const run = lloydHamerly(points, n, d, init, { maxIter: 2, tol: 0 });
        const a = { labels: Int32Array.from(run.labels), centers: Float64Array.from(run.centers) };
        hartiganRefine(points, n, d, a.labels, a.centers, k);
        const b = { labels: Int32Array.from(run.labels), centers: Float64Array.from(run.centers) };
        plain(points, n, d, b.labels, b.centers, k);
        expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  it('uses scikit-learn’s tolerance scale (mean feature variance)', () => {
    expect(meanVariance(new Float64Array([0, 0, 2, 4]), 2, 2)).toBe(2.5);
  });

  it('rejects bad options with a message naming them', () => {
    const p = new Float64Array([1, 2, 3]);
    expect(() => kmeans(p, 3, 1, { k: 4 })).toThrow(/needs at least 4 customers, got 3/);
    expect(() => kmeans(p, 3, 1, { k: 0 })).toThrow(TierwiseError);
    expect(() => kmeans(p, 3, 1, { k: 2, restarts: 0 })).toThrow(/restarts must be/);
    expect(() => kmeans(p, 3, 1, { k: 2, seed: 1.5 })).toThrow(/seed must be/);
  });
});
