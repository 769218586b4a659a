/**
 * Weighted grading with ABC-style shares of the composite score (grade-cut share): customers
 * ranked by S from the top; a tie group is A while the customers scored above hold less than
 * 20% of the total S (the group crossing the line is A, as ABC's reach rule), B below 50%, C below
 * 80%, else D. Boundary customers, ties, z-scores, explanations, the per-row form, and a property
 * test against an exact rational reading.
 */
import fc from 'fast-check';
import { classifyCustomers, classifyTable, doubleRanks, gradeRow, shareCuts, type Classification, type Fit, type GradeModel } from '../../../src/engine';

const grades = (c: Classification): string[] => Array.from(c.tierIndex, (t) => c.tiers[t]?.key ?? 'none');

function oneCriterion(values: number[], params: Record<string, unknown> = {}): Classification {
  return classifyCustomers({ keys: values.map((_, i) => `k${i}`), value: values }, { method: 'grade', criteria: ['value'], weights: [], gradeCut: 'share', ...params });
}

describe('grade: ABC-style shares of the score', () => {
  it('shareCuts: the group crossing a share is in; equal scores are one group; scores ≤ 0 are never in', () => {
    expect(shareCuts([10, 8, 6, 4, 2], [0.2, 0.5, 0.8])).toEqual({ smallest: [10, 8, 6], total: 30 });
    expect(shareCuts([5, 5, 1], [0.2, 0.5, 0.8])).toEqual({ smallest: [5, 5, 5], total: 11 });
    // z-score sums: only the positive ones count; the total here is 3
    expect(shareCuts([2, 1, -1, -2], [0.5, 0.9, 0.95])).toEqual({ smallest: [2, 1, 1], total: 3 });
    expect(shareCuts([0, 0], [0.2, 0.5, 0.8])).toEqual({ smallest: [Infinity, Infinity, Infinity], total: 0 });
  });

  it('a customer whose score group starts exactly on a share is in the next grade; just below it is in', () => {
    // one criterion 1…10: S = rank / 10, integer score 2·rank; total 110 (2 + 4 + … + 20)
    // from the top: 10 (above 0) A; 9 (above 20/110 = 18.2% < 20%) A; 8 (above 38 = 34.5%) B; 7 (above 54 = 49.1%) B;
    // 6 (above 68 = 61.8%) C; 5 (above 80 = 72.7%) C; 4 (above 90 = 81.8%) D …
    const c = oneCriterion([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(grades(c)).toEqual(['D', 'D', 'D', 'D', 'C', 'C', 'B', 'B', 'A', 'A']);
    // exactly on the line: 1…4 give 2·rank 2, 4, 6, 8 (total 20). The customers above 3 hold 8/20 = 40%
    // exactly, above 2: 14/20 = 70%, above 1: 18/20 = 90%: each is on the line, so in the grade below
    expect(grades(oneCriterion([1, 2, 3, 4], { gradeShares: [0.4, 0.7, 0.9] }))).toEqual(['D', 'C', 'B', 'A']);
    expect(grades(oneCriterion([1, 2, 3, 4], { gradeShares: [0.41, 0.71, 0.91] }))).toEqual(['C', 'B', 'A', 'A']);
    expect(c.explain(8, 'en')).toMatch(/^A: score 0\.900; customers scored above hold 18\.2% of the total score \(< 20%\); value 9/);
    expect(c.explain(7, 'en')).toMatch(/^B: score 0\.800; customers scored above hold 34\.5% of the total score \(≥ 20%, < 50%\)/);
    expect(c.explain(0, 'zh-CN')).toMatch(/^D级客户：综合得分 0\.100；得分更高的客户占总分的 98\.2%（≥ 80%）/);
    expect(c.describe('en')).toMatch(/ABC-style shares: by S from the top, A until the customers above hold 20% of the total S, A\+B 50%, A\+B\+C 80%/);
    expect(c.fit.model).toMatchObject({ gradeCut: 'share', shares: [0.2, 0.5, 0.8], cuts: [0.5, 0.7, 0.9] });
  });

  it('ties get equal grades: a tied group crossing a share is in together', () => {
    const c = oneCriterion([5, 5, 5, 5, 1, 2, 3]);
    const g = grades(c);
    expect(new Set(g.slice(0, 4)).size).toBe(1);
    expect(g[0]).toBe('A');
  });

  it('z-scores: customers with S ≤ 0 are D; the rest by shares of the positive total', () => {
    const c = oneCriterion([1, 2, 3, 4, 5], { score: 'zscore' });
    // z ∝ −2, −1, 0, 1, 2: positive total ∝ 3; 2 (above 0) A; 1 (above 2/3 ≥ 50%, < 80%) C; 0 and below D
    expect(grades(c)).toEqual(['D', 'D', 'D', 'C', 'A']);
    expect(c.explain(2, 'en')).toMatch(/^D: score 0\.000; customers scored above hold 100% of the total score \(a score ≤ 0 is D\)/);
 
    // a constant criterion: every z is 0, no positive score: everybody D, together
    expect(grades(oneCriterion([7, 7, 7], { score: 'zscore' }))).toEqual(['D', 'D', 'D']);
    expect(grades(oneCriterion([7, 7, 7]))).toEqual(['A', 'A', 'A']);
  });

  it('the per-row form uses the fitted cuts (the smallest score in each grade)', () => {
    const c = oneCriterion([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const fit = c.fit as Fit<GradeModel>;
    // 8.5 ranks between 8 and 9 (2·rank 17 < A's 18): B; 4.5 (2·rank 9 < C's 10): D
    expect([10, 9, 8.5, 8, 5, 4.5, 1].map((v) => 'ABCD'[gradeRow(fit, [v])])).toEqual(['A', 'A', 'B', 'B', 'C', 'D', 'D']);
    expect(Array.from(c.tierIndex, (t, i) => t === gradeRow(fit, [i + 1]))).not.toContain(false);
  });

  it('refuses shares that are not three ascending shares, in both languages', () => {
    expect(() => oneCriterion([1, 2], { gradeShares: [0.5, 0.2, 0.8] })).toThrow('grade-shares must be 3 ascending shares between 0 and 1, got 0.5,0.2,0.8');
  });

  it('on a customer table with named criteria (CLI and pane path)', () => {
    const r = classifyTable(
      { customer: ['a', 'b', 'c', 'd'], value: [1, 1, 1, 1], extra: { Sales: [100, 300, 200, 400], Days: [30, 10, 20, 40] } },
      { method: 'grade', criteria: ['Sales', 'Days'], weights: ['Sales=0.5', 'Days=0.5'], directions: ['Days=low'], gradeCut: 'share' },
    ).classification;
    // S: a (1+2)/8·… ranks: Sales 1,3,2,4; Days reversed 2,4,3,1 → S ∝ 3, 7, 5, 5 → b A; c, d tied
    const g = grades(r);
    expect(g[1]).toBe('A');
    expect(g[2]).toBe(g[3]);
  });
});

/** Grades by an exact rational reading: S = Σ W·2·rank (BigInt), ranked down, share of the total. */
function referenceShareGrades(cols: number[][], w: readonly number[], shares: readonly number[]): string[] {
  const n = cols[0].length;
  const r = cols.map((v) => Array.from(doubleRanks(v, false)));
  const S = Array.from({ length: n }, (_, i) => cols.reduce((s, _, k) => s + BigInt(w[k]) * BigInt(r[k][i]), 0n));
  const total = S.reduce((a, b) => a + b, 0n);
  const sh = shares.map((x) => BigInt(Math.round(x * 1e6)));
  return S.map((s) => {
    const above = S.filter((t) => t > s).reduce((a, b) => a + b, 0n);
    const k = sh.findIndex((f) => above * 1_000_000n < f * total);
    return k < 0 ? 'D' : 'ABC'[k];
  });
}

describe('grade shares: properties', () => {
  it('agrees with an exact rational reading; equal inputs share a grade; the top customer is A', () => {
    const col = (n: number) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n });
    const shares = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }).map((a) => a.sort((x, y) => x - y).map((x) => x / 100));
    const input = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(col(n), col(n), col(n), fc.constantFrom([2, 3, 5], [1, 2, 7], [1, 1, 1], [3, 0, 1]), shares));
    fc.assert(
      fc.property(input, ([c1, c2, c3, w, gs]) => {
        const n = c1.length;
        const c = classifyTable(
          { customer: Array.from({ length: n }, (_, i) => `k${i}`), value: Array.from({ length: n }, () => 1), extra: { c1, c2, c3 } },
          { method: 'grade', criteria: ['c1', 'c2', 'c3'], weights: w.map(String), gradeCut: 'share', gradeShares: gs },
        ).classification;
        const got = grades(c);
        expect(got).toEqual(referenceShareGrades([c1, c2, c3], w, gs));
        expect(got).toContain('A');
        const seen = new Map<string, string>();
        got.forEach((g, i) => {
          const k = `${c1[i]}|${c2[i]}|${c3[i]}`;
          expect(seen.get(k) ?? g).toBe(g);
          seen.set(k, g);
        });
      }),
      { numRuns: 200 },
    );
  });
});
