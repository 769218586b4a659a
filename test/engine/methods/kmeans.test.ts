import { classifyCustomers, kmeansTiers, methodById, nearestCluster, seededRandom, NO_CLASS, type KMeansModel } from '../../../src/engine';
import { kmeans as kmeansMethod } from '../../../src/engine/methods/kmeans';
import { classifyTable } from '../../../src/engine/table';
import { tierKeyOf } from '../../../src/functions/per-row';
import { buildSheetPlan } from '../../../src/report';

/** Customers from three groups (active big spenders, middling, lapsed), R/F/M and a margin column. */
function input(n = 300) {
  const rng = seededRandom(9);
  const g = [
    { r: 5, f: 20, m: 5000 },
    { r: 60, f: 4, m: 600 },
    { r: 300, f: 1, m: 60 },
  ];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const margin: (number | string)[] = [];
  for (let i = 0; i < n; i++) {
    const x = g[i % 3];
    const j = (): number => Math.exp(0.3 * (rng.next() - 0.5));
    recency.push(Math.round(x.r * j()));
    frequency.push(Math.max(1, Math.round(x.f * j())));
    monetary.push(Math.round(x.m * j()));
    margin.push(i % 3 === 0 ? 0.4 + rng.next() / 10 : 0.1 + rng.next() / 10);
  }
  return { keys: recency.map((_, i) => `c${i}`), recency, frequency, monetary, extra: { Margin: margin } };
}

