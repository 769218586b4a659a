/**
 * Weighted multi-criteria grading (综合评分分级), as companies grade accounts by sales, margin,
 * credit or payment days: each criterion becomes a percentile rank (average rank as Excel's
 * RANK.AVG, over n; lower-is-better criteria ranked reversed), the composite S = Σ wᵢ·prᵢ with
 * weights normalised to sum 1, and grades by cut points on S: A ≥ the 90th percentile of S,
 * B ≥ 70th, C ≥ 40th (PERCENTILE.INC), else D — or fixed score cuts, or ABC-style shares of the
 * score (the ABC method's "reach" rule on S: A while the customers scored above hold less than
 * 20% of the total score, B less than 50%, C less than 80%; `grade-score.ts`). The composite is computed
 * exactly (`grade-score.ts`). Option: z-scores instead of percentile ranks (Σ wᵢ·zᵢ, population
 * standard deviation; compared with a relative tolerance of 1e-9).
 */
import { TierwiseError } from '../errors';
import { NO_CLASS, type Bilingual, type TierDef, type TierGroup, readableText } from '../tiers';
import { criterionLabel, criterionOfRow, criterionValues } from './criteria';
import { checkExact, doubleRankIn, doubleRanks, fixedThreshold, percentileThreshold, shareCuts, weightUnits } from './grade-score';
import { type NamedEntry, ParamError, measureOfName, namedEntries } from './params';
import { percentileInc } from './percentile';
import { formatNumber, formatShare, say, tierName } from './text';
import type { Lang, MethodModule, MethodTable, ParamValues } from './types';

/** How grade cuts are placed on S: percentiles of S, fixed scores, or ABC-style shares of the total score. */
export type GradeCut = 'percentile' | 'score' | 'share';

/** Higher is better, or lower is better. */
export type Direction = 'high' | 'low';

/** One criterion as fitted: its input, direction, weight (normalised) and population. */
export interface GradeCriterion {
  name: string;
  direction: Direction;
  /** Normalised weight (the weights sum to 1). */
  weight: number;
  /** Whole weight units with the same ratios (the exact arithmetic). */
  units: number;
  /** z-scores: the population mean and standard deviation. */
  mean?: number;
  sd?: number;
}

/** What grading fitted: the criteria, how S is scored and the score each grade starts at. */
export interface GradeModel {
  criteria: GradeCriterion[];
  score: 'percentile' | 'zscore';
  /** Grades start at percentiles of S, at fixed scores, or where ABC-style shares of the total score are reached. */
  gradeCut: GradeCut;
  /** The percentiles (or fixed scores) where C, B and A start, ascending (unused with shares). */
  grades: readonly number[];
  /** ABC-style shares: the cumulative shares of the total score A, A+B and A+B+C reach (gradeCut "share"). */
  shares?: readonly number[];
  /** The score S where C, B and A start (null when nobody is graded). */
  cuts: (number | null)[];
  /** Customers graded (every criterion present). */
  n: number;
}

function gradeTier(key: string, order: number, zh: string, group: TierGroup, color: string, strategy: Bilingual): TierDef {
  return { key, order, label: { en: `Grade ${key}`, zh }, group, color, textColor: readableText(color), strategy };
}

/** The grades, best first. */
export const GRADE_TIERS: readonly TierDef[] = [
  gradeTier('A', 0, 'A级客户', 'key', '#44BB99', { en: 'Top accounts: dedicated manager, best terms, protect the relationship first.', zh: '核心客户：专属客户经理、最优条款，优先维护关系。' }),
  gradeTier('B', 1, 'B级客户', 'ordinary', '#99DDFF', { en: 'Develop: regular reviews and offers to move them into A.', zh: '重点发展：定期回顾与方案，推动升级为 A 级。' }),
  gradeTier('C', 2, 'C级客户', 'ordinary', '#EEDD88', { en: 'Maintain at standard cost: standard terms, periodic contact.', zh: '常规维护：标准条款，定期联系。' }),
  gradeTier('D', 3, 'D级客户', 'small', '#DDDDDD', { en: 'Serve at low cost: self-service, automated contact; review credit.', zh: '低成本服务：自助渠道、自动化触达，审视信用条件。' }),
];

