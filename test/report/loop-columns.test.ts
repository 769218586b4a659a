import { classifyTable, defaultPlaybook, mergePlaybook, migration } from '../../src/engine';
import { buildSheetPlan, withMigrationSummary, withPlaybook, withPreviousTier } from '../../src/report';

const values = { customer: ['a', 'b', 'c', 'd', 'e'], value: [500, 100, 50, 10, 1] };

describe('loop columns in the sheet plan', () => {
  it('adds Previous tier and Change after the tier label', () => {
    const plan = buildSheetPlan(classifyTable(values, { method: 'abc' }), { language: 'en' });
    const tiers = plan.customers.columns.find((c) => c.id === plan.tierColumn)?.values as string[];
    const previous = { a: 'C', b: tiers[1], c: 'A' };
    const table = withPreviousTier(plan.customers, plan.tierColumn, previous, ['A', 'B', 'C'], 'en');
    const ids = table.columns.map((c) => c.id);
    expect(ids.slice(ids.indexOf('tierLabel'))).toEqual(['tierLabel', 'previousTier', 'change']);
    const change = table.columns.find((c) => c.id === 'change')?.values;
    expect(change?.slice(0, 2)).toEqual([tiers[0] === 'C' ? '=' : '↑', '=']);
    expect(change?.[3]).toBe('new');
    expect(table.columns.find((c) => c.id === 'previousTier')?.values[3]).toBeNull();
    expect(withPreviousTier(plan.customers, plan.tierColumn, {}, ['A', 'B', 'C'], 'zh-CN').columns.find((c) => c.id === 'change')?.header).toBe('变化');
    // the original plan is untouched
    expect(plan.customers.columns.some((c) => c.id === 'change')).toBe(false);
  });

  it("puts the user's playbook strategy in the summary, in the plan's language", () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const plan = buildSheetPlan(classifyTable(values, { method: 'abc' }), { language });
      const book = mergePlaybook([{ key: 'B', strategy: { en: 'Call every Friday', zh: '每周五致电' } }], defaultPlaybook('abc'));
      const out = withPlaybook(plan, book);
      const strategy = out.summary.table.columns.find((c) => c.id === 'strategy')?.values;
      const tiers = out.summary.table.columns.find((c) => c.id === 'tier')?.values;
      expect(strategy?.[tiers?.indexOf('B') ?? -1]).toBe(language === 'en' ? 'Call every Friday' : '每周五致电');
      expect(strategy?.[tiers?.indexOf('A') ?? -1]).toBe(plan.summary.table.columns.find((c) => c.id === 'strategy')?.values[0]);
    }
  });
});

describe('migration in the summary', () => {
  it('adds the count and value matrices and the top movers', () => {
    const plan = buildSheetPlan(classifyTable(values, { method: 'abc' }), { language: 'zh-CN' });
    const m = migration({ a: 'C', b: 'A', z: 'B' }, { a: 'A', b: 'C', c: 'C' }, ['A', 'B', 'C'], { current: { a: 500, b: 100, c: 50 } });
    const out = withMigrationSummary(plan, m, 1);
    const extras = out.summary.extras.slice(plan.summary.extras.length);
    expect(extras.map((e) => e.table.name)).toEqual(['TierwiseMigration', 'TierwiseMigrationValue', 'TierwiseMovers']);
    expect(extras[0].title).toContain('1 / 1 / 0 / 1 / 1');
    expect(extras[0].table.columns[0].values).toEqual(['A', 'B', 'C', '新增', '合计']);
    expect(extras[1].table.columns.find((c) => c.header === 'A')?.values).toEqual([0, 0, 500, 0, 500]);
    expect(extras[2].table.columns[0].values).toEqual(['a']);
  });
});
