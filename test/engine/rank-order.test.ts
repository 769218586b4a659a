import fc from 'fast-check';
import { descendingRankOrder, rankFirstOrder, rankFirstOrderByComparator } from '../../src/engine';

/** The order a stable comparator sort gives, NaN left out: what pandas' rank(method="first") means. */
function stableOrder(v: readonly number[], desc: boolean): number[] {
  const idx = v.map((_, i) => i).filter((i) => !Number.isNaN(v[i]));
  return idx.sort((a, b) => (desc ? v[b] - v[a] : v[a] - v[b]) || a - b);
}

/** Both as a plain array and as a 64-bit column (copied natively into the keys when it has no NaN). */
const same = (v: number[], desc: boolean) => {
  const expected = stableOrder(v, desc).join();
  return Array.from(rankFirstOrder(v, desc)).join() === expected && Array.from(rankFirstOrder(Float64Array.from(v), desc)).join() === expected;
};

describe('rank order with ties by position', () => {
  it('derives the descending order from the ascending one, equal values still by position', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -10, max: 10 }), fc.constantFrom(-0, 0)), { maxLength: 120 });
    fc.assert(
      fc.property(values, (v) => {
        expect(Array.from(descendingRankOrder(rankFirstOrder(v), v))).toEqual(stableOrder(v, true));
      }),
    );
  });

  it('matches a stable comparator sort on small whole numbers (counting sort), leaving NaN out, infinities included', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(NaN, -0, Infinity, -Infinity))), fc.boolean(), same));
  });

  it('matches it on any numbers (packed keys): fractions, negatives, infinities, −0, NaN', () => {
    const anyNumber = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 0.1, 0.3, 1e300, -1e-300),
    );
    fc.assert(fc.property(fc.array(anyNumber, { maxLength: 400 }), fc.boolean(), same), { numRuns: 300 });
  });

  it('orders values that differ only in their last bits exactly, like sums of the same amounts in another order', () => {
    // 0.42 and 0.4200000000000004 share every bit the position bits leave; so do the others
    const near = [0.4200000000000004, 0.42, 1725.890000000001, 1725.8899999999996, 0.42, 1725.89, 0.4200000000000004];
    const v = Array.from({ length: 5000 }, (_, i) => near[i % near.length] * (1 + Math.floor(i / 700)));
    expect(same(v, false)).toBe(true);
    expect(same(v, true)).toBe(true);
  });

  it('stays exact on many short runs of neighbours one or two ulps apart, either sign', () => {
    const v: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = (i % 2 ? -1 : 1) * (1 + ((i * 37) % 1000) / 7);
      v.push(x + x * Number.EPSILON, x, x * (1 - Number.EPSILON));
    }
    v.reverse();
    expect(same(v, false)).toBe(true);
    expect(same(v, true)).toBe(true);
  });

  it('stays exact when a long run of values agrees in the upper bits', () => {
    const v = Array.from({ length: 3000 }, (_, i) => 1 + ((i * 7919) % 3000) * Number.EPSILON);
    expect(same(v, false)).toBe(true);
    expect(same(v, true)).toBe(true);
  });

  it('has a comparator fallback that gives the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(NaN))), fc.boolean(), (v, desc) => {
        return Array.from(rankFirstOrderByComparator(v, desc)).join() === stableOrder(v, desc).join();
      }),
    );
  });
});
