/**
 * The BG/NBD model's log-likelihood and its gradient (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275–284,
 * eq. 6), written with log-gamma, log-beta and log-sum-exp so that it stays finite at large x and T.
 */
import { TierwiseError } from '../errors';
import { digamma, lnBeta, lnGamma } from './special';

/** BG/NBD parameters: purchase rates λ ~ Gamma(r, α), dropout probabilities p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer BG/NBD inputs: repeat purchases x, time of last purchase t_x, age T (one unit). */
export interface RepeatData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Customers grouped by their repeat count x, so log-gamma terms are computed once per x. */
export interface PreparedRepeatData {
  n: number;
  /** Distinct x values. */
  xs: Float64Array;
  /** Customers per distinct x. */
  counts: Float64Array;
  /** Index into `xs` per customer. */
  group: Int32Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * Checks per-customer (x, t_x, T) and groups customers by x. Throws a message naming the first
 * bad row (1-based) when x is not a whole number ≥ 0, T < 0, t_x outside [0, T], or x = 0 with t_x > 0.
 *
 * @example
 * prepareRepeatData({ x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86] }).xs; // Float64Array [2, 0]
 */
export function prepareRepeatData(data: RepeatData): PreparedRepeatData {
  const n = data.x.length;
  if (data.tx.length !== n || data.T.length !== n) {
    throw new TierwiseError('length', `x, t_x and T must have the same length (got ${n}, ${data.tx.length}, ${data.T.length})`);
  }
  if (n === 0) throw new TierwiseError('empty', 'no customers to fit');
  const index = new Map<number, number>();
  const xs: number[] = [];
  const counts: number[] = [];
  const group = new Int32Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const t = data.tx[i];
    const age = data.T[i];
    const where = `customer row ${i + 1}`;
    if (!(Number.isInteger(x) && x >= 0)) throw new TierwiseError('option', `${where}: x (repeat purchases) must be a whole number ≥ 0, got ${String(x)}`);
    // T = 0 (first purchase on the calibration end day) is allowed: such a customer's likelihood is 1
    if (!(Number.isFinite(age) && age >= 0)) throw new TierwiseError('option', `${where}: T (age) must be a number ≥ 0, got ${String(age)}`);
    if (!(Number.isFinite(t) && t >= 0 && t <= age)) throw new TierwiseError('option', `${where}: t_x must be from 0 to T = ${age}, got ${String(t)}`);
    if (x === 0 && t !== 0) throw new TierwiseError('option', `${where}: t_x must be 0 when x = 0, got ${t}`);
    let g = index.get(x);
    if (g === undefined) {
      g = xs.length;
      index.set(x, g);
      xs.push(x);
      counts.push(0);
    }
    counts[g]++;
    group[i] = g;
    tx[i] = t;
    T[i] = age;
  }
  return { n, xs: Float64Array.from(xs), counts: Float64Array.from(counts), group, tx, T };
}

/** Natural log of the parameters, in the order r, α, a, b. */
export function bgnbdToLog(p: BgNbdParams): Float64Array {
  return Float64Array.of(Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b));
}

/** Parameters from their logs (order r, α, a, b). */
export function bgnbdFromLog(theta: ArrayLike<number>): BgNbdParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}

/**
 * Total BG/NBD log-likelihood and, when `gradient` is given, its gradient with respect to the
 * log-parameters (ln r, ln α, ln a, ln b), written into it.
 *
 * @example
 * bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, prepareRepeatData(cdnow)); // ≈ −9582.43
 */
export function bgnbdLogLikelihood(p: BgNbdParams, data: PreparedRepeatData, gradient?: Float64Array): number {
  return repeatLogLikelihood(p, data, gradient, 0);
}

/**
 * Total MBG/NBD log-likelihood (Batislam, Denizel & Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", IJRM 24(3):201–209): as the BG/NBD, but a
 * customer may also drop out right after the first purchase, so
 * L = B(a, b+x+1)/B(a,b) · A/(α+T)^(r+x) + B(a+1, b+x)/B(a,b) · A/(α+t_x)^(r+x) for every x
 * (A = Γ(r+x)α^r/Γ(r)), and P(alive) < 1 even without repeat purchases. Gradient as for the BG/NBD.
 *
 * @example
 * mbgnbdLogLikelihood({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, prepareRepeatData(cdnow)); // finite, < 0
 */
