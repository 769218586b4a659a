/**
 * CLV tiers: customers ranked by predicted customer lifetime value — BG/NBD purchases (Fader,
 * Hardie & Lee 2005) × Gamma-Gamma value (Fader & Hardie 2013) × margin, discounted — into
 * tiers by share of customers (default top 20 % / next 30 % / the rest). The models are in
 * `../clv/`; this module declares the parameters, ranks, and explains.
 */
import { type BgNbdFit, type FitDiagnostics, type GammaGammaFit, type TimeUnit, customerLifetimeValue, fitClvModels, holdoutCheck, repeatSummaryOfPurchases } from '../clv';
import { isoDate } from '../dates';
import { TierwiseError } from '../errors';
import { NO_CLASS, type TierDef, readableText } from '../tiers';
import { paramDay, resolveParams } from './params';
import { formatNumber, formatShare, say, tierName } from './text';
import type { Lang, Measures, MethodColumn, MethodModule, MethodTable, ParamSpec } from './types';

/** A fit with its diagnostics but not the per-start details (kept out of the JSON). */
type WithoutStarts<F> = Omit<F, 'diagnostics'> & { diagnostics: Omit<FitDiagnostics, 'starts'> };

/** The fitted CLV model, as written to JSON. */
export interface ClvModel {
  /** False when the input had no transaction log (nobody is classified). */
  fitted: boolean;
  unit: TimeUnit;
  calibrationEnd: string | null;
  horizon: number;
  margin: number;
  discountRate: number;
  periodDiscountRate: number | null;
  /** Customer shares where the tiers end and the smallest CLV in each tier (null when empty). */
  shares: readonly number[];
  thresholds: (number | null)[];
  bgnbd: WithoutStarts<BgNbdFit> | null;
  gammaGamma: WithoutStarts<GammaGammaFit> | null;
  /** Repeat buyers whose repeat purchases had no value (left out of the Gamma-Gamma fit). */
  zeroValueRepeatBuyers: number;
  /** Customers without a purchase on or before the calibration end (not classified). */
  notInCalibration: number;
}

interface ClvState {
  clv: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedValue: Float64Array;
  x: Float64Array;
  /** Classified customers with a CLV strictly above each customer's. */
  above: Float64Array;
  n: number;
  holdout: ReturnType<typeof holdoutCheck>;
}

const UNITS = ['day', 'week', 'month'] as const;
const UNIT_NAMES: Record<TimeUnit, { en: string; zh: string }> = { day: { en: 'days', zh: '天' }, week: { en: 'weeks', zh: '周' }, month: { en: 'months', zh: '月' } };

/** A `number` parameter. */
function numberParam(name: string, flag: string, value: number, min: number, max: number, label: ParamSpec['label'], help: ParamSpec['help']): ParamSpec {
  return { name, flag, kind: 'number', default: value, min, max, label, help };
}

