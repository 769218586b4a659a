import { bfgs, hessianFromGradient, invertPositiveDefinite, nelderMead, solvePositiveDefinite } from '../../../src/engine/clv/optimize';
import { maximizeLogLikelihood } from '../../../src/engine/clv/mle';

const rosenbrock = (x: Float64Array): number => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
const rosenbrockGradient = (x: Float64Array): Float64Array =>
  Float64Array.of(-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2));

describe('optimisers', () => {
  it('Nelder–Mead finds the Rosenbrock minimum from (−1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000, fTol: 1e-14, xTol: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it('BFGS finds the Rosenbrock minimum with a small gradient', () => {
    const r = bfgs((x) => ({ value: rosenbrock(x), gradient: rosenbrockGradient(x) }), [-1.2, 1], { gradientTol: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.iterations).toBeLessThan(100);
  });

  it('BFGS steps back from points where the objective is not finite', () => {
    // minimum at 2 inside a domain x < 3; beyond it the value is +Infinity
    const f = (x: Float64Array) => ({ value: x[0] < 3 ? (x[0] - 2) ** 2 - Math.log(3 - x[0]) : Infinity, gradient: Float64Array.of(x[0] < 3 ? 2 * (x[0] - 2) + 1 / (3 - x[0]) : NaN) });
    const r = bfgs(f, [-10], { gradientTol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeLessThan(3);
    expect(2 * (r.x[0] - 2) + 1 / (3 - r.x[0])).toBeCloseTo(0, 8);
  });

  it('reports a start where the objective is not finite instead of looping', () => {
    const r = bfgs(() => ({ value: NaN, gradient: Float64Array.of(0) }), [0]);
    expect(r.converged).toBe(false);
    expect(r.reason).toMatch(/not finite/);
  });
});

describe('linear algebra', () => {
  it('inverts a positive-definite matrix and refuses an indefinite one', () => {
    const m = [Float64Array.of(4, 1, 0), Float64Array.of(1, 3, 1), Float64Array.of(0, 1, 2)];
    const inv = invertPositiveDefinite(m)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += m[i][k] * inv[k][j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(invertPositiveDefinite([Float64Array.of(1, 2), Float64Array.of(2, 1)])).toBeNull();
    const d = solvePositiveDefinite([Float64Array.of(2, 0), Float64Array.of(0, 4)], [2, 2])!;
    expect(d[0]).toBeCloseTo(1, 14);
    expect(d[1]).toBeCloseTo(0.5, 14);
  });

  it('the finite-difference Hessian of a quadratic is exact', () => {
    const h = hessianFromGradient((x) => Float64Array.of(2 * x[0] + x[1], x[0] + 6 * x[1]), [0.3, -2]);
    expect(h[0][0]).toBeCloseTo(2, 8);
    expect(h[0][1]).toBeCloseTo(1, 8);
    expect(h[1][0]).toBeCloseTo(1, 8);
    expect(h[1][1]).toBeCloseTo(6, 8);
  });
});

describe('maximizeLogLikelihood', () => {
  it('finds the maximum of a Gamma(shape) likelihood on log-parameters and its standard error', () => {
    // Poisson counts with mean 4: the MLE of the mean is the sample mean, SE = sqrt(mean / n)
    const counts = [2, 5, 4, 3, 6, 4, 4, 2, 7, 3];
    const n = counts.length;
    const sum = counts.reduce((a, b) => a + b, 0);
    const fit = maximizeLogLikelihood(
      (theta, g) => {
        const mu = Math.exp(theta[0]);
        if (g) g[0] = mu * (sum / mu - n);
        return sum * Math.log(mu) - n * mu;
      },
      [[1], [20]],
      n,
      ['mu'],
    );
    expect(Math.exp(fit.theta[0])).toBeCloseTo(sum / n, 10);
    expect(fit.standardErrors![0]).toBeCloseTo(Math.sqrt(sum / n / n), 6);
    expect(fit.diagnostics.converged).toBe(true);
    expect(fit.diagnostics.startsAgreeing).toBe(2);
    expect(fit.diagnostics.boundary).toBeNull();
  });
});
