/**
 * k-means clusters with named profiles (客户画像) as a method. The engine is in `../kmeans/`
 * (feature preparation, k-means++, Lloyd/Hamerly, Hartigan, k guidance, profiles); this module
 * declares the parameters, turns feature names into columns, and presents the fit: a cluster
 * per customer (tiers "Cluster 1…k", numbered by mean monetary value descending), profile
 * columns, the profile table, the k table (k = 2…8: inertia and silhouette) and the centroids.
 *
 * Features are measure names (R, F, M, recency, frequency, monetary, value) or input-table
 * columns. A customer with a missing feature gets no cluster. The k table is always computed
 * (up to k = 8, fewer when there are few customers); `k = auto` picks from it by the rule in
 * `../kmeans/guidance.ts`. With fewer customers than k, k becomes the number of customers.
 * Each customer's cluster is its nearest centroid in z-space (lowest cluster number on a tie),
 * the rule the per-row form uses too.
 */
import { numberColumn } from '../columns';
import { TierwiseError } from '../errors';
import { clusterCustomers } from '../kmeans/cluster';
import { toZ, type FeatureInput, type FeatureRole, type FeatureTransform } from '../kmeans/features';
import { sqDist } from '../kmeans/distance';
import type { KRow } from '../kmeans/guidance';
import { NO_CLASS, readableText, type Bilingual, type TierDef, type TierGroup } from '../tiers';
import { criterionValues } from './criteria';
import { measureOfName, timelineMeasureOfName } from './params';
import { formatNumber, say } from './text';
import type { Measures, MeasureRow, MethodModule, MethodTable } from './types';

/** Largest k of the k table (and the number of tiers `tiers(params)` declares for `k = auto` before a fit; a fit declares the k it chose). */
export const KMEANS_K_MAX = 8;

/** A cluster's profile as written to the model. */
export interface KMeansProfileModel {
  cluster: number;
  name: Bilingual;
  description: Bilingual;
  group: TierGroup;
  strategy: Bilingual;
  size: number;
  share: number;
  valueShare: number;
  mean: number[];
  median: number[];
}

/** What k-means fitted (the JSON `model`). */
export interface KMeansModel {
  /** Clusters fitted. */
  k: number;
  /** The k asked for: a number or "auto". */
  kParam: string;
  features: string[];
  /** Per feature: log1p or not, then z = (t(x) − mean) / scale. */
  transform: FeatureTransform[];
  centroids: { z: number[][]; original: number[][] };
  inertia: number;
  silhouette: number;
  sizes: number[];
  /** k = 2…8 (fewer with few customers); null when there are too few customers. */
  kTable: KRow[] | null;
  elbowK: number | null;
  bestSilhouetteK: number | null;
  /** With k = auto: which rule chose k and why. */
  autoReason: Bilingual | null;
  seed: number;
  restarts: number;
  /** Customers without a cluster (a feature missing). */
  skipped: number;
  profiles: KMeansProfileModel[];
}

/** Fills of "Cluster 1…10": Paul Tol's light and pale palettes, readable with black text. */
const COLOURS = ['#77AADD', '#EE8866', '#44BB99', '#EEDD88', '#FFAABB', '#99DDFF', '#BBCC33', '#DDDDDD', '#AAAA00', '#CCDDAA'];

/** k choices: "auto" or 2…10. */
const K_CHOICES = ['auto', ...Array.from({ length: 9 }, (_, i) => String(i + 2))];

/**
 * Tier definitions "Cluster 1…k" (`tiers(params)` gives 8 for auto; the fit gives the k chosen).
 *
 * @example
 * kmeansTiers(3).map((t) => t.key); // ["Cluster 1", "Cluster 2", "Cluster 3"]
 */
