/**
 * Customer profiles (客户画像) of k-means clusters: a bilingual name from how each centroid
 * differs from the population, a one-line description, and per-feature statistics.
 *
 * Levels: a centroid coordinate in z-space (population mean 0, sd 1 after the shown
 * preparation) is "low" at ≤ −0.5, "high" at ≥ +0.5, otherwise "mid".
 *
 * Names: [recency word] [frequency word] [monetary noun] —
 * recency low → "Active" / 活跃, high → "Lapsed" / 沉睡; frequency high → "loyal" / 忠诚,
 * low → "occasional" / 偶购; monetary high / mid / low → "high / mid / low spenders" /
 * 高 / 中等 / 低价值客户 (without a monetary feature: "customers" / 客户); a mid recency or
 * frequency adds no word. Other features add "high X" / "X高" when not mid (up to two, by
 * distance from the population). When two clusters would share a name, the feature on which they
 * differ most adds a qualifier ("more recent" / 较近期, …); three or more get "(1)", "(2)", … in the
 * order of that feature, descending. Names are therefore unique within a result.
 *
 * Description: up to three clauses for the features farthest from the population (by |z|):
 * recency "last bought 12 days ago", frequency "buys every 30 days" (median of tenure ÷ orders
 * when tenure is known) or "7 orders", monetary "spends 3.4× the median", other features
 * "X 5.2 (all: 2.1)". Figures are the cluster's medians in original units.
 */
import type { Bilingual, TierGroup } from '../tiers';
import type { FeatureRole, FeatureTransform } from './features';

/** A feature's level in a cluster. */
export type Level = 'low' | 'mid' | 'high';

/** z at or beyond which a centroid coordinate is "high" (or, negated, "low"). */
export const LEVEL_Z = 0.5;

/** A cluster's profile. */
export interface ClusterProfile {
  cluster: number;
  name: Bilingual;
  description: Bilingual;
  /** Management group the profile maps to (lapsed when recency is high, else by monetary). */
  group: TierGroup;
  strategy: Bilingual;
  size: number;
  /** size ÷ customers clustered. */
  share: number;
  /** Share of the total value (monetary, or the given value column); NaN without one. */
  valueShare: number;
  /** Centroid in z-space, one per feature. */
  centroidZ: number[];
  /** Centroid in original units (inverse z and log1p). */
  centroid: number[];
  mean: number[];
  median: number[];
  levels: Level[];
}

/** Inputs of {@link clusterProfiles}. */
export interface ProfileInput {
  transforms: readonly FeatureTransform[];
  /** k × d centroids in z-space. */
  centers: Float64Array;
  /** Cluster of each clustered customer. */
  labels: Int32Array;
  /** Original values: values[j][r] is feature j of clustered customer r. */
  values: readonly ArrayLike<number>[];
  /** Value per clustered customer for the value share (default: the monetary feature). */
  value?: ArrayLike<number>;
  /** Days from first purchase to the as-of date, per clustered customer, for "buys every N days". */
  tenure?: ArrayLike<number>;
}

/**
 * Profiles of the clusters of a k-means fit.
 *
 * @example
 * const p = clusterProfiles({ transforms, centers: fit.centers, labels: fit.labels, values });
 * p[0].name; // { en: 'Active loyal high spenders', zh: '活跃忠诚高价值客户' }
 */
export function clusterProfiles(input: ProfileInput): ClusterProfile[] {
  const { transforms, centers, labels } = input;
  const d = transforms.length;
  const k = centers.length / d;
  const n = labels.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let r = 0; r < n; r++) members[labels[r]].push(r);
  const mIdx = transforms.findIndex((t) => t.role === 'monetary');
  const value = input.value ?? (mIdx >= 0 ? input.values[mIdx] : undefined);
  let totalValue = 0;
  if (value) for (let r = 0; r < n; r++) totalValue += value[r];
  const popMedian = transforms.map((_, j) => median(Array.from(input.values[j] as ArrayLike<number>)));
  const profiles = members.map((rows, c) => {
    const centroidZ = Array.from(centers.subarray(c * d, c * d + d));
    const levels = centroidZ.map(levelOf);
    const mean = transforms.map((_, j) => rows.reduce((s, r) => s + input.values[j][r], 0) / rows.length);
    const med = transforms.map((_, j) => median(rows.map((r) => input.values[j][r])));
    const valueSum = value ? rows.reduce((s, r) => s + value[r], 0) : NaN;
    const centroid = transforms.map((t, j) => {
      const v = centroidZ[j] * t.scale + t.mean;
      return t.log1p ? Math.expm1(v) : v;
    });
    const tenureMedian = input.tenure && frequencyInterval(rows, transforms, input);
    const group = groupOf(transforms, levels);
    return {
      cluster: c,
      name: baseName(transforms, centroidZ, levels),
      description: describe(transforms, centroidZ, med, popMedian, tenureMedian),
      group,
      strategy: STRATEGIES[group],
      size: rows.length,
      share: rows.length / n,
      valueShare: value && totalValue !== 0 ? valueSum / totalValue : NaN,
      centroidZ, centroid, mean, median: med, levels,
    };
  });
  makeUnique(profiles, transforms);
  return profiles;
}

