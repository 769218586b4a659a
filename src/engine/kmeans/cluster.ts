/**
 * Customer clustering from features to profiles: prepare (log1p, z-scores; skipped customers
 * counted), choose k when asked (`k: 'auto'`, see guidance.ts), fit k-means, name the clusters.
 * Clusters are numbered by mean monetary value descending (original units) when a feature has
 * the role "monetary", otherwise by the first feature's centroid descending.
 */
import type { Customers } from '../aggregate';
import { prepareFeatures, type FeatureInput, type PreparedFeatures } from './features';
import { kmeans, type KMeansFit } from './fit';
import { kGuidance, type KGuidance, type KGuidanceOptions } from './guidance';
import { clusterProfiles, type ClusterProfile } from './profiles';
import { silhouettes } from './silhouette';

/** Options of {@link clusterCustomers}. */
export interface ClusterOptions {
  /** A number of clusters, or "auto". Default 4. */
  k?: number | 'auto';
  /** Default 0. */
  seed?: number;
  /** Default 10. */
  restarts?: number;
  /** k range for the guidance table (default 2…8). */
  kMin?: number;
  kMax?: number;
  /** Compute the k table even for a fixed k. Default false. */
  guidance?: boolean;
  /** Value per input customer for the value share (default: the monetary feature). */
  value?: ArrayLike<number>;
  /** Days from first purchase to the as-of date per input customer ("buys every N days"). */
  tenure?: ArrayLike<number>;
  /** Progress of the k table, and cancellation (see {@link KGuidanceOptions.progress}). */
  progress?: KGuidanceOptions['progress'];
}

/** Clusters and profiles of customers. */
export interface Clustering {
  prepared: PreparedFeatures;
  fit: KMeansFit;
  /** Cluster per input customer; −1 for a skipped one. */
  cluster: Int32Array;
  profiles: ClusterProfile[];
  /** Mean silhouette of the chosen fit (exact or sampled, see `guidance` or silhouette.ts). */
  silhouette: number;
  guidance?: KGuidance;
}

/**
 * Clusters customers on the given features and names the clusters.
 *
 * @example
 * const c = clusterCustomers(rfmFeatures(customers), { k: 'auto', seed: 1 });
 * c.profiles.map((p) => p.name.en); // ["Active loyal high spenders", …]
 */
export function clusterCustomers(features: readonly FeatureInput[], options: ClusterOptions = {}): Clustering {
  const prepared = prepareFeatures(features);
  const { points, n, d, rows } = prepared;
  const pick = <T extends ArrayLike<number>>(xs: T | undefined): Float64Array | undefined => {
    if (!xs) return undefined;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = xs[rows[r]];
    return out;
  };
  const values = features.map((f) => pick(f.values)!);
  const mIdx = features.findIndex((f) => f.role === 'monetary');
  const rankBy = mIdx >= 0 ? values[mIdx] : undefined;
  const base = { seed: options.seed ?? 0, restarts: options.restarts, rankBy };
  const k = options.k ?? 4;
  let guidance: KGuidance | undefined;
  if (k === 'auto' || options.guidance) guidance = kGuidance(points, n, d, { ...base, kMin: options.kMin, kMax: options.kMax, progress: options.progress });
  const chosen = k === 'auto' ? guidance!.autoK : k;
  const fromGuidance = guidance?.fits.find((f) => f.k === chosen);
  const fit = fromGuidance ?? kmeans(points, n, d, { ...base, k: chosen });
  const row = guidance?.rows.find((r) => r.k === chosen);
  const silhouette = row ? row.silhouette : chosen >= 2 ? silhouettes(points, n, d, [fit.labels], { seed: base.seed }).values[0] : NaN;
  const cluster = new Int32Array(prepared.inputRows).fill(-1);
  for (let r = 0; r < n; r++) cluster[rows[r]] = fit.labels[r];
  const profiles = clusterProfiles({
    transforms: prepared.transforms, centers: fit.centers, labels: fit.labels, values,
    value: pick(options.value), tenure: pick(options.tenure),
  });
  return guidance ? { prepared, fit, cluster, profiles, silhouette, guidance } : { prepared, fit, cluster, profiles, silhouette };
}

/**
 * The default features from aggregated transactions: recency (days), frequency (purchases),
 * monetary (value), each with log1p; and the tenure (whole days from the first purchase day) for profiles.
 *
 * @example
 * const { features, tenure } = rfmFeatures(aggregateTransactions(tx));
 * clusterCustomers(features, { tenure });
 */
export function rfmFeatures(customers: Customers): { features: FeatureInput[]; tenure: Float64Array } {
  const tenure = customers.first.map((f) => customers.asOf - Math.floor(f));
  return {
    features: [
      { name: 'recency', role: 'recency', values: customers.recency },
      { name: 'frequency', role: 'frequency', values: customers.frequency },
      { name: 'monetary', role: 'monetary', values: customers.monetary },
    ],
    tenure,
  };
}