const sameName = (a: string, b: string): boolean => {
  const ma = measureOfName(a);
  const mb = measureOfName(b);
  return ma !== undefined || mb !== undefined ? ma === mb : a.trim().toLowerCase() === b.trim().toLowerCase();
};

/** Matches `named` entries to the criteria: by name, or by position when none is named. */
function perCriterion(criteria: readonly string[], entries: NamedEntry[], what: string): (string | undefined)[] {
  if (entries.length === 0) return criteria.map(() => undefined);
  const list = criteria.join(', ');
  const named = entries.filter((e) => e.name !== undefined);
  if (named.length === 0) {
    if (entries.length !== criteria.length) {
      throw new ParamError({ en: `${what} gives ${entries.length} values for ${criteria.length} criteria (${list})`, zh: `${what} 给出 ${entries.length} 个值，但有 ${criteria.length} 个指标（${list}）` });
    }
    return entries.map((e) => e.value);
  }
  if (named.length !== entries.length) throw new ParamError({ en: `${what}: name every value (R=…, F=…) or none`, zh: `${what}：请为每个值都写上名称（R=…, F=…），或都不写` });
  const out = criteria.map((c) => entries.find((e) => sameName(e.name as string, c))?.value);
  const unknown = entries.filter((e) => !criteria.some((c) => sameName(c, e.name as string)));
  if (unknown.length) {
    const names = unknown.map((e) => e.name).join(', ');
    throw new ParamError({ en: `${what} names ${names}, not among the criteria (${list})`, zh: `${what} 中的 ${names} 不在评分指标（${list}）之中` });
  }
  return out;
}

/** The criteria with their directions and weights, from the parameters; throws what is wrong. */
function criteriaOf(p: ParamValues): { name: string; direction: Direction; weight: number }[] {
  const names = p.criteria as readonly string[];
  const weights = perCriterion(names, namedEntries(p.weights as readonly string[]), 'weights');
  const directions = perCriterion(names, namedEntries(p.directions as readonly string[]), 'directions');
  const missing = names.filter((_, i) => weights[i] === undefined);
  if ((p.weights as readonly string[]).length > 0 && missing.length) {
    const eg = names.map((n) => `${n}=1`).join(',');
    throw new ParamError({ en: `weights: no weight for ${missing.join(', ')} (give one per criterion, e.g. ${eg})`, zh: `weights：${missing.join('、')} 没有权重（请为每个指标给出权重，如 ${eg}）` });
  }
  const out = names.map((name, i) => ({
    name,
    direction: (directions[i] ?? (measureOfName(name) === 'recency' ? 'low' : 'high')) as Direction,
    weight: weights[i] === undefined ? 1 : Number(weights[i]),
  }));
  if (!out.some((c) => c.weight > 0)) throw new ParamError({ en: 'weights: at least one weight must be above 0', zh: 'weights：至少一个权重须大于 0' });
  return out;
}

interface GradeState {
  /** Per criterion, each customer's value (NaN when a criterion is missing). */
  raw: Float64Array[];
  /** Per criterion, the population's values ascending (per-row ranks). */
  sorted: Float64Array[];
  /** Per criterion, percentile rank (or z-score) of each customer. */
  parts: Float64Array[];
  /** Exact integer score (percentile ranks) or S (z-scores) per customer. */
  score: Float64Array;
  /** Integer thresholds (percentile ranks) or S cuts (z-scores) where C, B, A start. */
  thresholds: number[];
  /** Denominator of the integer score: 2·n·ΣW. */
  denominator: number;
  /** ABC-style shares: the graded scores ascending and, from each position, the sum of the positive scores from there up (explanations). */
  shareScores?: { ascending: Float64Array; fromHere: Float64Array; total: number };
}

