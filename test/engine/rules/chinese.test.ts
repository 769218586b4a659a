/**
 * Simplified/traditional folding (`--rules-fold chinese`): 後/后, 學/学 … match only when it is on;
 * the fold is idempotent (property, and every entry of the tables it uses); other text is untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConverterFactory, Locale } from 'opencc-js/t2cn';
import { HK_VARIANTS_REV, TS_CHARACTERS } from '../../../src/engine/rules/opencc-tables';
import { DEFAULT_FOLD, type FoldOptions, applyRules, classifyCustomers, foldChinese, foldText, parseRuleGrid } from '../../../src/engine';

const ON: FoldOptions = { caseSensitive: false, foldWidth: false, foldChinese: true };

/** Pairs of traditional and simplified forms of the same text. */
const PAIRS: [string, string][] = [
  ['後', '后'],
  ['學', '学'],
  ['學校', '学校'],
  ['升學', '升学'],
  ['補習', '补习'],
  ['職業培訓', '职业培训'],
  ['轉學', '转学'],
  ['幼兒園', '幼儿园'],
  ['臺灣', '台湾'],
  ['臺北', '台北'],
  ['廣東省', '广东省'],
  ['農村', '农村'],
  ['城市', '城市'],
  ['衞生', '卫生'], // Hong Kong variant 衞 → 衛 → 卫
];

function classes(rule: string, cells: string[], options: FoldOptions): number[] {
  const table = parseRuleGrid([['Class', 'Need'], ['A', rule]]);
  return Array.from(applyRules(table, cells.length, () => cells, options).classOf);
}

describe('simplified/traditional folding', () => {
  it.each(PAIRS)('%s and %s match when it is on, in both directions', (t, s) => {
    expect(foldChinese(t)).toBe(foldChinese(s));
    expect(classes(t, [s], ON)).toEqual([0]);
    expect(classes(s, [t], ON)).toEqual([0]);
  });

  it.each(PAIRS.filter(([t, s]) => t !== s))('%s and %s do not match when it is off (the default)', (t, s) => {
    expect(classes(t, [s], DEFAULT_FOLD)).toEqual([-1]);
    expect(classes(s, [t], DEFAULT_FOLD)).toEqual([-1]);
    expect(classes(t, [s], { caseSensitive: false, foldWidth: true })).toEqual([-1]); // width folding alone does not do it
  });

  it('folds lists, contains and starts with too, and leaves other text alone', () => {
    expect(classes('中學, 大學', ['中学', '大学', '小学'], ON)).toEqual([0, 0, -1]);
    expect(classes('contains 學', ['小学生', '大学'], ON)).toEqual([0, 0]);
    expect(classes('starts with 職業', ['职业培训', '培训'], ON)).toEqual([0, -1]);
    expect(foldChinese('Revenue 1,200 ÅB')).toBe('Revenue 1,200 ÅB');
    expect(foldText(' ＡＢ 學 ', { caseSensitive: false, foldWidth: true, foldChinese: true })).toBe('ab 学');
  });

  it('is a method option: --rules-fold chinese (and both), off by default', () => {
    const rules = 'Class,Need\nExam prep,升學\n';
    const x = { keys: ['a', 'b'], value: [1, 2], extra: { Need: ['升学', '升學'] } };
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules }).tierIndex)).toEqual([255, 0]);
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules, ruleFold: 'chinese' }).tierIndex)).toEqual([0, 0]);
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules, ruleFold: 'both' }).tierIndex)).toEqual([0, 0]);
    expect(Array.from(classifyCustomers(x, { method: 'rules', rules, ruleFold: 'width' }).tierIndex)).toEqual([255, 0]);
  });

  it('is idempotent on every entry of the tables it uses (chains such as 薴 → 苧 → 苎 settle)', () => {
    const one = ConverterFactory([Locale.from.hk[0][1]], [Locale.to.cn[0][1]]);
    let chained = 0;
    for (const dict of [Locale.from.hk[0][1], Locale.to.cn[0][1]]) {
      for (const entry of dict.split('|')) {
        for (const ch of entry.split(' ')) {
          const f = foldChinese(ch);
          expect(foldChinese(f)).toBe(f);
          if (one(one(ch)) !== one(ch)) chained++;
        }
      }
    }
    expect(chained).toBeGreaterThan(0); // a single pass of the tables would not be idempotent
  });

  it('uses the same tables in Node and in the add-in bundles (opencc-tables.web.ts imports them one by one)', () => {
    const dict = (name: string): string => {
      const text = readFileSync(join(__dirname, '../../../node_modules/opencc-js/dist/esm-lib/dict', `${name}.js`), 'utf8');
      return JSON.parse(/^export default ("(?:[^"\\]|\\.)*");?\s*$/.exec(text)![1]) as string;
    };
    expect(HK_VARIANTS_REV).toBe(dict('HKVariantsRev'));
    expect(TS_CHARACTERS).toBe(dict('TSCharacters'));
    expect(TS_CHARACTERS).toContain('後 后');
    expect(readFileSync(join(__dirname, '../../../src/engine/rules/opencc-tables.web.ts'), 'utf8')).toMatch(/from 'opencc-js\/dict\/HKVariantsRev';[\s\S]*from 'opencc-js\/dict\/TSCharacters';/);
  });

  it('is idempotent on any text (property)', () => {
    const han = fc.constantFrom(...'後后學学臺台薴苧苎乾干著着麼么幺衞衛卫裡裏里髮發发國国A a1 ，。'.split(''));
    const text = fc.oneof(fc.string(), fc.array(han, { maxLength: 12 }).map((cs) => cs.join('')), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (s) => {
        const f = foldChinese(s);
        expect(foldChinese(f)).toBe(f);
        expect(foldText(foldText(s, ON), ON)).toBe(foldText(s, ON));
      }),
      { numRuns: 500 },
    );
  });
});
