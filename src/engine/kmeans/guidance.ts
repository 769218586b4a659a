/**
 * Help choosing k: for k = kMin…kMax (default 2…8) fit k-means, and report inertia and mean
 * silhouette (see silhouette.ts for exact vs sampled), the elbow by Kneedle and the k with the
 * best silhouette.
 *
 * Elbow (Kneedle: Satopää, Albrecht, Irwin & Raghavan 2011, "Finding a 'kneedle' in a haystack",
 * ICDCS workshops), offline form for a decreasing convex curve: scale k and inertia to [0, 1];
 * the elbow is the k whose point lies farthest below the straight line from the first point to
 * the last (the largest value of the difference curve); none when no point lies below it.
 *
 * Rule for `k = auto`: take the elbow when its silhouette is at least 90 % of the best
 * silhouette; otherwise (or when there is no elbow) take the best-silhouette k. Inertia always
 * falls as k grows, so the elbow marks where more clusters stop paying; the silhouette check
 * stops the elbow from choosing clusters that are not separated.
 */
import { TierwiseError } from '../errors';
import type { Bilingual } from '../tiers';
import { kmeans, type KMeansFit, type KMeansOptions } from './fit';
import { silhouettes } from './silhouette';

/** One row of the k table. */
export interface KRow {
  k: number;
  inertia: number;
  silhouette: number;
}

/** Options of {@link kGuidance}. */
export interface KGuidanceOptions extends Omit<KMeansOptions, 'k' | 'trace'> {
  /** Default 2. */
  kMin?: number;
  /** Default 8. */
  kMax?: number;
  /** Above this many points the silhouette is sampled (default 5,000). */
  silhouetteExactMax?: number;
  /**
   * Called after each fit and after the silhouettes with (steps done, steps in all); returning
   * false cancels the run (a TierwiseError "k-means cancelled" is thrown). For a progress bar
   * and a Cancel button where the engine runs in a worker.
   */
  progress?: (done: number, total: number) => boolean | void;
}

/** The k table, the two choices, the auto choice and why. */
export interface KGuidance {
  rows: KRow[];
  /** Kneedle elbow, or null when the curve has none. */
  elbowK: number | null;
  bestSilhouetteK: number;
  autoK: number;
  autoRule: 'elbow' | 'silhouette';
  autoReason: Bilingual;
  silhouetteSampled: boolean;
  /** Points the silhouettes were computed on. */
  silhouettePoints: number;
  /** The fit for each k, in row order. */
  fits: KMeansFit[];
}

/** Share of the best silhouette the elbow must reach to be chosen by `k = auto`. */
export const AUTO_SILHOUETTE_SHARE = 0.9;

/**
 * Fits k = kMin…kMax and chooses k.
 *
 * @example
 * const g = kGuidance(points, n, d, { seed: 0 });
 * g.rows; // [{ k: 2, inertia, silhouette }, …]; g.autoK; g.autoReason.en
 */
export function kGuidance(points: Float64Array, n: number, d: number, options: KGuidanceOptions = {}): KGuidance {
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? 8;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin || kMax > 20) {
    throw new TierwiseError('option', `the k range must be whole numbers with 2 ≤ kMin ≤ kMax ≤ 20, got ${kMin}…${kMax}`);
  }
  if (n <= kMax) throw new TierwiseError('empty', `choosing k up to ${kMax} needs more than ${kMax} customers, got ${n}`);
  const fits: KMeansFit[] = [];
  const total = kMax - kMin + 2;
  const step = (done: number): void => {
    if (options.progress?.(done, total) === false) throw new TierwiseError('option', 'k-means cancelled');
  };
  for (let k = kMin; k <= kMax; k++) {
    fits.push(kmeans(points, n, d, { ...options, k }));
    step(fits.length);
  }
  const sil = silhouettes(points, n, d, fits.map((f) => f.labels), { seed: options.seed ?? 0, exactMax: options.silhouetteExactMax });
  step(total);
  const rows = fits.map((f, i) => ({ k: f.k, inertia: f.inertia, silhouette: sil.values[i] }));
  const choice = chooseK(rows);
  return { rows, ...choice, silhouetteSampled: sil.sampled, silhouettePoints: sil.used, fits };
}

