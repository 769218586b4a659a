/**
 * The customer value matrix: cuts at the median (a customer on the median is high), quantiles by
 * PERCENTILE.INC, fixed values, AOV = monetary / frequency, table columns as axes, the 2×2 table.
 */
import fc from 'fast-check';
import { NO_CLASS, axisCut, classifyCustomers, classifyTable, matrixCellOf, methodById, namedColumns, percentileInc } from '../../../src/engine';

const key = (c: ReturnType<typeof classifyCustomers>, i: number): string => c.tiers[c.tierIndex[i]]?.key ?? 'none';

describe('matrix cuts', () => {
  it('PERCENTILE.INC: interpolates between ranks, median of an even count is the midpoint', () => {
    const v = Float64Array.of(1, 2, 3, 4);
    expect(percentileInc(v, 0.5)).toBe(2.5);
    expect(percentileInc(v, 0.25)).toBe(1.75);
    expect(percentileInc(Float64Array.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110), 0.7)).toBe(80); // (11−1)·0.7 = 7.000000000000001 in floats
    expect(percentileInc(Float64Array.of(5), 0.9)).toBe(5);
  });

  it('a customer exactly on the median is high; the cell follows both sides', () => {
    // F: 1, 2, 3 → median 2; AOV = M / F: 100/1, 100/2, 90/3 = 100, 50, 30 → median 50
    const c = classifyCustomers({ keys: ['a', 'b', 'c'], recency: [1, 1, 1], frequency: [1, 2, 3], monetary: [100, 100, 90] }, { method: 'matrix' });
    expect([key(c, 0), key(c, 1), key(c, 2)]).toEqual(['Spender', 'Best', 'Frequent']);
    expect(c.explain(1, 'en')).toBe('Best: F 2 ≥ 2 (median), AOV 50 ≥ 50 (median)');
    expect(c.explain(0, 'zh-CN')).toBe('高消费客户：F 1 < 2（中位数），AOV 100 ≥ 50（中位数）');
    expect(matrixCellOf(2, 50, 2, 50)).toBe(0);
    expect(matrixCellOf(NaN, 50, 2, 50)).toBe(NO_CLASS);
  });

  it('even counts: the median lies between two customers, none is on it', () => {
    const c = classifyCustomers({ keys: ['a', 'b', 'c', 'd'], recency: [1, 1, 1, 1], frequency: [1, 2, 3, 4], monetary: [10, 20, 30, 40] }, { method: 'matrix' });
    expect(c.fit.model).toMatchObject({ x: { name: 'F', cut: 'median', value: 2.5 }, y: { name: 'AOV', value: 10 } });
    expect([0, 1, 2, 3].map((i) => key(c, i))).toEqual(['Spender', 'Spender', 'Best', 'Best']);
  });

  it('quantile and fixed-value cuts; ≥ the cut is high', () => {
    expect(axisCut([1, 2, 3, 4, 5], 'quantile', 0.75)).toBe(4);
    expect(axisCut([1, 2, 3, 4, 5], 'value', 3.5)).toBe(3.5);
    const c = classifyCustomers(
      { keys: ['a', 'b', 'c'], recency: [1, 1, 1], frequency: [1, 5, 9], monetary: [10, 50, 90] },
      { method: 'matrix', xCut: 'value', xAt: 5, yCut: 'quantile', yAt: 0.9 },
    );
    // AOV is 10 for all three: the 0.9 quantile is 10 and everybody is on it (high)
    expect([0, 1, 2].map((i) => key(c, i))).toEqual(['Spender', 'Best', 'Best']);
    expect(() => classifyCustomers({ keys: ['a'], value: [1] }, { method: 'matrix', xCut: 'quantile', xAt: 2 })).toThrow(/x-at must be a quantile from 0 to 1/);
  });

  it('any two numeric columns of a customer table; F on a customer table is refused with the way out', () => {
    const r = classifyTable(
      { customer: ['a', 'b', 'c', 'd'], value: [10, 20, 30, 40], extra: { Current: [1, 5, 3, 'n/a'], Potential: ['100', '50', '200', 7] } },
      { method: 'matrix', x: ['Current'], y: ['Potential'] },
    ).classification;
    expect([0, 1, 2, 3].map((i) => key(r, i))).toEqual(['Spender', 'Frequent', 'Best', 'none']);
    expect(r.fit.model).toMatchObject({ x: { value: 3 }, y: { value: 100 } });
    expect(r.explain(3, 'en')).toBe('no cell: Current or Potential is missing');
    expect(() => classifyTable({ customer: ['a'], value: [1] }, { method: 'matrix' })).toThrow('matrix: F (frequency) is not available; it needs a transaction log, or name a numeric column of the table instead');
  });

  it('the 2×2 table: customers, value and shares per cell', () => {
    const c = classifyCustomers({ keys: ['a', 'b', 'c'], recency: [1, 1, 1], frequency: [1, 2, 3], monetary: [100, 100, 90] }, { method: 'matrix' });
    const [cells, grid] = c.tables;
    const col = (id: string) => cells.columns.find((x) => x.id === id)!.values;
    expect(col('cell')).toEqual(['Best', 'Frequent', 'Spender', 'Uncertain']);
    expect(col('customers')).toEqual([1, 1, 1, 0]);
    expect(col('value')).toEqual([100, 90, 100, 0]);
    expect(col('valueShare')).toEqual([100 / 290, 90 / 290, 100 / 290, 0]);
    expect(grid.columns.map((x) => x.values)).toEqual([['High AOV', 'Low AOV'], [1, 0], [1, 1]]);
    expect(cells.chart?.kind).toBe('column');
  });
});

