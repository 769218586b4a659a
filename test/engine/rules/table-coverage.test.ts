/** Rule tables: reading them, first match wins, the coverage report, explanations, and the `rules` method. */
import { type Cell, DEFAULT_FOLD, NO_CLASS, applyRules, classifyCustomers, conditionText, coverageLines, explainRow, parseRuleCsv, parseRuleGrid } from '../../../src/engine';

const TABLE = [
  'Class,Class zh,Colour,Stage,Need,Revenue,Strategy',
  'Type 1,类型一,#77aadd,"中学, 大学",升学,,Exam coaching',
  'Type 2,类型二,,中学,"升学, 补习",>= 1000,',
  'Type 3,类型三,,小学,any,50..10,',
  'Type 4,类型四,,幼儿园,转学,,',
  'Type 5,类型五,,大学,职业培训,,',
].join('\n');

const DATA: Record<string, Cell[]> = {
  Stage: ['中学', '中学', '大学', '小学', '幼儿园', '幼儿园', '大学', '中学', ' 中学 '],
  Need: ['升学', '补习', '升学', '补习', '转学', '升学', '补习', '升学', '补习'],
  Revenue: [1200, '1,500', 300, 80, 10, 20, 900, '2,000', 999],
};

function applied(text = TABLE, data = DATA) {
  const n = Object.values(data)[0].length;
  return applyRules(parseRuleCsv(text), n, (name) => data[name], DEFAULT_FOLD);
}

