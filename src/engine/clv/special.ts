/**
 * Special functions for the CLV models, accurate to about 1e-14 relative and stable at large
 * arguments: log-gamma, digamma, log-beta and a two-term log-sum-exp.
 */

/** Lanczos coefficients, g = 7, n = 9 (Numerical Recipes / Godfrey). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of the gamma function for x > 0 (Lanczos approximation; Stirling's series above 20).
 *
 * @example
 * lnGamma(5); // 3.1780538303479458 (= ln 24)
 * lnGamma(0.5); // 0.5723649429247001 (= ln √π)
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  if (x > 20) {
    // Stirling: ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷)
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0 (recurrence up to 10, then the asymptotic series).
 *
 * @example
 * digamma(1); // -0.5772156649015329 (−Euler's γ)
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (inv2 * 691) / 32760)))));
  return acc + Math.log(x) - 0.5 * inv - series;
}

/**
 * Natural log of the beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b), for a, b > 0.
 *
 * @example
 * lnBeta(2, 3); // -2.4849066497880004 (= ln 1/12)
 */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * ln(eᵘ + eᵛ) without overflow or underflow (−Infinity stands for a missing term).
 *
 * @example
 * logAddExp(1000, 1000); // 1000.6931471805599
 * logAddExp(-Infinity, 2); // 2
 */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}
