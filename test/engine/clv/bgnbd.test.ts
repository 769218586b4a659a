import fc from 'fast-check';
import {
  type BgNbdParams,
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  prepareRepeatData,
  probabilityAlive,
  simulateBgNbd,
} from '../../../src/engine/clv';
import { lnBeta } from '../../../src/engine/clv/special';

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * Independent oracle: given alive at T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), and
 * E[Y(t) | λ, p] = (1 − e^(−λpt))/p (FHL 2005 eq. 8), so
 * E[Y(t) | x, t_x, T] = P(alive) · ∫ Beta(p; a, b+x) (1 − (1 + pt/(α+T))^−(r+x)) / p dp,
 * integrated with Simpson's rule — over u = p^a when a < 2 (which removes the p^(a−1) singularity),
 * over p itself when a ≥ 2.
 */
function quadratureExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const s = p.r + x;
  const beta = p.alpha + T;
  const g = (q: number): number => (q === 0 ? (s * t) / beta : -Math.expm1(-s * Math.log1p((q * t) / beta)) / q);
  const m = 200000;
  const h = 1 / m;
  const substitute = p.a < 2;
  let sum = 0;
  for (let k = 0; k <= m; k++) {
    const u = k * h;
    const q = substitute ? Math.pow(u, 1 / p.a) : u;
    const weight = substitute ? 1 / p.a : Math.pow(q, p.a - 1);
    const f = k === m ? 0 : g(q) * Math.pow(1 - q, p.b + x - 1) * weight;
    sum += f * (k === 0 || k === m ? 1 : k % 2 ? 4 : 2);
  }
  const integral = ((sum * h) / 3) * Math.exp(-lnBeta(p.a, p.b + x));
  return probabilityAlive(p, x, tx, T) * integral;
}

