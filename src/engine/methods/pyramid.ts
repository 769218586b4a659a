/**
 * The customer pyramid as a method: Platinum / Gold / Iron / Lead by share of customers ranked
 * by value. The rules are in `../pyramid.ts`; this module declares the parameters and explains
 * a tier from the customer's rank.
 */
import { DEFAULT_PYRAMID_CUTS, type PyramidThresholds, pyramidTierOf, pyramidTiers } from '../pyramid';
import { pyramidSql } from '../sql/statements';
import { NO_CLASS, PYRAMID_TIERS } from '../tiers';
import { countAbove, ranking, type Ranking } from './ranking';
import { formatNumber, formatShare, say, tierName } from './text';
import type { MethodModule } from './types';

/** What the pyramid fitted: the customer shares where tiers end and the smallest value of each tier. */
export interface PyramidModel {
  shares: readonly number[];
  thresholds: PyramidThresholds;
}

interface PyramidState {
  ranked: Ranking;
}

/** The customer pyramid method. */
export const pyramid: MethodModule<'pyramid', PyramidModel> = {
  id: 'pyramid',
  label: { en: 'Customer pyramid', zh: '客户金字塔' },
  short: { en: 'Pyramid', zh: '金字塔' },
  description: {
    en: 'Ranks customers by value: top 1% Platinum, next 19% Gold, next 30% Iron, last 50% Lead.',
    zh: '按价值排序：前 1% 为重要客户，其后 19% 为次要客户，再 30% 为普通客户，最后 50% 为小客户。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [
    {
      name: 'pyramidCuts',
      flag: 'pyramid-cuts',
      kind: 'shares',
      count: PYRAMID_TIERS.length - 1,
      default: DEFAULT_PYRAMID_CUTS,
      label: { en: 'Pyramid cuts (% of customers)', zh: '金字塔分界（客户占比 %）' },
      help: {
        en: 'pyramid: customer shares where Platinum, Gold, Iron end (default 0.01,0.2,0.5)',
        zh: '金字塔：重要、次要、普通客户各自截止的客户占比（默认 0.01,0.2,0.5）',
      },
    },
  ],
  tiers: () => PYRAMID_TIERS,
  tierColumn: { id: 'tier', header: { en: 'Tier', zh: '层级' } },
  classify(m, ctx) {
    const shares = ctx.params.pyramidCuts as readonly number[];
    const { tiers, thresholds } = pyramidTiers(m.value, { cuts: shares, ties: ctx.ties });
    return { tierIndex: tiers, model: { shares, thresholds }, state: { ranked: ranking(m.value) } satisfies PyramidState };
  },
  assign: (fit, row) => pyramidTierOf(row.value ?? NaN, fit.model.thresholds),
  explain({ fit, row, tier, lang }) {
    if (tier === NO_CLASS) return say({ en: 'no tier: the value is missing', zh: '未分层：缺少价值' }, lang);
    const key = tierName(PYRAMID_TIERS[tier], lang);
    const v = row.value ?? NaN;
    if (!(v > 0)) return say({ en: '{key}: value {v} ≤ 0', zh: '{key}：价值 {v} ≤ 0' }, lang, { key, v: formatNumber(v) });
    const { ranked } = fit.state as PyramidState;
    const above = countAbove(ranked, v);
    const { shares } = fit.model;
    const from = tier === 0 ? 0 : shares[tier - 1];
    const to = tier < shares.length ? shares[tier] : 1;
    return say(
      { en: '{key}: {above} of {n} customers rank above ({share}); {key} spans the top {from} to {to}', zh: '{key}：{n} 位客户中有 {above} 位排名在前（{share}）；{key}覆盖排名前 {from} 至 {to}' },
      lang,
      { key, above: formatNumber(above), n: formatNumber(ranked.n), share: formatShare(ranked.n ? above / ranked.n : 0), from: formatShare(from), to: formatShare(to) },
    );
  },
  describe(model, lang) {
    const none = say({ en: 'none', zh: '无' }, lang);
    const v = (x: number | null | undefined): string => (x === null || x === undefined ? none : formatNumber(x));
    const [p1, p2, p3] = model.shares;
    const [v1, v2, v3] = model.thresholds;
    return say(
      {
        en: 'Platinum: top {p1} of customers (value ≥ {v1}); Gold: to {p2} (≥ {v2}); Iron: to {p3} (≥ {v3}); Lead: the rest',
        zh: '重要客户：前 {p1} 客户（价值 ≥ {v1}）；次要客户：至 {p2}（≥ {v2}）；普通客户：至 {p3}（≥ {v3}）；小客户：其余',
      },
      lang,
      { p1: formatShare(p1), p2: formatShare(p2), p3: formatShare(p3), v1: v(v1), v2: v(v2), v3: v(v3) },
    );
  },
  cutTable: (model) => ({ header: { en: 'Tier', zh: '层级' }, rows: model.thresholds.map((t, k): [string, number | null] => [PYRAMID_TIERS[k].key, t]) }),
  sql: (q, p) => pyramidSql(q, { cuts: p.pyramidCuts as readonly number[], keys: PYRAMID_TIERS.map((t) => t.key) }),
};
