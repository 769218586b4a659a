/**
 * RFM as a method: recency, frequency and monetary scores 1…bins by tie-safe quantiles, the
 * RFM code and a named segment from the rule table. The rules are in `../rfm.ts`,
 * `../quantile.ts` and `../segments.ts`; this module declares the parameters, adds the score
 * columns and explains a segment score by score.
 */
import { scoreWithCuts } from '../quantile';
import { type RfmScores, rfmCode, scoreRfm } from '../rfm';
import { DEFAULT_SEGMENT_RULES, type SegmentRule, segmentCells } from '../segments';
import { rfmSql } from '../sql/statements';
import { NO_CLASS, SEGMENT_TIERS } from '../tiers';
import { formatCuts, formatNumber, say, tierName } from './text';
import type { Lang, MethodModule } from './types';

/** What RFM fitted: the number of scores and each measure's cut points (see `quantile.ts`). */
export interface RfmModel {
  bins: number;
  recency: (number | null)[];
  frequency: (number | null)[];
  monetary: (number | null)[];
}

interface RfmState {
  scores?: RfmScores;
  /** Segment key per score cell, see `segmentCells`. */
  cells: (string | undefined)[];
}

const TIER_OF = new Map(SEGMENT_TIERS.map((t, i) => [t.key, i]));

function tierOfSegment(segment: string | undefined): number {
  return segment === undefined ? NO_CLASS : (TIER_OF.get(segment) ?? NO_CLASS);
}

/**
 * The boundary that earns a score: for a measure where more is better (F, M) the lower bound of
 * its bin ("≥ c"; the lowest bin: "< c", the bound it did not reach); for recency, where less is
 * better, the upper bound ("< c"; the worst bin: "≥ c").
 */
function boundary(cuts: readonly (number | null)[], ascendingScore: number, descending: boolean, digits: number): string {
  const fmt = (c: number): string => formatNumber(c, digits, digits);
  const lower = ascendingScore > 1 ? cuts[ascendingScore - 2] : null;
  const upper = cuts.slice(Math.max(0, ascendingScore - 1)).find((c): c is number => c !== null);
  const preferUpper = descending ? upper !== undefined : lower === null;
  if (preferUpper && upper !== undefined) return `< ${fmt(upper)}`;
  return lower !== null ? `≥ ${fmt(lower)}` : '';
}

function part(label: string, score: number, what: string, rule: string): string {
  return rule ? `${label} ${score} (${what} ${rule})` : `${label} ${score} (${what})`;
}

function explainScores(model: RfmModel, row: { recency: number; frequency: number; monetary: number }, lang: Lang): { text: string; r: number; f: number; m: number } {
  const { bins } = model;
  const rAsc = scoreWithCuts(row.recency, model.recency, bins);
  const fAsc = scoreWithCuts(row.frequency, model.frequency, bins);
  const mAsc = scoreWithCuts(row.monetary, model.monetary, bins);
  const r = bins + 1 - rAsc;
  const days = say({ en: ' d', zh: '天' }, lang);
  const rule = (cuts: (number | null)[], s: number, descending: boolean, digits: number, unit = ''): string => {
    const b = boundary(cuts, s, descending, digits);
    return b ? `${b}${unit}` : '';
  };
  const text = [
    part('R', r, say({ en: 'recency {d}{days}', zh: '间隔 {d}{days}' }, lang, { d: formatNumber(row.recency), days }), rule(model.recency, rAsc, true, 0, days)),
    part('F', fAsc, say(row.frequency === 1 ? { en: '{f} purchase', zh: '{f} 次' } : { en: '{f} purchases', zh: '{f} 次' }, lang, { f: formatNumber(row.frequency) }), rule(model.frequency, fAsc, false, 0)),
    part('M', mAsc, formatNumber(row.monetary, 2, 2), rule(model.monetary, mAsc, false, 2)),
  ].join(' · ');
  return { text, r, f: fAsc, m: mAsc };
}