/**
 * Level of a z-score: low ≤ −0.5 < mid < 0.5 ≤ high.
 *
 * @example
 * levelOf(0.7); // "high"
 */
export function levelOf(z: number): Level {
  if (z >= LEVEL_Z) return 'high';
  if (z <= -LEVEL_Z) return 'low';
  return 'mid';
}

const WORDS: Record<'recency' | 'frequency', Partial<Record<Level, Bilingual>>> = {
  recency: { low: { en: 'active', zh: '活跃' }, high: { en: 'lapsed', zh: '沉睡' } },
  frequency: { high: { en: 'loyal', zh: '忠诚' }, low: { en: 'occasional', zh: '偶购' } },
};
const MONETARY: Record<Level, Bilingual> = {
  high: { en: 'high spenders', zh: '高价值客户' },
  mid: { en: 'mid spenders', zh: '中等价值客户' },
  low: { en: 'low spenders', zh: '低价值客户' },
};
const QUALIFIER: Record<FeatureRole, (name: string) => [Bilingual, Bilingual]> = {
  recency: () => [{ en: 'less recent', zh: '较久未购' }, { en: 'more recent', zh: '较近期' }],
  frequency: () => [{ en: 'more frequent', zh: '更高频' }, { en: 'less frequent', zh: '较低频' }],
  monetary: () => [{ en: 'bigger spend', zh: '消费更高' }, { en: 'smaller spend', zh: '消费较低' }],
  other: (name) => [{ en: `higher ${name}`, zh: `${name}较高` }, { en: `lower ${name}`, zh: `${name}较低` }],
};
const STRATEGIES: Record<TierGroup, Bilingual> = {
  key: { en: 'Protect: personal contact, early access and service before price.', zh: '重点维护：专人联系、优先体验，服务优先于价格。' },
  ordinary: { en: 'Grow: cross-sell and volume offers to raise spend.', zh: '培养提升：交叉销售与批量优惠，提高消费。' },
  small: { en: 'Serve at low cost: self-service and automated offers.', zh: '低成本服务：自助渠道与自动化优惠。' },
  lapsed: { en: 'Win back: a reactivation offer and a call to learn why they left.', zh: '挽回：发送激活优惠并回访了解流失原因。' },
};

function groupOf(transforms: readonly FeatureTransform[], levels: readonly Level[]): TierGroup {
  const r = transforms.findIndex((t) => t.role === 'recency');
  if (r >= 0 && levels[r] === 'high') return 'lapsed';
  const m = transforms.findIndex((t) => t.role === 'monetary');
  if (m < 0) return 'ordinary';
  return levels[m] === 'high' ? 'key' : levels[m] === 'mid' ? 'ordinary' : 'small';
}

function baseName(transforms: readonly FeatureTransform[], z: readonly number[], levels: readonly Level[]): Bilingual {
  const en: string[] = [];
  const zh: string[] = [];
  for (const role of ['recency', 'frequency'] as const) {
    const j = transforms.findIndex((t) => t.role === role);
    const w = j >= 0 ? WORDS[role][levels[j]] : undefined;
    if (w) {
      en.push(w.en);
      zh.push(w.zh);
    }
  }
  const m = transforms.findIndex((t) => t.role === 'monetary');
  const noun = m >= 0 ? MONETARY[levels[m]] : { en: 'customers', zh: '客户' };
  en.push(noun.en);
  zh.push(noun.zh);
  const others = transforms
    .map((t, j) => ({ t, j }))
    .filter(({ t, j }) => t.role === 'other' && levels[j] !== 'mid')
    .sort((a, b) => Math.abs(z[b.j]) - Math.abs(z[a.j]) || a.j - b.j)
    .slice(0, 2);
  let enName = en.join(' ');
  let zhName = zh.join('');
  if (others.length) {
    enName += `, ${others.map(({ t, j }) => `${levels[j]} ${t.name}`).join(', ')}`;
    zhName += `（${others.map(({ t, j }) => `${t.name}${levels[j] === 'high' ? '高' : '低'}`).join('、')}）`;
  }
  return { en: enName.charAt(0).toUpperCase() + enName.slice(1), zh: zhName };
}

