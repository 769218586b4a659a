/**
 * Weighted multi-criteria grading: RANK.AVG percentile ranks, directions, normalised weights, the
 * exact composite (a customer on a cut gets the higher grade where floating point would not),
 * PERCENTILE.INC grade cuts, fixed score cuts, z-scores, explanations, and a property test against
 * an exact rational reading of the rules.
 */
import fc from 'fast-check';
import { classifyCustomers, classifyTable, doubleRanks, percentileThreshold, weightUnits, type Classification } from '../../../src/engine';

const grades = (c: Classification): string[] => Array.from(c.tierIndex, (t) => c.tiers[t]?.key ?? 'none');

/** A customer table whose criteria are the columns c1, c2, c3. */
function table(cols: number[][], params: Record<string, unknown> = {}): Classification {
  const n = cols[0].length;
  return classifyTable(
    { customer: Array.from({ length: n }, (_, i) => `k${i}`), value: Array.from({ length: n }, () => 1), extra: { c1: cols[0], c2: cols[1], c3: cols[2] } },
    { method: 'grade', criteria: ['c1', 'c2', 'c3'], weights: ['c1=0.2', 'c2=0.3', 'c3=0.5'], ...params },
  ).classification;
}

describe('grade: ranks, weights and cuts', () => {
  it('percentile rank = RANK.AVG / n (ties share the mean rank), lower-is-better reversed', () => {
    expect(Array.from(doubleRanks([10, 20, 20, 30], false))).toEqual([2, 5, 5, 8]);
    expect(Array.from(doubleRanks([10, 20, 20, 30], true))).toEqual([8, 5, 5, 2]);
    const c = classifyCustomers({ keys: ['a', 'b', 'c', 'd'], recency: [10, 20, 20, 30], frequency: [1, 2, 2, 3], monetary: [5, 5, 5, 5] }, { method: 'grade' });
    const pr = (id: string) => c.columns.find((x) => x.id === id)!.values;
    expect(pr('pr_R')).toEqual([1, 0.625, 0.625, 0.25]);
    expect(pr('pr_F')).toEqual([0.25, 0.625, 0.625, 1]);
    expect(pr('pr_M')).toEqual([0.625, 0.625, 0.625, 0.625]);
  });

  it('weights are normalised: 2,3,5 and R=0.2,F=0.3,M=0.5 grade alike; positional weights follow the criteria', () => {
    expect(weightUnits([0.2, 0.3, 0.5])).toEqual([2, 3, 5]);
    const input = { keys: ['a', 'b', 'c', 'd', 'e'], recency: [5, 40, 3, 90, 12], frequency: [1, 7, 2, 3, 4], monetary: [100, 900, 50, 300, 20] };
    const a = classifyCustomers(input, { method: 'grade' });
    const b = classifyCustomers(input, { method: 'grade', weights: ['2', '3', '5'] });
    const c = classifyCustomers(input, { method: 'grade', weights: ['M=5', 'R=2', 'F=3'] });
    expect(grades(b)).toEqual(grades(a));
    expect(grades(c)).toEqual(grades(a));
    expect(a.fit.model).toMatchObject({ criteria: [{ name: 'R', direction: 'low', weight: 0.2 }, { name: 'F', direction: 'high', weight: 0.3 }, { name: 'M', direction: 'high', weight: 0.5 }] });
  });

  it('refuses weights that do not match the criteria, in both languages', () => {
    const input = { keys: ['a'], recency: [1], frequency: [1], monetary: [1] };
    expect(() => classifyCustomers(input, { method: 'grade', weights: ['0.5', '0.5'] })).toThrow('weights gives 2 values for 3 criteria (R, F, M)');
    expect(() => classifyCustomers(input, { method: 'grade', weights: ['R=1', 'X=2'] })).toThrow('weights names X, not among the criteria (R, F, M)');
    expect(() => classifyCustomers(input, { method: 'grade', weights: ['R=1', 'F=2'] })).toThrow('weights: no weight for M (give one per criterion, e.g. R=1,F=1,M=1)');
    expect(() => classifyCustomers(input, { method: 'grade', weights: ['0', '0', '0'] })).toThrow('weights: at least one weight must be above 0');
    expect(() => classifyCustomers(input, { method: 'grade', criteria: ['Sales'] })).toThrow('weights names R, F, M, not among the criteria (Sales)');
    expect(() => classifyCustomers(input, { method: 'grade', score: 'zscore', gradeCut: 'score' })).toThrow(/grade-cut score needs score percentile/);
  });

  it('grades by PERCENTILE.INC cuts on S: A ≥ 90th, B ≥ 70th, C ≥ 40th, else D', () => {
    // one criterion 1..10: S = rank / 10 = 0.1 … 1.0; the 90th percentile of S is 0.91, 70th 0.73, 40th 0.46
    const c = classifyCustomers({ keys: Array.from({ length: 10 }, (_, i) => `k${i}`), value: Array.from({ length: 10 }, (_, i) => i + 1) }, { method: 'grade', criteria: ['value'], weights: [] });
    expect(grades(c)).toEqual(['D', 'D', 'D', 'D', 'C', 'C', 'C', 'B', 'B', 'A']);
    expect((c.fit.model as { cuts: number[] }).cuts.map((x) => Number(x.toFixed(10)))).toEqual([0.46, 0.73, 0.91]);
    expect(percentileThreshold([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentileThreshold([10, 20, 31, 40], 0.5)).toBe(26);
  });

  it('a customer exactly on a cut gets the higher grade where a floating-point composite would not', () => {
    const cols = [
      [1, 4, 5, 2, 0, 3, 6, 5, 3, 5, 5, 2, 3, 6, 5, 0, 6, 2, 1, 5, 6, 4, 6, 5, 2],
      [2, 4, 4, 6, 1, 6, 5, 1, 0, 6, 6, 2, 2, 0, 5, 4, 1, 1, 6, 1, 2, 4, 5, 6, 0],
      [1, 2, 0, 0, 5, 1, 5, 1, 3, 5, 6, 6, 4, 1, 2, 4, 4, 5, 6, 0, 1, 2, 3, 4, 6],
    ];
    // the naive float composite puts customer 4 (S = 0.474) just under the 40th percentile of S
    const n = 25;
    const rank = (v: number[]) => v.map((x) => v.filter((y) => y < x).length + (v.filter((y) => y === x).length + 1) / 2);
    const r = cols.map(rank);
    const naive = Array.from({ length: n }, (_, i) => 0.2 * (r[0][i] / n) + 0.3 * (r[1][i] / n) + 0.5 * (r[2][i] / n));
    const sorted = [...naive].sort((a, b) => a - b);
    const h = (n - 1) * 0.4;
    const naiveCut = sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.floor(h) + 1] - sorted[Math.floor(h)]);
    expect(naive[4] < naiveCut).toBe(true);
    // exactly: S = 0.474 and the 40th percentile is 0.474 too, so customer 4 is C
    const c = table(cols);
    expect(grades(c)[4]).toBe('C');
    expect(c.explain(4, 'en')).toMatch(/^C: score 0\.474 ≥ 0\.474 \(40th percentile\); c1 0 \(higher is better\): percentile 6% × 0\.2 = 0\.012; c2 1 \(higher is better\): percentile 24% × 0\.3 = 0\.072; c3 5 \(higher is better\): percentile 78% × 0\.5 = 0\.390$/);
  });

  it('fixed score cuts: S ≥ 0.7 exactly is B', () => {
    // one criterion 1..10: S = 0.1 … 1.0
    const c = classifyCustomers({ keys: Array.from({ length: 10 }, (_, i) => `k${i}`), value: Array.from({ length: 10 }, (_, i) => i + 1) }, { method: 'grade', criteria: ['value'], weights: [], gradeCut: 'score', grades: [0.4, 0.7, 0.9] });
    expect(grades(c)).toEqual(['D', 'D', 'D', 'C', 'C', 'C', 'B', 'B', 'A', 'A']);
  });

  it('z-scores: S = Σ w·z with the population SD, lower-is-better negated', () => {
    const input = { keys: ['a', 'b', 'c', 'd'], recency: [10, 20, 30, 40], frequency: [1, 2, 3, 4], monetary: [4, 3, 2, 1] };
    const c = classifyCustomers(input, { method: 'grade', score: 'zscore', weights: ['R=1', 'F=1', 'M=1'] });
    const sd = Math.sqrt(1.25);
    const s = c.columns.find((x) => x.id === 'gradeScore')!.values as number[];
    // customer a: R 10 (z −1.5/sd, negated: +), F 1 (−1.5/sd), M 4 (+1.5/sd) → S = (1.5 − 1.5 + 1.5) / sd / 3
    expect(s[0]).toBeCloseTo(0.5 / sd, 12);
    expect(c.explain(0, 'en')).toMatch(/^A: score 0\.447 ≥ .*; R 10 \(lower is better\): z 1\.342 × 0\.3333 = 0\.447/);
  });

  it('explains in Chinese with the grade label', () => {
    const c = classifyCustomers({ keys: ['a', 'b'], value: [1, 2] }, { method: 'grade', criteria: ['value'], weights: [] });
    expect(c.explain(1, 'zh-CN')).toMatch(/^A级客户：综合得分 1\.000 ≥ 0\.950（第 90 百分位）；value 2（越大越好）：百分位 100% × 1 = 1\.000$/);
  });

  it('customers with a missing criterion are not graded, and are not ranked', () => {
    const c = table([
      [1, 2, 3, 'x' as unknown as number],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(grades(c)[3]).toBe('none');
    expect((c.fit.model as { n: number }).n).toBe(3);
  });
});

/** S as an exact fraction: Σ W·2·rank over 2·n·ΣW (BigInt), and PERCENTILE.INC on fractions. */
function referenceGrades(cols: number[][], w: readonly number[]): string[] {
  const n = cols[0].length;
  const rank2 = (v: number[]) => v.map((x) => 2 * v.filter((y) => y < x).length + v.filter((y) => y === x).length + 1);
  const r = cols.map(rank2);
  const S = Array.from({ length: n }, (_, i) => cols.reduce((s, _, k) => s + BigInt(w[k]) * BigInt(r[k][i]), 0n));
  const sorted = [...S].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // cut × 10 = S_lo × 10 + rem × (S_hi − S_lo), with p in tenths
  const cut10 = (p10: number): bigint => {
    const h = (n - 1) * p10;
    const lo = Math.floor(h / 10);
    const rem = BigInt(h - lo * 10);
    return lo + 1 < n ? sorted[lo] * 10n + rem * (sorted[lo + 1] - sorted[lo]) : sorted[lo] * 10n;
  };
  const [c, b, a] = [4, 7, 9].map(cut10);
  return S.map((s) => (s * 10n >= a ? 'A' : s * 10n >= b ? 'B' : s * 10n >= c ? 'C' : 'D'));
}

describe('grade: properties', () => {
  it('agrees with an exact rational reading of the rules; equal inputs share a grade', () => {
    const col = (n: number) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n });
    const input = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(col(n), col(n), col(n), fc.constantFrom([2, 3, 5], [1, 2, 7], [1, 1, 1], [3, 0, 1])));
    fc.assert(
      fc.property(input, ([c1, c2, c3, w]) => {
        const c = table([c1, c2, c3], { weights: w.map(String) });
        const got = grades(c);
        expect(got).toEqual(referenceGrades([c1, c2, c3], w));
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
