/**
 * Feature preparation for k-means, done explicitly so it can be shown to the user:
 *
 * 1. Customers with a missing or non-finite value in any feature are skipped and counted (per
 *    feature, and in total); the rest keep their input position in `rows`.
 * 2. log1p (ln(1 + x)) for skewed non-negative measures. Default: on for recency, frequency and
 *    monetary (roles "recency" | "frequency" | "monetary"); a negative value there (net returns
 *    exceeding purchases) counts as 0, and `note` says how many; for other features "auto": on
 *    when every value is ≥ 0 and the sample skewness is above 1. Asking for `log: true` on a
 *    feature with a negative value is an error naming the feature and row.
 * 3. z-scores with the population standard deviation (divide by n, like scikit-learn's
 *    StandardScaler); a constant feature gets z = 0 everywhere (scale 1).
 *
 * k-means then works on the z-scores; centroids are turned back into original units with
 * {@link toOriginalUnits}.
 */
import { TierwiseError } from '../errors';

/** What a feature measures; R/F/M get log1p by default and drive profile names. */
export type FeatureRole = 'recency' | 'frequency' | 'monetary' | 'other';

/** One numeric feature per customer (NaN = missing). */
export interface FeatureInput {
  name: string;
  values: ArrayLike<number>;
  /** Default "other". */
  role?: FeatureRole;
  /** log1p: true, false or "auto" (see the module notes). Default: on for R/F/M, "auto" otherwise. */
  log?: boolean | 'auto';
}

/** How one feature was transformed: z = (t(x) − mean) / scale with t = log1p or identity. */
export interface FeatureTransform {
  name: string;
  role: FeatureRole;
  log1p: boolean;
  /** Mean of t(x) over the customers used. */
  mean: number;
  /** Population standard deviation of t(x); 0 for a constant feature. */
  sd: number;
  /** Divisor used: sd, or 1 when sd is 0. */
  scale: number;
  /** Negative values were counted as 0 before log1p (R/F/M by default, e.g. net returns). */
  clipNegative?: boolean;
  /** What was done to values the transform does not take, if anything. */
  note?: string;
}

/** Prepared points and everything needed to show and undo the preparation. */
export interface PreparedFeatures {
  /** n × d z-scores, row-major. */
  points: Float64Array;
  n: number;
  d: number;
  /** Input position of each point. */
  rows: Int32Array;
  transforms: FeatureTransform[];
  /** Customers in the input. */
  inputRows: number;
  /** Customers skipped for a missing or non-finite value in any feature. */
  skipped: number;
  /** Missing or non-finite values per feature (a customer may count in several). */
  missingByFeature: number[];
}

/** Features that get log1p by default. */
const RFM_ROLES: ReadonlySet<FeatureRole> = new Set(['recency', 'frequency', 'monetary']);

/**
 * Prepares features for k-means: skip customers with a missing value, log1p, z-scores.
 *
 * @example
 * const p = prepareFeatures([{ name: 'monetary', role: 'monetary', values: [10, 100, NaN, 1000] }]);
 * p.n; // 3 (one customer skipped); p.transforms[0].log1p // true
 */
export function prepareFeatures(features: readonly FeatureInput[]): PreparedFeatures {
  if (features.length === 0) throw new TierwiseError('option', 'k-means needs at least one feature');
  const inputRows = features[0].values.length;
  features.forEach((f) => {
    if (f.values.length !== inputRows) {
      throw new TierwiseError('length', `feature "${f.name}" has ${f.values.length} values, expected ${inputRows} like "${features[0].name}"`);
    }
  });
  const d = features.length;
  const missingByFeature = features.map(() => 0);
  const keep = new Uint8Array(inputRows).fill(1);
  features.forEach((f, j) => {
    for (let i = 0; i < inputRows; i++) {
      if (!Number.isFinite(f.values[i])) {
        missingByFeature[j]++;
        keep[i] = 0;
      }
    }
  });
  let n = 0;
  for (let i = 0; i < inputRows; i++) n += keep[i];
  const rows = new Int32Array(n);
  for (let i = 0, r = 0; i < inputRows; i++) if (keep[i]) rows[r++] = i;
  const points = new Float64Array(n * d);
  const transforms = features.map((f, j) => prepareOne(f, rows, points, j, d));
  return { points, n, d, rows, transforms, inputRows, skipped: inputRows - n, missingByFeature };
}

