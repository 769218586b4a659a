/**
 * The value matrix's scatter chart in the plan: one series per non-empty cell in the cell's
 * colour over the right rows, the two cut lines, the log-scale decision, and the deterministic
 * sample of big tables (said on the sheet).
 */
import fc from 'fast-check';
import { MATRIX_TIERS, NO_CLASS, SCATTER_MAX_POINTS, classifyTable, logAxis, scatterSample } from '../../src/engine';
import { type ScatterChartSpec, buildSheetPlan } from '../../src/report';

function scatterOf(plan: ReturnType<typeof buildSheetPlan>): ScatterChartSpec {
  const chart = plan.summary.charts.find((c) => c.kind === 'scatter');
  if (!chart || chart.kind !== 'scatter') throw new Error('no scatter chart');
  return chart;
}

function tableOf(plan: ReturnType<typeof buildSheetPlan>, name: string) {
  const t = plan.summary.extras.find((e) => e.table.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

const col = (t: ReturnType<typeof tableOf>, id: string) => t.table.columns.find((c) => c.id === id)!.values;

describe('value matrix scatter chart (plan)', () => {
  it('has one series per non-empty cell, coloured like the cell, over that cell\'s rows of the points table, and the two cut lines', () => {
    const result = classifyTable({ customer: ['a', 'b', 'c', 'd', 'e'], value: [1, 2, 3, 4, 5], extra: { X: [1, 2, 3, 4, 5], Y: [5, 1, 4, 2, 3] } }, { method: 'matrix', x: ['X'], y: ['Y'] });
    const plan = buildSheetPlan(result, { language: 'en' });
    const chart = scatterOf(plan);
    expect(chart).toMatchObject({ title: 'X × Y: 5 customers', xColumn: 'x', yColumn: 'y', xTitle: 'X', yTitle: 'Y', logX: false, logY: false, table: 'TierwiseMatrixPoints' });
    // medians X 3, Y 3: c (3, 4) and e (5, 3) Best; d (4, 2) Frequent; a (1, 5) Spender; b (2, 1) Uncertain
    expect(chart.series.map((s) => [s.name, s.table, s.from, s.rows, s.color, s.style])).toEqual([
      ['Best', 'TierwiseMatrixPoints', 0, 2, MATRIX_TIERS[0].color, 'markers'],
      ['Frequent', 'TierwiseMatrixPoints', 2, 1, MATRIX_TIERS[1].color, 'markers'],
      ['Spender', 'TierwiseMatrixPoints', 3, 1, MATRIX_TIERS[2].color, 'markers'],
      ['Uncertain', 'TierwiseMatrixPoints', 4, 1, MATRIX_TIERS[3].color, 'markers'],
      ['X cut', 'TierwiseMatrixCuts', 0, 2, '#404040', 'line'],
      ['Y cut', 'TierwiseMatrixCuts', 2, 2, '#404040', 'line'],
    ]);
    const points = tableOf(plan, 'TierwiseMatrixPoints');
    expect(points.title).toBe('Scatter points: all 5 customers');
    expect(col(points, 'customer')).toEqual(['c', 'e', 'd', 'a', 'b']);
    expect(col(points, 'cell')).toEqual(['Best', 'Best', 'Frequent', 'Spender', 'Uncertain']);
    expect(col(points, 'x')).toEqual([3, 5, 4, 1, 2]);
    expect(col(points, 'y')).toEqual([4, 3, 2, 5, 1]);
    // vertical line at the X cut across all Y; horizontal line at the Y cut across all X
    const cuts = tableOf(plan, 'TierwiseMatrixCuts');
    expect(col(cuts, 'x')).toEqual([3, 3, 1, 5]);
    expect(col(cuts, 'y')).toEqual([1, 5, 3, 3]);
  });

  it('leaves out empty cells (Excel refuses a series without data) and names the series in Chinese', () => {
    // every X equal (all high X), Y 1, 1, 3 → median 1 (all high Y): all Best
    const r = classifyTable({ customer: ['a', 'b', 'c'], value: [1, 1, 1], extra: { Orders: [2, 2, 2], Basket: [1, 1, 3] } }, { method: 'matrix', x: ['Orders'], y: ['Basket'] });
    const plan = buildSheetPlan(r, { language: 'zh-CN' });
    const chart = scatterOf(plan);
    expect(chart.series.map((s) => s.name)).toEqual(['最佳客户', 'Orders 分界', 'Basket 分界']);
    expect(chart.title).toBe('Orders × Basket：3 位客户');
  });

  it('uses a log axis when the values are positive and span two decades, with the cut positive', () => {
    expect(logAxis(1, 100, 10)).toBe(true);
    expect(logAxis(1, 99.9, 10)).toBe(false);
    expect(logAxis(0, 1000, 10)).toBe(false);
    expect(logAxis(-1, 1000, 10)).toBe(false);
    expect(logAxis(1, 1000, 0)).toBe(false); // a fixed cut at 0 has no place on a log axis
    const r = classifyTable(
      { customer: ['a', 'b', 'c', 'd'], value: [1, 1, 1, 1], extra: { Spend: [1, 10, 100, 1000], Visits: [1, 2, 3, 4] } },
      { method: 'matrix', x: ['Spend'], y: ['Visits'] },
    );
    const chart = scatterOf(buildSheetPlan(r, { language: 'en' }));
    expect([chart.logX, chart.logY, chart.xTitle, chart.yTitle]).toEqual([true, false, 'Spend (log scale)', 'Visits']);
    const zero = classifyTable(
      { customer: ['a', 'b', 'c', 'd'], value: [1, 1, 1, 1], extra: { Spend: [0, 10, 100, 1000], Visits: [1, 2, 3, 4] } },
      { method: 'matrix', x: ['Spend'], y: ['Visits'] },
    );
    expect(scatterOf(buildSheetPlan(zero, { language: 'en' })).logX).toBe(false);
  });

  it(`plots a deterministic sample of at most ${SCATTER_MAX_POINTS} customers of a big table, cells in proportion, and says so`, () => {
    const n = 12_345;
    const keys = Array.from({ length: n }, (_, i) => `c${i}`);
    // F 1…9 by customer, M spread over decades: all four cells filled
    const frequency = keys.map((_, i) => 1 + (i % 9));
    const monetary = keys.map((_, i) => frequency[i] * (1 + ((i * 7919) % 5000)));
    const result = classifyTable({ customer: keys, value: monetary, extra: { Visits: frequency, Basket: monetary.map((m, i) => m / frequency[i]) } }, { method: 'matrix', x: ['Visits'], y: ['Basket'] });
    const c = result.classification;
    const plan = buildSheetPlan(result, { language: 'en' });
    const chart = scatterOf(plan);
    const points = tableOf(plan, 'TierwiseMatrixPoints');
    expect(points.table.rows).toBe(SCATTER_MAX_POINTS);
    expect(chart.title).toBe('Visits × Basket: a sample of 5,000 of 12,345 customers');
    expect(points.title).toMatch(/^Scatter points: a sample of 5,000 of 12,345 customers \(at most 5,000\): each cell in proportion to its size/);
    const sizes = MATRIX_TIERS.map((_, t) => c.tierIndex.filter((x) => x === t).length);
    const shown = chart.series.filter((s) => s.style === 'markers').map((s) => s.rows);
    sizes.forEach((size, t) => expect(Math.abs(shown[t] - (size * SCATTER_MAX_POINTS) / n)).toBeLessThan(1));
    // Basket 1…5000 spans more than two decades
    expect([chart.logX, chart.logY]).toEqual([false, true]);
    // the same input gives the same sample, and every plotted point is the named customer's
    const again = tableOf(buildSheetPlan(result, { language: 'en' }), 'TierwiseMatrixPoints');
    expect(col(again, 'customer')).toEqual(col(points, 'customer'));
    const ids = col(points, 'customer') as string[];
    const xs = col(points, 'x') as number[];
    ids.forEach((id, r) => expect(xs[r]).toBe(frequency[Number(id.slice(1))]));
  });

  it('sample: within the cap, per-cell quotas sum to the cap, every non-empty cell shows, every k-th member of the cell in order, no repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 2, 3, NO_CLASS), { minLength: 0, maxLength: 400 }), fc.integer({ min: 4, max: 50 }), (tiers, max) => {
        const idx = Uint8Array.from(tiers);
        const sample = scatterSample(idx, 4, max);
        const n = tiers.filter((t) => t !== NO_CLASS).length;
        const total = sample.reduce((s, m) => s + m.length, 0);
        expect(total).toBe(Math.min(n, max));
        sample.forEach((m, t) => {
          // the cell's members at positions ⌊j·s/q⌋, in customer order
          const members = tiers.map((x, i) => (x === t ? i : -1)).filter((i) => i >= 0);
          expect(m).toEqual(m.map((_, j) => members[Math.floor((j * members.length) / m.length)]));
          expect(new Set(m).size).toBe(m.length);
          expect([...m].sort((a, b) => a - b)).toEqual(m);
          if ((tiers as number[]).includes(t)) expect(m.length).toBeGreaterThan(0);
        });
      }),
    );
  });
});

describe('value matrix tables in Chinese', () => {
  it('writes the 2×2 table\'s row names and the cut lines in Chinese on a Chinese summary', () => {
    const result = classifyTable({ customer: ['a', 'b', 'c', 'd', 'e'], value: [1, 2, 3, 4, 5], extra: { X: [1, 2, 3, 4, 5], Y: [5, 1, 4, 2, 3] } }, { method: 'matrix', x: ['X'], y: ['Y'] });
    const zh = buildSheetPlan(result, { language: 'zh-CN' });
    expect(col(tableOf(zh, 'TierwiseMatrixCuts'), 'line')).toEqual(['X 分界', 'X 分界', 'Y 分界', 'Y 分界']);
    const grid = zh.summary.extras.find((e) => e.table.columns.some((c) => c.id === 'highX'));
    expect(grid?.table.columns.find((c) => c.id === 'y')?.values).toEqual(['高 Y', '低 Y']);
    const en = buildSheetPlan(result, { language: 'en' });
    expect(col(tableOf(en, 'TierwiseMatrixCuts'), 'line')).toEqual(['X cut', 'X cut', 'Y cut', 'Y cut']);
  });
});
