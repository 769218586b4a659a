import fc from 'fast-check';
import { digamma, lnBeta, lnGamma, logAddExp } from '../../../src/engine/clv/special';

describe('lnGamma', () => {
  it('matches ln((n−1)!) and ln Γ(½) = ln √π', () => {
    let fact = 1;
    for (let n = 1; n <= 30; n++) {
      expect(lnGamma(n)).toBeCloseTo(Math.log(fact), 12);
      fact *= n;
    }
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
  });

  it('satisfies ln Γ(x+1) = ln Γ(x) + ln x across the Lanczos/Stirling switch and at large x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (x) => {
        const lhs = lnGamma(x + 1);
        const rhs = lnGamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(lhs)));
      }),
    );
  });

  it('is finite at huge arguments and Infinity at 0, NaN below', () => {
    expect(Number.isFinite(lnGamma(1e300))).toBe(true);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-1)).toBeNaN();
  });
});

describe('digamma', () => {
  it('is −Euler γ at 1 and satisfies ψ(x+1) = ψ(x) + 1/x', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 9);
      }),
    );
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.05, 0.243, 1, 3.7, 19.99, 20.01, 250, 1e4]) {
      const h = 1e-5 * Math.max(1, x);
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('lnBeta and logAddExp', () => {
  it('lnBeta(2, 3) = ln(1/12), symmetric', () => {
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(lnBeta(0.3, 7)).toBeCloseTo(lnBeta(7, 0.3), 14);
  });

  it('logAddExp does not overflow or underflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 2)).toBe(2);
    expect(logAddExp(3, -Infinity)).toBe(3);
    expect(logAddExp(0, 0)).toBeCloseTo(Math.log(2), 15);
  });
});