const PARAMS: ParamSpec[] = [
  {
    name: 'calibrationEnd',
    flag: 'calibration-end',
    kind: 'date',
    default: 'latest',
    label: { en: 'Calibration end (date)', zh: '校准期截止日' },
    help: {
      en: 'CLV: last day of the purchases the models are fitted on; later ones form a holdout check (default latest)',
      zh: 'CLV：用于拟合模型的最后一天，之后的购买用于留出期检验（默认 latest，即最后购买日）',
    },
  },
  numberParam('horizon', 'horizon', 12, 1, 10000, { en: 'Horizon (units)', zh: '预测期（单位数）' }, { en: 'CLV: forecast horizon in units (default 12)', zh: 'CLV：预测期长度，以时间单位计（默认 12）' }),
  {
    name: 'unit',
    flag: 'unit',
    kind: 'choice',
    choices: UNITS,
    default: 'month',
    label: { en: 'Time unit', zh: '时间单位' },
    help: { en: 'CLV: day, week or month (30.4375 days) (default month)', zh: 'CLV：day、week 或 month（30.4375 天）（默认 month）' },
  },
  numberParam('margin', 'margin', 1, 0.001, 1, { en: 'Margin (0–1)', zh: '利润率（0–1）' }, { en: 'CLV: profit margin on revenue, 1 = revenue (default 1)', zh: 'CLV：收入的利润率，1 表示按收入计（默认 1）' }),
  numberParam('discountRate', 'discount', 0.1, 0, 1, { en: 'Discount rate per year', zh: '年贴现率' }, { en: 'CLV: yearly discount rate, converted to the unit (default 0.1)', zh: 'CLV：年贴现率，按时间单位折算（默认 0.1）' }),
  {
    name: 'purchaseModel',
    flag: 'purchase-model',
    kind: 'choice',
    choices: ['bg/nbd', 'mbg/nbd'],
    default: 'bg/nbd',
    label: { en: 'Purchase model', zh: '购买模型' },
    help: {
      en: 'CLV: bg/nbd (Fader, Hardie & Lee 2005) or mbg/nbd (one-time buyers may have dropped out too) (default bg/nbd)',
      zh: 'CLV：bg/nbd（Fader、Hardie 与 Lee 2005）或 mbg/nbd（仅购买一次的客户也可能已流失）（默认 bg/nbd）',
    },
  },
  {
    name: 'clvCuts',
    flag: 'clv-cuts',
    kind: 'shares',
    count: 2,
    default: [0.2, 0.5],
    label: { en: 'Tier cuts (% of customers)', zh: '层级分界（客户占比 %）' },
    help: { en: 'CLV: customer shares where High and Medium end (default 0.2,0.5)', zh: 'CLV：高、中两层各自截止的客户占比（默认 0.2,0.5）' },
  },
];

function clvTier(key: string, order: number, en: string, zh: string, group: TierDef['group'], color: string, strategy: TierDef['strategy']): TierDef {
  return { key, order, label: { en, zh }, group, color, textColor: readableText(color), strategy };
}

/** CLV tiers, best first. */
export const CLV_TIERS: readonly TierDef[] = [
  clvTier('High', 0, 'High CLV', '高价值潜力客户', 'key', '#44BB99', {
    en: 'Highest predicted future value: keep them — dedicated service, early access, retention offers before they lapse.',
    zh: '预测未来价值最高：重点维系——专属服务、优先体验，在流失前提供挽留优惠。',
  }),
  clvTier('Medium', 1, 'Medium CLV', '中等价值潜力客户', 'ordinary', '#EEDD88', {
    en: 'Solid future value: grow them with cross-sell and a reason to buy again soon.',
    zh: '未来价值稳定：通过交叉销售和再次购买激励促进增长。',
  }),
  clvTier('Low', 2, 'Low CLV', '低价值潜力客户', 'small', '#DDDDDD', {
    en: 'Little predicted future value: serve at low cost, automated contact only.',
    zh: '预测未来价值较低：低成本服务，仅做自动化触达。',
  }),
];

function withoutStarts<F extends BgNbdFit | GammaGammaFit>(fit: F): WithoutStarts<F> {
  const { starts: _starts, ...diagnostics } = fit.diagnostics;
  void _starts;
  return { ...fit, diagnostics };
}

/** Tier by rank: the first k with (customers strictly above) / n < cuts[k]; CLV ≤ 0 is the last tier. */
function rankTiers(clv: Float64Array, cuts: readonly number[]): { tierIndex: Uint8Array; above: Float64Array; n: number; thresholds: (number | null)[] } {
  const idx: number[] = [];
  for (let i = 0; i < clv.length; i++) if (clv[i] === clv[i]) idx.push(i);
  idx.sort((a, b) => clv[b] - clv[a]);
  const n = idx.length;
  const tierIndex = new Uint8Array(clv.length).fill(NO_CLASS);
  const above = new Float64Array(clv.length).fill(NaN);
  const thresholds: (number | null)[] = cuts.map(() => null);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n && clv[idx[end]] === clv[idx[start]]) end++;
    const v = clv[idx[start]];
    let k = v > 0 ? cuts.findIndex((c) => start / n < c) : -1;
    if (k < 0) k = cuts.length;
    for (let r = start; r < end; r++) {
      tierIndex[idx[r]] = k;
      above[idx[r]] = start;
    }
    if (k < cuts.length) thresholds[k] = v;
    start = end;
  }
  return { tierIndex, above, n, thresholds };
}

