/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", http://www.brucehardie.com/notes/025/; after Colombo & Jiang 1999): a customer's
 * transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
 */
import { TierwiseError } from '../errors';
import { type FitDiagnostics, START_SAMPLE, maximizeLogLikelihood } from './mle';
import { digamma, lnGamma } from './special';

/** Gamma-Gamma parameters p, q, γ. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  model: 'gamma-gamma';
  params: GammaGammaParams;
  logLikelihood: number;
  standardErrors: GammaGammaParams | null;
  /** Repeat buyers the model was fitted on (x > 0). */
  customers: number;
  /** Pearson correlation of x and mean spend among them (the model assumes independence; near 0 is good). */
  frequencySpendCorrelation: number;
  diagnostics: FitDiagnostics;
  note: string | null;
}

interface SpendData {
  x: Float64Array;
  m: Float64Array;
  /** Distinct x values, customers per x, and each customer's index into them. */
  xs: Float64Array;
  counts: Float64Array;
  group: Int32Array;
  /** Σ ln m̄ and Σ x (ln m̄ + ln x): the parts of the likelihood linear in p. */
  sumLnM: number;
  sumXLnMX: number;
}

/**
 * Repeat buyers (x > 0) and their mean spend; throws naming the first customer row (1-based)
 * whose mean spend is not a positive number.
 */
function spendData(x: ArrayLike<number>, meanValue: ArrayLike<number>): SpendData {
  if (x.length !== meanValue.length) {
    throw new TierwiseError('length', `x and mean spend must have the same length (got ${x.length} and ${meanValue.length})`);
  }
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isInteger(x[i]) && x[i] >= 0)) throw new TierwiseError('option', `customer row ${i + 1}: x (repeat purchases) must be a whole number ≥ 0, got ${String(x[i])}`);
    if (x[i] === 0) continue;
    const m = meanValue[i];
    if (!(Number.isFinite(m) && m > 0)) {
      throw new TierwiseError(
        'option',
        `customer row ${i + 1}: mean repeat spend must be a positive number for the Gamma-Gamma model, got ${String(m)} (x = ${x[i]}); remove customers whose repeat purchases have no positive value`,
      );
    }
    xs.push(x[i]);
    ms.push(m);
  }
  if (xs.length < 2) throw new TierwiseError('empty', `the Gamma-Gamma model needs at least 2 repeat buyers (x > 0), got ${xs.length}`);
  const index = new Map<number, number>();
  const distinct: number[] = [];
  const counts: number[] = [];
  const group = new Int32Array(xs.length);
  let sumLnM = 0;
  let sumXLnMX = 0;
  for (let i = 0; i < xs.length; i++) {
    let g = index.get(xs[i]);
    if (g === undefined) {
      g = distinct.length;
      index.set(xs[i], g);
      distinct.push(xs[i]);
      counts.push(0);
    }
    counts[g]++;
    group[i] = g;
    sumLnM += Math.log(ms[i]);
    sumXLnMX += xs[i] * (Math.log(ms[i]) + Math.log(xs[i]));
  }
  return { x: Float64Array.from(xs), m: Float64Array.from(ms), xs: Float64Array.from(distinct), counts: Float64Array.from(counts), group, sumLnM, sumXLnMX };
}