function makeUnique(profiles: ClusterProfile[], transforms: readonly FeatureTransform[]): void {
  const groups = new Map<string, ClusterProfile[]>();
  for (const p of profiles) groups.set(p.name.en, [...(groups.get(p.name.en) ?? []), p]);
  for (const same of groups.values()) {
    if (same.length < 2) continue;
    let feature = 0;
    let spread = -1;
    transforms.forEach((_, j) => {
      const zs = same.map((p) => p.centroidZ[j]);
      const s = Math.max(...zs) - Math.min(...zs);
      if (s > spread) {
        spread = s;
        feature = j;
      }
    });
    const ordered = [...same].sort((a, b) => b.centroidZ[feature] - a.centroidZ[feature] || a.cluster - b.cluster);
    const [high, low] = QUALIFIER[transforms[feature].role](transforms[feature].name);
    ordered.forEach((p, i) => {
      const q = same.length === 2 ? (i === 0 ? high : low) : { en: String(i + 1), zh: String(i + 1) };
      p.name = { en: `${p.name.en} (${q.en})`, zh: `${p.name.zh}（${q.zh}）` };
    });
  }
}

function describe(
  transforms: readonly FeatureTransform[], z: readonly number[], med: readonly number[],
  popMedian: readonly number[], interval: number | undefined,
): Bilingual {
  const order = transforms.map((_, j) => j).sort((a, b) => Math.abs(z[b]) - Math.abs(z[a]) || a - b).slice(0, 3);
  const en: string[] = [];
  const zh: string[] = [];
  for (const j of order) {
    const t = transforms[j];
    if (t.role === 'recency') {
      en.push(`last bought ${fmt(med[j])} days ago`);
      zh.push(`最近一次购买在 ${fmt(med[j])} 天前`);
    } else if (t.role === 'frequency') {
      if (interval !== undefined && Number.isFinite(interval)) {
        en.push(`buys every ${fmt(interval)} days`);
        zh.push(`每 ${fmt(interval)} 天购买一次`);
      } else {
        en.push(`${fmt(med[j])} orders`);
        zh.push(`${fmt(med[j])} 次购买`);
      }
    } else if (t.role === 'monetary' && popMedian[j] > 0) {
      const ratio = med[j] / popMedian[j];
      en.push(`spends ${fmtRatio(ratio)}× the median`);
      zh.push(`消费为总体中位数的 ${fmtRatio(ratio)} 倍`);
    } else {
      en.push(`${t.name} ${fmt(med[j])} (all: ${fmt(popMedian[j])})`);
      zh.push(`${t.name} ${fmt(med[j])}（总体 ${fmt(popMedian[j])}）`);
    }
  }
  return { en: en.join(', '), zh: zh.join('，') };
}

/** Median over the cluster of tenure ÷ orders (days between purchases). */
function frequencyInterval(rows: readonly number[], transforms: readonly FeatureTransform[], input: ProfileInput): number | undefined {
  const f = transforms.findIndex((t) => t.role === 'frequency');
  if (f < 0 || !input.tenure) return undefined;
  const tenure = input.tenure;
  const xs = rows.map((r) => tenure[r] / input.values[f][r]).filter((x) => Number.isFinite(x));
  return xs.length ? median(xs) : undefined;
}

/**
 * Median of finite numbers (NaN when there are none).
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  return a >= 100 || Number.isInteger(x) ? Math.round(x).toLocaleString('en-US') : a >= 10 ? x.toFixed(0) : x.toFixed(1);
}

function fmtRatio(x: number): string {
  if (x >= 10) return x.toFixed(0);
  if (x >= 0.1 || x <= 0) return x.toFixed(1);
  return String(Number(x.toPrecision(1)));
}
