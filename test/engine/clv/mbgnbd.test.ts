import fc from 'fast-check';
import {
  type BgNbdParams,
  conditionalExpectedPurchasesMbg,
  expectedPurchases,
  expectedPurchasesMbg,
  fitBgNbd,
  mbgnbdLogLikelihood,
  prepareRepeatData,
  probabilityAliveMbg,
  simulateBgNbd,
} from '../../../src/engine/clv';
import { lnBeta, lnGamma } from '../../../src/engine/clv/special';

const P: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const data = { x: [0, 1, 2, 5, 30], tx: [0, 3.5, 30.43, 20, 38], T: [38.86, 30, 38.86, 25, 39] };

describe('MBG/NBD (Batislam, Denizel & Filiztekin 2007)', () => {
  it('log-likelihood equals the per-customer formula, dropout term included for x = 0', () => {
    let direct = 0;
    for (let i = 0; i < data.x.length; i++) {
      const x = data.x[i];
      const A = Math.exp(lnGamma(P.r + x) - lnGamma(P.r) + P.r * Math.log(P.alpha));
      const l =
        (Math.exp(lnBeta(P.a, P.b + x + 1) - lnBeta(P.a, P.b)) * A) / Math.pow(P.alpha + data.T[i], P.r + x) +
        (Math.exp(lnBeta(P.a + 1, P.b + x) - lnBeta(P.a, P.b)) * A) / Math.pow(P.alpha + data.tx[i], P.r + x);
      direct += Math.log(l);
    }
    expect(mbgnbdLogLikelihood(P, prepareRepeatData(data))).toBeCloseTo(direct, 9);
  });

  it('its gradient agrees with finite differences', () => {
    const prepared = prepareRepeatData(data);
    fc.assert(
      fc.property(fc.tuple(...[0, 1, 2, 3].map(() => fc.double({ min: -2.5, max: 2.5, noNaN: true }))), (theta) => {
        const at = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
        const g = new Float64Array(4);
        mbgnbdLogLikelihood(at(theta), prepared, g);
        for (let j = 0; j < 4; j++) {
          const up = [...theta];
          const down = [...theta];
          up[j] += 1e-5;
          down[j] -= 1e-5;
          const fd = (mbgnbdLogLikelihood(at(up), prepared) - mbgnbdLogLikelihood(at(down), prepared)) / 2e-5;
          expect(Math.abs(g[j] - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('P(alive) is below 1 for customers without repeat purchases (unlike the BG/NBD) and falls with age', () => {
    const young = probabilityAliveMbg(P, 0, 0, 5);
    const old = probabilityAliveMbg(P, 0, 0, 50);
    expect(young).toBeLessThan(1);
    expect(old).toBeLessThan(young);
    expect(probabilityAliveMbg(P, 2, 30.43, 38.86)).toBeCloseTo(1 / (1 + (P.a / (P.b + 2)) * ((P.alpha + 38.86) / (P.alpha + 30.43)) ** (P.r + 2)), 12);
  });

  it('conditional expectation = P(alive) × ∫ Beta(p; a, b+x+1) (1 − (1 + pt/(α+T))^−(r+x)) / p dp', () => {
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [39, 0, 0, 38.86],
      [20, 12, 30, 31],
    ]) {
      const s = P.r + x;
      const beta = P.alpha + T;
      const m = 200000;
      let sum = 0;
      for (let k = 0; k <= m; k++) {
        const u = k / m;
        const q = Math.pow(u, 1 / P.a);
        const g = q === 0 ? (s * t) / beta : -Math.expm1(-s * Math.log1p((q * t) / beta)) / q;
        const f = k === m ? 0 : (g * Math.pow(1 - q, P.b + x)) / P.a;
        sum += f * (k === 0 || k === m ? 1 : k % 2 ? 4 : 2);
      }
      const integral = (sum / m / 3) * Math.exp(-lnBeta(P.a, P.b + x + 1));
      expect(conditionalExpectedPurchasesMbg(P, t, x, tx, T)).toBeCloseTo(probabilityAliveMbg(P, x, tx, T) * integral, 8);
    }
  });

  it('E[X(t)] of a new customer matches simulation, for the MBG/NBD and the BG/NBD', () => {
    const n = 40000;
    for (const [modified, expected] of [
      [true, expectedPurchasesMbg(P, 39)],
      [false, expectedPurchases(P, 39)],
    ] as const) {
      const sim = simulateBgNbd(P, n, { minT: 39, maxT: 39, seed: modified ? 17 : 18, modified });
      let mean = 0;
      let sq = 0;
      for (const x of sim.x) {
        mean += x / n;
        sq += (x * x) / n;
      }
      const se = Math.sqrt((sq - mean * mean) / n);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    }
    expect(expectedPurchasesMbg(P, 39)).toBeLessThan(expectedPurchases(P, 39));
  });

  it('fit recovers simulated MBG/NBD parameters within a few standard errors', () => {
    const truth = { r: 0.6, alpha: 5, a: 0.9, b: 2.5 };
    const sim = simulateBgNbd(truth, 20000, { minT: 30, maxT: 52, seed: 23, modified: true });
    const fit = fitBgNbd(sim, { model: 'mbg/nbd' });
    expect(fit.model).toBe('mbg/nbd');
    expect(fit.diagnostics.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * fit.standardErrors![k]);
  });
});