describe('BG/NBD log-likelihood', () => {
  const data = { x: [0, 1, 2, 5, 30], tx: [0, 3.5, 30.43, 20, 38], T: [38.86, 30, 38.86, 25, 39] };

  it('its gradient agrees with finite differences of the value (any parameters)', () => {
    const prepared = prepareRepeatData(data);
    fc.assert(
      fc.property(fc.tuple(...[0, 1, 2, 3].map(() => fc.double({ min: -2.5, max: 2.5, noNaN: true }))), (theta) => {
        const at = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
        const g = new Float64Array(4);
        bgnbdLogLikelihood(at(theta), prepared, g);
        for (let j = 0; j < 4; j++) {
          const up = [...theta];
          const down = [...theta];
          up[j] += 1e-5;
          down[j] -= 1e-5;
          const fd = (bgnbdLogLikelihood(at(up), prepared) - bgnbdLogLikelihood(at(down), prepared)) / 2e-5;
          expect(Math.abs(g[j] - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('is finite at very large x and T (no overflow in Γ or powers)', () => {
    const big = prepareRepeatData({ x: [1e5, 3e6, 0], tx: [9e5, 1e7 - 1, 0], T: [1e6, 1e7, 1e7] });
    const g = new Float64Array(4);
    const ll = bgnbdLogLikelihood({ r: 50, alpha: 0.01, a: 1e-3, b: 1e4 }, big, g);
    expect(Number.isFinite(ll)).toBe(true);
    expect(g.every(Number.isFinite)).toBe(true);
  });

  it('equals the sum of the per-customer likelihoods written out directly (small x)', () => {
    const p = CDNOW;
    let direct = 0;
    for (let i = 0; i < data.x.length; i++) {
      const x = data.x[i];
      const common = Math.exp(lnGammaRatio(p.r, x) + p.r * Math.log(p.alpha));
      let l = (Math.exp(lnBeta(p.a, p.b + x) - lnBeta(p.a, p.b)) * common) / Math.pow(p.alpha + data.T[i], p.r + x);
      if (x > 0) l += (Math.exp(lnBeta(p.a + 1, p.b + x - 1) - lnBeta(p.a, p.b)) * common) / Math.pow(p.alpha + data.tx[i], p.r + x);
      direct += Math.log(l);
    }
    expect(bgnbdLogLikelihood(p, prepareRepeatData(data))).toBeCloseTo(direct, 9);
  });

  it('accepts customers acquired on the calibration end day (T = 0): their likelihood is 1', () => {
    const g0 = new Float64Array(4);
    const g1 = new Float64Array(4);
    const without = bgnbdLogLikelihood(CDNOW, prepareRepeatData(data), g0);
    const withNew = bgnbdLogLikelihood(CDNOW, prepareRepeatData({ x: [...data.x, 0], tx: [...data.tx, 0], T: [...data.T, 0] }), g1);
    expect(withNew).toBeCloseTo(without, 12);
    for (let j = 0; j < 4; j++) expect(g1[j]).toBeCloseTo(g0[j], 10);
    expect(conditionalExpectedPurchases(CDNOW, 39, 0, 0, 0)).toBeCloseTo(expectedPurchases(CDNOW, 39), 12);
  });

  it('names the row and the problem for bad inputs', () => {
    expect(() => prepareRepeatData({ x: [1, 1.5], tx: [1, 1], T: [2, 2] })).toThrow(/customer row 2: x .* whole number/);
    expect(() => prepareRepeatData({ x: [1], tx: [3], T: [2] })).toThrow(/customer row 1: t_x must be from 0 to T = 2, got 3/);
    expect(() => prepareRepeatData({ x: [0], tx: [1], T: [2] })).toThrow(/t_x must be 0 when x = 0/);
    expect(() => prepareRepeatData({ x: [0], tx: [0], T: [-1] })).toThrow(/customer row 1: T \(age\) must be a number ≥ 0, got -1/);
    expect(() => prepareRepeatData({ x: [], tx: [], T: [] })).toThrow(/no customers/);
    expect(() => prepareRepeatData({ x: [1], tx: [1, 2], T: [2] })).toThrow(/same length/);
  });
});

/** ln Γ(r+x) − ln Γ(r) as a product, for small whole x. */
function lnGammaRatio(r: number, x: number): number {
  let s = 0;
  for (let k = 0; k < x; k++) s += Math.log(r + k);
  return s;
}

describe('BG/NBD predictions', () => {
  it('conditional expected purchases agree with an independent quadrature', () => {
    const cases: [BgNbdParams, number, number, number, number][] = [
      [CDNOW, 39, 2, 30.43, 38.86],
      [CDNOW, 39, 0, 0, 38.86],
      [CDNOW, 10, 15, 38, 39],
      [CDNOW, 200, 1, 5, 30],
      [{ r: 2, alpha: 10, a: 3, b: 4 }, 52, 4, 20, 52],
      [{ r: 0.5, alpha: 2, a: 1.0000001, b: 1.5 }, 20, 3, 10, 30],
      [{ r: 0.5, alpha: 2, a: 1.00002, b: 1.5 }, 20, 3, 10, 30],
      [{ r: 0.5, alpha: 2, a: 1, b: 1.5 }, 20, 3, 10, 30],
      [{ r: 0.5, alpha: 2, a: 0.2, b: 3 }, 20, 60, 29, 30],
    ];
    for (const [p, t, x, tx, T] of cases) {
      const series = conditionalExpectedPurchases(p, t, x, tx, T);
      expect(Math.abs(series - quadratureExpected(p, t, x, tx, T))).toBeLessThanOrEqual(1e-9 * Math.max(1, series));
    }
  });

  it('unconditional E[X(t)] is the conditional expectation of a customer with no history', () => {
    for (const t of [1, 10, 39, 100]) {
      expect(expectedPurchases(CDNOW, t)).toBeCloseTo(quadratureExpected(CDNOW, t, 0, 0, 0), 6);
    }
    expect(expectedPurchases(CDNOW, 0)).toBe(0);
  });

  it('P(alive) is 1 without repeat purchases, in (0, 1] otherwise, and falls with time since the last purchase', () => {
    expect(probabilityAlive(CDNOW, 0, 0, 38.86)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (x, share, T) => {
        const early = probabilityAlive(CDNOW, x, share * T * 0.5, T);
        const late = probabilityAlive(CDNOW, x, share * T, T);
        expect(early).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(1);
        expect(late).toBeGreaterThanOrEqual(early);
      }),
    );
  });

  it('expected purchases are finite, ≥ 0 and grow with the period at large x and T', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 1, max: 5000, noNaN: true }), fc.double({ min: 0.1, max: 500, noNaN: true }), (x, T, t) => {
        const tx = x === 0 ? 0 : T * 0.9;
        const e1 = conditionalExpectedPurchases(CDNOW, t, x, tx, T);
        const e2 = conditionalExpectedPurchases(CDNOW, 2 * t, x, tx, T);
        expect(Number.isFinite(e1)).toBe(true);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 - 1e-12);
      }),
    );
  });

  it('is continuous at a = 1 (where the closed form is 0/0)', () => {
    const at = (a: number) => conditionalExpectedPurchases({ ...CDNOW, a }, 39, 2, 30.43, 38.86);
    expect(at(1)).toBeCloseTo((at(1 + 1e-4) + at(1 - 1e-4)) / 2, 7);
    expect(Math.abs(at(1) - at(1.001))).toBeLessThan(1e-3);
  });

  it('at a → 0 (no dropout) reduces to the NBD: P(alive) = 1 and E = (r+x)t/(α+T)', () => {
    const p = { ...CDNOW, a: 1e-12 };
    expect(probabilityAlive(p, 3, 5, 38)).toBeCloseTo(1, 9);
    expect(conditionalExpectedPurchases(p, 39, 3, 5, 38)).toBeCloseTo(((p.r + 3) * 39) / (p.alpha + 38), 8);
    expect(expectedPurchases(p, 10)).toBeCloseTo((p.r * 10) / p.alpha, 8);
  });

  it('stays exact for large a (integrated over p) and finite at the a, b → ∞ boundary (homogeneous dropout)', () => {
    // references computed with mpmath's hyp2f1 at 50 digits from FHL 2005 eq. 10
    const p = { r: 0.5, alpha: 3, a: 29.99, b: 80 };
    expect(conditionalExpectedPurchases(p, 26, 3, 20, 30)).toBeCloseTo(0.79954859787435, 12);
    expect(conditionalExpectedPurchases({ ...p, a: 30.01 }, 26, 3, 20, 30)).toBeCloseTo(0.79910741172278, 12);
    expect(conditionalExpectedPurchases({ ...p, a: 100 }, 26, 3, 20, 30)).toBeCloseTo(0.24632167939162, 12);
    expect(conditionalExpectedPurchases({ ...p, a: 1000 }, 26, 3, 20, 30)).toBeCloseTo(0.020912613030597, 13);
    // a, b → ∞ with a/(a+b) = p̄: every customer drops out with p̄, E = (1 − (β/(β+p̄t))^(r+x)) / p̄ given alive
    const huge = { r: 0.367, alpha: 1.348, a: 4.38e10, b: 2.13e12 };
    const pBar = huge.a / (huge.a + huge.b + 3);
    const aliveE = -Math.expm1(-(huge.r + 3) * Math.log1p((pBar * 26) / (huge.alpha + 30))) / pBar;
    expect(conditionalExpectedPurchases(huge, 26, 3, 20, 30)).toBeCloseTo(probabilityAlive(huge, 3, 20, 30) * aliveE, 9);
    expect(Number.isFinite(expectedPurchases(huge, 26))).toBe(true);
  });

  it('refuses a negative period', () => {
    expect(() => conditionalExpectedPurchases(CDNOW, -1, 0, 0, 1)).toThrow(/≥ 0/);
    expect(() => expectedPurchases(CDNOW, NaN)).toThrow(/≥ 0/);
  });
});

describe('BG/NBD fit', () => {
  it('recovers the parameters of simulated customers within a few standard errors', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.7, b: 3 };
    const sim = simulateBgNbd(truth, 20000, { minT: 30, maxT: 52, seed: 11 });
    const fit = fitBgNbd(sim);
    expect(fit.diagnostics.converged).toBe(true);
    expect(fit.diagnostics.startsOn).toBe(10000);
    expect(fit.note).toBeNull();
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
    }
  });

  it('is the same fit whatever the customers’ order (the starts subsample only seeds the search)', () => {
    const sim = simulateBgNbd(CDNOW, 12000, { minT: 26, maxT: 39, seed: 5 });
    const order = Array.from(sim.x, (_, i) => i).reverse();
    const a = fitBgNbd(sim);
    const b = fitBgNbd({ x: order.map((i) => sim.x[i]), tx: order.map((i) => sim.tx[i]), T: order.map((i) => sim.T[i]) });
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 6);
    expect(b.params.r).toBeCloseTo(a.params.r, 5);
    expect(b.params.b).toBeCloseTo(a.params.b, 4);
  });

  it('reports a boundary fit (a → 0) when nobody drops out, with finite predictions', () => {
    const sim = simulateBgNbd({ r: 1.5, alpha: 20, a: 1e-9, b: 1 }, 3000, { minT: 100, maxT: 365, seed: 3 });
    const fit = fitBgNbd(sim);
    expect(fit.diagnostics.boundary).toMatch(/a → 0/);
    expect(fit.note).toMatch(/reduces to the NBD/);
    expect(fit.standardErrors).toBeNull();
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    for (let i = 0; i < 50; i++) {
      const e = conditionalExpectedPurchases(fit.params, 365, sim.x[i], sim.tx[i], sim.T[i]);
      expect(Number.isFinite(e)).toBe(true);
      expect(probabilityAlive(fit.params, sim.x[i], sim.tx[i], sim.T[i])).toBeGreaterThan(0.99);
    }
    // the NBD's rate parameters are still estimated
    expect(fit.params.r / fit.params.alpha).toBeCloseTo(1.5 / 20, 2);
  });
});