describe('parseRuleGrid', () => {
  it('reads classes, colours, strategies and conditions', () => {
    const t = parseRuleCsv(TABLE);
    expect(t.columns).toEqual(['Stage', 'Need', 'Revenue']);
    expect(t.classes.map((c) => [c.key, c.labelZh, c.color])).toEqual([
      ['Type 1', '类型一', '#77AADD'],
      ['Type 2', '类型二', null],
      ['Type 3', '类型三', null],
      ['Type 4', '类型四', null],
      ['Type 5', '类型五', null],
    ]);
    expect(t.classes[0].strategyEn).toBe('Exam coaching');
    expect(t.rules.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('lets several rows give one class and marks the everyone-else row', () => {
    const t = parseRuleGrid([['Class', 'Stage'], ['A', '中学'], [' ', ''], ['A', '大学'], ['Others', '']]);
    expect(t.classes.map((c) => c.key)).toEqual(['A', 'Others']);
    expect(t.rules.map((r) => [r.row, r.classIndex, r.catchAll])).toEqual([[2, 0, false], [4, 0, false], [5, 1, true]]);
  });

  it.each([
    [[], /rule table: it is empty/],
    [[['Stage'], ['中学']], /rule table: no "Class" column \(the headers are "Stage"\)/],
    [[['Class', 'Stage', 'stage'], ['A', 'x', 'y']], /rule table: the column "stage" appears twice/],
    [[['Class', ''], ['A', 'x']], /rule table: column 2 has values but no header/],
    [[['Class', 'Stage'], ['', 'x']], /rule table: row 2 has no class name/],
    [[['Class', 'Colour', 'Stage'], ['A', 'blue', 'x']], /rule table: row 2, Colour: "blue" is not a colour like #77AADD/],
    [[['Class', 'Revenue'], ['A', '>= 1O0']], /rule table: row 2, column "Revenue": ">= 1O0": 1O0 is not a number/],
    [[['Class', 'Stage']], /rule table: it has no rules below the header/],
  ])('refuses %j naming the row and column', (grid, message) => {
    expect(() => parseRuleGrid(grid as Cell[][])).toThrow(message);
  });
});

describe('applyRules and the coverage report', () => {
  const a = applied();
  const r = a.report;

  it('gives each row the class of the first rule that matches', () => {
    // row 1: 中学 补习 1,500 → Type 2; row 8: 中学 补习 999 → no rule (Revenue < 1000)
    expect(Array.from(a.classOf)).toEqual([0, 1, 0, -1, 3, -1, -1, 0, -1]);
  });

  it('counts that add up', () => {
    expect(r.rows).toBe(9);
    expect(r.covered + r.uncovered).toBe(r.rows);
    expect(r.rules.reduce((s, u) => s + u.assigned, 0)).toBe(r.covered);
    expect(r.rules.map((u) => [u.matched, u.assigned])).toEqual([[3, 3], [3, 1], [0, 0], [1, 1], [0, 0]]);
  });

  it('lists uncovered rows by their values, most frequent first', () => {
    expect(r.uncovered).toBe(4);
    expect(r.uncoveredDistinct).toBe(4);
    expect(r.uncoveredPatterns[0]).toEqual({ values: ['小学', '补习', '80'], rows: 1, first: 3 });
  });

  it('lists the rows several rules match, and which rules', () => {
    expect(r.overlapping).toBe(2);
    expect(r.overlaps).toEqual([{ rules: [0, 1], rows: 2, examples: [0, 7] }]);
  });

  it('finds rules that match nothing and conditions that can never be true', () => {
    expect(r.unused).toEqual([2, 4]);
    expect(r.shadowed).toEqual([]);
    expect(r.neverTrue).toEqual([
      { rule: 2, row: 4, column: 'Revenue', condition: '50..10', conditionZh: '50 至 10', reason: 'empty-range' },
      { rule: 4, row: 6, column: 'Need', condition: '职业培训', conditionZh: '职业培训', reason: 'not-present' },
    ]);
  });

  it('says so in lines a user can read, in English and Chinese', () => {
    const en = coverageLines(r, a.table.columns, 'en', (i) => `row ${i + 2}`);
    expect(en[0]).toBe('rules: 9 rows: 5 classified, 4 match no rule');
    expect(en).toContain('  Stage = 小学, Need = 补习, Revenue = 80: 1 row (first: row 5)');
    expect(en).toContain('  rule 1 (Type 1, row 2), rule 2 (Type 2, row 3): 2 rows (e.g. row 2, row 9)');
    expect(en).toContain('rules that match nothing: rule 3 (Type 3, row 4), rule 5 (Type 5, row 6)');
    expect(en).toContain('condition never true: rule 3 (Type 3, row 4), Revenue "50..10": empty range');
    expect(en).toContain('condition never true: rule 5 (Type 5, row 6), Need "职业培训": value not present in the column');
    const zh = coverageLines(r, a.table.columns, 'zh-CN', (i) => `第 ${i + 2} 行`);
    expect(zh[0]).toBe('规则：9 行：已分类 5，无规则匹配 4');
  });

  it('reports listed values the column does not hold', () => {
    const b = applied('Class,Stage\nA,"中学, 高中"\n');
    expect(b.report.missingValues).toEqual([{ rule: 0, row: 2, column: 'Stage', values: ['高中'] }]);
    expect(b.report.neverTrue).toEqual([]);
  });

  it('reports shadowed rules and numeric conditions over text', () => {
    const b = applied('Class,Stage,Need\nA,中学,\nB,中学,升学\nC,,>= 5\nOthers,,\n');
    expect(b.report.shadowed).toEqual([1]);
    expect(b.report.neverTrue).toEqual([{ rule: 2, row: 4, column: 'Need', condition: '>= 5', conditionZh: '≥ 5', reason: 'no-numbers' }]);
    expect(b.report.uncovered).toBe(0);
    expect(b.report.overlapping).toBe(2); // the everyone-else row is not an overlap
  });

  it('explains a row by the rule that matched', () => {
    const name = (k: number): string => a.table.classes[k].key;
    expect(explainRow(a, 0, 'en', name)).toBe('Type 1: Stage = 中学 (中学, 大学) and Need = 升学');
    expect(explainRow(a, 1, 'en', name)).toBe('Type 2: Stage = 中学 and Need = 补习 (升学, 补习) and Revenue = 1,500 (>= 1,000)');
    expect(explainRow(a, 3, 'en', name)).toBe('no class: no rule matches (Stage = 小学, Need = 补习, Revenue = 80)');
    expect(explainRow(a, 4, 'zh-CN', (k) => a.table.classes[k].labelZh)).toBe('类型四：Stage = 幼儿园 且 Need = 转学');
  });

  it('writes conditions in Chinese in Chinese explanations (lists, ranges)', () => {
    const zh = (k: number): string => a.table.classes[k].labelZh;
    expect(explainRow(a, 0, 'zh-CN', zh)).toBe('类型一：Stage = 中学（中学、大学） 且 Need = 升学');
    expect(explainRow(a, 1, 'zh-CN', zh)).toBe('类型二：Stage = 中学 且 Need = 补习（升学、补习） 且 Revenue = 1,500（≥ 1,000）');
    expect(explainRow(a, 3, 'zh-CN', zh)).toBe('未分类：没有规则匹配（Stage = 小学，Need = 补习，Revenue = 80）');
  });
});

describe('conditions written back in English and Chinese', () => {
  it.each([
    ['', 'any', '任意'],
    ['blank', 'blank', '为空'],
    ['非空', 'not blank', '非空'],
    ['中学, 大学', '中学, 大学', '中学、大学'],
    ['<> 中学, 大学', '<> 中学, 大学', '不是 中学、大学'],
    ['contains 学', 'contains 学', '包含 学'],
    ['开头是 职业', 'starts with 职业', '开头是 职业'],
    ['>= 1000', '>= 1,000', '≥ 1,000'],
    ['> 5', '> 5', '> 5'],
    ['<= 10', '<= 10', '≤ 10'],
    ['< 5', '< 5', '< 5'],
    ['10..50', '10..50', '10 至 50'],
    ['10..<50', '10..<50', '≥ 10 且 < 50'],
  ])('%j reads %j and %j', (written, en, zh) => {
    const t = parseRuleGrid([['Class', 'X'], ['A', written]]);
    expect(conditionText(t.rules[0].conditions[0])).toBe(en);
    expect(conditionText(t.rules[0].conditions[0], 'zh-CN')).toBe(zh);
    // the English form reads back as the same condition
    expect(parseRuleGrid([['Class', 'X'], ['A', en]]).rules[0].conditions[0]).toEqual(t.rules[0].conditions[0]);
  });

  it('the coverage table and report lines read in the language asked', () => {
    const c = classifyCustomers(
      { keys: DATA.Stage.map((_, i) => `c${i + 1}`), value: DATA.Revenue.map((v) => Number(String(v).replace(',', ''))), extra: DATA },
      { method: 'rules', rules: `${TABLE}\nOthers,其他,,,,,` },
    );
    const table = c.tables.find((t) => t.name === 'TierwiseRuleCoverage');
    const conditions = table?.columns.find((col) => col.id === 'conditions');
    expect(conditions?.values.slice(0, 3)).toEqual(['Stage: 中学, 大学 and Need = 升学', 'Stage = 中学 and Need: 升学, 补习 and Revenue: >= 1,000', 'Stage = 小学 and Revenue: 50..10']);
    expect(conditions?.valuesZh?.slice(0, 3)).toEqual(['Stage：中学、大学 且 Need = 升学', 'Stage = 中学 且 Need：升学、补习 且 Revenue：≥ 1,000', 'Stage = 小学 且 Revenue：50 至 10']);
    expect(conditions?.values[5]).toBe('everyone else');
    expect(conditions?.valuesZh?.[5]).toBe('其余客户');
    expect(table?.columns.find((col) => col.id === 'class')?.valuesZh?.slice(0, 2)).toEqual(['类型一', '类型二']);
    expect(table?.columns.find((col) => col.id === 'note')?.valuesZh?.[2]).toBe('Revenue“50 至 10”：空区间；不匹配任何行');
    expect(c.audit('zh-CN')?.lines).toContain('永不成立的条件：规则 3（类型三，第 4 行），Revenue“50 至 10”：空区间');
    expect(c.audit('zh-CN')?.lines).toContain('  规则 1（类型一，第 2 行）、规则 2（类型二，第 3 行）：2 行（如 c1、c8）');
    const uncovered = classifyCustomers({ keys: DATA.Stage.map((_, i) => `c${i + 1}`), value: DATA.Revenue.map(() => 1), extra: DATA }, { method: 'rules', rules: TABLE });
    expect(uncovered.audit('zh-CN')?.lines).toContain('  Stage = 小学，Need = 补习，Revenue = 80：1 行（首个：c4）');
    expect(c.explain(1, 'zh-CN')).toBe('类型二：Stage = 中学 且 Need = 补习（升学、补习） 且 Revenue = 1,500（≥ 1,000）');
  });
});

describe('the rules method', () => {
  const input = { keys: DATA.Stage.map((_, i) => `c${i + 1}`), value: DATA.Revenue.map((v) => Number(String(v).replace(',', ''))), extra: DATA };

  it('classifies by the rule table, with tiers, explanations, the audit and the coverage table', () => {
    const c = classifyCustomers(input, { method: 'rules', rules: TABLE });
    expect(c.tiers.map((t) => [t.key, t.label.zh])).toEqual([['Type 1', '类型一'], ['Type 2', '类型二'], ['Type 3', '类型三'], ['Type 4', '类型四'], ['Type 5', '类型五']]);
    expect(c.tiers[0].color).toBe('#77AADD');
    expect(c.tiers[1].color).toMatch(/^#[0-9A-F]{6}$/);
    expect(Array.from(c.tierIndex)).toEqual([0, 1, 0, NO_CLASS, 3, NO_CLASS, NO_CLASS, 0, NO_CLASS]);
    expect(c.explain(1, 'en')).toBe('Type 2: Stage = 中学 and Need = 补习 (升学, 补习) and Revenue = 1,500 (>= 1,000)');
    expect(c.explain(1, 'zh-CN')).toMatch(/^类型二：/);
    const audit = c.audit('en');
    expect(audit?.unclassified).toBe(4);
    expect(audit?.lines).toContain('  Stage = 小学, Need = 补习, Revenue = 80: 1 row (first: c4)');
    const table = c.tables.find((t) => t.name === 'TierwiseRuleCoverage');
    expect(table?.columns.find((col) => col.id === 'assigned')?.values).toEqual([3, 1, 0, 1, 0, 4]);
    expect(c.describe('en')).toBe('5 rules over Stage, Need, Revenue, first match wins: 5 of 9 rows classified, 4 match no rule, 2 match several rules');
  });

  it('reads measures by name when the table names them', () => {
    const c = classifyCustomers({ keys: ['a', 'b', 'c'], value: [5, 500, 5000] }, { method: 'rules' });
    expect(c.tiers.map((t) => t.key)).toEqual(['High value', 'Mid value', 'Low value']);
    expect(Array.from(c.tierIndex)).toEqual([2, 1, 0]);
    expect(c.explain(0, 'en')).toBe('Low value: Value = 5 (< 100)');
  });

  it('names a column the input does not have', () => {
    expect(() => classifyCustomers(input, { method: 'rules', rules: 'Class,Region\nA,北京\n' })).toThrow('the rule table names the column "Region", which was not loaded from the input (loaded: Stage, Need, Revenue)');
    expect(() => classifyCustomers({ keys: ['a'], value: [1] }, { method: 'rules', rules: 'Class,R\nA,< 30\n' })).toThrow(/column "R" is the recency, which this input does not have/);
  });

  it('matches case and width as asked', () => {
    const x = { keys: ['a', 'b'], value: [1, 1], extra: { Area: ['ＣＩＴＹ', 'city'] } };
    const t = 'Class,Area\nUrban,City\n';
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules: t }).tierIndex)).toEqual([NO_CLASS, 0]);
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules: t, ruleFold: 'width' }).tierIndex)).toEqual([0, 0]);
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules: t, ruleCase: 'match' }).tierIndex)).toEqual([NO_CLASS, NO_CLASS]);
  });
});
