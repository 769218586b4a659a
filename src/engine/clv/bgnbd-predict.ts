/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005, eqs. 7, 10 and 11): P(alive), expected
 * purchases of a customer in the next t periods given (x, t_x, T), and expected purchases of a
 * new customer in t periods. All finite at the a → 0 boundary (no dropout: the NBD).
 */
import { TierwiseError } from '../errors';
import type { BgNbdParams } from './bgnbd';

/**
 * P(alive | x, t_x, T): 1 for x = 0, else 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (FHL 2005 eq. 11).
 *
 * @example
 * probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); // ≈ 0.9
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  // 1 / (1 + e^L) without overflow
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in (T, T+t] of a customer with x repeat purchases, the last at t_x, who is
 * T old (FHL 2005 eq. 10). Uses Euler's transformation of the ₂F₁ term,
 * (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z) with
 * z = t/(α+T+t), whose series converges fast at large x and has no 1/(a+b+x−1) blow-up.
 *
 * @example
 * conditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86); // ≈ 1.226
 */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t >= 0)) throw new TierwiseError('option', `the prediction period must be ≥ 0, got ${String(t)}`);
  if (t === 0) return 0;
  return probabilityAlive(p, x, tx, T) * aliveExpectedPurchases(p, t, x, T);
}

/**
 * Expected purchases of a newly acquired customer in its first t periods, E[X(t)] (FHL 2005 eq. 7).
 *
 * @example
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39); // ≈ 1.0 (repeat purchases in 39 weeks)
 */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  if (!(t >= 0)) throw new TierwiseError('option', `the period must be ≥ 0, got ${String(t)}`);
  if (t === 0) return 0;
  return aliveExpectedPurchases(p, t, 0, 0);
}

/**
 * MBG/NBD P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)) — below 1 also for x = 0
 * (Batislam, Denizel & Filiztekin 2007).
 *
 * @example
 * probabilityAliveMbg({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 0, 38.86); // < 1
 */
export function probabilityAliveMbg(p: BgNbdParams, x: number, tx: number, T: number): number {
  const logOdds = Math.log(p.a) - Math.log(p.b + x) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * MBG/NBD expected purchases in (T, T+t]: P(alive) × the BG/NBD's alive part with b + 1 (given
 * alive, p ~ Beta(a, b+x+1) instead of Beta(a, b+x)).
 *
 * @example
 * conditionalExpectedPurchasesMbg({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86); // finite, > 0
 */
export function conditionalExpectedPurchasesMbg(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t >= 0)) throw new TierwiseError('option', `the prediction period must be ≥ 0, got ${String(t)}`);
  if (t === 0) return 0;
  return probabilityAliveMbg(p, x, tx, T) * aliveExpectedPurchases({ ...p, b: p.b + 1 }, t, x, T);
}

/**
 * MBG/NBD expected purchases of a new customer in t periods: b/(a+b) (still alive after the first
 * purchase) × the alive part with b + 1.
 *
 * @example
 * expectedPurchasesMbg({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39); // < expectedPurchases(…, 39)
 */
export function expectedPurchasesMbg(p: BgNbdParams, t: number): number {
  if (!(t >= 0)) throw new TierwiseError('option', `the period must be ≥ 0, got ${String(t)}`);
  if (t === 0) return 0;
  return (p.b / (p.a + p.b)) * aliveExpectedPurchases({ ...p, b: p.b + 1 }, t, 0, 0);
}

/** Above this a, the series cancels badly (its terms grow like e^(az)): integrate over p instead. */
const LARGE_A = 30;

/**
 * Expected purchases in (T, T+t] given alive at T, as the integral over the posterior
 * p ~ Beta(a, b+x) of E[Y(t) | p] = (1 − ((α+T)/(α+T+pt))^(r+x)) / p (λ integrated out; FHL 2005
 * eq. 8): a self-normalised midpoint rule over mean ± 12 sd. For large a (the b → ∞, a → ∞
 * boundary: every customer has the same dropout probability) the posterior is narrow and smooth.
 */
function aliveExpectedByQuadrature(p: BgNbdParams, t: number, x: number, T: number): number {
  const s = p.r + x;
  const beta = p.alpha + T;
  const A = p.a;
  const B = p.b + x;
  const g = (q: number): number => (q === 0 ? (s * t) / beta : -Math.expm1(-s * Math.log1p((q * t) / beta)) / q);
  const mean = A / (A + B);
  const sd = Math.sqrt((mean * (1 - mean)) / (A + B + 1));
  if (sd < 1e-9 * mean) return g(mean);
  const lo = Math.max(0, mean - 12 * sd);
  const hi = Math.min(1, mean + 12 * sd);
  const steps = 2000;
  const h = (hi - lo) / steps;
  // log-density up to a constant, relative to its value at the mean (no overflow)
  const logAt = (q: number): number => (A - 1) * Math.log(q / mean) + (B - 1) * Math.log((1 - q) / (1 - mean));
  let weight = 0;
  let sum = 0;
  for (let k = 0; k < steps; k++) {
    const q = lo + (k + 0.5) * h;
    const w = Math.exp(logAt(q));
    weight += w;
    sum += w * g(q);
  }
  return sum / weight;
}

/**
 * Expected purchases in (T, T+t] given alive at T:
 * [c(1 − (1−z)^(a−1)) − (1−z)^(a−1) S] / (a−1), c = a+b+x−1, S = c·(₂F₁ − 1) summed without dividing by c.
 * Near a = 1 (0/0) it is interpolated linearly between a = 1 ± 1e-5.
 */
function aliveExpectedPurchases(p: BgNbdParams, t: number, x: number, T: number): number {
  if (p.a > LARGE_A) return aliveExpectedByQuadrature(p, t, x, T);
  const z = t / (p.alpha + T + t);
  const logOneMinusZ = -Math.log1p(t / (p.alpha + T));
  const at = (a: number): number => {
    const am1 = a - 1;
    const c = a + p.b + x - 1;
    const A = a + p.b - 1 - p.r;
    const scale = Math.exp(am1 * logOneMinusZ);
    // S = Σ_{k≥1} (A)_k (a−1)_k z^k / ((c+1)_{k−1} k!)
    let term = A * am1 * z;
    let sum = term;
    for (let k = 1; k < 200000; k++) {
      term *= ((A + k) * (am1 + k) * z) / ((c + k) * (k + 1));
      sum += term;
      if (Math.abs(term) <= 1e-16 * Math.abs(sum) || term === 0) {
        return (-c * Math.expm1(am1 * logOneMinusZ) - scale * sum) / am1;
      }
    }
    throw new TierwiseError('option', `the prediction period t = ${t} is too long for the series to converge (t/(α+T) = ${(t / (p.alpha + T)).toExponential(2)})`);
  };
  const h = 1e-5;
  if (Math.abs(p.a - 1) >= h) return at(p.a);
  const below = at(1 - h);
  return below + ((p.a - (1 - h)) / (2 * h)) * (at(1 + h) - below);
}