const unitName = (unit: TimeUnit, lang: Lang): string => (lang === 'zh-CN' ? UNIT_NAMES[unit].zh : UNIT_NAMES[unit].en);

/** The CLV tiers method. */
export const clv: MethodModule<'clv', ClvModel> = {
  id: 'clv',
  label: { en: 'CLV tiers (BG/NBD + Gamma-Gamma)', zh: '客户终身价值分层（BG/NBD + Gamma-Gamma）' },
  short: { en: 'CLV', zh: '终身价值' },
  description: {
    en: 'Predicts each customer’s future value from the purchase history (BG/NBD and Gamma-Gamma models) and ranks: top 20% High, next 30% Medium, the rest Low.',
    zh: '根据购买历史（BG/NBD 与 Gamma-Gamma 模型）预测每位客户的未来价值并排序：前 20% 为高，其后 30% 为中，其余为低。',
  },
  needs: ['value'],
  needsTransactions: true,
  timeline: true,
  zeroValuePurchases: true,
  params: PARAMS,
  tiers: () => CLV_TIERS,
  tierColumn: { id: 'tier', header: { en: 'CLV tier', zh: '终身价值层级' } },
  classify(m, ctx) {
    const p = ctx.params;
    const unit = p.unit as TimeUnit;
    const cuts = p.clvCuts as readonly number[];
    const base = { unit, horizon: p.horizon as number, margin: p.margin as number, discountRate: p.discountRate as number, shares: cuts };
    const empty = new Float64Array(m.n).fill(NaN);
    const purchases = m.purchases;
    if (!m.customers || !purchases) {
      const model: ClvModel = { ...base, fitted: false, calibrationEnd: null, periodDiscountRate: null, thresholds: cuts.map(() => null), bgnbd: null, gammaGamma: null, zeroValueRepeatBuyers: 0, notInCalibration: m.n };
      const state: ClvState = { clv: empty, pAlive: empty, expectedPurchases: empty, expectedValue: empty, x: empty, above: empty, n: 0, holdout: [] };
      return { tierIndex: new Uint8Array(m.n).fill(NO_CLASS), model, state };
    }
    const lastDay = m.customers.asOf - 1;
    const given = p.calibrationEnd as string;
    const calibrationEnd = given === 'latest' ? lastDay : paramDay(given);
    if (calibrationEnd > lastDay) {
      throw new TierwiseError('option', `calibration-end ${isoDate(calibrationEnd)} is after the last day of the data used (${isoDate(lastDay)})`);
    }
    const summary = repeatSummaryOfPurchases(purchases, m.customers.keys, { unit, calibrationEnd, holdoutEnd: calibrationEnd < lastDay ? lastDay : undefined });
    const purchaseModel = p.purchaseModel as 'bg/nbd' | 'mbg/nbd';
    const models = fitClvModels(summary, { purchaseModel });
    const value = customerLifetimeValue(models.bgnbd.params, models.gammaGamma.params, summary, { horizon: base.horizon, unit, margin: base.margin, discountRate: base.discountRate, purchaseModel });
    const bad = value.clv.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new TierwiseError('option', `the CLV models gave no finite prediction for customer ${summary.keys[bad]} (x ${summary.x[bad]}, t_x ${summary.tx[bad]}, T ${summary.T[bad]})`);
    }
    // align the summary's customers with the method's
    const where = new Map<string, number>();
    summary.keys.forEach((k, j) => where.set(k, j));
    const pick = (col: Float64Array): Float64Array => Float64Array.from(m.customers!.keys, (k) => (where.has(k) ? col[where.get(k) as number] : NaN));
    const clvCol = pick(value.clv);
    const ranked = rankTiers(clvCol, cuts);
    const state: ClvState = {
      clv: clvCol,
      pAlive: pick(value.pAlive),
      expectedPurchases: pick(value.expectedPurchases),
      expectedValue: pick(value.expectedValue),
      x: pick(summary.x),
      above: ranked.above,
      n: ranked.n,
      holdout: holdoutCheck(summary, models.bgnbd.params, 7, purchaseModel),
    };
    const model: ClvModel = {
      ...base,
      fitted: true,
      calibrationEnd: isoDate(calibrationEnd),
      periodDiscountRate: value.periodDiscountRate,
      thresholds: ranked.thresholds,
      bgnbd: withoutStarts(models.bgnbd),
      gammaGamma: withoutStarts(models.gammaGamma),
      zeroValueRepeatBuyers: models.zeroValueRepeatBuyers,
      notInCalibration: m.n - ranked.n,
    };
    return { tierIndex: ranked.tierIndex, model, state };
  },
  explain({ fit, tier, lang, index }) {
    const model = fit.model;
    if (tier === NO_CLASS) {
      if (!model.fitted) return say({ en: 'no tier: CLV needs a transaction log (customer, date, amount)', zh: '未分层：终身价值需要交易记录（客户、日期、金额）' }, lang);
      return say({ en: 'no tier: no purchase on or before the calibration end {d} (returns are not purchases)', zh: '未分层：校准期截止日 {d} 之前没有购买（退货不算购买）' }, lang, { d: model.calibrationEnd ?? '' });
    }
    const key = tierName(CLV_TIERS[tier], lang);
    const s = fit.state as ClvState;
    const from = tier === 0 ? 0 : model.shares[tier - 1];
    const to = tier < model.shares.length ? model.shares[tier] : 1;
    const horizon = `${formatNumber(model.horizon)} ${unitName(model.unit, lang)}`;
    if (index === undefined) {
      return say({ en: '{key}: predicted CLV over {h} in the top {from} to {to} of customers', zh: '{key}：{h}内的预测终身价值位于客户排名前 {from} 至 {to}' }, lang, { key, h: horizon, from: formatShare(from), to: formatShare(to) });
    }
    return say(
      {
        en: '{key}: predicted CLV {clv} over {h} ({e} purchases × {v} × margin, discounted; P(alive) {alive}); {above} of {n} customers rank above ({share}); {key} spans the top {from} to {to}',
        zh: '{key}：{h}内预测终身价值 {clv}（{e} 次购买 × {v} × 利润率，已贴现；存活概率 {alive}）；{n} 位客户中有 {above} 位排名在前（{share}）；{key}覆盖排名前 {from} 至 {to}',
      },
      lang,
      {
        key,
        clv: formatNumber(s.clv[index]),
        h: horizon,
        e: formatNumber(s.expectedPurchases[index], 3),
        v: formatNumber(s.expectedValue[index]),
        alive: formatShare(s.pAlive[index]),
        above: formatNumber(s.above[index]),
        n: formatNumber(s.n),
        share: formatShare(s.n ? s.above[index] / s.n : 0),
        from: formatShare(from),
        to: formatShare(to),
      },
    );
  },
  describe(model, lang) {
    if (!model.fitted || !model.bgnbd || !model.gammaGamma) return say({ en: 'CLV tiers need a transaction log', zh: '终身价值分层需要交易记录' }, lang);
    const none = say({ en: 'none', zh: '无' }, lang);
    const v = (x: number | null): string => (x === null ? none : formatNumber(x));
    const b = model.bgnbd.params;
    const g = model.gammaGamma.params;
    const f = (x: number): string => formatNumber(x, 4);
    return say(
      {
        en: 'CLV over {h} {u} (calibration to {cal}, margin {margin}, discount {disc}/year): High = top {p1} (CLV ≥ {v1}); Medium = to {p2} (≥ {v2}); Low = the rest. {model} r {r}, α {alpha}, a {a}, b {bb} (LL {ll}); Gamma-Gamma p {p}, q {q}, γ {gamma}{note}',
        zh: '{h} {u}内的终身价值（校准期至 {cal}，利润率 {margin}，年贴现率 {disc}）：高 = 前 {p1}（≥ {v1}）；中 = 至 {p2}（≥ {v2}）；低 = 其余。{model} r {r}、α {alpha}、a {a}、b {bb}（对数似然 {ll}）；Gamma-Gamma p {p}、q {q}、γ {gamma}{note}',
      },
      lang,
      {
        h: formatNumber(model.horizon),
        u: unitName(model.unit, lang),
        cal: model.calibrationEnd ?? '',
        margin: formatShare(model.margin),
        disc: formatShare(model.discountRate),
        p1: formatShare(model.shares[0]),
        p2: formatShare(model.shares[1]),
        v1: v(model.thresholds[0]),
        v2: v(model.thresholds[1]),
        model: model.bgnbd.model === 'mbg/nbd' ? 'MBG/NBD' : 'BG/NBD',
        r: f(b.r),
        alpha: f(b.alpha),
        a: f(b.a),
        bb: f(b.b),
        ll: formatNumber(model.bgnbd.logLikelihood, 2),
        p: f(g.p),
        q: f(g.q),
        gamma: f(g.gamma),
        note: model.bgnbd.note ? `. ${model.bgnbd.note}` : '',
      },
    );
  },
  notes(fit, _summary, lang) {
    const model = fit.model;
    if (!model.fitted) return [];
    const s = fit.state as ClvState;
    const check: [string, string] = s.holdout.length > 0
      ? [say({ en: 'Model check', zh: '模型检验' }, lang), say({ en: 'purchases after the calibration end ({d}) are the holdout: see the table and chart of actual vs predicted purchases', zh: '校准期截止日（{d}）之后的购买为留出期：见实际与预测购买的表格和图表' }, lang, { d: model.calibrationEnd ?? '' })]
      : [
          say({ en: 'Model check', zh: '模型检验' }, lang),
          say({
            en: 'none: the calibration ends on the last day of the data ({d}). Set a calibration end before it to compare predicted and actual purchases in the period after (the holdout)',
            zh: '无：校准期截止于数据的最后一天（{d}）。将校准期截止日设在此之前，即可比较其后（留出期）的预测与实际购买',
          }, lang, { d: model.calibrationEnd ?? '' }),
        ];
    return [check];
  },
  columns(fit): MethodColumn[] {
    const s = fit.state as ClvState;
    const { horizon, unit } = fit.model;
    const over = { en: ` (${formatNumber(horizon)} ${UNIT_NAMES[unit].en})`, zh: `（${formatNumber(horizon)} ${UNIT_NAMES[unit].zh}）` };
    // [id, JSON key, header, kind, values, header states the horizon]
    const specs: [string, string, { en: string; zh: string }, MethodColumn['kind'], Float64Array, boolean][] = [
      ['clv', 'clv', { en: 'Predicted CLV', zh: '预测终身价值' }, 'money', s.clv, true],
      ['p_alive', 'pAlive', { en: 'P(alive)', zh: '存活概率' }, 'percent', s.pAlive, false],
      ['expected_purchases', 'expectedPurchases', { en: 'Expected purchases', zh: '预期购买次数' }, 'number', s.expectedPurchases, true],
      ['expected_value', 'expectedValue', { en: 'Expected value per purchase', zh: '预期单次购买金额' }, 'money', s.expectedValue, false],
    ];
    return specs.map(([id, json, header, kind, values, withHorizon]) => ({
      id,
      ...(json === id ? {} : { json }),
      header: withHorizon ? { en: header.en + over.en, zh: header.zh + over.zh } : header,
      kind,
      values: Array.from(values, (v) => (v === v ? v : null)),
    }));
  },
  tables(fit): MethodTable[] {
    const model = fit.model;
    if (!model.fitted || !model.bgnbd || !model.gammaGamma) return [];
    const s = fit.state as ClvState;
    const tables: MethodTable[] = [parameterTable(model), clvDistribution(s)];
    if (s.holdout.length > 0) {
      tables.push({
        name: 'TierwiseClvHoldout',
        title: { en: 'Model check: holdout purchases by calibration repeat purchases', zh: '模型检验：按校准期复购次数的留出期购买' },
        columns: [
          { id: 'x', header: { en: 'Repeat purchases (calibration)', zh: '校准期复购次数' }, kind: 'label', values: s.holdout.map((r) => `${r.x}${r.orMore ? '+' : ''}`) },
          { id: 'customers', header: { en: 'Customers', zh: '客户数' }, kind: 'integer', values: s.holdout.map((r) => r.customers) },
          { id: 'actual', header: { en: 'Actual (mean)', zh: '实际（均值）' }, kind: 'number', values: s.holdout.map((r) => r.actual) },
          { id: 'predicted', header: { en: 'Predicted (mean)', zh: '预测（均值）' }, kind: 'number', values: s.holdout.map((r) => r.predicted) },
        ],
        rows: s.holdout.length,
        chart: { kind: 'column', title: { en: 'Holdout purchases: actual vs predicted', zh: '留出期购买：实际与预测' }, categoryColumn: 'x', bars: ['actual', 'predicted'], lines: [] },
      });
    }
    return tables;
  },
};