/** Sum of the positive scores above s over their total (ABC-style shares' explanations). */
function shareAbove(state: GradeState, s: number): number {
  const t = state.shareScores;
  if (!t || !(t.total > 0)) return 0;
  let lo = 0;
  let hi = t.ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.ascending[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.fromHere.length ? t.fromHere[lo] / t.total : 0;
}

/** The grade of a score: the best grade whose threshold it reaches (thresholds ascending C, B, A). */
function gradeOf(s: number, thresholds: readonly number[], tolerance: number): number {
  if (s !== s) return NO_CLASS;
  for (let k = thresholds.length - 1; k >= 0; k--) if (s >= thresholds[k] - tolerance) return thresholds.length - 1 - k;
  return thresholds.length;
}

const Z_TOLERANCE = 1e-9;

function zTolerance(cuts: readonly number[]): number {
  // an empty grade's threshold is Infinity (ABC-style shares with no positive score): it sets no scale
  return Z_TOLERANCE * Math.max(1, ...cuts.filter((c) => Number.isFinite(c)).map((c) => Math.abs(c)));
}

function sortedOf(values: Float64Array): Float64Array {
  return Float64Array.from(values.filter((v) => v === v)).sort();
}

function fitGrade(values: Float64Array[], crit: { name: string; direction: Direction; weight: number }[], p: ParamValues): { model: GradeModel; state: GradeState; tierIndex: Uint8Array } {
  const n = values[0]?.length ?? 0;
  // a customer is graded only when every criterion is present; ranks are taken among them
  const complete = Uint8Array.from({ length: n }, (_, i) => (values.every((v) => Number.isFinite(v[i])) ? 1 : 0));
  const vals = values.map((v) => v.map((x, i) => (complete[i] ? x : NaN)));
  const m = complete.reduce((s, c) => s + c, 0);
  const units = weightUnits(crit.map((c) => c.weight));
  const totalUnits = units.reduce((s, u) => s + u, 0);
  const criteria: GradeCriterion[] = crit.map((c, k) => ({ ...c, weight: units[k] / totalUnits, units: units[k] }));
  const zscore = p.score === 'zscore';
  const grades = p.grades as readonly number[];
  const byScore = p.gradeCut === 'score';
  const byShare = p.gradeCut === 'share';
  const shares = p.gradeShares as readonly number[];
  const score = new Float64Array(n).fill(NaN);
  const parts: Float64Array[] = [];
  const denominator = 2 * m * totalUnits;
  if (!zscore) {
    checkExact(m, units);
    const ranks = vals.map((v, k) => doubleRanks(v, criteria[k].direction === 'low'));
    for (let k = 0; k < criteria.length; k++) parts.push(ranks[k].map((r, i) => (complete[i] ? r / (2 * m) : NaN)));
    for (let i = 0; i < n; i++) {
      if (!complete[i]) continue;
      let s = 0;
      for (let k = 0; k < criteria.length; k++) s += units[k] * ranks[k][i];
      score[i] = s;
    }
  } else {
    for (let k = 0; k < criteria.length; k++) {
      const v = vals[k];
      let sum = 0;
      for (let i = 0; i < n; i++) if (complete[i]) sum += v[i];
      const mean = m ? sum / m : 0;
      let ss = 0;
      for (let i = 0; i < n; i++) if (complete[i]) ss += (v[i] - mean) ** 2;
      const sd = m ? Math.sqrt(ss / m) : 0;
      criteria[k].mean = mean;
      criteria[k].sd = sd;
      const sign = criteria[k].direction === 'low' ? -1 : 1;
      parts.push(v.map((x, i) => (complete[i] ? (sd > 0 ? (sign * (x - mean)) / sd : 0) : NaN)));
    }
    for (let i = 0; i < n; i++) {
      if (!complete[i]) continue;
      let s = 0;
      for (let k = 0; k < criteria.length; k++) s += criteria[k].weight * parts[k][i];
      score[i] = s;
    }
  }
  const sortedScores = sortedOf(score);
  let thresholds: number[] = [];
  let cuts: (number | null)[] = grades.map(() => null);
  let shareScores: GradeState['shareScores'];
  if (m > 0 && byShare) {
    const { smallest, total } = shareCuts(sortedScores, shares);
    thresholds = [smallest[2], smallest[1], smallest[0]];
    cuts = thresholds.map((t) => (Number.isFinite(t) ? shownScore({ score: zscore ? 'zscore' : 'percentile' }, denominator, t) : null));
    const fromHere = new Float64Array(sortedScores.length);
    for (let i = sortedScores.length - 1, run = 0; i >= 0; i--) fromHere[i] = run += Math.max(0, sortedScores[i]);
    shareScores = { ascending: sortedScores, fromHere, total };
  } else if (m > 0) {
    if (zscore) {
      thresholds = grades.map((g) => (byScore ? g : percentileInc(sortedScores, g)));
      cuts = thresholds.slice();
    } else {
      thresholds = grades.map((g) => (byScore ? fixedThreshold(g, denominator) : percentileThreshold(sortedScores, g)));
      cuts = (byScore ? grades : grades.map((g) => percentileInc(sortedScores, g) / denominator)).slice();
    }
  }
  const tolerance = zscore ? zTolerance(thresholds) : 0;
  const tierIndex = new Uint8Array(n).fill(NO_CLASS);
  if (m > 0) for (let i = 0; i < n; i++) if (complete[i]) tierIndex[i] = gradeOf(score[i], thresholds, tolerance);
  const model: GradeModel = { criteria, score: zscore ? 'zscore' : 'percentile', gradeCut: byShare ? 'share' : byScore ? 'score' : 'percentile', grades, ...(byShare ? { shares } : {}), cuts, n: m };
  return { model, state: { raw: vals, sorted: vals.map(sortedOf), parts, score, thresholds, denominator, shareScores }, tierIndex };
}

/** S of one customer as a number 0…1 (percentile ranks) or the z-score sum. */
function shownScore(model: Pick<GradeModel, 'score'>, denominator: number, s: number): number {
  return model.score === 'zscore' ? s : s / denominator;
}

/** One row's parts and score from the fitted population (the per-row form). */
function rowParts(fit: { model: GradeModel; state?: unknown }, values: number[]): { parts: number[]; score: number } {
  const { model } = fit;
  const state = fit.state as GradeState;
  if (values.some((v) => !Number.isFinite(v)) || model.n === 0) return { parts: values.map(() => NaN), score: NaN };
  if (model.score === 'zscore') {
    const parts = model.criteria.map((c, k) => ((c.sd as number) > 0 ? ((c.direction === 'low' ? -1 : 1) * (values[k] - (c.mean as number))) / (c.sd as number) : 0));
    return { parts, score: parts.reduce((s, z, k) => s + model.criteria[k].weight * z, 0) };
  }
  const ranks = model.criteria.map((c, k) => doubleRankIn(state.sorted[k], values[k], c.direction === 'low'));
  return { parts: ranks.map((r) => r / (2 * model.n)), score: ranks.reduce((s, r, k) => s + model.criteria[k].units * r, 0) };
}

function explainGrade(model: GradeModel, state: GradeState, values: number[], parts: number[], s: number, tier: number, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const name = tierName(GRADE_TIERS[tier], lang);
  const shown = shownScore(model, state.denominator, s);
  const fmt = (x: number): string => formatNumber(x, 3, 3);
  const k = GRADE_TIERS.length - 2 - tier; // index into cuts of the grade's own start
  const cutWhat = (j: number): string => (model.gradeCut === 'percentile' ? (zh ? `第 ${formatNumber(model.grades[j] * 100)} 百分位` : `${formatNumber(model.grades[j] * 100)}th percentile`) : zh ? '固定分界' : 'fixed cut');
  const cutAt = (j: number): string => (zh ? `${fmt(model.cuts[j] as number)}（${cutWhat(j)}）` : `${fmt(model.cuts[j] as number)} (${cutWhat(j)})`);
  const rule = model.gradeCut === 'share' ? shareRule(model, state, s, tier, lang) : tier < GRADE_TIERS.length - 1 ? `${fmt(shown)} ≥ ${cutAt(k)}` : `${fmt(shown)} < ${cutAt(0)}`;
  const items = model.criteria.map((c, j) => {
    const dir = c.direction === 'low' ? (zh ? '越小越好' : 'lower is better') : zh ? '越大越好' : 'higher is better';
    const part = model.score === 'zscore' ? `z ${fmt(parts[j])}` : zh ? `百分位 ${formatShare(parts[j])}` : `percentile ${formatShare(parts[j])}`;
    const head = zh ? `${criterionLabel(c.name)} ${formatNumber(values[j])}（${dir}）：` : `${criterionLabel(c.name)} ${formatNumber(values[j])} (${dir}): `;
    return `${head}${part} × ${formatNumber(c.weight, 4)} = ${fmt(parts[j] * c.weight)}`;
  });
  return zh ? `${name}：综合得分 ${rule}；${items.join('；')}` : `${name}: score ${rule}; ${items.join('; ')}`;
}

/**
 * Why a score got its grade under ABC-style shares: the share of the total score held by the
 * customers scored above, against the grade's share(s).
 */
function shareRule(model: GradeModel, state: GradeState, s: number, tier: number, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const shares = model.shares ?? [];
  const above = formatShare(shareAbove(state, s));
  const head = zh ? `${formatNumber(shownScore(model, state.denominator, s), 3, 3)}；得分更高的客户占总分的 ${above}` : `${formatNumber(shownScore(model, state.denominator, s), 3, 3)}; customers scored above hold ${above} of the total score`;
  const limit = (j: number): string => formatShare(shares[j]);
  if (!(s > 0) && tier === GRADE_TIERS.length - 1) return zh ? `${head}（得分 ≤ 0，为 D）` : `${head} (a score ≤ 0 is D)`;
  const range = tier === 0 ? `< ${limit(0)}` : tier < GRADE_TIERS.length - 1 ? `≥ ${limit(tier - 1)}, < ${limit(tier)}` : `≥ ${limit(2)}`;
  return zh ? `${head}（${range.replace(', ', '，')}）` : `${head} (${range})`;
}

function criteriaTable(model: GradeModel): MethodTable {
  const c = model.criteria;
  return {
    name: 'TierwiseGradeCriteria',
    title: { en: 'Grading criteria and weights', zh: '评分指标与权重' },
    columns: [
      { id: 'criterion', header: { en: 'Criterion', zh: '指标' }, kind: 'text', values: c.map((x) => criterionLabel(x.name)) },
      { id: 'direction', header: { en: 'Better when', zh: '方向' }, kind: 'text', values: c.map((x) => (x.direction === 'low' ? 'lower' : 'higher')) },
      { id: 'weight', header: { en: 'Weight', zh: '权重' }, kind: 'percent', values: c.map((x) => x.weight) },
    ],
    rows: c.length,
    chart: { kind: 'column', title: { en: 'Weights of the criteria', zh: '各指标权重' }, categoryColumn: 'criterion', bars: ['weight'], lines: [] },
  };
}

/** The weighted multi-criteria grading method. */
export const grade: MethodModule<'grade', GradeModel> = {
  id: 'grade',
  label: { en: 'Weighted multi-criteria grading', zh: '多维度综合评分分级' },
  short: { en: 'Grading', zh: '综合评分' },
  description: {
    en: 'Grades A–D from a weighted score of several criteria (default R, F, M weighted 0.2 / 0.3 / 0.5): A from the 90th percentile of the score, B the 70th, C the 40th.',
    zh: '按多个指标的加权综合得分分为 A–D 级（默认 R、F、M，权重 0.2 / 0.3 / 0.5）：得分第 90 百分位以上为 A，第 70 为 B，第 40 为 C。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [
    {
      name: 'criteria',
      flag: 'criteria',
      kind: 'columns',
      default: ['R', 'F', 'M'],
      label: { en: 'Criteria', zh: '评分指标' },
      help: { en: 'grade: the criteria, measures (R, F, M, AOV, value) or numeric columns (default R,F,M)', zh: '综合评分：评分指标，指标名（R、F、M、AOV、value）或数值列（默认 R,F,M）' },
    },
    {
      name: 'weights',
      flag: 'weights',
      kind: 'named',
      min: 0,
      default: ['R=0.2', 'F=0.3', 'M=0.5'],
      label: { en: 'Weights', zh: '权重' },
      help: { en: 'grade: weight per criterion, normalised to sum 1, e.g. R=0.2,F=0.3,M=0.5 or 0.2,0.3,0.5; empty = equal (default R=0.2,F=0.3,M=0.5)', zh: '综合评分：各指标权重，自动归一化，如 R=0.2,F=0.3,M=0.5 或 0.2,0.3,0.5；留空为等权（默认 R=0.2,F=0.3,M=0.5）' },
    },
    {
      name: 'directions',
      flag: 'directions',
      kind: 'named',
      choices: ['high', 'low'],
      default: [],
      label: { en: 'Directions (high / low is better)', zh: '方向（high 越大越好 / low 越小越好）' },
      help: { en: 'grade: which way is better per criterion, e.g. R=low,F=high; empty = R low, the others high (default empty)', zh: '综合评分：各指标方向，如 R=low,F=high；留空则 R 越小越好、其余越大越好（默认留空）' },
    },
    {
      name: 'score',
      flag: 'score',
      kind: 'choice',
      choices: ['percentile', 'zscore'],
      default: 'percentile',
      label: { en: 'Score by', zh: '评分方式' },
      help: { en: 'grade: percentile (average rank / n, exact) or zscore (standardised values) per criterion (default percentile)', zh: '综合评分：各指标用 percentile（平均排名 / n，精确计算）或 zscore（标准分）（默认 percentile）' },
    },
    {
      name: 'gradeCut',
      flag: 'grade-cut',
      kind: 'choice',
      choices: ['percentile', 'score', 'share'],
      default: 'percentile',
      label: { en: 'Grade cuts are', zh: '分级分界方式' },
      help: {
        en: 'grade: grades start at percentiles of the score (PERCENTILE.INC), at fixed scores, or at ABC-style shares of the total score (grade-shares) (default percentile)',
        zh: '综合评分：分级分界取得分的百分位（PERCENTILE.INC）、固定得分，或按 ABC 方式累计总分占比（grade-shares）（默认 percentile）',
      },
    },
    {
      name: 'grades',
      flag: 'grades',
      kind: 'shares',
      count: 3,
      default: [0.4, 0.7, 0.9],
      label: { en: 'C, B, A start at (%)', zh: 'C、B、A 级起点（%）' },
      help: { en: 'grade: where C, B and A start, ascending: percentiles of the score, or fixed scores 0–1 with grade-cut score (default 0.4,0.7,0.9)', zh: '综合评分：C、B、A 级的起点（递增）：得分的百分位，或 grade-cut 为 score 时的固定得分 0–1（默认 0.4,0.7,0.9）' },
    },
    {
      name: 'gradeShares',
      flag: 'grade-shares',
      kind: 'shares',
      count: 3,
      default: [0.2, 0.5, 0.8],
      label: { en: 'A, A+B, A+B+C: share of total score (%)', zh: 'A、A+B、A+B+C：总分累计占比（%）' },
      help: {
        en: 'grade: with grade-cut share, the cumulative shares of the total score that A, A+B and A+B+C reach, customers ranked by score (ABC reach rule: the tie group crossing a share is in) (default 0.2,0.5,0.8)',
        zh: '综合评分：grade-cut 为 share 时，按得分从高到低排序，A、A+B、A+B+C 的累计总分占比（ABC 的 reach 规则：跨线的并列组计入）（默认 0.2,0.5,0.8）',
      },
    },
  ],
  check(p) {
    try {
      criteriaOf(p);
    } catch (e) {
      if (e instanceof ParamError) return e.problem;
      throw e;
    }
    if (p.score === 'zscore' && p.gradeCut === 'score') {
      return { en: 'grade-cut score needs score percentile (z-score sums are not on a 0–1 scale)', zh: 'grade-cut 为 score 时须使用 score percentile（标准分之和不在 0–1 范围内）' };
    }
    return null;
  },
  tiers: () => GRADE_TIERS,
  tierColumn: { id: 'grade', header: { en: 'Grade', zh: '等级' } },
  classify(m, ctx) {
    const crit = criteriaOf(ctx.params);
    const values = crit.map((c) => criterionValues(m, c.name, 'grade'));
    if (values.some((v) => v.length !== m.n)) throw new TierwiseError('length', 'grade: a criterion column does not have one value per customer');
    const { model, state, tierIndex } = fitGrade(values, crit, ctx.params);
    return { tierIndex, model, state };
  },
  assign: (fit, row) => gradeRow(fit, fit.model.criteria.map((c) => criterionOfRow(row, c.name))),
  explain({ fit, row, index, tier, lang }) {
    const state = fit.state as GradeState;
    if (tier === NO_CLASS) return say({ en: 'no grade: a criterion is missing', zh: '未分级：缺少评分指标' }, lang);
    const values = index !== undefined ? state.raw.map((v) => v[index]) : fit.model.criteria.map((c) => criterionOfRow(row, c.name));
    const own = index !== undefined ? { parts: state.parts.map((p) => p[index]), score: state.score[index] } : rowParts(fit, values);
    return explainGrade(fit.model, state, values, own.parts, own.score, tier, lang);
  },
  describe(model, lang) {
    const w = model.criteria.map((c) => `${criterionLabel(c.name)} ${formatNumber(c.weight, 4)}${c.direction === 'low' ? (lang === 'zh-CN' ? '（越小越好）' : ' (lower is better)') : ''}`).join(', ');
    const cut = (j: number): string => (model.cuts[j] === null ? say({ en: 'none', zh: '无' }, lang) : formatNumber(model.cuts[j] as number, 4));
    const by =
      model.gradeCut === 'percentile'
        ? say({ en: 'percentiles {g} of S', zh: 'S 的第 {g} 百分位' }, lang, { g: model.grades.map((g) => formatNumber(g * 100)).join(' / ') })
        : model.gradeCut === 'share'
          ? say({ en: 'ABC-style shares: by S from the top, A until the customers above hold {a} of the total S, A+B {b}, A+B+C {c}', zh: 'ABC 方式：按 S 从高到低，排在前面的客户累计占总分 {a} 之前为 A，{b} 之前为 A+B，{c} 之前为 A+B+C' }, lang, {
              a: formatShare((model.shares ?? [])[0]),
              b: formatShare((model.shares ?? [])[1]),
              c: formatShare((model.shares ?? [])[2]),
            })
          : say({ en: 'fixed scores', zh: '固定得分' }, lang);
    return say(
      { en: 'S = Σ weight × {how} over {w}. A: S ≥ {a}; B: S ≥ {b}; C: S ≥ {c}; D: the rest ({by})', zh: 'S = Σ 权重 × {how}，指标 {w}。A：S ≥ {a}；B：S ≥ {b}；C：S ≥ {c}；D：其余（{by}）' },
      lang,
      { how: model.score === 'zscore' ? 'z' : say({ en: 'percentile rank', zh: '百分位排名' }, lang), w, a: cut(2), b: cut(1), c: cut(0), by },
    );
  },
  columns(fit) {
    const state = fit.state as GradeState;
    const nums = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
    return [
      { id: 'gradeScore', json: 'score', header: { en: 'Score', zh: '综合得分' }, kind: 'number', values: nums(state.score.map((s) => shownScore(fit.model, state.denominator, s))) },
      ...fit.model.criteria.map((c, k) => {
        const label = criterionLabel(c.name);
        return fit.model.score === 'zscore'
          ? { id: `z_${label}`, header: { en: `z ${label}`, zh: `${label} 标准分` }, kind: 'number' as const, values: nums(state.parts[k]) }
          : { id: `pr_${label}`, header: { en: `${label} percentile`, zh: `${label} 百分位` }, kind: 'percent' as const, values: nums(state.parts[k]) };
      }),
    ];
  },
  tables: (fit) => [criteriaTable(fit.model)],
};


/**
 * The grade (tier index) of one row of criterion values, in the order of the model's criteria,
 * against a fitted population: the per-row form for inputs that are not R/F/M (table columns).
 *
 * @example
 * const { fit } = fitMethod("grade", measures, { criteria: ["Sales", "Margin"], weights: [] });
 * gradeRow(fit, [1200, 0.3]); // 1 (B)
 */
export function gradeRow(fit: { model: GradeModel; state?: unknown }, values: number[]): number {
  const { score } = rowParts(fit, values);
  const state = fit.state as GradeState;
  return gradeOf(score, state.thresholds, fit.model.score === 'zscore' ? zTolerance(state.thresholds) : 0);
}
