/** The condition grammar of rule tables, and matching cells the way users expect. */
import { type Condition, DEFAULT_FOLD, conditionMask, conditionText, isEmptyRange, parseCondition, prepareColumn } from '../../../src/engine';

const range = (min: number, max: number, minOpen = false, maxOpen = false): Condition => ({ kind: 'range', min, max, minOpen, maxOpen });

describe('parseCondition', () => {
  it.each<[string | number, Condition]>([
    ['', { kind: 'any' }],
    ['  * ', { kind: 'any' }],
    ['Any', { kind: 'any' }],
    ['任意', { kind: 'any' }],
    ['blank', { kind: 'blank' }],
    ['空白', { kind: 'blank' }],
    ['Not  Blank', { kind: 'notBlank' }],
    ['非空', { kind: 'notBlank' }],
    ['中学', { kind: 'equals', values: ['中学'], negate: false }],
    ['= a, b', { kind: 'equals', values: ['a, b'], negate: false }],
    ['"any"', { kind: 'equals', values: ['any'], negate: false }],
    ['中学, 大学', { kind: 'equals', values: ['中学', '大学'], negate: false }],
    ['中学，大学、小学;幼儿园|x', { kind: 'equals', values: ['中学', '大学', '小学', '幼儿园', 'x'], negate: false }],
    ['"a, b", c', { kind: 'equals', values: ['a, b', 'c'], negate: false }],
    ['1,200', { kind: 'equals', values: ['1,200'], negate: false }],
    [1200, { kind: 'equals', values: ['1200'], negate: false }],
    ['<> 转学, 升学', { kind: 'equals', values: ['转学', '升学'], negate: true }],
    ['!= x', { kind: 'equals', values: ['x'], negate: true }],
    ['contains Ltd', { kind: 'contains', text: 'Ltd' }],
    ['包含 培训', { kind: 'contains', text: '培训' }],
    ['starts with "Mr "', { kind: 'startsWith', text: 'Mr ' }],
    ['开头是 北京', { kind: 'startsWith', text: '北京' }],
    ['>= 100', range(100, Infinity)],
    ['>1,000', range(1000, Infinity, true)],
    ['≥ 5', range(5, Infinity)],
    ['<= 5', range(-Infinity, 5)],
    ['< 5', range(-Infinity, 5, false, true)],
    ['10..50', range(10, 50)],
    ['10 .. 50', range(10, 50)],
    ['-5..-1', range(-5, -1)],
    ['100..', range(100, Infinity)],
    ['..7.5', range(-Infinity, 7.5)],
    ['100..<1000', range(100, 1000, false, true)],
  ])('%p', (text, want) => {
    expect(parseCondition(text)).toEqual(want);
  });

  it.each([
    ['> abc', '"> abc": abc is not a number'],
    ['>=', '">=": (nothing) is not a number'],
    ['x..50', '"x..50": x is not a number'],
    ['contains', '"contains": the text to look for is missing'],
  ])('refuses %p with a message', (text, en) => {
    const r = parseCondition(text);
    expect(r).toHaveProperty('problem');
    expect((r as { problem: { en: string; zh: string } }).problem.en).toBe(en);
    expect((r as { problem: { en: string; zh: string } }).problem.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes conditions back so they read the same', () => {
    for (const text of ['any', 'blank', 'not blank', '中学, 大学', '<> a', 'contains Ltd', 'starts with 北京', '>= 100', '> 5', '<= 5', '< 5', '10..50', '100..<1,000']) {
      const c = parseCondition(text) as Condition;
      expect(parseCondition(conditionText(c))).toEqual(c);
    }
  });

  it('knows empty ranges', () => {
    expect(isEmptyRange(range(50, 10))).toBe(true);
    expect(isEmptyRange(range(5, 5, false, true))).toBe(true);
    expect(isEmptyRange(range(5, 5))).toBe(false);
  });
});

describe('conditionMask', () => {
  const mask = (cond: string, cells: unknown[], options = DEFAULT_FOLD): number[] =>
    Array.from(conditionMask(parseCondition(cond) as Condition, prepareColumn('c', cells as never, options), options));

  it('compares text trimmed and case-insensitive by default', () => {
    expect(mask('City', [' city ', 'CITY', 'City ', 'cities', ''])).toEqual([1, 1, 1, 0, 0]);
    expect(mask('City', [' city ', 'CITY', 'City'], { caseSensitive: true, foldWidth: false })).toEqual([0, 0, 1]);
  });

  it('folds full-width and half-width forms only when asked', () => {
    expect(mask('ABC1', ['ＡＢＣ１', 'abc1'])).toEqual([0, 1]);
    expect(mask('ABC1', ['ＡＢＣ１', 'abc1'], { caseSensitive: false, foldWidth: true })).toEqual([1, 1]);
    expect(mask('Ｃ座', ['C座'], { caseSensitive: false, foldWidth: true })).toEqual([1]);
  });

  it('compares numbers by value', () => {
    expect(mask('1,200', [1200, '1200', ' 1,200.00 ', '1,2000', 'x'])).toEqual([1, 1, 1, 0, 0]);
    expect(mask('>= 1000', [1200, '1,200', '999', 'abc', '', null])).toEqual([1, 1, 0, 0, 0, 0]);
    expect(mask('10..50', [9.99, 10, 50, 50.01, '30'])).toEqual([0, 1, 1, 0, 1]);
    expect(mask('100..<1000', [100, 999.99, 1000])).toEqual([1, 1, 0]);
  });

  it('handles lists, negation, contains, starts with, blank and not blank', () => {
    expect(mask('中学, 大学', ['中学', '大学', '小学', ''])).toEqual([1, 1, 0, 0]);
    expect(mask('<> 中学, 大学', ['中学', '大学', '小学', ''])).toEqual([0, 0, 1, 0]);
    expect(mask('contains 培训', ['职业培训', '补习', ''])).toEqual([1, 0, 0]);
    expect(mask('starts with bei', ['Beijing', 'Xibei', ''])).toEqual([1, 0, 0]);
    expect(mask('blank', ['', '  ', null, 'x', 0])).toEqual([1, 1, 1, 0, 0]);
    expect(mask('not blank', ['', '  ', null, 'x', 0])).toEqual([0, 0, 0, 1, 1]);
    expect(mask('any', ['', 'x'])).toEqual([1, 1]);
  });

  it('never takes an error cell for a number', () => {
    expect(mask('>= 0', [{ error: '#N/A' }, '#DIV/0!'])).toEqual([0, 0]);
    expect(mask('#N/A', [{ error: '#N/A' }])).toEqual([1]);
  });
});