export function kmeansTiers(k: number): TierDef[] {
  return Array.from({ length: k }, (_, i) => ({
    key: `Cluster ${i + 1}`,
    order: i,
    label: { en: `Cluster ${i + 1}`, zh: `第 ${i + 1} 类` },
    group: 'ordinary',
    color: COLOURS[i % COLOURS.length],
    textColor: readableText(COLOURS[i % COLOURS.length]),
    strategy: {
      en: 'See the cluster’s profile: its name, what sets it apart and its strategy.',
      zh: '参见该类的客户画像：名称、特征与对应策略。',
    },
  }));
}

/** The columns of the features named, with roles (R/F/M measures) and display names. */
function featureInputs(m: Measures, names: readonly string[]): FeatureInput[] {
  return names.map((name) => {
    const measure = measureOfName(name);
    if (measure === 'aov') {
      // average invoice value: monetary / frequency
      if (!m.monetary || !m.frequency) throw new TierwiseError('column', `k-means feature "${name}" needs the monetary and frequency columns, which this input does not have`);
      const { monetary, frequency } = m;
      return { name: 'aov', role: 'other', values: Float64Array.from(monetary, (v, i) => (frequency[i] > 0 ? v / frequency[i] : NaN)) };
    }
    if (measure) {
      const values = m[measure];
      if (!values) throw new TierwiseError('column', `k-means feature "${name}" needs the ${measure} column, which this input does not have`);
      const role: FeatureRole = measure === 'value' ? 'monetary' : measure;
      return { name: measure, role, values };
    }
    if (timelineMeasureOfName(name)) return { name: 'clv', role: 'other', values: criterionValues(m, name, 'k-means') };
    const cells = m.extra?.[name];
    if (!cells) throw new TierwiseError('column', `k-means feature "${name}": no such column was loaded`);
    return { name, role: 'other', values: numberColumn(cells).values };
  });
}

/** A row's raw value of a feature (per-row form): measures only. */
function rowValue(row: MeasureRow, name: string): number {
  const measure = measureOfName(name);
  if (!measure) return NaN;
  if (measure === 'aov') return (row.frequency ?? NaN) > 0 ? (row.monetary ?? NaN) / (row.frequency as number) : NaN;
  return row[measure] ?? NaN;
}

/**
 * The nearest centroid (z-space, lowest number on a tie) of raw feature values, or NO_CLASS
 * when a value is missing or outside the transform (log1p of a value below −1).
 *
 * @example
 * nearestCluster([10], [{ name: 'm', role: 'monetary', log1p: false, mean: 0, sd: 1, scale: 1 }], [[20], [5]]); // 1
 */
export function nearestCluster(raw: readonly number[], transform: readonly FeatureTransform[], centroidsZ: readonly number[][]): number {
  const d = transform.length;
  const z = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    z[j] = toZ(raw[j], transform[j]);
    if (!Number.isFinite(z[j])) return NO_CLASS;
  }
  let best = NO_CLASS;
  let bestD = Infinity;
  centroidsZ.forEach((c, k) => {
    const dist = sqDist(z, 0, Float64Array.from(c), 0, d);
    if (dist < bestD) {
      bestD = dist;
      best = k;
    }
  });
  return best;
}