describe('k-means method', () => {
  it('clusters on R/F/M by default: tiers Cluster 1…k numbered by mean monetary, profiles as columns', () => {
    const c = classifyCustomers(input(), { method: 'kmeans', k: '3' });
    const model = c.model as KMeansModel;
    expect(c.tiers.map((t) => t.key)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(model.k).toBe(3);
    expect(model.sizes).toEqual([100, 100, 100]);
    expect(model.features).toEqual(['recency', 'frequency', 'monetary']);
    expect(model.transform.every((t) => t.log1p)).toBe(true);
    expect(model.profiles[0].name).toEqual({ en: 'Active loyal high spenders', zh: '活跃忠诚高价值客户' });
    expect(c.tierIndex[0]).toBe(0);
    expect(c.columns.map((col) => col.id)).toEqual(['profile', 'profileZh']);
    expect(c.columns[0].values[0]).toBe('Active loyal high spenders');
    expect(c.explain(0, 'en')).toMatch(/^Cluster 1 — Active loyal high spenders: /);
    expect(c.explain(0, 'zh-CN')).toMatch(/^第 1 类 — 活跃忠诚高价值客户：/);
    expect(model.centroids.original[0][2]).toBeGreaterThan(model.centroids.original[1][2]);
    expect(c.tables.map((t) => t.name)).toEqual(['TierwiseProfiles', 'TierwiseKTable', 'TierwiseCentroids']);
    expect(model.kTable!.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(c.describe('en')).toMatch(/^k = 3 on log1p\(recency\), log1p\(frequency\), log1p\(monetary\); inertia [\d,.]+, silhouette 0\.\d{3}; 10 restarts, seed 0$/);
    // the JSON model is plain data
    expect(JSON.parse(JSON.stringify(model)).centroids.z).toHaveLength(3);
  });

  it('k = auto picks by the documented rule and says why; exactly the k chosen is declared', () => {
    const c = classifyCustomers(input(), { method: 'kmeans', k: 'auto' });
    const model = c.model as KMeansModel;
    expect(model.autoReason!.en).toMatch(new RegExp(`^k = ${model.k}: `));
    expect(model.k).toBe(3);
    // no empty "Cluster 4…8" rows: the tiers, the summary, the legend and the colours have k entries
    expect(c.tiers.map((t) => t.key)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(c.summary.map((s) => s.tier)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(c.summary.every((s) => s.customers > 0)).toBe(true);
    const data = input();
    const result = classifyTable(
      { customer: data.keys, value: data.monetary, extra: { Days: data.recency, Orders: data.frequency, Spend: data.monetary } },
      { method: 'kmeans', k: 'auto', features: ['Days', 'Orders', 'Spend'] },
    );
    const plan = buildSheetPlan(result, { language: 'en' });
    expect(plan.colorRules.map((r) => r.tier)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(plan.tierCounts.map((r) => r.tier)).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
    expect(plan.summary.table.rows).toBe(3);
    // the per-row form names the same tiers
    expect(tierKeyOf({ method: methodById('kmeans'), params: c.params, fit: c.fit }, 2)).toBe('Cluster 3');
    expect(tierKeyOf({ method: methodById('kmeans'), params: c.params, fit: c.fit }, 3)).toBe('');
  });

  it('fewer customers than k: the clusters fitted are the tiers declared', () => {
    const c = classifyCustomers({ keys: ['a', 'b', 'c'], recency: [1, 50, 300], frequency: [9, 3, 1], monetary: [900, 90, 9] }, { method: 'kmeans', k: '5' });
    expect((c.model as KMeansModel).k).toBe(3);
    expect(c.tiers).toHaveLength(3);
    expect(c.summary).toHaveLength(3);
  });

  it('clusters on named table columns and measures, skipping customers with a missing feature', () => {
    const data = input();
    data.extra.Margin[4] = 'n/a';
    const c = classifyCustomers(data, { method: 'kmeans', k: '2', features: ['M', 'Margin'], seed: 3 });
    const model = c.model as KMeansModel;
    expect(model.features).toEqual(['monetary', 'Margin']);
    expect(model.transform[1].log1p).toBe(false);
    expect(c.tierIndex[4]).toBe(NO_CLASS);
    expect(model.skipped).toBe(1);
    expect(c.explain(4, 'en')).toBe('no cluster: a feature is missing');
    // per-row form: table columns are not in a row, so no cluster
    expect(kmeansMethod.assign!(c.fit as never, { value: 1, monetary: 100 })).toBe(NO_CLASS);
  });

  it('takes the predicted CLV as a feature on a transaction log', () => {
    const customer: string[] = [];
    const date: string[] = [];
    const amount: number[] = [];
    for (let c = 0; c < 60; c++) {
      for (let v = 0; v <= c % 6; v++) {
        customer.push(`c${c}`);
        date.push(new Date(Date.UTC(2024, 0, 1 + ((c * 5 + v * 40) % 360))).toISOString().slice(0, 10));
        amount.push(20 + (c % 7) * 15);
      }
    }
    const c = classifyTable({ customer, date, amount }, { method: 'kmeans', k: '3', features: ['M', 'CLV'] });
    const model = c.classification.model as KMeansModel;
    expect(model.features).toEqual(['monetary', 'clv']);
    expect(c.classification.summary.reduce((n, s) => n + s.customers, 0)).toBe(60);
  });

  it('names what is missing', () => {
    expect(() => classifyCustomers(input(), { method: 'kmeans', features: ['Nope'] })).toThrow(/feature "Nope": no such column/);
    expect(() => classifyCustomers({ keys: ['a', 'b'], value: [1, 2] }, { method: 'kmeans' })).toThrow(/feature "recency" needs the recency column/);
    expect(() => classifyCustomers(input(), { method: 'kmeans', k: '11' })).toThrow(/k must be one of auto, 2/);
  });

  it('with fewer customers than k, uses one cluster per customer', () => {
    const c = classifyCustomers({ keys: ['a', 'b'], recency: [1, 100], frequency: [5, 1], monetary: [500, 5] }, { method: 'kmeans' });
    expect((c.model as KMeansModel).k).toBe(2);
    expect(Array.from(c.tierIndex).sort()).toEqual([0, 1]);
  });

  it('assigns a row to its nearest centroid in z-space, the lowest number on a tie', () => {
    const t = [{ name: 'x', role: 'other' as const, log1p: false, mean: 10, sd: 2, scale: 2 }];
    expect(nearestCluster([14], t, [[2], [0]])).toBe(0);
    expect(nearestCluster([11], t, [[1], [0]])).toBe(0); // z = 0.5: a tie
    expect(nearestCluster([NaN], t, [[1]])).toBe(NO_CLASS);
    expect(kmeansTiers(10).map((x) => x.label.zh)[9]).toBe('第 10 类');
  });
});