/**
 * Gamma-Gamma log-likelihood of the mean spends m̄ of repeat buyers:
 * Σ lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + m̄x),
 * with its gradient w.r.t. (ln p, ln q, ln γ) written into `gradient` when given.
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, x, meanSpend); // ≈ −4055.92 on CDNOW
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, meanValue: ArrayLike<number>, gradient?: Float64Array): number {
  return logLikelihood(params, spendData(x, meanValue), gradient);
}

function logLikelihood({ p, q, gamma }: GammaGammaParams, d: SpendData, gradient?: Float64Array): number {
  const lnG = Math.log(gamma);
  const nCust = d.x.length;
  // terms that depend on x only, once per distinct x
  let ll = nCust * (q * lnG - lnGamma(q)) + p * d.sumXLnMX - d.sumLnM;
  let dp = d.sumXLnMX;
  let dq = nCust * (lnG - (gradient ? digamma(q) : 0));
  let dg = (nCust * q) / gamma;
  for (let k = 0; k < d.xs.length; k++) {
    const px = p * d.xs[k];
    ll += d.counts[k] * (lnGamma(px + q) - lnGamma(px));
    if (gradient) {
      const psiPXQ = digamma(px + q);
      dp += d.counts[k] * d.xs[k] * (psiPXQ - digamma(px));
      dq += d.counts[k] * psiPXQ;
    }
  }
  for (let i = 0; i < nCust; i++) {
    const x = d.x[i];
    const denom = gamma + d.m[i] * x;
    const lnDenom = Math.log(denom);
    const pxq = p * x + q;
    ll -= pxq * lnDenom;
    if (gradient) {
      dp -= x * lnDenom;
      dq -= lnDenom;
      dg -= pxq / denom;
    }
  }
  if (gradient) {
    gradient[0] = p * dp;
    gradient[1] = q * dq;
    gradient[2] = gamma * dg;
  }
  return ll;
}

/**
 * Maximum-likelihood Gamma-Gamma fit of p, q, γ (log-parameters, several starts) on the customers
 * with x > 0; refuses a non-positive mean spend with the row at fault. Fader, P. S. & Hardie,
 * B. G. S. (2013), "The Gamma-Gamma Model of Monetary Value".
 *
 * @example
 * const fit = fitGammaGamma(cdnow.x, cdnow.meanValue);
 * fit.params; // ≈ { p: 6.25, q: 3.74, gamma: 15.44 }; fit.logLikelihood ≈ −4055.92
 */
export function fitGammaGamma(x: ArrayLike<number>, meanValue: ArrayLike<number>): GammaGammaFit {
  const d = spendData(x, meanValue);
  let mean = 0;
  for (const m of d.m) mean += m / d.m.length;
  // E[spend] = pγ/(q−1): starts that put the population mean at the sample mean
  const starts = [
    [1, 2, mean],
    [5, 4, (3 * mean) / 5],
    [2, 10, (9 * mean) / 2],
    [1, 1, 1],
  ];
  const at = (theta: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) });
  // big data: the starts run on a systematic subsample, the best is polished on everyone
  let sample: SpendData | null = null;
  if (d.x.length > START_SAMPLE) {
    const stride = Math.ceil(d.x.length / START_SAMPLE);
    const xs: number[] = [];
    const ms: number[] = [];
    for (let i = 0; i < d.x.length; i += stride) {
      xs.push(d.x[i]);
      ms.push(d.m[i]);
    }
    sample = spendData(xs, ms);
  }
  const mle = maximizeLogLikelihood((theta, gradient) => logLikelihood(at(theta), d, gradient), starts, d.x.length, ['p', 'q', 'gamma'], {
    subsample: sample ? { logLikelihood: (theta, gradient) => logLikelihood(at(theta), sample, gradient), n: sample.x.length } : undefined,
  });
  const params = at(mle.theta);
  const se = mle.standardErrors;
  return {
    model: 'gamma-gamma',
    params,
    logLikelihood: mle.logLikelihood,
    standardErrors: se ? { p: se[0], q: se[1], gamma: se[2] } : null,
    customers: d.x.length,
    frequencySpendCorrelation: pearson(d.x, d.m),
    diagnostics: mle.diagnostics,
    note: mle.diagnostics.boundary === null ? null : `boundary fit (${mle.diagnostics.boundary}); standard errors are not given`,
  };
}

/**
 * Expected mean transaction value of a customer given x repeat purchases of mean value m̄:
 * p(γ + m̄x) / (px + q − 1), a weighted mean of the population mean pγ/(q−1) and m̄. For x = 0 it
 * is the population mean, which exists only when q > 1. A repeat buyer whose repeat purchases had
 * no value (m̄ = 0, left out of the fit) gets the formula's limit pγ/(px+q−1).
 *
 * @example
 * conditionalExpectedValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35); // ≈ 23.8
 */
export function conditionalExpectedValue(params: GammaGammaParams, x: number, meanValue: number): number {
  const { p, q, gamma } = params;
  if (x > 0 && !(Number.isFinite(meanValue) && meanValue >= 0)) {
    throw new TierwiseError('option', `mean repeat spend must be a number ≥ 0 for the Gamma-Gamma model, got ${String(meanValue)} (x = ${x})`);
  }
  if (x === 0) {
    if (!(q > 1)) throw new TierwiseError('option', `the Gamma-Gamma q = ${q} is ≤ 1, so the population mean spend is infinite and customers without repeat purchases have no expected value`);
    return (p * gamma) / (q - 1);
  }
  return (p * (gamma + meanValue * x)) / (p * x + q - 1);
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
