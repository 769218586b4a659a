/**
 * Seeded simulation of customers from the BG/NBD and Gamma-Gamma models, for tests, benchmarks
 * and model checks: the same seed always gives the same customers.
 */
import type { BgNbdParams } from './bgnbd';
import type { GammaGammaParams } from './gamma-gamma';

/**
 * A seeded uniform generator on [0, 1) (mulberry32).
 *
 * @example
 * const u = seededUniform(42); u(); // 0.6011037519201636 — the same every run
 */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, rate) variate (Marsaglia & Tsang 2000; shape < 1 by the u^(1/shape) boost). */
function gammaVariate(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1, rate) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      // standard normal by Box–Muller
      z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Simulated customers: x, t_x, T (and mean spend when a spend model is given). */
export interface SimulatedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  meanValue: Float64Array;
}

/**
 * Draws n customers from the BG/NBD: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases at rate λ after
 * the first at time 0; after each repeat purchase the customer drops out with probability p.
 * Ages T are spread evenly over [minT, maxT]. With `spend`, each purchase's value is
 * Gamma(p, ν) with ν ~ Gamma(q, γ) (the Gamma-Gamma model). With `modified` (MBG/NBD), the
 * customer may also drop out right after the first purchase.
 *
 * @example
 * const sim = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 1000, { minT: 26, maxT: 39, seed: 1 });
 * sim.x.length; // 1000
 */
export function simulateBgNbd(
  params: BgNbdParams,
  n: number,
  options: { minT: number; maxT: number; seed: number; spend?: GammaGammaParams; modified?: boolean },
): SimulatedCustomers {
  const u = seededUniform(options.seed);
  const out: SimulatedCustomers = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), meanValue: new Float64Array(n) };
  const { spend } = options;
  for (let i = 0; i < n; i++) {
    const T = options.minT + ((options.maxT - options.minT) * (i + 0.5)) / n;
    const lambda = gammaVariate(u, params.r, params.alpha);
    const g1 = gammaVariate(u, params.a, 1);
    const p = g1 / (g1 + gammaVariate(u, params.b, 1));
    const nu = spend ? gammaVariate(u, spend.q, spend.gamma) : 0;
    let t = 0;
    let x = 0;
    let tx = 0;
    let total = 0;
    // MBG/NBD: a customer may also drop out right after the first purchase
    const goneAtStart = options.modified === true && u() < p;
    while (!goneAtStart) {
      t += -Math.log(1 - u()) / lambda;
      if (!(t <= T)) break;
      x++;
      tx = t;
      if (spend) total += gammaVariate(u, spend.p, nu);
      if (u() < p) break;
    }
    out.x[i] = x;
    out.tx[i] = tx;
    out.T[i] = T;
    out.meanValue[i] = x > 0 ? total / x : 0;
  }
  return out;
}
