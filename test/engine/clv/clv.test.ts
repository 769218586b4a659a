import fc from 'fast-check';
import {
  checkTimeUnit,
  conditionalExpectedPurchases,
  conditionalExpectedValue,
  customerLifetimeValue,
  periodDiscountRate,
  probabilityAlive,
} from '../../../src/engine/clv';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const customers = { x: [2, 0, 7], tx: [30.43, 0, 38], T: [38.86, 38.86, 39], meanValue: [22.35, 0, 40] };

describe('time units and discounting', () => {
  it('converts a yearly rate to the unit so that a year of periods compounds back to it', () => {
    expect((1 + periodDiscountRate(0.1, 'month')) ** 12).toBeCloseTo(1.1, 12);
    expect((1 + periodDiscountRate(0.1, 'day')) ** 365.25).toBeCloseTo(1.1, 10);
    expect((1 + periodDiscountRate(0.1, 'week')) ** (365.25 / 7)).toBeCloseTo(1.1, 12);
    expect(periodDiscountRate(0, 'week')).toBe(0);
    expect(() => periodDiscountRate(-0.1, 'week')).toThrow(/discount rate/);
  });

  it('accepts day, week and month only', () => {
    expect(checkTimeUnit(' Month ')).toBe('month');
    expect(() => checkTimeUnit('year')).toThrow(/"day", "week" or "month"/);
  });
});

describe('customerLifetimeValue', () => {
  it('without discounting is margin × expected value × expected purchases over the horizon', () => {
    const r = customerLifetimeValue(BG, GG, customers, { horizon: 39, unit: 'week', margin: 0.3, discountRate: 0 });
    for (let i = 0; i < 3; i++) {
      const e = conditionalExpectedPurchases(BG, 39, customers.x[i], customers.tx[i], customers.T[i]);
      const v = conditionalExpectedValue(GG, customers.x[i], customers.meanValue[i]);
      expect(r.expectedPurchases[i]).toBeCloseTo(e, 12);
      expect(r.expectedValue[i]).toBeCloseTo(v, 12);
      expect(r.clv[i]).toBeCloseTo(0.3 * v * e, 10);
      expect(r.pAlive[i]).toBe(probabilityAlive(BG, customers.x[i], customers.tx[i], customers.T[i]));
    }
    expect(r.horizon).toBe(39);
    expect(r.unit).toBe('week');
  });

  it('discounts each period’s expected purchases at the end of the period', () => {
    const r = customerLifetimeValue(BG, GG, customers, { horizon: 3, unit: 'month', margin: 1, discountRate: 0.1 });
    const d = periodDiscountRate(0.1, 'month');
    // periods 1, 2, 3: each period’s increase in expected purchases, discounted at its end
    const i = 0;
    let expected = 0;
    let prev = 0;
    for (let k = 1; k <= 3; k++) {
      const e = conditionalExpectedPurchases(BG, k, customers.x[i], customers.tx[i], customers.T[i]);
      expected += (e - prev) / (1 + d) ** k;
      prev = e;
    }
    expect(r.clv[i]).toBeCloseTo(expected * r.expectedValue[i], 10);
    expect(r.periodDiscountRate).toBeCloseTo(d, 15);
  });

  it('a fractional horizon ends with a partial period; CLV grows with the horizon and falls with the discount', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (h, rate) => {
        const a = customerLifetimeValue(BG, GG, customers, { horizon: h, unit: 'week', margin: 0.5, discountRate: rate });
        const b = customerLifetimeValue(BG, GG, customers, { horizon: h + 1.5, unit: 'week', margin: 0.5, discountRate: rate });
        const c = customerLifetimeValue(BG, GG, customers, { horizon: h, unit: 'week', margin: 0.5, discountRate: rate + 0.2 });
        for (let i = 0; i < 3; i++) {
          expect(b.clv[i]).toBeGreaterThan(a.clv[i]);
          expect(c.clv[i]).toBeLessThanOrEqual(a.clv[i]);
          expect(a.expectedPurchases[i]).toBeCloseTo(conditionalExpectedPurchases(BG, h, customers.x[i], customers.tx[i], customers.T[i]), 12);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('refuses bad settings with a message naming them', () => {
    const base = { horizon: 12, unit: 'month' as const, margin: 0.3, discountRate: 0.1 };
    expect(() => customerLifetimeValue(BG, GG, customers, { ...base, horizon: 0 })).toThrow(/horizon must be a number of months above 0/);
    expect(() => customerLifetimeValue(BG, GG, customers, { ...base, margin: 1.5 })).toThrow(/margin must be a share/);
    expect(() => customerLifetimeValue(BG, GG, customers, { ...base, discountRate: NaN })).toThrow(/discount rate/);
    expect(() => customerLifetimeValue(BG, GG, { ...customers, T: [1] }, base)).toThrow(/same length/);
  });
});
