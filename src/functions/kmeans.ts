/**
 * TIER.KMEANS and TIER.KMEANS_PROFILE: k-means clusters of rows of numeric features and their
 * named profiles (engine: `../engine/kmeans`). A first row of text is a header: names such as
 * Recency / R, Frequency / F, Monetary / M or Value give those columns the R/F/M roles (log1p
 * by default, profile names); other columns get log1p when non-negative and skewed. The fit is
 * cached per population, k and seed; each row's cluster is its nearest centroid, so the spill
 * form and the per-row form (with a population) agree.
 */
import { type Clustering, type FeatureInput, type FeatureRole, NO_CLASS, clusterCustomers, measureOfName, nearestCluster } from '../engine';
import { type Matrix, type Out, asMatrix, fail, omitted, optionalNumber, optionalText, populationNumbers, readNumbers, run } from './args';
import { populationCache } from './cache';

/** A features block: its header (when the first row is text) and the data rows. */
interface Block {
  header: string[] | null;
  rows: Matrix;
  width: number;
}

function block(arg: unknown, what: string): Block {
  const all = asMatrix(arg);
  if (all.length === 0) fail(`${what} is empty`);
  const width = all[0].length;
  if (all.some((r) => r.length !== width)) fail(`${what} must be a rectangular range`);
  const first = all[0];
  const isHeader = first.every((c) => typeof c === 'string' && c.trim() !== '' && !Number.isFinite(Number(c.replace(/,/g, ''))));
  return { header: isHeader ? first.map((c) => String(c).trim()) : null, rows: isHeader ? all.slice(1) : all, width };
}

/** k from the argument: omitted → 4, "auto", or a whole number 2…10. */
function kOf(arg: unknown): number | 'auto' {
  if (omitted(arg) || arg === '') return 4;
  if (typeof arg === 'string' && arg.trim().toLowerCase() === 'auto') return 'auto';
  const k = optionalNumber(arg, 4, 'k');
  if (!Number.isInteger(k) || k < 2 || k > 10) fail(`k must be a whole number from 2 to 10 or "auto", got ${JSON.stringify(arg)}`);
  return k;
}

function seedOf(arg: unknown): number {
  const seed = optionalNumber(arg, 0, 'seed');
  if (!Number.isInteger(seed) || seed < 0) fail(`seed must be a whole number ≥ 0, got ${JSON.stringify(arg)}`);
  return seed;
}

function featuresOf(b: Block): FeatureInput[] {
  return Array.from({ length: b.width }, (_, j) => {
    const label = b.header ? b.header[j] : `feature ${j + 1}`;
    const measure = b.header ? measureOfName(label) : undefined;
    const role: FeatureRole = measure === undefined ? 'other' : measure === 'value' ? 'monetary' : measure;
    return { name: measure && measure !== 'value' ? measure : label, role, values: populationNumbers(b.rows.map((r) => r[j])) };
  });
}

/** The clustering of a population block (cached per population, k and seed). */
function fitted(pop: Block, k: number | 'auto', seed: number): Clustering {
  const key = `kmeans|${k}|${seed}|${pop.header ? pop.header.join('\u0001') : ''}`;
  return populationCache.get(pop.rows, key, () => {
    const features = featuresOf(pop);
    let complete = 0;
    for (let i = 0; i < pop.rows.length; i++) if (features.every((f) => Number.isFinite(f.values[i]))) complete++;
    if (k === 'auto' && complete < 4) fail(`k = "auto" needs at least 4 rows with every feature, got ${complete}`);
    if (k !== 'auto' && complete < k) fail(`k = ${k} needs at least ${k} rows with every feature, got ${complete}`);
    return clusterCustomers(features, { k, seed, kMax: k === 'auto' ? Math.min(8, complete - 1) : undefined });
  });
}

function centroidsOf(c: Clustering): number[][] {
  const d = c.prepared.d;
  return Array.from({ length: c.fit.k }, (_, j) => Array.from(c.fit.centers.subarray(j * d, j * d + d)));
}

/**
 * The cluster (1…k) of each row of features: its nearest centroid after the population's
 * preparation; "" for a row with a blank feature, the error for a row with an error cell.
 *
 * @example
 * kmeansClusters([[1], [2], [50], [52]], 2, null, null); // [[2], [2], [1], [1]]
 */
export function kmeansClusters(features: unknown, k: unknown, seed: unknown, population: unknown): Out[][] {
  return run(() => {
    const rows = block(features, 'features');
    const pop = omitted(population) ? rows : block(population, 'population');
    if (pop.width !== rows.width) fail(`population must be ${rows.width} columns wide like features, got ${pop.width}`);
    const c = fitted(pop, kOf(k), seedOf(seed));
    const centroids = centroidsOf(c);
    const cells = rows.rows.map((r) => readNumbers(r));
    const out: Out[][] = cells.map((row) => {
      const bad = row.instead.find((x) => x !== undefined && x !== '');
      if (bad !== undefined) return [bad];
      if (row.instead.some((x) => x === '')) return [''];
      const cluster = nearestCluster(Array.from(row.values), c.prepared.transforms, centroids);
      return [cluster === NO_CLASS ? '' : cluster + 1];
    });
    return rows.header ? [['Cluster'], ...out] : out;
  });
}

/**
 * The profile table of the clusters (客户画像): a header row, then per cluster its number, name,
 * description, customers, share of customers, share of value (with a monetary/value column) and
 * the mean of each feature.
 *
 * @example
 * kmeansProfile([["R", "F", "M"], [5, 20, 5000], …], 3, null, "en"); // [["Cluster", "Profile", …], [1, "Active loyal high spenders", …], …]
 */
export function kmeansProfile(features: unknown, k: unknown, seed: unknown, language: unknown): Out[][] {
  return run(() => {
    const lang = optionalText(language, 'en');
    if (lang !== 'en' && lang !== 'zh-CN') fail(`language must be "en" or "zh-CN", got ${JSON.stringify(language)}`);
    const zh = lang === 'zh-CN';
    const rows = block(features, 'features');
    const c = fitted(rows, kOf(k), seedOf(seed));
    const names = c.prepared.transforms.map((t) => t.name);
    const header: Out[] = zh
      ? ['聚类', '客户画像', '特征', '客户数', '客户占比', '价值占比', ...names.map((n) => `${n} 均值`)]
      : ['Cluster', 'Profile', 'Description', 'Customers', '% of customers', '% of value', ...names.map((n) => `Mean ${n}`)];
    const body = c.profiles.map((p): Out[] => [
      p.cluster + 1,
      zh ? p.name.zh : p.name.en,
      zh ? p.description.zh : p.description.en,
      p.size,
      p.share,
      Number.isFinite(p.valueShare) ? p.valueShare : '',
      ...p.mean,
    ]);
    return [header, ...body];
  });
}
