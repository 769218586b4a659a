import { chooseK, kGuidance, kneedleElbow, silhouettes, sampleIndices, AUTO_SILHOUETTE_SHARE } from '../../../src/engine';
import { blobs } from './helpers';

/** Mean silhouette by the definition, O(n²), for checking. */
function naiveSilhouette(points: number[], labels: number[]): number {
  const n = points.length;
  const ks = [...new Set(labels)];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const mean = (c: number): number => {
      const others = points.filter((_, j) => labels[j] === c && j !== i);
      return others.reduce((s, x) => s + Math.abs(x - points[i]), 0) / others.length;
    };
    if (labels.filter((l) => l === labels[i]).length === 1) continue;
    const a = mean(labels[i]);
    const b = Math.min(...ks.filter((c) => c !== labels[i]).map(mean));
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

describe('choosing k', () => {
  it('computes the mean silhouette by its definition (a point alone in its cluster scores 0)', () => {
    const pts = [0, 1, 2, 10, 11, 30];
    const labels = [0, 0, 0, 1, 1, 2];
    const got = silhouettes(new Float64Array(pts), 6, 1, [new Int32Array(labels), new Int32Array([0, 0, 0, 0, 1, 1])]);
    expect(got.values[0]).toBeCloseTo(naiveSilhouette(pts, labels), 12);
    expect(got.values[1]).toBeCloseTo(naiveSilhouette(pts, [0, 0, 0, 0, 1, 1]), 12);
    expect(got.sampled).toBe(false);
    expect(silhouettes(new Float64Array([0, 1, 2, 10, 11, 30]), 6, 1, [new Int32Array(6)]).values[0]).toBeNaN();
  });

  it('samples with a fixed seed above the exact limit, reproducibly', () => {
    const { points, n, d } = blobs([[0, 0], [5, 5]], 400, 1, 3);
    const labels = new Int32Array(n).map((_, i) => (points[i * d] + points[i * d + 1] > 5 ? 1 : 0));
    const a = silhouettes(points, n, d, [labels], { exactMax: 100, sampleSize: 100, seed: 7 });
    const b = silhouettes(points, n, d, [labels], { exactMax: 100, sampleSize: 100, seed: 7 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ sampled: true, used: 100 });
    // the sample is the points sampleIndices draws; scoring them alone gives the same value
    const idx = sampleIndices(n, 100, 7);
    const sub = new Float64Array(200);
    idx.forEach((i, r) => sub.set(points.subarray(i * 2, i * 2 + 2), r * 2));
    expect(silhouettes(sub, 100, 2, [Int32Array.from(idx, (i) => labels[i])]).values[0]).toBeCloseTo(a.values[0], 12);
    expect(new Set(idx).size).toBe(100);
  });

  it('finds the Kneedle elbow of a decreasing convex curve, none on a straight line', () => {
    expect(kneedleElbow([2, 3, 4, 5, 6], [100, 40, 30, 25, 22])).toBe(3);
    expect(kneedleElbow([2, 3, 4, 5], [40, 30, 20, 10])).toBeNull();
    expect(kneedleElbow([2, 3], [10, 5])).toBeNull();
  });

  it('tables k = 2…8 and picks the elbow when its silhouette is close to the best', () => {
    const { points, n, d } = blobs([[0, 0], [8, 0], [0, 8], [8, 8]], 800, 0.8, 4);
    const g = kGuidance(points, n, d, { seed: 1 });
    expect(g.rows.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < g.rows.length; i++) expect(g.rows[i].inertia).toBeLessThan(g.rows[i - 1].inertia);
    expect(g.bestSilhouetteK).toBe(4);
    expect(g.elbowK).toBe(4);
    expect(g.autoK).toBe(4);
    expect(g.autoRule).toBe('elbow');
    expect(g.autoReason.en).toMatch(/^k = 4: the elbow/);
    expect(g.autoReason.zh).toMatch(/^k = 4：/);
  });

  it('k = auto takes the elbow when its silhouette is ≥ 90 % of the best, else the best silhouette', () => {
    const rows = (sil: number[]) => [100, 40, 32, 28, 25].map((inertia, i) => ({ k: i + 2, inertia, silhouette: sil[i] }));
    const near = chooseK(rows([0.5, 0.46, 0.4, 0.35, 0.3]));
    expect(near).toMatchObject({ elbowK: 3, bestSilhouetteK: 2, autoK: 3, autoRule: 'elbow' });
    const far = chooseK(rows([0.5, 0.44, 0.4, 0.35, 0.3]));
    expect(far).toMatchObject({ elbowK: 3, bestSilhouetteK: 2, autoK: 2, autoRule: 'silhouette' });
    expect(far.autoReason.en).toBe('k = 2: the best silhouette (0.500); the elbow k = 3 has silhouette 0.440, below 90 % of the best');
    expect(far.autoReason.zh).toMatch(/^k = 2：轮廓系数最佳/);
    const straight = chooseK([40, 30, 20, 10].map((inertia, i) => ({ k: i + 2, inertia, silhouette: [0.2, 0.3, 0.25, 0.1][i] })));
    expect(straight).toMatchObject({ elbowK: null, autoK: 3, autoRule: 'silhouette' });
    expect(straight.autoReason.en).toMatch(/no elbow/);
    expect(AUTO_SILHOUETTE_SHARE).toBe(0.9);
  });

  it('reports progress after each fit and the silhouettes, and can be cancelled', () => {
    const { points, n, d } = blobs([[0, 0], [5, 5]], 200, 1, 2);
    const seen: string[] = [];
    kGuidance(points, n, d, { kMax: 4, progress: (done, total) => void seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    let calls = 0;
    expect(() => kGuidance(points, n, d, { progress: () => ++calls < 2 })).toThrow('k-means cancelled');
    expect(calls).toBe(2);
  });

  it('rejects a bad k range', () => {
    const { points, n, d } = blobs([[0, 0]], 20, 1, 1);
    expect(() => kGuidance(points, n, d, { kMin: 1 })).toThrow(/k range/);
    expect(() => kGuidance(points, n, d, { kMin: 5, kMax: 4 })).toThrow(/k range/);
    expect(() => kGuidance(points, 8, d, { kMax: 8 })).toThrow(/more than 8 customers/);
  });
});
