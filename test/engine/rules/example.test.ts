/** The example rule table the pane's Rules sheet starts from. */
import { DEFAULT_FOLD, applyRules, equalsCondition, exampleRuleGrid, parseCondition, parseRuleGrid } from '../../../src/engine';

describe('equalsCondition', () => {
  it.each(['中学', 'any', 'blank', 'A, B', '>= 5', 'contains x', '10..20', 'say "hi"', '1,200'])('%p reads back as equals exactly that value', (v) => {
    expect(parseCondition(equalsCondition(v))).toEqual({ kind: 'equals', values: [v], negate: false });
  });
});

describe('exampleRuleGrid', () => {
  const stage = ['中学', '中学', '小学', '中学', '大学', '小学', ' 中学 ', '幼儿园'];
  const need = ['升学', '升学', '补习', '补习', '升学', '补习', '升学', '转学'];
  const id = stage.map((_, i) => `E${i}`);
  const revenue = stage.map((_, i) => 100 * i);

  it('takes the category-like columns and one rule per most frequent combination, then Others', () => {
    const grid = exampleRuleGrid([{ name: 'ID', cells: id }, { name: 'Stage', cells: stage }, { name: 'Need', cells: need }, { name: 'Revenue', cells: revenue }], { rules: 2 });
    expect(grid).toEqual([
      ['Class', 'Class zh', 'Colour', 'Strategy', 'Stage', 'Need'],
      ['Type 1', '类型1', '', '', '中学', '升学'],
      ['Type 2', '类型2', '', '', '小学', '补习'],
      ['Others', '其他', '', '', '', ''],
    ]);
    const applied = applyRules(parseRuleGrid(grid), stage.length, (name) => (name === 'Stage' ? stage : need), DEFAULT_FOLD);
    expect(applied.report.uncovered).toBe(0);
    expect(applied.report.rules.map((u) => u.assigned)).toEqual([3, 2, 3]);
  });

  it('quotes values that would read as something else', () => {
    const grid = exampleRuleGrid([{ name: 'Kind', cells: ['any', 'any', 'A, B', 'A, B', 'any'] }]);
    expect(grid.slice(1, 3).map((r) => r[4])).toEqual(['"any"', '"A, B"']);
  });

  it('says so when no column looks like categories', () => {
    expect(() => exampleRuleGrid([{ name: 'ID', cells: id }, { name: 'Revenue', cells: revenue }])).toThrow(/no column looks like categories/);
  });
});