function parameterTable(model: ClvModel): MethodTable {
  const b = model.bgnbd!;
  const g = model.gammaGamma!;
  const m = b.model === 'mbg/nbd' ? 'MBG/NBD' : 'BG/NBD';
  const rows: [string, number, number | null][] = [
    [`${m} r`, b.params.r, b.standardErrors?.r ?? null],
    [`${m} α`, b.params.alpha, b.standardErrors?.alpha ?? null],
    [`${m} a`, b.params.a, b.standardErrors?.a ?? null],
    [`${m} b`, b.params.b, b.standardErrors?.b ?? null],
    [`${m} log-likelihood`, b.logLikelihood, null],
    ['Gamma-Gamma p', g.params.p, g.standardErrors?.p ?? null],
    ['Gamma-Gamma q', g.params.q, g.standardErrors?.q ?? null],
    ['Gamma-Gamma γ', g.params.gamma, g.standardErrors?.gamma ?? null],
    ['Gamma-Gamma log-likelihood', g.logLikelihood, null],
  ];
  return {
    name: 'TierwiseClvModel',
    title: { en: `Fitted CLV models (time unit: ${model.unit})`, zh: `拟合的终身价值模型（时间单位：${UNIT_NAMES[model.unit].zh}）` },
    columns: [
      { id: 'parameter', header: { en: 'Parameter', zh: '参数' }, kind: 'label', values: rows.map((r) => r[0]) },
      { id: 'estimate', header: { en: 'Estimate', zh: '估计值' }, kind: 'number', values: rows.map((r) => r[1]) },
      { id: 'se', header: { en: 'Standard error', zh: '标准误' }, kind: 'number', values: rows.map((r) => r[2]) },
    ],
    rows: rows.length,
  };
}

