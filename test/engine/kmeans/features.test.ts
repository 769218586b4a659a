import { prepareFeatures, toOriginalUnits, toZ, meanSd, skewness, TierwiseError } from '../../../src/engine';

describe('k-means feature preparation', () => {
  it('applies log1p to R/F/M by default, then z-scores with the population sd', () => {
    const p = prepareFeatures([
      { name: 'recency', role: 'recency', values: [1, 10, 100, 1000] },
      { name: 'monetary', role: 'monetary', values: [5, 50, 500, 5000] },
    ]);
    expect(p.transforms.map((t) => t.log1p)).toEqual([true, true]);
    for (let j = 0; j < 2; j++) {
      const col = [0, 1, 2, 3].map((r) => p.points[r * 2 + j]);
      const { mean, sd } = meanSd(col);
      expect(mean).toBeCloseTo(0, 12);
      expect(sd).toBeCloseTo(1, 12); // divides by n, not n − 1
    }
    const logs = [1, 10, 100, 1000].map(Math.log1p);
    expect(p.transforms[0].mean).toBeCloseTo(logs.reduce((s, x) => s + x) / 4, 12);
    expect(p.points[0]).toBeCloseTo((logs[0] - p.transforms[0].mean) / p.transforms[0].sd, 12);
  });

  it('skips customers with a missing or non-finite value and counts them per feature', () => {
    const p = prepareFeatures([
      { name: 'a', values: [1, NaN, 3, 4, Infinity] },
      { name: 'b', values: [1, 2, NaN, 4, 5] },
    ]);
    expect(p.n).toBe(2);
    expect(Array.from(p.rows)).toEqual([0, 3]);
    expect(p.skipped).toBe(3);
    expect(p.missingByFeature).toEqual([2, 1]);
    expect(p.inputRows).toBe(5);
  });

  it('other features get log1p only when non-negative and skewed (auto), or when asked', () => {
    const skewed = [1, 1, 1, 1, 1, 2, 2, 3, 50, 400];
    expect(skewness(skewed)).toBeGreaterThan(1);
    const p = prepareFeatures([
      { name: 'skewed', values: skewed },
      { name: 'flat', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { name: 'forced off', values: skewed, log: false },
    ]);
    expect(p.transforms.map((t) => t.log1p)).toEqual([true, false, false]);
  });

  it('counts a negative R/F/M value (net returns) as 0 before log1p, with a note; refuses an explicit log', () => {
    const p = prepareFeatures([{ name: 'monetary', role: 'monetary', values: [10, -5, 30] }]);
    expect(p.transforms[0]).toMatchObject({ log1p: true, clipNegative: true });
    expect(p.transforms[0].note).toBe('1 negative value counted as 0 before log1p (first: row 2, -5)');
    const same = prepareFeatures([{ name: 'monetary', role: 'monetary', values: [10, 0, 30] }]);
    expect(Array.from(p.points)).toEqual(Array.from(same.points));
    expect(toZ(-5, p.transforms[0])).toBe(p.points[1]);
    expect(() => prepareFeatures([{ name: 'spend', values: [10, -5, 30], log: true }])).toThrow(TierwiseError);
    expect(() => prepareFeatures([{ name: 'spend', values: [10, -5, 30], log: true }])).toThrow(/"spend".*row 2.*-5/);
  });

  it('gives a constant feature z = 0 (scale 1) and rejects features of different lengths', () => {
    const p = prepareFeatures([{ name: 'c', values: [7, 7, 7] }]);
    expect(Array.from(p.points)).toEqual([0, 0, 0]);
    expect(p.transforms[0]).toMatchObject({ sd: 0, scale: 1 });
    expect(() => prepareFeatures([{ name: 'a', values: [1, 2] }, { name: 'b', values: [1] }])).toThrow(/"b" has 1 values, expected 2/);
    expect(() => prepareFeatures([])).toThrow(/at least one feature/);
  });

  it('turns z-space points back into original units', () => {
    const values = [3, 30, 300];
    const p = prepareFeatures([{ name: 'frequency', role: 'frequency', values }]);
    values.forEach((v, r) => expect(toOriginalUnits([p.points[r]], p.transforms)[0]).toBeCloseTo(v, 9));
  });
});
