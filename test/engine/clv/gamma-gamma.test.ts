import fc from 'fast-check';
import { conditionalExpectedValue, fitGammaGamma, gammaGammaLogLikelihood, simulateBgNbd } from '../../../src/engine/clv';
import { lnGamma } from '../../../src/engine/clv/special';

describe('Gamma-Gamma log-likelihood', () => {
  const x = [1, 2, 2, 5, 9, 1];
  const m = [10, 22.35, 15, 40.2, 18, 3.5];

  it('equals the density of the mean of x Gamma(p, ν) values with ν ~ Gamma(q, γ), written per customer', () => {
    const p = 6.25;
    const q = 3.74;
    const gamma = 15.44;
    let direct = 0;
    for (let i = 0; i < x.length; i++) {
      // f(m̄ | p, q, γ, x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q)
      const px = p * x[i];
      direct += lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(m[i]) + px * Math.log(x[i]) - (px + q) * Math.log(gamma + m[i] * x[i]);
    }
    expect(gammaGammaLogLikelihood({ p, q, gamma }, x, m)).toBeCloseTo(direct, 9);
  });

  it('ignores customers without repeat purchases', () => {
    const params = { p: 2, q: 3, gamma: 10 };
    expect(gammaGammaLogLikelihood(params, [...x, 0], [...m, 0])).toBe(gammaGammaLogLikelihood(params, x, m));
  });

  it('its gradient agrees with finite differences', () => {
    fc.assert(
      fc.property(fc.tuple(...[0, 1, 2].map(() => fc.double({ min: -2, max: 3, noNaN: true }))), (theta) => {
        const at = (t: number[]) => ({ p: Math.exp(t[0]), q: Math.exp(t[1]), gamma: Math.exp(t[2]) });
        const g = new Float64Array(3);
        gammaGammaLogLikelihood(at(theta), x, m, g);
        for (let j = 0; j < 3; j++) {
          const up = [...theta];
          const down = [...theta];
          up[j] += 1e-5;
          down[j] -= 1e-5;
          const fd = (gammaGammaLogLikelihood(at(up), x, m) - gammaGammaLogLikelihood(at(down), x, m)) / 2e-5;
          expect(Math.abs(g[j] - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a non-positive mean spend of a repeat buyer, naming the row', () => {
    expect(() => fitGammaGamma([1, 2, 3], [10, 0, 5])).toThrow(/customer row 2: mean repeat spend must be a positive number .* got 0 \(x = 2\)/);
    expect(() => fitGammaGamma([1, 2, 3], [10, 4, -5])).toThrow(/customer row 3/);
    expect(() => fitGammaGamma([1, 2], [10, NaN])).toThrow(/customer row 2/);
    expect(() => fitGammaGamma([1, 0, 0], [10, 0, 0])).toThrow(/at least 2 repeat buyers/);
    expect(() => fitGammaGamma([1, 2], [10])).toThrow(/same length/);
  });
});

describe('Gamma-Gamma fit and expected value', () => {
  it('recovers simulated spend parameters within a few standard errors; x and spend uncorrelated', () => {
    const spend = { p: 4, q: 5, gamma: 30 };
    const sim = simulateBgNbd({ r: 1, alpha: 5, a: 0.5, b: 3 }, 20000, { minT: 30, maxT: 52, seed: 21, spend });
    const fit = fitGammaGamma(sim.x, sim.meanValue);
    expect(fit.diagnostics.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[k] - spend[k])).toBeLessThan(4 * fit.standardErrors![k]);
    expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(0.05);
  });

  it('is a weighted mean of the population mean and the customer’s own mean', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (params.p * params.gamma) / (params.q - 1);
    expect(conditionalExpectedValue(params, 0, 0)).toBeCloseTo(population, 12);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (x, mean) => {
        const v = conditionalExpectedValue(params, x, mean);
        expect(v).toBeGreaterThanOrEqual(Math.min(population, mean) * (1 - 1e-12));
        expect(v).toBeLessThanOrEqual(Math.max(population, mean) * (1 + 1e-12));
      }),
    );
    // more purchases: closer to the customer's own mean
    expect(Math.abs(conditionalExpectedValue(params, 50, 100) - 100)).toBeLessThan(Math.abs(conditionalExpectedValue(params, 2, 100) - 100));
  });

  it('has no population mean when q ≤ 1 and says so', () => {
    expect(() => conditionalExpectedValue({ p: 2, q: 0.9, gamma: 10 }, 0, 0)).toThrow(/q = 0.9 is ≤ 1/);
    expect(conditionalExpectedValue({ p: 2, q: 0.9, gamma: 10 }, 3, 20)).toBeCloseTo((2 * (10 + 60)) / (6 + 0.9 - 1), 12);
    expect(() => conditionalExpectedValue({ p: 2, q: 3, gamma: 10 }, 3, -1)).toThrow(/number ≥ 0 .* got -1 \(x = 3\)/);
    expect(conditionalExpectedValue({ p: 2, q: 3, gamma: 10 }, 3, 0)).toBeCloseTo(20 / (6 + 3 - 1), 12);
  });
});