/** The RFM method. */
export const rfm: MethodModule<'rfm', RfmModel> = {
  id: 'rfm',
  label: { en: 'RFM (recency, frequency, monetary)', zh: 'RFM（最近购买、频次、金额）' },
  short: { en: 'RFM', zh: 'RFM' },
  description: {
    en: 'Scores recency, frequency and monetary value 1–5 by quantiles and names the segment (Champions, Loyal, At risk …).',
    zh: '按分位数为最近购买、频次和金额各打 1–5 分，并给出客户细分（冠军客户、忠诚客户、流失风险客户……）。',
  },
  needs: ['recency', 'frequency', 'monetary'],
  needsTransactions: true,
  params: [
    {
      name: 'bins',
      flag: 'bins',
      kind: 'integer',
      default: 5,
      min: 2,
      max: 10,
      label: { en: 'Scores per measure', zh: '每项指标分档数' },
      help: { en: 'RFM scores per measure, 2–10 (default 5)', zh: 'RFM 每项指标的分档数，2–10（默认 5）' },
    },
  ],
  tiers: () => SEGMENT_TIERS,
  tierColumn: { id: 'segment', header: { en: 'Segment', zh: '客户细分' } },
  classify(m, ctx) {
    const bins = ctx.params.bins as number;
    const rules = (ctx.options.rules as readonly SegmentRule[] | undefined) ?? DEFAULT_SEGMENT_RULES;
    const scores = scoreRfm({ recency: m.recency as Float64Array, frequency: m.frequency as Float64Array, monetary: m.monetary as Float64Array }, { bins, ties: ctx.ties, rules });
    const tierIndex = new Uint8Array(m.n);
    for (let i = 0; i < m.n; i++) tierIndex[i] = tierOfSegment(scores.segment[i] || undefined);
    const state: RfmState = { scores, cells: segmentCells(rules, bins) };
    return { tierIndex, model: { bins, ...scores.cuts }, state };
  },
  assign(fit, row) {
    const { bins } = fit.model;
    const r = scoreWithCuts(row.recency ?? NaN, fit.model.recency, bins, true);
    const f = scoreWithCuts(row.frequency ?? NaN, fit.model.frequency, bins);
    const m = scoreWithCuts(row.monetary ?? NaN, fit.model.monetary, bins);
    if (r === 0 || f === 0 || m === 0) return NO_CLASS;
    const side = bins + 1;
    return tierOfSegment((fit.state as RfmState).cells[(r * side + f) * side + m]);
  },
  explain({ fit, row, tier, lang }) {
    const { recency, frequency, monetary } = row;
    if (recency === undefined || frequency === undefined || monetary === undefined || [recency, frequency, monetary].some((v) => v !== v)) {
      return say({ en: 'no segment: a measure is missing', zh: '未细分：缺少指标' }, lang);
    }
    const s = explainScores(fit.model, { recency, frequency, monetary }, lang);
    const code = rfmCode(s.r, s.f, s.m, fit.model.bins);
    const segment = tier === NO_CLASS ? say({ en: 'no rule matches', zh: '无匹配规则' }, lang) : tierName(SEGMENT_TIERS[tier], lang);
    return `${s.text} → ${code} → ${segment}`;
  },
  describe(model, lang) {
    const none = say({ en: 'none', zh: '无' }, lang);
    return say(
      { en: '{bins} bins. R (days, lower is better) cut at {r}; F cut at {f}; M cut at {m}', zh: '{bins} 档。R（天数，越小越好）分界 {r}；F 分界 {f}；M 分界 {m}' },
      lang,
      { bins: model.bins, r: formatCuts(model.recency, none), f: formatCuts(model.frequency, none), m: formatCuts(model.monetary, none) },
    );
  },
  columns(fit) {
    const s = (fit.state as RfmState).scores as RfmScores;
    const score = (a: ArrayLike<number>): (number | null)[] => Array.from(a, (v) => (v === 0 ? null : v));
    return [
      { id: 'r', header: { en: 'R', zh: 'R' }, kind: 'integer', values: score(s.r) },
      { id: 'f', header: { en: 'F', zh: 'F' }, kind: 'integer', values: score(s.f) },
      { id: 'm', header: { en: 'M', zh: 'M' }, kind: 'integer', values: score(s.m) },
      { id: 'rfm', json: 'score', header: { en: 'RFM', zh: 'RFM' }, kind: 'integer', values: score(s.code) },
    ];
  },
  sql: (q, p, options) => rfmSql(q, { bins: p.bins as number, rules: (options.rules as readonly SegmentRule[] | undefined) ?? DEFAULT_SEGMENT_RULES }),
};