describe('matrix: properties', () => {
  const people = fc.array(fc.record({ f: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }).map((x) => x * 50) }), { minLength: 1, maxLength: 40 });
  it('equal inputs share a cell, and at least half the customers are high on each axis at the median', () => {
    fc.assert(
      fc.property(people, (ps) => {
        const c = classifyCustomers({ keys: ps.map((_, i) => `k${i}`), recency: ps.map(() => 1), frequency: ps.map((p) => p.f), monetary: ps.map((p) => p.m) }, { method: 'matrix' });
        const cell = new Map<string, number>();
        let highX = 0;
        let highY = 0;
        ps.forEach((p, i) => {
          const t = c.tierIndex[i];
          const k = `${p.f}|${p.m}`;
          expect(cell.get(k) ?? t).toBe(t);
          cell.set(k, t);
          if (t === 0 || t === 1) highX++;
          if (t === 0 || t === 2) highY++;
        });
        expect(2 * highX).toBeGreaterThanOrEqual(ps.length);
        expect(2 * highY).toBeGreaterThanOrEqual(ps.length);
      }),
    );
  });
});

describe('predicted CLV as the potential axis', () => {
  /** Loyal, lapsed and one-off buyers over a year, and one customer whose only purchase was free. */
  function log(): { customer: string[]; date: string[]; amount: number[] } {
    const customer: string[] = [];
    const date: string[] = [];
    const amount: number[] = [];
    const add = (c: string, day: number, a: number): void => {
      customer.push(c);
      date.push(new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10));
      amount.push(a);
    };
    for (let c = 0; c < 40; c++) {
      const every = 5 + (c % 9) * 6;
      const stop = c % 3 === 0 ? 150 : 365;
      for (let day = (c * 7) % 60; day < stop; day += every) add(`c${c}`, day, 10 + (c % 5) * 7);
    }
    for (let c = 40; c < 60; c++) add(`c${c}`, c, 25);
    add('free', 30, 0);
    return { customer, date, amount };
  }

  it('--x monetary --y clv: the y axis is the CLV method\'s predicted CLV (its defaults), the cut its median', () => {
    const m = classifyTable(log(), { method: 'matrix', x: ['monetary'], y: ['clv'] } as never).classification;
    const clv = classifyTable(log(), { method: 'clv' } as never).classification;
    expect(m.keys).toEqual(clv.keys); // the CLV customers, the free one included
    const ys = m.columns.find((c) => c.id === 'matrixY')!;
    expect(ys.header).toEqual({ en: 'CLV', zh: 'CLV' });
    expect(ys.values).toEqual(clv.columns.find((c) => c.id === 'clv')!.values);
    const model = m.model as { y: { name: string; value: number } };
    expect(model.y.name).toBe('clv');
    expect(model.y.value).toBe(percentileInc(Float64Array.from(ys.values as number[]).sort(), 0.5));
    expect(m.summary.reduce((n, s) => n + s.customers, 0)).toBe(m.keys.length);
    const free = m.keys.indexOf('free');
    expect(m.explain(free, 'en')).toMatch(/^(Spender|Uncertain): M 0 < [\d.,]+ \(median\), CLV [\d.,]+ [<≥] [\d.,]+ \(median\)$/);
    expect(m.describe('en')).toMatch(/^High M = M ≥ [\d.,]+ \(median\); high CLV = CLV ≥ [\d.,]+ \(median\)\./);
  });

  it('is not a table column to load, and a customer table is refused with the way out', () => {
    expect(namedColumns(methodById('matrix'), { x: ['Sales'], y: ['CLV'] })).toEqual(['Sales']);
    expect(() => classifyCustomers({ keys: ['a', 'b'], value: [1, 2], extra: { Sales: [1, 2] } }, { method: 'matrix', x: ['Sales'], y: ['clv'] })).toThrow(
      'matrix: CLV (predicted customer lifetime value) is not available; it needs a transaction log, or name a numeric column of the table instead',
    );
  });
});