export function mbgnbdLogLikelihood(p: BgNbdParams, data: PreparedRepeatData, gradient?: Float64Array): number {
  return repeatLogLikelihood(p, data, gradient, 1);
}

/** BG/NBD (shift 0) or MBG/NBD (shift 1: beta terms at b+1, and the dropout term for x = 0 too). */
function repeatLogLikelihood(p: BgNbdParams, data: PreparedRepeatData, gradient: Float64Array | undefined, shift: 0 | 1): number {
  const { r, alpha, a, b } = p;
  const g = data.xs.length;
  // per distinct x: the constant part and the log-beta of each of the two terms
  const base = new Float64Array(g);
  const lb1 = new Float64Array(g);
  const lb2 = new Float64Array(g);
  const common = -lnGamma(r) + r * Math.log(alpha) - lnBeta(a, b);
  for (let k = 0; k < g; k++) {
    const x = data.xs[k];
    base[k] = lnGamma(r + x) + common;
    lb1[k] = lnBeta(a, b + x + shift);
    lb2[k] = x > 0 || shift === 1 ? lnBeta(a + 1, b + x - 1 + shift) : -Infinity;
  }
  const wantGrad = gradient !== undefined;
  const w1Sum = wantGrad ? new Float64Array(g) : null;
  let sumLog = 0;
  let sumInv = 0;
  let ll = 0;
  const { group, tx, T } = data;
  for (let i = 0; i < data.n; i++) {
    const k = group[i];
    const s = r + data.xs[k];
    const lnT = Math.log(alpha + T[i]);
    const u1 = lb1[k] - s * lnT;
    if (lb2[k] === -Infinity) {
      ll += base[k] + u1;
      if (w1Sum) {
        w1Sum[k] += 1;
        sumLog += lnT;
        sumInv += s / (alpha + T[i]);
      }
      continue;
    }
    const lnTx = Math.log(alpha + tx[i]);
    const u2 = lb2[k] - s * lnTx;
    // log-sum-exp of the two terms, and the first term's weight, with one exp
    const hi = u1 > u2 ? u1 : u2;
    const e = Math.exp(-Math.abs(u1 - u2));
    ll += base[k] + hi + Math.log1p(e);
    if (w1Sum) {
      const w1 = u1 >= u2 ? 1 / (1 + e) : e / (1 + e);
      const w2 = 1 - w1;
      w1Sum[k] += w1;
      sumLog += w1 * lnT + w2 * lnTx;
      sumInv += s * (w1 / (alpha + T[i]) + w2 / (alpha + tx[i]));
    }
  }
  if (gradient && w1Sum) {
    const psiR = digamma(r);
    const psiA = digamma(a);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    const psiA1 = digamma(a + 1);
    const lnAlpha = Math.log(alpha);
    let dr = -sumLog;
    let da = 0;
    let db = 0;
    for (let k = 0; k < g; k++) {
      const x = data.xs[k];
      const c = data.counts[k];
      const w1 = w1Sum[k];
      const w2 = c - w1;
      const second = x > 0 || shift === 1;
      const psiABX = digamma(a + b + x + shift);
      dr += c * (digamma(r + x) - psiR + lnAlpha);
      da += -c * (psiA - psiAB) + w1 * (psiA - psiABX) + (second ? w2 * (psiA1 - psiABX) : 0);
      db += -c * (psiB - psiAB) + w1 * (digamma(b + x + shift) - psiABX) + (second ? w2 * (digamma(b + x - 1 + shift) - psiABX) : 0);
    }
    const dAlpha = (data.n * r) / alpha - sumInv;
    gradient[0] = r * dr;
    gradient[1] = alpha * dAlpha;
    gradient[2] = a * da;
    gradient[3] = b * db;
  }
  return ll;
}