/** The k-means method. */
export const kmeans: MethodModule<'kmeans', KMeansModel> = {
  id: 'kmeans',
  label: { en: 'Clusters (k-means)', zh: '聚类（k-means）' },
  short: { en: 'k-means', zh: 'k-means 聚类' },
  description: {
    en: 'Groups customers with similar recency, frequency and spend (or chosen columns) by k-means, and names each group from what sets it apart.',
    zh: '用 k-means 将最近购买、频次和消费（或所选列）相近的客户归为一类，并按各类特征自动命名客户画像。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [
    {
      name: 'k', flag: 'k', kind: 'choice', choices: K_CHOICES, default: '4',
      label: { en: 'Number of clusters (k)', zh: '聚类数（k）' },
      help: { en: 'k-means: number of clusters 2–10, or auto (elbow checked by silhouette)', zh: 'k-means：聚类数 2–10，或 auto（肘部法并以轮廓系数校验）' },
    },
    {
      name: 'features', flag: 'features', kind: 'columns', default: ['recency', 'frequency', 'monetary'],
      label: { en: 'Features', zh: '特征' },
      help: { en: 'k-means: measures (R, F, M, value) or numeric columns to cluster on', zh: 'k-means：用于聚类的指标（R、F、M、value）或数值列' },
    },
    {
      name: 'seed', flag: 'seed', kind: 'integer', default: 0, min: 0, max: 2147483647,
      label: { en: 'Random seed', zh: '随机种子' },
      help: { en: 'k-means: seed of the random starts; the same seed gives the same clusters', zh: 'k-means：随机初始化的种子；相同种子得到相同结果' },
    },
    {
      name: 'restarts', flag: 'restarts', kind: 'integer', default: 10, min: 1, max: 1000,
      label: { en: 'Restarts', zh: '重复初始化次数' },
      help: { en: 'k-means: independent k-means++ starts, the best is kept', zh: 'k-means：独立的 k-means++ 初始化次数，取最优' },
    },
  ],
  tiers: (params) => kmeansTiers(params.k === 'auto' ? KMEANS_K_MAX : Number(params.k)),
  tierColumn: { id: 'cluster', header: { en: 'Cluster', zh: '聚类' } },
  classify(m, ctx) {
    const names = ctx.params.features as readonly string[];
    const kParam = String(ctx.params.k);
    const seed = ctx.params.seed as number;
    const restarts = ctx.params.restarts as number;
    const features = featureInputs(m, names);
    const complete = countComplete(features, m.n);
    const tierIndex = new Uint8Array(m.n).fill(NO_CLASS);
    const requested = kParam === 'auto' ? KMEANS_K_MAX : Number(kParam);
    const kMax = Math.min(KMEANS_K_MAX, complete - 1);
    if (complete === 0) {
      return { tierIndex, model: emptyModel(kParam, features, seed, restarts, m.n), tiers: [] };
    }
    const withTable = kMax >= 2;
    const k = kParam === 'auto' ? (withTable ? 'auto' : 1) : Math.min(requested, complete);
    const customers = m.customers && m.customers.first.length === m.n ? m.customers : undefined;
    const tenure = customers ? customers.first.map((f) => customers.asOf - Math.floor(f)) : undefined;
    const progress = typeof ctx.options.progress === 'function' ? (ctx.options.progress as (done: number, total: number) => boolean | void) : undefined;
    const c = clusterCustomers(features, { k, seed, restarts, guidance: withTable, kMax: withTable ? kMax : undefined, value: m.value, tenure, progress });
    const d = features.length;
    const centroidsZ = Array.from({ length: c.fit.k }, (_, j) => Array.from(c.fit.centers.subarray(j * d, j * d + d)));
    const sizes = new Array<number>(c.fit.k).fill(0);
    const raw = new Array<number>(d);
    for (let i = 0; i < m.n; i++) {
      if (c.cluster[i] < 0) continue;
      for (let j = 0; j < d; j++) raw[j] = features[j].values[i];
      tierIndex[i] = nearestCluster(raw, c.prepared.transforms, centroidsZ);
      if (tierIndex[i] !== NO_CLASS) sizes[tierIndex[i]]++;
    }
    const g = c.guidance;
    const model: KMeansModel = {
      k: c.fit.k,
      kParam,
      features: features.map((f) => f.name),
      transform: c.prepared.transforms,
      centroids: { z: centroidsZ, original: c.profiles.map((p) => p.centroid) },
      inertia: c.fit.inertia,
      silhouette: c.silhouette,
      sizes,
      kTable: g ? g.rows : null,
      elbowK: g ? g.elbowK : null,
      bestSilhouetteK: g ? g.bestSilhouetteK : null,
      autoReason: kParam === 'auto' ? (g ? g.autoReason : { en: 'k = 1: too few customers for a k table', zh: 'k = 1：客户过少，无法比较 k' }) : null,
      seed,
      restarts,
      skipped: c.prepared.skipped,
      profiles: c.profiles.map((p) => ({
        cluster: p.cluster, name: p.name, description: p.description, group: p.group, strategy: p.strategy,
        size: p.size, share: p.share, valueShare: p.valueShare, mean: p.mean, median: p.median,
      })),
    };
    // exactly the clusters fitted (k = auto, or fewer customers than k): no empty "Cluster 8" rows
    return { tierIndex, model, tiers: kmeansTiers(model.k) };
  },
  assign: (fit, row) => nearestCluster(fit.model.features.map((name) => rowValue(row, name)), fit.model.transform, fit.model.centroids.z),
  explain({ fit, tier, lang }) {
    if (tier === NO_CLASS) return say({ en: 'no cluster: a feature is missing', zh: '未聚类：缺少特征值' }, lang);
    const p = fit.model.profiles[tier];
    return say({ en: 'Cluster {n} — {name}: {why}', zh: '第 {n} 类 — {name}：{why}' }, lang, {
      n: tier + 1, name: lang === 'en' ? p.name.en : p.name.zh, why: lang === 'en' ? p.description.en : p.description.zh,
    });
  },
  describe(model, lang) {
    const base = say(
      { en: 'k = {k} on {features}; inertia {inertia}, silhouette {sil}; {restarts} restarts, seed {seed}', zh: 'k = {k}，特征：{features}；惯性 {inertia}，轮廓系数 {sil}；{restarts} 次初始化，种子 {seed}' },
      lang,
      {
        k: model.k,
        features: model.transform.map((t) => (t.log1p ? `log1p(${t.name})` : t.name)).join(', '),
        inertia: formatNumber(model.inertia, 1),
        sil: Number.isFinite(model.silhouette) ? model.silhouette.toFixed(3) : '—',
        restarts: model.restarts,
        seed: model.seed,
      },
    );
    return model.autoReason ? `${base} (${lang === 'en' ? model.autoReason.en : model.autoReason.zh})` : base;
  },
  columns: (fit) => [
    {
      id: 'profile', header: { en: 'Profile', zh: '客户画像（英文）' }, kind: 'label',
      values: Array.from(fit.tierIndex, (t) => (t === NO_CLASS ? null : fit.model.profiles[t].name.en)),
    },
    {
      id: 'profileZh', json: 'profile_zh', header: { en: 'Profile (中文)', zh: '客户画像' }, kind: 'label',
      values: Array.from(fit.tierIndex, (t) => (t === NO_CLASS ? null : fit.model.profiles[t].name.zh)),
    },
  ],
  tables: (fit) => kmeansTables(fit.model),
};

