/** TIER.RULES argument shaping (src/functions/rules.ts), called with Excel-shaped arguments. */
import { rules } from '../../src/functions/rules';

const TABLE = [
  ['Class', 'Class zh', 'Stage', 'Need'],
  ['Exam prep', '升学辅导', '中学, 大学', '升学'],
  ['Tutoring', '课外补习', '小学, 中学', '补习'],
];
const code = (cell: unknown): unknown => (typeof cell === 'object' && cell !== null ? (cell as { code: string }).code : cell);

describe('TIER.RULES', () => {
  it('spills one class per customer row, no header, #N/A where no rule matches', () => {
    const attrs = [['Need', 'Stage'], ['升学', '中学'], ['补习', ' 小学 '], ['转学', '幼儿园']];
    const out = rules(attrs, TABLE, null, null);
    expect(out.map((r) => code(r[0]))).toEqual(['Exam prep', 'Tutoring', '#N/A']);
    expect((out[2][0] as { message?: string }).message).toBe('no class: no rule matches (Stage = 幼儿园, Need = 转学)');
    expect(rules(attrs, TABLE, null, 'zh-CN').map((r) => code(r[0]))).toEqual(['升学辅导', '课外补习', '#N/A']);
  });

  it('gives an error cell in a tested column back in its row only', () => {
    const out = rules([['Stage', 'Need', 'Note'], [{ code: '#DIV/0!' }, '升学', ''], ['中学', '升学', { code: '#REF!' }]], TABLE, null, null);
    expect(out.map((r) => code(r[0]))).toEqual(['#DIV/0!', 'Exam prep']);
  });

  it('treats simplified and traditional Chinese alike only with rules_fold=chinese (or both)', () => {
    const attrs = [['Stage', 'Need'], ['中學', '升學'], ['ＣＨＵ', '補習']];
    const t = [['Class', 'Stage'], ['Middle', '中学'], ['Chu', 'chu']];
    expect(rules(attrs, t, null, null).map((r) => code(r[0]))).toEqual(['#N/A', '#N/A']);
    expect(rules(attrs, t, 'rules_fold=chinese', null).map((r) => code(r[0]))).toEqual(['Middle', '#N/A']);
    expect(rules(attrs, t, 'rules_fold=both', null).map((r) => code(r[0]))).toEqual(['Middle', 'Chu']);
    expect(rules(attrs, t, 'rules_fold=width', null).map((r) => code(r[0]))).toEqual(['#N/A', 'Chu']);
  });

  it('takes the options and refuses a bad table or options with a message', () => {
    const attrs = [['Stage', 'Need'], ['ＣＨＵ', 'x']];
    const t = [['Class', 'Stage'], ['A', 'chu']];
    expect(code(rules(attrs, t, null, null)[0][0])).toBe('#N/A');
    expect(rules(attrs, t, 'rules_fold=width', null)[0][0]).toBe('A');
    expect(code(rules(attrs, t, 'rules_fold=width; rules_case=match', null)[0][0])).toBe('#N/A');
    const err = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return `${(e as { code: string }).code} ${(e as { message: string }).message}`;
      }
      return 'no error';
    };
    expect(err(() => rules(attrs, [['Class', 'Stage'], ['A', '>= x']], null, null))).toBe('#VALUE! rule_table: row 2, column "Stage": ">= x": x is not a number');
    expect(err(() => rules(attrs, [['Class', 'Stage'], ['A', { code: '#N/A' }]], null, null))).toBe('#VALUE! rule_table: row 2, column 2 holds the error #N/A');
    expect(err(() => rules([['Stage']], t, null, null))).toBe('#VALUE! attributes must have a header row and at least one row below it');
    expect(err(() => rules(attrs, t, 'fold=width', null))).toMatch(/^#VALUE! options: "fold=width" is not a parameter of rules \(its parameters: rules, rules_case, rules_fold\)/);
  });
});
