import { clusterCustomers, clusterProfiles, levelOf, median, prepareFeatures, seededRandom, type FeatureInput } from '../../../src/engine';

/** Customers from three clear groups: active loyal big spenders, middling, lapsed one-timers. */
function threeGroups(): { features: FeatureInput[]; tenure: number[] } {
  const rng = seededRandom(5);
  const groups = [
    { n: 100, r: 5, f: 20, m: 5000 },
    { n: 200, r: 60, f: 4, m: 600 },
    { n: 300, r: 300, f: 1, m: 60 },
  ];
  const r: number[] = [];
  const f: number[] = [];
  const m: number[] = [];
  const tenure: number[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      const jitter = (): number => Math.exp(0.2 * (rng.next() - 0.5));
      r.push(Math.round(g.r * jitter()));
      f.push(Math.max(1, Math.round(g.f * jitter())));
      m.push(Math.round(g.m * jitter()));
      tenure.push(360);
    }
  }
  return {
    features: [
      { name: 'recency', role: 'recency', values: r },
      { name: 'frequency', role: 'frequency', values: f },
      { name: 'monetary', role: 'monetary', values: m },
    ],
    tenure,
  };
}

describe('cluster profiles (客户画像)', () => {
  it('names clusters from how their centroids differ from the population, in both languages', () => {
    const { features, tenure } = threeGroups();
    const c = clusterCustomers(features, { k: 3, seed: 1, tenure });
    const [top, mid, low] = c.profiles;
    expect(top.name).toEqual({ en: 'Active loyal high spenders', zh: '活跃忠诚高价值客户' });
    expect(low.name).toEqual({ en: 'Lapsed occasional low spenders', zh: '沉睡偶购低价值客户' });
    expect(mid.name.en).toMatch(/spenders$/);
    expect(c.profiles.map((p) => p.size)).toEqual([100, 200, 300]);
    expect(top.group).toBe('key');
    expect(low.group).toBe('lapsed');
    expect(top.strategy.zh.length).toBeGreaterThan(0);
  });

  it('describes each cluster in one line with medians in original units', () => {
    const { features, tenure } = threeGroups();
    const c = clusterCustomers(features, { k: 3, seed: 1, tenure });
    const top = c.profiles[0];
    const f = features[1].values as number[];
    const members = f.map((_, i) => i).filter((i) => c.cluster[i] === 0);
    const interval = median(members.map((i) => tenure[i] / f[i]));
    const m = features[2].values as number[];
    const ratio = median(members.map((i) => m[i])) / median(m);
    expect(top.description.en).toContain(`buys every ${Math.round(interval)} days`);
    expect(top.description.en).toContain(`spends ${ratio.toFixed(0)}× the median`);
    expect(top.description.zh).toContain(`每 ${Math.round(interval)} 天购买一次`);
    expect(top.median[2]).toBe(median(members.map((i) => m[i])));
    expect(top.mean[1]).toBeCloseTo(members.reduce((s, i) => s + f[i], 0) / members.length, 9);
  });

  it('gives value shares and customer shares that sum to 1', () => {
    const { features } = threeGroups();
    const c = clusterCustomers(features, { k: 4, seed: 2 });
    expect(c.profiles.reduce((s, p) => s + p.valueShare, 0)).toBeCloseTo(1, 12);
    expect(c.profiles.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < c.profiles.length; i++) expect(c.profiles[i].mean[2]).toBeLessThanOrEqual(c.profiles[i - 1].mean[2]);
  });

  it('keeps names unique: two clusters with the same name get qualifiers, more get numbers', () => {
    const { features } = threeGroups();
    for (const k of [4, 5, 6, 7, 8]) {
      const names = clusterCustomers(features, { k, seed: 3 }).profiles.map((p) => p.name);
      expect(new Set(names.map((x) => x.en)).size).toBe(k);
      expect(new Set(names.map((x) => x.zh)).size).toBe(k);
    }
    // two identical centroids except for frequency: qualified by frequency
    const prepared = prepareFeatures(features);
    const d = prepared.d;
    const centers = new Float64Array([-1, 0.8, 1, -1, 0.6, 1, 1, -1, -1]);
    const labels = new Int32Array(prepared.n).map((_, i) => i % 3);
    const values = features.map((f) => Float64Array.from(f.values as number[]));
    const p = clusterProfiles({ transforms: prepared.transforms, centers, labels, values });
    expect(d).toBe(3);
    expect(p[0].name).toEqual({ en: 'Active loyal high spenders (more frequent)', zh: '活跃忠诚高价值客户（更高频）' });
    expect(p[1].name).toEqual({ en: 'Active loyal high spenders (less frequent)', zh: '活跃忠诚高价值客户（较低频）' });
    const three = clusterProfiles({ transforms: prepared.transforms, centers: new Float64Array([1, 1, 1, 1, 1, 0.9, 1, 1, 0.8]), labels, values });
    expect(three.map((x) => x.name.en)).toEqual(['Lapsed loyal high spenders (1)', 'Lapsed loyal high spenders (2)', 'Lapsed loyal high spenders (3)']);
  });

  it('names clusters of other features by their levels', () => {
    const rng = seededRandom(1);
    const tenure = Array.from({ length: 200 }, (_, i) => (i < 100 ? 10 : 1000) + rng.next());
    const c = clusterCustomers([{ name: 'tenure', values: tenure, log: false }], { k: 2 });
    expect(c.profiles.map((p) => p.name)).toEqual([
      { en: 'Customers, high tenure', zh: '客户（tenure高）' },
      { en: 'Customers, low tenure', zh: '客户（tenure低）' },
    ]);
    expect(c.profiles[0].valueShare).toBeNaN();
    expect(c.profiles[0].description.en).toMatch(/^tenure 1,00[01] \(all: 50[56]\)$/);
  });

  it('skips customers with a missing feature (cluster −1) and counts them', () => {
    const { features } = threeGroups();
    const m = Array.from(features[2].values as number[]);
    m[0] = NaN;
    m[5] = NaN;
    const c = clusterCustomers([features[0], features[1], { ...features[2], values: m }], { k: 3 });
    expect(c.prepared.skipped).toBe(2);
    expect(c.cluster[0]).toBe(-1);
    expect(c.cluster[5]).toBe(-1);
    expect(c.profiles.reduce((s, p) => s + p.size, 0)).toBe(598);
  });

  it('chooses k by the documented rule with k = auto and keeps the table', () => {
    const { features } = threeGroups();
    const c = clusterCustomers(features, { k: 'auto', seed: 1 });
    expect(c.guidance!.rows).toHaveLength(7);
    expect(c.fit.k).toBe(c.guidance!.autoK);
    expect(c.silhouette).toBe(c.guidance!.rows.find((r) => r.k === c.fit.k)!.silhouette);
  });

  it('levels: low ≤ −0.5 < mid < 0.5 ≤ high', () => {
    expect([-0.5, -0.49, 0, 0.49, 0.5].map(levelOf)).toEqual(['low', 'mid', 'mid', 'mid', 'high']);
  });
});