function countComplete(features: readonly FeatureInput[], n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (features.every((f) => Number.isFinite(f.values[i]))) count++;
  return count;
}

function emptyModel(kParam: string, features: readonly FeatureInput[], seed: number, restarts: number, n: number): KMeansModel {
  return {
    k: 0, kParam, features: features.map((f) => f.name), transform: [], centroids: { z: [], original: [] },
    inertia: 0, silhouette: NaN, sizes: [], kTable: null, elbowK: null, bestSilhouetteK: null,
    autoReason: null, seed, restarts, skipped: n, profiles: [],
  };
}

/**
 * The summary tables of a k-means model: profiles, the k table (when computed) and centroids.
 *
 * @example
 * kmeansTables(model).map((t) => t.name); // ["TierwiseProfiles", "TierwiseKTable", "TierwiseCentroids"]
 */
export function kmeansTables(model: KMeansModel): MethodTable[] {
  const P = model.profiles;
  const perFeature = model.features.flatMap((f, j) => [
    { id: `mean_${j}`, header: { en: `Mean ${f}`, zh: `${f} 均值` }, kind: 'number' as const, values: P.map((p) => p.mean[j]) },
    { id: `median_${j}`, header: { en: `Median ${f}`, zh: `${f} 中位数` }, kind: 'number' as const, values: P.map((p) => p.median[j]) },
  ]);
  const tables: MethodTable[] = [
    {
      name: 'TierwiseProfiles',
      title: { en: 'Cluster profiles', zh: '客户画像' },
      columns: [
        { id: 'cluster', header: { en: 'Cluster', zh: '聚类' }, kind: 'label', values: P.map((p) => `Cluster ${p.cluster + 1}`) },
        { id: 'name', header: { en: 'Profile', zh: '画像（英文）' }, kind: 'text', values: P.map((p) => p.name.en) },
        { id: 'nameZh', header: { en: 'Profile (中文)', zh: '画像' }, kind: 'text', values: P.map((p) => p.name.zh) },
        { id: 'description', header: { en: 'What sets it apart', zh: '特征（英文）' }, kind: 'text', values: P.map((p) => p.description.en) },
        { id: 'descriptionZh', header: { en: 'What sets it apart (中文)', zh: '特征' }, kind: 'text', values: P.map((p) => p.description.zh) },
        { id: 'customers', header: { en: 'Customers', zh: '客户数' }, kind: 'integer', values: P.map((p) => p.size) },
        { id: 'share', header: { en: '% of customers', zh: '客户占比' }, kind: 'percent', values: P.map((p) => p.share) },
        { id: 'valueShare', header: { en: '% of value', zh: '价值占比' }, kind: 'percent', values: P.map((p) => (Number.isFinite(p.valueShare) ? p.valueShare : null)) },
        ...perFeature,
        { id: 'strategy', header: { en: 'Strategy', zh: '策略（英文）' }, kind: 'text', values: P.map((p) => p.strategy.en) },
        { id: 'strategyZh', header: { en: 'Strategy (中文)', zh: '策略' }, kind: 'text', values: P.map((p) => p.strategy.zh) },
      ],
      rows: P.length,
      chart: { kind: 'column', title: { en: 'Share of customers and of value by cluster', zh: '各类客户占比与价值占比' }, categoryColumn: 'cluster', bars: ['share', 'valueShare'], lines: [] },
    },
  ];
  if (model.kTable) {
    const rows = model.kTable;
    tables.push({
      name: 'TierwiseKTable',
      title: { en: 'Choosing k: inertia (elbow) and silhouette', zh: '选择 k：惯性（肘部法）与轮廓系数' },
      columns: [
        { id: 'k', header: { en: 'k', zh: 'k' }, kind: 'integer', values: rows.map((r) => r.k) },
        { id: 'inertia', header: { en: 'Inertia', zh: '惯性' }, kind: 'number', values: rows.map((r) => r.inertia) },
        { id: 'silhouette', header: { en: 'Silhouette', zh: '轮廓系数' }, kind: 'number', values: rows.map((r) => (Number.isFinite(r.silhouette) ? r.silhouette : null)) },
        { id: 'choice', header: { en: 'Choice', zh: '选择' }, kind: 'text', values: rows.map((r) => [r.k === model.elbowK ? 'elbow' : '', r.k === model.bestSilhouetteK ? 'best silhouette' : '', r.k === model.k ? 'used' : ''].filter(Boolean).join(', ')) },
      ],
      rows: rows.length,
      chart: { kind: 'line', title: { en: 'Inertia and silhouette by k', zh: '不同 k 的惯性与轮廓系数' }, categoryColumn: 'k', bars: ['inertia'], lines: ['silhouette'] },
    });
  }
  tables.push({
    name: 'TierwiseCentroids',
    title: { en: 'Centroids (z-scores of the prepared features)', zh: '聚类中心（标准化特征的 z 值）' },
    columns: [
      { id: 'cluster', header: { en: 'Cluster', zh: '聚类' }, kind: 'label', values: P.map((p) => `Cluster ${p.cluster + 1}`) },
      ...model.features.map((f, j) => ({ id: `z_${j}`, header: { en: f, zh: f }, kind: 'number' as const, values: model.centroids.z.map((c) => c[j]) })),
    ],
    rows: P.length,
    chart: { kind: 'column', title: { en: 'Centroids (z-scores)', zh: '聚类中心（z 值）' }, categoryColumn: 'cluster', bars: model.features.map((_, j) => `z_${j}`), lines: [] },
  });
  return tables;
}
