import fc from 'fast-check';
import {
  abcClasses,
  abcClassOf,
  abcCuts,
  checkPyramidCuts,
  checkShares,
  pyramidThresholds,
  pyramidTierOf,
  pyramidTiers,
  quantileScores,
} from '../../src/engine';

const money = fc.array(fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.double({ min: -1e4, max: 1e6, noNaN: true })), { maxLength: 200 });

describe('ABC', () => {
  const cls = (v: number[], o: Parameters<typeof abcClasses>[1] = {}) => Array.from(abcClasses(v, o).classes);
  it('by default, A is the smallest group of top customers whose value reaches 80 % (the crossing customer is A)', () => {
    expect(abcCuts([50, 30, 10, 5, 5])).toEqual({ a: 30, b: 5, total: 100 });
    expect(cls([50, 30, 10, 5, 5])).toEqual([0, 0, 1, 1, 1]);
  });
  it('issue 11, case 2: the customer holding 85 % is A (the literal rule made it B)', () => {
    const v = [850, 30, 30, 25, 20, 15, 10, 10, 5, 5];
    expect(cls(v)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(cls(v, { rule: 'within' })[0]).toBe(1);
  });
  it('issue 11, case 2: a lone customer is A, and ten equal customers are all A', () => {
    expect(cls([120])).toEqual([0]);
    expect(cls(Array(10).fill(7))).toEqual(Array(10).fill(0));
    // the literal rule, kept as an option, puts both in C
    expect(cls([120], { rule: 'within' })).toEqual([2]);
    expect(cls(Array(10).fill(7), { rule: 'within' })).toEqual(Array(10).fill(2));
  });
  it('rule "within" applies the 80/95 rule with the customer itself included', () => {
    expect(abcCuts([50, 30, 10, 5, 5], { rule: 'within' })).toEqual({ a: 30, b: 10, total: 100 });
    expect(cls([50, 30, 10, 5, 5], { rule: 'within' })).toEqual([0, 0, 1, 2, 2]);
  });
  it('gives equal values the same class', () => {
    // reach: the pair is A when nothing ranks above it; within: the group is measured at its end
    expect(cls([40, 40, 20])).toEqual([0, 0, 1]);
    expect(cls([41, 41, 18])).toEqual([0, 0, 1]);
    expect(cls([40, 40, 20], { rule: 'within' })).toEqual([0, 0, 2]);
    expect(cls([41, 41, 18], { rule: 'within' })).toEqual([1, 1, 2]);
  });
  it('puts zero and negative values in C, measuring shares of the positive total', () => {
    expect(cls([60, 30, 10, 0, -50])).toEqual([0, 0, 1, 2, 2]);
    expect(cls([60, 30, 10, 0, -50], { rule: 'within' })).toEqual([0, 1, 2, 2, 2]);
    expect(cls([-1, -2])).toEqual([2, 2]);
  });
  it('compares shares exactly: 80 % of the value above a customer is not "less than 80 %"', () => {
    // 0.1 + 0.7 is 0.7999999999999999 in doubles; summed in cents it is exactly 0.8 of 1.00
    expect(cls([0.7, 0.1, 0.09, 0.06, 0.05])).toEqual([0, 0, 1, 1, 2]);
  });
  it('accepts other shares and rejects bad ones and unknown rules', () => {
    expect(cls([50, 30, 20], { aShare: 0.5, bShare: 0.8 })).toEqual([0, 1, 2]);
    expect(() => checkShares(0.9, 0.8)).toThrow(/less than/);
    expect(() => checkShares(0, 0.8)).toThrow(/between 0 and 1/);
    expect(() => checkShares(0.8, 1)).toThrow(/between 0 and 1/);
    expect(() => abcCuts([1], { rule: 'above' as never })).toThrow(/unknown ABC rule "above"/);
  });
  it('ties "first" matches pandas: per-customer cumulative share, ties by position', () => {
    expect(cls([41, 41, 18], { ties: 'first', rule: 'within' })).toEqual([0, 1, 2]);
    expect(cls([41, 41, 18], { ties: 'first' })).toEqual([0, 0, 1]);
    expect(cls([850, 30, 30, 25, 20, 15, 10, 10, 5, 5], { ties: 'first' })[0]).toBe(0);
  });
  it('property (reach): A reaches a_share, and A without its smallest tie group holds less', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }), (v) => {
        const { classes, cuts } = abcClasses(v);
        if (cuts.total <= 0) return classes.every((c) => c === 2);
        const a = v.reduce((s, x, i) => s + (classes[i] === 0 ? x : 0), 0);
        const aAbove = v.reduce((s, x, i) => s + (classes[i] === 0 && x > (cuts.a as number) ? x : 0), 0);
        return a >= 0.8 * cuts.total && aAbove < 0.8 * cuts.total;
      }),
    );
  });
  it('property: classes are monotone in value, equal values share a class, thresholds reproduce them', () => {
    fc.assert(
      fc.property(money, (v) => {
        const { classes, cuts } = abcClasses(v);
        return v.every(
          (x, i) =>
            classes[i] === abcClassOf(x, cuts) &&
            v.every((y, j) => (x === y ? classes[i] === classes[j] : x > y ? classes[i] <= classes[j] : true)),
        );
      }),
    );
  });
  it('property (within): A and B customers together hold no more than bShare of a positive total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }), (v) => {
        const { classes, cuts } = abcClasses(v, { rule: 'within' });
        const ab = v.reduce((s, x, i) => s + (classes[i] <= 1 ? x : 0), 0);
        return cuts.total <= 0 || ab <= 0.95 * cuts.total + 1e-9;
      }),
    );
  });
});

