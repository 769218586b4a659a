/**
 * ABC (the Pareto / 80-20 rule on value) as a method: classes A, B, C by cumulative share of
 * value. The rules are in `../abc.ts`; this module declares the parameters, explains a class
 * from the ranked values and adds the Pareto table.
 */
import { ABC_RULES, type AbcCuts, type AbcRule, abcClassOf, abcClasses } from '../abc';
import { ABC_TIERS, NO_CLASS } from '../tiers';
import { abcSql } from '../sql/statements';
import { buildPareto } from './pareto';
import { countEqual, ranking, shareAbove, type Ranking } from './ranking';
import { formatNumber, formatShare, say } from './text';
import type { MethodModule, ParamSpec } from './types';

/** What ABC fitted: the rule, the shares asked for and the smallest A and A-or-B values. */
export interface AbcModel {
  aShare: number;
  bShare: number;
  /** "reach" (default): the group crossing a share is in; "within": cumulative share including the customer ≤ the share. */
  rule: AbcRule;
  /** Smallest value in A, and in A or B (null when the class is empty). */
  a: number | null;
  b: number | null;
}

const A_SHARE: ParamSpec = {
  name: 'aShare',
  flag: 'a-share',
  kind: 'share',
  default: 0.8,
  label: { en: 'A: share of value (%)', zh: 'A类：价值占比（%）' },
  help: { en: 'ABC: cumulative value share of class A (default 0.8)', zh: 'ABC：A 类的累计价值占比（默认 0.8）' },
};

const B_SHARE: ParamSpec = {
  name: 'bShare',
  flag: 'b-share',
  kind: 'share',
  default: 0.95,
  label: { en: 'A+B: share of value (%)', zh: 'A+B类：价值占比（%）' },
  help: { en: 'ABC: cumulative value share of classes A+B (default 0.95)', zh: 'ABC：A、B 两类合计的累计价值占比（默认 0.95）' },
};

const RULE: ParamSpec = {
  name: 'abcRule',
  flag: 'abc-rule',
  kind: 'choice',
  choices: ABC_RULES,
  default: 'reach',
  label: { en: 'ABC rule', zh: 'ABC 规则' },
  help: {
    en: 'ABC: reach = the smallest group of top customers whose value reaches the share (the customer crossing the line is in); within = cumulative share including the customer ≤ the share (default reach)',
    zh: 'ABC：reach = 价值累计达到占比的最少头部客户（跨线的客户计入）；within = 含该客户的累计占比 ≤ 占比（默认 reach）',
  },
};

interface AbcState {
  ranked: Ranking;
}

