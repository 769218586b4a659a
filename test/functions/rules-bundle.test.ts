/**
 * TIER.RULES from the built bundle (dist/functions.js, which carries only the two OpenCC tables
 * the simplified/traditional fold uses): the fold works there as in the engine, and only when asked.
 */
import { type Fn, loadBundle } from './bundle';

const { fns } = loadBundle();
const RULES = fns.RULES as Fn;
const code = (cell: unknown): unknown => (typeof cell === 'object' && cell !== null ? (cell as { code: string }).code : cell);

describe('TIER.RULES in the built bundle', () => {
  const attrs = [['Stage', 'Need'], ['中学', '升学'], ['中學', '升學'], ['大学', '職業培訓']];
  const table = [['Class', 'Class zh', 'Stage', 'Need'], ['Exam prep', '升学辅导', '中學, 大學', '升學'], ['Career', '职业培训', '大学', '职业培训']];

  it('treats simplified and traditional Chinese alike with rules_fold=chinese', () => {
    expect(RULES(attrs, table, 'rules_fold=chinese', null).map((r) => code(r[0]))).toEqual(['Exam prep', 'Exam prep', 'Career']);
    expect(RULES(attrs, table, 'rules_fold=both', 'zh-CN').map((r) => code(r[0]))).toEqual(['升学辅导', '升学辅导', '职业培训']);
  });

  it('keeps them apart by default, and explains a row no rule matches', () => {
    const out = RULES(attrs, table, null, null);
    expect(out.map((r) => code(r[0]))).toEqual(['#N/A', 'Exam prep', '#N/A']);
    expect((out[2][0] as { message?: string }).message).toBe('no class: no rule matches (Stage = 大学, Need = 職業培訓)');
  });
});
