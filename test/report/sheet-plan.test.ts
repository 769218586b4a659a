import { buildPareto, classifyTable, formatCuts, formatNumber, formatShare, methodById } from '../../src/engine';
import { STRINGS, languageOf, t } from '../../src/i18n/strings';
import { buildSheetPlan, extraTable, reasonText, tidyNumber } from '../../src/report';

const transactions = {
  customer: ['a', 'b', 'a', '', 'c', 'd'],
  date: ['2024-01-02', '2024-01-03', '2024-02-01', '2024-01-01', '2023-12-01', '2024-01-20'],
  amount: [10, 20, 5, 3, '=1+1', 40],
};

describe('sheet plan', () => {
  it('writes one row per customer with measures, tier and label, and one colour rule per tier', () => {
    const plan = buildSheetPlan(classifyTable(transactions, { method: 'abc' }), { language: 'en', rowOffset: 1 });
    expect(plan.level).toBe('transactions');
    expect(plan.customers.columns.map((c) => c.id)).toEqual(['customer', 'first', 'last', 'recency', 'frequency', 'monetary', 'tier', 'tierLabel']);
    expect(plan.customers.rows).toBe(3);
    for (const c of plan.customers.columns) expect(c.values).toHaveLength(3);
    expect(plan.customers.columns[0].kind).toBe('text');
    expect(plan.colorRules.map((r) => r.tier)).toEqual(['A', 'B', 'C']);
    expect(plan.tierColumn).toBe('tier');
    expect(plan.tierCounts.reduce((s, x) => s + x.customers, 0)).toBe(3);
  });
  it('lists skipped rows with sheet row numbers and readable reasons', () => {
    const plan = buildSheetPlan(classifyTable(transactions, { method: 'abc' }), { language: 'en', rowOffset: 1 });
    expect(plan.issues.total).toBe(2);
    expect(plan.issues.lines.map((l) => l.message)).toEqual(['row 5: blank customer id', 'row 6: amount "=1+1" is not a number']);
    expect(plan.issues.byReason).toContainEqual({ reason: 'blank', column: 'customer', count: 1, message: 'blank customer id' });
  });
  it('adds R, F, M, code and segment for RFM, coloured by segment', () => {
    const plan = buildSheetPlan(classifyTable(transactions, { method: 'rfm', bins: 3 }), { language: 'zh-CN' });
    expect(plan.customers.columns.map((c) => c.id)).toEqual(['customer', 'first', 'last', 'recency', 'frequency', 'monetary', 'r', 'f', 'm', 'rfm', 'segment', 'tierLabel']);
    expect(plan.tierColumn).toBe('segment');
    expect(plan.colorRules).toHaveLength(11);
    expect(plan.customers.columns[0].header).toBe('客户');
    expect(plan.summary.sheetName).toBe('客户分层汇总');
  });
  it('writes tier columns beside a customer table, blank for skipped rows', () => {
    const plan = buildSheetPlan(classifyTable({ customer: ['a', 'b', '', 'c'], value: [70, 20, 5, 10] }, { method: 'abc' }), { language: 'en' });
    expect(plan.level).toBe('customers');
    expect(plan.besideInput?.columns[0].values).toEqual(['A', 'A', null, 'B']);
    expect(plan.besideInput?.columns[1].values[0]).toBe('A — key customers');
  });
  it('summarises tiers with notes, strategies, a column chart, and Pareto data for ABC', () => {
    const plan = buildSheetPlan(classifyTable(transactions, { method: 'abc' }), { language: 'en' });
    const s = plan.summary;
    expect(s.notes.map((n) => n[0])).toEqual(['Method', 'As of', 'Customers', 'Rows used', 'Rows skipped', 'Cut points', 'ABC rule']);
    // issue 11, case 6: the summary says why A's share can pass 80 %
    expect(s.notes[6][1]).toMatch(/^A holds [\d.]+% of the value\. A is the smallest group of top customers whose value reaches 80%/);
    expect(s.notes[1][1]).toBe('2024-02-02');
    expect(s.table.columns.map((c) => c.id)).toContain('strategy');
    expect(s.charts.map((c) => c.kind)).toEqual(['column', 'pareto']);
    expect(s.extras.map((e) => e.title)).toEqual(['Pareto: value by customer rank']);
    expect(s.charts[1].table).toBe(s.extras[0].table.name);
    expect(s.extras[0].table.columns[2].values.at(-1)).toBe(1);
    const pyramid = buildSheetPlan(classifyTable(transactions, { method: 'pyramid' }), { language: 'en' });
    expect(pyramid.summary.extras).toEqual([]);
    expect(pyramid.summary.charts).toHaveLength(1);
  });
  it('buckets Pareto data by 1 % of customers for large tables', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const p = extraTable(buildPareto(values, values.map(String)), 'zh-CN');
    expect(p.columns[2].header).toBe('累计价值占比');
    expect(p.rows).toBe(100);
    expect(p.columns[0].values[0]).toBe('1%');
    expect(p.columns[1].values[0]).toBe(1000 + 999 + 998 + 997 + 996 + 995 + 994 + 993 + 992 + 991);
    expect(p.columns[2].values[99]).toBe(1);
  });
  it('describes cut points in words', () => {
    expect(methodById('abc').describe({ aShare: 0.8, bShare: 0.95, rule: 'within', a: 120, b: null }, 'en')).toBe(
      'A: cumulative share including the customer ≤ 80% (value ≥ 120); B: ≤ 95% (value ≥ none); C: the rest',
    );
    expect(methodById('abc').describe({ aShare: 0.8, bShare: 0.95, rule: 'reach', a: 120, b: 40 }, 'en')).toBe(
      'A: top customers until their value reaches 80% (A while the customers ranked above hold less than 80%; value ≥ 120); B: likewise to 95% (value ≥ 40); C: the rest',
    );
    expect(methodById('rfm').describe({ bins: 3, recency: [5, 9], frequency: [2, null], monetary: [10.5, 1234.567] }, 'en')).toBe(
      '3 bins. R (days, lower is better) cut at 5 / 9; F cut at 2 / none; M cut at 10.5 / 1,234.57',
    );
  });
  it('formats numbers, shares and reasons', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatShare(0.015)).toBe('1.5%');
    expect(formatCuts([3, null], '-')).toBe('3 / -');
    // the cached formatters write what toLocaleString writes, for any value and number of decimals
    for (const v of [0, -0, 0.005, 1234.5678, -98765.4321, 1e21, 123456789.125, NaN, Infinity]) {
      for (const [digits, min] of [[2, 0], [2, 2], [0, 0], [1, 0], [4, 0]]) expect(formatNumber(v, digits, min)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: min }));
      expect(formatShare(v)).toBe(`${(v * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);
    }
    expect(reasonText('zh-CN', 'blank', 'customer')).toBe('客户编号为空');
  });
});

describe('strings', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const en = STRINGS.en;
    const zh = STRINGS['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key]).toMatch(/\S/);
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(zh[key])).toEqual(holes(en[key]));
    }
  });
  it('fills placeholders and picks the language from a locale', () => {
    expect(t('en', 'issue.row', { row: '1,204', reason: 'blank customer id' })).toBe('row 1,204: blank customer id');
    expect(languageOf('zh-Hans-CN')).toBe('zh-CN');
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

describe('numbers in the plan', () => {
  it('holds sums of cents as cents, as Excel would show them', () => {
    const plan = buildSheetPlan(classifyTable({ customer: ['a', 'a', 'a'], date: ['2024-01-01', '2024-01-02', '2024-01-03'], amount: [0.1, 0.2, 1028.11] }, { method: 'abc' }), { language: 'en' });
    expect(plan.customers.columns.find((c) => c.id === 'monetary')?.values).toEqual([1028.41]);
    expect(tidyNumber(1028.4099999999999)).toBe(1028.41);
    expect(tidyNumber('x')).toBe('x');
    // whole numbers keep every digit up to 10^15, then 15 significant digits like any other number
    for (const v of [7, -42, 999_999_999_999_999, 1_234_567_890_123_456, -9_007_199_254_740_991, 1e21, 0.1 + 0.2, -0]) expect(Object.is(tidyNumber(v), v === 0 ? v : Number(v.toPrecision(15)))).toBe(true);
  });
});