/** Transforms feature j of the kept rows into column j of `points`. */
function prepareOne(f: FeatureInput, rows: Int32Array, points: Float64Array, j: number, d: number): FeatureTransform {
  const role = f.role ?? 'other';
  const n = rows.length;
  const x = new Float64Array(n);
  let negativeAt = -1;
  for (let r = 0; r < n; r++) {
    x[r] = f.values[rows[r]];
    if (x[r] < 0 && negativeAt < 0) negativeAt = rows[r];
  }
  const wanted = f.log ?? (RFM_ROLES.has(role) ? true : 'auto');
  let log1p = false;
  let note: string | undefined;
  let clipNegative = false;
  if (wanted === true) {
    if (negativeAt >= 0 && f.log === true) {
      throw new TierwiseError('option', `feature "${f.name}" cannot take log1p: row ${negativeAt + 1} is negative (${f.values[negativeAt]})`);
    }
    log1p = true;
    if (negativeAt >= 0) {
      // R/F/M by default: a negative value (net returns) counts as 0
      let count = 0;
      for (let r = 0; r < n; r++) {
        if (x[r] < 0) {
          x[r] = 0;
          count++;
        }
      }
      clipNegative = true;
      note = `${count} negative value${count === 1 ? '' : 's'} counted as 0 before log1p (first: row ${negativeAt + 1}, ${f.values[negativeAt]})`;
    }
  } else if (wanted === 'auto') {
    log1p = negativeAt < 0 && skewness(x) > 1;
  }
  if (log1p) for (let r = 0; r < n; r++) x[r] = Math.log1p(x[r]);
  const { mean, sd } = meanSd(x);
  const scale = sd > 0 ? sd : 1;
  for (let r = 0; r < n; r++) points[r * d + j] = (x[r] - mean) / scale;
  const t: FeatureTransform = { name: f.name, role, log1p, mean, sd, scale };
  if (clipNegative) t.clipNegative = true;
  if (note !== undefined) t.note = note;
  return t;
}

/**
 * Mean and population standard deviation (two-pass).
 *
 * @example
 * meanSd([1, 2, 3, 4]); // { mean: 2.5, sd: 1.118… }
 */
export function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  return { mean, sd: Math.sqrt(ss / n) };
}

/**
 * Sample skewness g1 = m3 / m2^1.5 (population moments); 0 for a constant sample.
 *
 * @example
 * skewness([1, 1, 1, 10]); // 1.15…
 */
export function skewness(x: ArrayLike<number>): number {
  const { mean } = meanSd(x);
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < x.length; i++) {
    const e = x[i] - mean;
    m2 += e * e;
    m3 += e * e * e;
  }
  m2 /= x.length;
  m3 /= x.length;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

/**
 * A raw value in z-space under a transform (NaN when it is missing or outside log1p's domain).
 *
 * @example
 * toZ(99, { name: 'm', role: 'monetary', log1p: true, mean: Math.log1p(99), sd: 1, scale: 1 }); // 0
 */
export function toZ(x: number, t: FeatureTransform): number {
  const v = t.clipNegative && x < 0 ? 0 : x;
  const u = t.log1p ? Math.log1p(v) : v;
  return Number.isFinite(u) ? (u - t.mean) / t.scale : NaN;
}

/**
 * A point in z-space back in original units: x = t⁻¹(z · scale + mean).
 *
 * @example
 * toOriginalUnits([0], [{ name: 'm', role: 'monetary', log1p: true, mean: Math.log1p(99), sd: 1, scale: 1 }]); // [99]
 */
export function toOriginalUnits(z: ArrayLike<number>, transforms: readonly FeatureTransform[]): number[] {
  // (a value clipped to 0 before log1p maps back to 0, not to the negative value)
  return transforms.map((t, j) => {
    const v = z[j] * t.scale + t.mean;
    return t.log1p ? Math.expm1(v) : v;
  });
}