/** Predicted CLV by decile of customers ranked by CLV. */
function clvDistribution(s: ClvState): MethodTable {
  const values = Array.from(s.clv).filter((v) => v === v).sort((a, b) => b - a);
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  const deciles = Math.min(10, n);
  const labels: string[] = [];
  const sums: number[] = [];
  const shares: number[] = [];
  for (let d = 0; d < deciles; d++) {
    const from = Math.round((d * n) / deciles);
    const to = Math.round(((d + 1) * n) / deciles);
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i];
    labels.push(`${Math.round((d * 100) / deciles)}–${Math.round(((d + 1) * 100) / deciles)}%`);
    sums.push(sum);
    shares.push(total > 0 ? sum / total : 0);
  }
  return {
    name: 'TierwiseClvDistribution',
    title: { en: 'Predicted CLV by customer decile', zh: '按客户十分位的预测终身价值' },
    columns: [
      { id: 'decile', header: { en: 'Customers (ranked by CLV)', zh: '客户（按终身价值排序）' }, kind: 'label', values: labels },
      { id: 'clv', header: { en: 'Predicted CLV', zh: '预测终身价值' }, kind: 'money', values: sums },
      { id: 'share', header: { en: 'Share of predicted CLV', zh: '预测终身价值占比' }, kind: 'percent', values: shares },
    ],
    rows: deciles,
    chart: { kind: 'column', title: { en: 'Predicted CLV by customer decile', zh: '按客户十分位的预测终身价值' }, categoryColumn: 'decile', bars: ['clv'], lines: [] },
  };
}

/**
 * Predicted CLV per customer with the CLV method's default parameters (12 months, margin 1,
 * 10 % a year, BG/NBD, calibration to the last day), for other methods that take it as an input
 * (the value matrix's potential axis); undefined without a purchase timeline. Customers outside
 * the fit get NaN.
 *
 * @example
 * predictedClv(measures); // Float64Array [412.5, 18.2, …]
 */
export function predictedClv(m: Measures): Float64Array | undefined {
  if (!m.customers || !m.purchases) return undefined;
  const fit = clv.classify(m, { params: resolveParams(clv as unknown as MethodModule, {}), ties: 'safe', options: {} });
  return (fit.state as ClvState).clv;
}
