import { kmeansClusters, kmeansProfile } from '../../src/functions/kmeans';
import { classifyCustomers, seededRandom, type KMeansModel } from '../../src/engine';
import { formatValue } from './formula';

/** An R/F/M block with a header: three groups of customers. */
function rfmBlock(n = 90): unknown[][] {
  const rng = seededRandom(4);
  const g = [[5, 20, 5000], [60, 4, 600], [300, 1, 60]];
  const rows: unknown[][] = [['Recency', 'Frequency', 'Monetary']];
  for (let i = 0; i < n; i++) {
    const [r, f, m] = g[i % 3];
    const j = (): number => Math.exp(0.3 * (rng.next() - 0.5));
    rows.push([Math.round(r * j()), Math.max(1, Math.round(f * j())), Math.round(m * j())]);
  }
  return rows;
}

describe('TIER.KMEANS / TIER.KMEANS_PROFILE', () => {
  it('spills the cluster of each row (1 = highest mean monetary), under a header like the input', () => {
    const out = kmeansClusters(rfmBlock(), 3, null, null);
    expect(out[0]).toEqual(['Cluster']);
    expect(out.slice(1, 4)).toEqual([[1], [2], [3]]);
    expect(out).toHaveLength(91);
  });

  it('agrees with the k-means method (same features, k and seed)', () => {
    const block = rfmBlock();
    const rows = block.slice(1) as number[][];
    const c = classifyCustomers(
      { keys: rows.map((_, i) => String(i)), recency: rows.map((r) => r[0]), frequency: rows.map((r) => r[1]), monetary: rows.map((r) => r[2]) },
      { method: 'kmeans', k: '3', seed: 5 },
    );
    const spill = kmeansClusters(block, 3, 5, null).slice(1).map((r) => r[0]);
    expect(spill).toEqual(Array.from(c.tierIndex, (t) => t + 1));
    expect((c.model as KMeansModel).profiles[0].name.en).toBe(kmeansProfile(block, 3, 5, 'en')[1][1]);
  });

  it('per-row form: rows are assigned to the population’s clusters, blanks give blanks, errors pass through', () => {
    const block = rfmBlock();
    const spill = kmeansClusters(block, 3, null, null);
    const err = { code: '#N/A' };
    const rows = [block[1], block[2], ['', 3, 4], [err, 1, 1]];
    const out = kmeansClusters(rows, 3, null, block);
    expect(out.slice(0, 2)).toEqual([spill[1], spill[2]]);
    expect(out[2]).toEqual(['']);
    expect(out[3][0]).toMatchObject({ code: '#N/A' });
  });

  it('profiles in English and Chinese with shares summing to 1', () => {
    const en = kmeansProfile(rfmBlock(), 3, null, null);
    expect(en[0]).toEqual(['Cluster', 'Profile', 'Description', 'Customers', '% of customers', '% of value', 'Mean recency', 'Mean frequency', 'Mean monetary']);
    expect(en[1].slice(0, 2)).toEqual([1, 'Active loyal high spenders']);
    expect(en.slice(1).reduce((s, r) => s + (r[4] as number), 0)).toBeCloseTo(1, 12);
    const zh = kmeansProfile(rfmBlock(), 3, null, 'zh-CN');
    expect(zh[0][1]).toBe('客户画像');
    expect(zh[1][1]).toBe('活跃忠诚高价值客户');
  });

  it('k = "auto" and clear errors', () => {
    expect(kmeansClusters(rfmBlock(), 'auto', null, null).slice(1, 4)).toEqual([[1], [2], [3]]);
    expect(() => kmeansClusters([[1], [2]], 3, null, null)).toThrow(/k = 3 needs at least 3 rows/);
    expect(() => kmeansClusters([[1], [2]], 11, null, null)).toThrow(/k must be a whole number from 2 to 10/);
    expect(() => kmeansClusters([[1, 2]], 2, null, [[1]])).toThrow(/population must be 2 columns wide/);
    expect(() => kmeansProfile([[1], [2], [3]], 2, null, 'fr')).toThrow(/language must be/);
  });

  it('documents small examples', () => {
    expect(formatValue(kmeansClusters([[1], [2], [50], [52]], 2, null, null))).toBe('{2;2;1;1}');
    console.log(formatValue(kmeansProfile([['M'], [10], [12], [1000], [1100]], 2, null, null)));
    console.log(formatValue(kmeansProfile([['M'], [10], [12], [1000], [1100]], 2, null, 'zh-CN')));
  });
});