/** The elbow, the best-silhouette k and the `k = auto` choice with its reason. */
export type KChoice = Pick<KGuidance, 'elbowK' | 'bestSilhouetteK' | 'autoK' | 'autoRule' | 'autoReason'>;

/**
 * Applies the documented rule for `k = auto` to a k table (see the module notes).
 *
 * @example
 * chooseK([{ k: 2, inertia: 100, silhouette: 0.5 }, { k: 3, inertia: 40, silhouette: 0.48 }, { k: 4, inertia: 35, silhouette: 0.3 }]);
 * // { elbowK: 3, bestSilhouetteK: 2, autoK: 3, autoRule: 'elbow', … }
 */
export function chooseK(rows: readonly KRow[]): KChoice {
  const elbowK = kneedleElbow(rows.map((r) => r.k), rows.map((r) => r.inertia));
  let best = rows[0];
  for (const r of rows) if (r.silhouette > best.silhouette || Number.isNaN(best.silhouette)) best = r;
  const elbowRow = rows.find((r) => r.k === elbowK);
  const fmt = (x: number): string => x.toFixed(3);
  let autoK: number;
  let autoRule: 'elbow' | 'silhouette';
  let autoReason: Bilingual;
  if (elbowRow && elbowRow.silhouette >= AUTO_SILHOUETTE_SHARE * best.silhouette) {
    autoK = elbowRow.k;
    autoRule = 'elbow';
    autoReason = {
      en: `k = ${autoK}: the elbow of the inertia curve (Kneedle); its silhouette ${fmt(elbowRow.silhouette)} is at least 90 % of the best (${fmt(best.silhouette)} at k = ${best.k})`,
      zh: `k = ${autoK}：惯性曲线的肘部（Kneedle）；其轮廓系数 ${fmt(elbowRow.silhouette)} 不低于最佳值（k = ${best.k} 时为 ${fmt(best.silhouette)}）的 90%`,
    };
  } else {
    autoK = best.k;
    autoRule = 'silhouette';
    const why = elbowRow
      ? { en: `the elbow k = ${elbowRow.k} has silhouette ${fmt(elbowRow.silhouette)}, below 90 % of the best`, zh: `肘部 k = ${elbowRow.k} 的轮廓系数 ${fmt(elbowRow.silhouette)} 低于最佳值的 90%` }
      : { en: 'the inertia curve has no elbow', zh: '惯性曲线没有肘部' };
    autoReason = {
      en: `k = ${autoK}: the best silhouette (${fmt(best.silhouette)}); ${why.en}`,
      zh: `k = ${autoK}：轮廓系数最佳（${fmt(best.silhouette)}）；${why.zh}`,
    };
  }
  return { elbowK, bestSilhouetteK: best.k, autoK, autoRule, autoReason };
}

/**
 * Kneedle elbow of a decreasing convex curve (offline form, see the module notes).
 *
 * @example
 * kneedleElbow([2, 3, 4, 5, 6], [100, 40, 30, 25, 22]); // 3
 */
export function kneedleElbow(xs: readonly number[], ys: readonly number[]): number | null {
  const m = xs.length;
  if (m < 3) return null;
  const x0 = xs[0];
  const x1 = xs[m - 1];
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const y of ys) {
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  if (!(yMax > yMin) || !(x1 > x0)) return null;
  let best: number | null = null;
  let bestDiff = 0;
  for (let i = 0; i < m; i++) {
    const xn = (xs[i] - x0) / (x1 - x0);
    const yn = (ys[i] - yMin) / (yMax - yMin);
    const diff = 1 - xn - yn;
    if (diff > bestDiff + 1e-12) {
      bestDiff = diff;
      best = xs[i];
    }
  }
  return best;
}