describe('customer pyramid', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('takes the top 1 % / next 19 % / next 30 % / last 50 % of customers', () => {
    const { tiers, thresholds } = pyramidTiers(hundred);
    const counts = [0, 0, 0, 0];
    tiers.forEach((t) => counts[t]++);
    expect(counts).toEqual([1, 19, 30, 50]);
    expect(thresholds).toEqual([100, 81, 51]);
    expect(pyramidTierOf(90, thresholds)).toBe(1);
  });
  it('lets equal values share the better tier and puts non-positive values in Lead', () => {
    expect(Array.from(pyramidTiers([10, 10, 1, 0]).tiers)).toEqual([0, 0, 3, 3]);
    expect(Array.from(pyramidTiers([10, 10, 1, 1, 0, 0, 0, 0]).tiers)).toEqual([0, 0, 2, 2, 3, 3, 3, 3]);
    expect(Array.from(pyramidTiers([5, 400, 20, 1]).tiers)).toEqual([3, 0, 2, 3]);
  });
  it('accepts other cuts and rejects bad ones', () => {
    expect(Array.from(pyramidTiers([4, 3, 2, 1], { cuts: [0.25, 0.5, 0.75] }).tiers)).toEqual([0, 1, 2, 3]);
    expect(() => checkPyramidCuts([0.2, 0.1])).toThrow(/ascending/);
    expect(() => checkPyramidCuts([0, 0.5])).toThrow(/between 0 and 1/);
  });
  it('ties "first" splits equal values by position', () => {
    expect(Array.from(pyramidTiers([10, 10, 10, 10], { ties: 'first', cuts: [0.25, 0.5, 0.75] }).tiers)).toEqual([0, 1, 2, 3]);
  });
  it('property: tiers partition the customers, are monotone, and the thresholds reproduce them', () => {
    fc.assert(
      fc.property(money, (v) => {
        const { tiers, thresholds } = pyramidTiers(v);
        return v.every(
          (x, i) =>
            tiers[i] <= 3 &&
            tiers[i] === pyramidTierOf(x, thresholds) &&
            v.every((y, j) => (x === y ? tiers[i] === tiers[j] : x > y ? tiers[i] <= tiers[j] : true)),
        );
      }),
    );
  });
  it('property: no more customers above a cut than the cut allows, but for ties at the boundary', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 300 }), (v) => {
        const thresholds = pyramidThresholds(v);
        const counts = [0, 0, 0, 0];
        pyramidTiers(v).tiers.forEach((t) => counts[t]++);
        const n = v.length;
        return counts[0] === Math.ceil(0.01 * n) && counts[0] + counts[1] === Math.ceil(0.2 * n) && thresholds.length === 3;
      }),
    );
  });
});

describe('ties "first" against a reference that ranks every customer', () => {
  const rankDesc = (v: number[]) => v.map((_, i) => i).filter((i) => !Number.isNaN(v[i])).sort((a, b) => v[b] - v[a] || a - b);
  const values = fc.array(fc.oneof(fc.integer({ min: -20, max: 60 }), fc.double({ min: -50, max: 500, noNaN: true }), fc.constant(NaN)), { maxLength: 150 });
  // few distinct values: class boundaries fall inside runs of equal values, where position decides
  const tieHeavy = fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(NaN)), { minLength: 1, maxLength: 60 });
  it('ABC: each customer its own cumulative share over the net total, in rank order', () => {
    fc.assert(
      fc.property(fc.oneof(values, tieHeavy), (v) => {
        const idx = rankDesc(v);
        const total = idx.reduce((s, i) => s + v[i], 0);
        const expected = v.map(() => 255);
        let cum = 0;
        for (const i of idx) {
          cum += v[i];
          expected[i] = total <= 0 || v[i] <= 0 ? 2 : cum / total <= 0.8 ? 0 : cum / total <= 0.95 ? 1 : 2;
        }
        expect(Array.from(abcClasses(v, { ties: 'first', rule: 'within' }).classes)).toEqual(expected);
        // the same classes from the ascending order the M score already made (no second sort)
        const order = quantileScores(v, { ties: 'first' }).order;
        expect(order).toBeDefined();
        expect(Array.from(abcClasses(v, { ties: 'first', rule: 'within', order }).classes)).toEqual(expected);
      }),
    );
  });
  it('pyramid: tier by rank share, ties by position', () => {
    fc.assert(
      fc.property(fc.oneof(values, tieHeavy), (v) => {
        const idx = rankDesc(v);
        const expected = v.map(() => 255);
        idx.forEach((i, r) => {
          const k = v[i] > 0 ? [0.01, 0.2, 0.5].findIndex((c) => r / idx.length < c) : -1;
          expected[i] = k < 0 ? 3 : k;
        });
        return Array.from(pyramidTiers(v, { ties: 'first' }).tiers).join() === expected.join();
      }),
    );
  });
});
