import fc from 'fast-check';
import { applyCuts, quantileCuts, quantileScores, scoreWithCuts, TierwiseError } from '../../src/engine';

const values = fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 300 });
const bins = fc.integer({ min: 2, max: 10 });

describe('quantile scoring (tie-safe)', () => {
  it('makes equal bins without ties', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    const { scores, cuts } = quantileScores(v, { bins: 5 });
    const counts = [0, 0, 0, 0, 0];
    scores.forEach((s) => counts[s - 1]++);
    expect(counts).toEqual([20, 20, 20, 20, 20]);
    expect(cuts).toEqual([21, 41, 61, 81]);
  });
  it('returns the cut points it used', () => {
    expect(quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([3, 5, 7, 9]);
  });
  it('gives the top score to the smallest values when descending (recency)', () => {
    expect(Array.from(quantileScores([5, 1, 9], { bins: 3, descending: true }).scores)).toEqual([2, 3, 1]);
  });
  it('puts all-equal values in the middle bin', () => {
    expect(Array.from(quantileScores([7, 7, 7, 7], { bins: 5 }).scores)).toEqual([3, 3, 3, 3]);
  });
  it('scores NaN as 0 and leaves it out of the population', () => {
    const s = quantileScores([1, NaN, 2], { bins: 2 });
    expect(Array.from(s.scores)).toEqual([1, 0, 2]);
  });
  it('accepts explicit cut points', () => {
    expect(Array.from(quantileScores([1, 50, 100, 1000], { bins: 3, cuts: [50, 500] }).scores)).toEqual([1, 2, 2, 3]);
    expect(() => quantileScores([1], { bins: 3, cuts: [5] })).toThrow(TierwiseError);
    expect(() => quantileScores([1], { bins: 3, cuts: [5, 1] })).toThrow(/ascending/);
  });
  it('rejects bins outside 2…10', () => {
    expect(() => quantileScores([1], { bins: 1 })).toThrow(/2 to 10/);
    expect(() => quantileScores([1], { bins: 11 })).toThrow(/2 to 10/);
    expect(() => quantileScores([1], { bins: 2.5 })).toThrow(/whole number/);
  });

  it('property: equal values get equal scores, scores are monotone and within 1…bins', () => {
    fc.assert(
      fc.property(values, bins, (v, b) => {
        const { scores } = quantileScores(v, { bins: b });
        for (let i = 0; i < v.length; i++) {
          if (scores[i] < 1 || scores[i] > b) return false;
          for (let j = 0; j < v.length; j++) {
            if (v[i] === v[j] && scores[i] !== scores[j]) return false;
            if (v[i] < v[j] && scores[i] > scores[j]) return false;
          }
        }
        return true;
      }),
    );
  });
  it('property: bins are as equal as ties allow (distinct values differ by at most one)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 400 }), bins, (v, b) => {
        const counts = new Array(b).fill(0);
        quantileScores(v, { bins: b }).scores.forEach((s) => counts[s - 1]++);
        return Math.max(...counts) - Math.min(...counts) <= 1;
      }),
    );
  });
  it('property: the cut points alone reproduce every score (per-row form = spill form)', () => {
    fc.assert(
      fc.property(values, bins, fc.boolean(), (v, b, descending) => {
        const { scores, cuts } = quantileScores(v, { bins: b, descending });
        return v.every((x, i) => scoreWithCuts(x, cuts, b, descending) === scores[i]) && applyCuts(v, cuts, b, descending).join() === scores.join();
      }),
    );
  });
});

describe('quantile scoring (ties "first", pandas-compatible)', () => {
  it('matches pd.qcut(rank(method="first"), 5)', () => {
    // ranks 1..10 → bins max(1, ceil(5 (r-1)/(n-1)))
    const v = [3, 1, 2, 2, 5, 5, 5, 9, 0, 4];
    // sorted (ties by position): 0(8) 1(1) 2(2) 2(3) 3(0) 4(9) 5(4) 5(5) 5(6) 9(7)
    const expectedByRank = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
    const order = [8, 1, 2, 3, 0, 9, 4, 5, 6, 7];
    const expected = new Array(10);
    order.forEach((i, r) => (expected[i] = expectedByRank[r]));
    expect(Array.from(quantileScores(v, { bins: 5, ties: 'first' }).scores)).toEqual(expected);
  });
  it('property: bins have exactly equal sizes when n is a multiple of bins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), bins, (k, b) => {
        const v = Array.from({ length: k * b }, (_, i) => i % 3);
        const counts = new Array(b).fill(0);
        quantileScores(v, { bins: b, ties: 'first' }).scores.forEach((s) => counts[s - 1]++);
        return counts.every((c) => c === k) || k * b === 1;
      }),
    );
  });
  it('property: rank r of m scores max(1, ⌈bins·r/(m−1)⌉), cut k is the value where score k+2 starts', () => {
    const withNaN = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), { maxLength: 60 });
    fc.assert(
      fc.property(withNaN, bins, fc.boolean(), (v, b, descending) => {
        const order = v.map((_, i) => i).filter((i) => !Number.isNaN(v[i])).sort((x, y) => v[x] - v[y] || x - y);
        const m = order.length;
        const expected = v.map(() => 0);
        const cuts: (number | null)[] = new Array(b - 1).fill(null);
        order.forEach((i, r) => {
          const s = m === 1 ? 1 : Math.max(1, Math.ceil((b * r) / (m - 1)));
          expected[i] = descending ? b + 1 - s : s;
          for (let k = 0; k < s - 1; k++) if (cuts[k] === null) cuts[k] = v[i];
        });
        const got = quantileScores(v, { bins: b, ties: 'first', descending });
        expect(Array.from(got.scores)).toEqual(expected);
        expect(got.cuts).toEqual(cuts);
        expect(Array.from(got.order ?? [])).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });
});