/** The ABC method. */
export const abc: MethodModule<'abc', AbcModel> = {
  id: 'abc',
  label: { en: 'ABC (Pareto 80/20)', zh: 'ABC（帕累托 80/20）' },
  short: { en: 'ABC', zh: 'ABC' },
  description: {
    en: 'Ranks customers by value: A holds the first 80% of the value, B the next 15%, C the rest.',
    zh: '按价值排序：A 类占前 80% 的价值，B 类占其后 15%，C 类为其余客户。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [A_SHARE, B_SHARE, RULE],
  check: (p) =>
    (p.aShare as number) >= (p.bShare as number)
      ? {
          en: `a-share (${String(p.aShare)}) must be less than b-share (${String(p.bShare)})`,
          zh: `a-share（${String(p.aShare)}）须小于 b-share（${String(p.bShare)}）`,
        }
      : null,
  tiers: () => ABC_TIERS,
  tierColumn: { id: 'tier', header: { en: 'Tier', zh: '层级' } },
  classify(m, ctx) {
    const aShare = ctx.params.aShare as number;
    const bShare = ctx.params.bShare as number;
    const rule = ctx.params.abcRule as AbcRule;
    const { classes, cuts } = abcClasses(m.value, { aShare, bShare, ties: ctx.ties, rule, order: ctx.options.order as Int32Array | undefined });
    const state: AbcState = { ranked: ranking(m.value) };
    return { tierIndex: classes, model: { aShare, bShare, rule, a: cuts.a, b: cuts.b }, state };
  },
  assign(fit, row) {
    const { a, b } = fit.model;
    return abcClassOf(row.value ?? NaN, { a, b, total: 0 } satisfies AbcCuts);
  },
  explain({ fit, row, tier, lang }) {
    const v = row.value ?? NaN;
    const key = tier === NO_CLASS ? '' : ABC_TIERS[tier].key;
    if (tier === NO_CLASS) return say({ en: 'no class: the value is missing', zh: '未分类：缺少价值' }, lang);
    if (!(v > 0)) return say({ en: '{key}: value {v} ≤ 0', zh: '{key}：价值 {v} ≤ 0' }, lang, { key, v: formatNumber(v) });
    const { ranked } = fit.state as AbcState;
    // equal values are classed together, so the share is taken through the whole tie group
    const above = shareAbove(ranked, v);
    const ties = Math.max(1, countEqual(ranked, v));
    const upTo = ranked.total > 0 ? Math.min(1, above + (v * ties) / ranked.total) : 0;
    const { aShare, bShare } = fit.model;
    const tied = ties > 1 ? say({ en: ' and the {n} tied with it', zh: '及与其并列的 {n} 位' }, lang, { n: ties - 1 }) : '';
    const p = { key, above: formatShare(above), upTo: formatShare(upTo), a: formatShare(aShare), b: formatShare(bShare), tied };
    if (fit.model.rule === 'reach') {
      // the rule looks at the customers ranked strictly above: in while they hold less than the share
      const reach = tier === 0 ? { en: ' (< {a})', zh: '（< {a}）' } : tier === 1 ? { en: ' (≥ {a}, < {b})', zh: '（≥ {a}，< {b}）' } : { en: ' (≥ {b})', zh: '（≥ {b}）' };
      return say({ en: '{key}: customers ranked above hold {above} of value' + reach.en, zh: '{key}：排名在前的客户占价值的 {above}' + reach.zh }, lang, p);
    }
    const head = { en: '{key}: customers ranked above hold {above} of value; with this customer{tied} {upTo}', zh: '{key}：排名在前的客户占价值的 {above}；含本客户{tied}为 {upTo}' };
    const within = tier === 0 ? { en: ' (≤ {a})', zh: '（≤ {a}）' } : tier === 1 ? { en: ' (> {a}, ≤ {b})', zh: '（> {a}，≤ {b}）' } : { en: ' (> {b})', zh: '（> {b}）' };
    return say({ en: head.en + within.en, zh: head.zh + within.zh }, lang, p);
  },
  describe(model, lang) {
    const none = say({ en: 'none', zh: '无' }, lang);
    const v = (x: number | null): string => (x === null ? none : formatNumber(x));
    const text =
      model.rule === 'within'
        ? {
            en: 'A: cumulative share including the customer ≤ {a} (value ≥ {aValue}); B: ≤ {b} (value ≥ {bValue}); C: the rest',
            zh: 'A：含该客户的累计占比 ≤ {a}（价值 ≥ {aValue}）；B：≤ {b}（价值 ≥ {bValue}）；C：其余',
          }
        : {
            en: 'A: top customers until their value reaches {a} (A while the customers ranked above hold less than {a}; value ≥ {aValue}); B: likewise to {b} (value ≥ {bValue}); C: the rest',
            zh: 'A：按价值从高到低直到累计达到 {a}（排在前面的客户合计不足 {a} 时即为 A；价值 ≥ {aValue}）；B：同理至 {b}（价值 ≥ {bValue}）；C：其余',
          };
    return say(text, lang, { a: formatShare(model.aShare), aValue: v(model.a), b: formatShare(model.bShare), bValue: v(model.b) });
  },
  notes(fit, summary, lang) {
    // why A's share is what it is (under the default rule it can pass a_share)
    const text =
      fit.model.rule === 'within'
        ? {
            en: 'A holds {share} of the value: the customers whose cumulative share, themselves included, is at most {a} (a customer holding more than {a} alone is not A).',
            zh: 'A 占价值的 {share}：含自身在内累计占比不超过 {a} 的客户（单独超过 {a} 的客户不是 A）。',
          }
        : {
            en: 'A holds {share} of the value. A is the smallest group of top customers whose value reaches {a}: the last A customer (or tie group) is the one that crosses {a}, so A holds {a} or somewhat more.',
            zh: 'A 占价值的 {share}。A 是累计价值达到 {a} 的最少头部客户：最后一位 A 客户（或并列组）正是跨过 {a} 的那一位，所以 A 占 {a} 或略多。',
          };
    return [[say({ en: 'ABC rule', zh: 'ABC 规则' }, lang), say(text, lang, { share: formatShare(summary[0]?.valueShare ?? 0), a: formatShare(fit.model.aShare) })]];
  },
  cutTable: (model) => ({ header: { en: 'Class', zh: '类别' }, rows: [[ABC_TIERS[0].key, model.a], [ABC_TIERS[1].key, model.b]] }),
  tables: (_fit, m, keys) => [buildPareto(m.value, keys)],
  sql: (q, p) => abcSql(q, { aShare: p.aShare as number, bShare: p.bShare as number, rule: p.abcRule as AbcRule, keys: ABC_TIERS.map((t) => t.key) }),
};
