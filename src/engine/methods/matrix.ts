/**
 * The customer value matrix (客户价值矩阵; Marcus, C. (1998) "A practical yet meaningful approach to
 * customer segmentation", Journal of Consumer Marketing 15(5):494–504): two axes, each split at a
 * cut (default the median; "high" = value ≥ cut), four cells. Default axes: purchase frequency
 * (distinct invoices) × average invoice value (monetary / frequency) → Best (high, high),
 * Frequent (high F, low AOV), Spender (low F, high AOV), Uncertain (low, low). Any two numeric
 * inputs can be the axes (a measure, the predicted CLV as the potential axis, or a table column).
 */
import { NO_CLASS, type Bilingual, type TierDef, type TierGroup, readableText } from '../tiers';
import { criterionLabel, criterionOfRow, criterionValues } from './criteria';
import { scatterTables } from './matrix-scatter';
import { percentileInc, sortedFinite } from './percentile';
import { formatNumber, say, tierName } from './text';
import type { Lang, MethodModule, MethodTable, ParamSpec, ParamValues } from './types';

/** How an axis is cut: at its median, at a quantile (PERCENTILE.INC) or at a fixed value. */
export type CutKind = 'median' | 'quantile' | 'value';

/** One fitted axis: its input, how it was cut and the cut value (null: no values). */
export interface MatrixAxis {
  name: string;
  cut: CutKind;
  at: number;
  value: number | null;
}

/** What the matrix fitted: the two axes and their cut values. */
export interface MatrixModel {
  x: MatrixAxis;
  y: MatrixAxis;
}

function cellTier(key: string, order: number, zh: string, group: TierGroup, color: string, strategy: Bilingual): TierDef {
  return { key, order, label: { en: key, zh }, group, color, textColor: readableText(color), strategy };
}

/** The four cells, best first: Best (high x, high y), Frequent (high x, low y), Spender (low x, high y), Uncertain. */
export const MATRIX_TIERS: readonly TierDef[] = [
  cellTier('Best', 0, '最佳客户', 'key', '#44BB99', { en: 'Retain and reward: account manager, loyalty benefits, early access.', zh: '保持并回馈：专属客户经理、会员权益、新品优先体验。' }),
  cellTier('Frequent', 1, '常客', 'ordinary', '#99DDFF', { en: 'Raise the basket: bundles, upsell, volume offers.', zh: '提升客单价：组合销售、向上销售、满额优惠。' }),
  cellTier('Spender', 2, '高消费客户', 'ordinary', '#EEDD88', { en: 'Bring them back more often: reminders, subscriptions, replenishment offers.', zh: '提高购买频次：购买提醒、订阅、复购优惠。' }),
  cellTier('Uncertain', 3, '不确定客户', 'small', '#DDDDDD', { en: 'Serve at low cost; test offers and watch for growth.', zh: '低成本维护：测试性优惠，关注成长潜力。' }),
];

/**
 * The cell of a customer from its two axis values and the cut values (NO_CLASS when one is missing).
 *
 * @example
 * matrixCellOf(12, 80, 5, 80); // 0 (Best: 12 ≥ 5 and 80 ≥ 80)
 * matrixCellOf(2, 30, 5, 80); // 3 (Uncertain)
 */
export function matrixCellOf(x: number, y: number, xCut: number | null, yCut: number | null): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || xCut === null || yCut === null) return NO_CLASS;
  const highX = x >= xCut;
  const highY = y >= yCut;
  return highX ? (highY ? 0 : 1) : highY ? 2 : 3;
}

/**
 * The cut value of an axis: its median, its PERCENTILE.INC at `at`, or `at` itself (null when
 * the axis has no values and the cut depends on them).
 *
 * @example
 * axisCut(Float64Array.of(1, 2, 3, 4), "median", 0.5); // 2.5
 * axisCut(Float64Array.of(1, 2, 3, 4), "value", 3); // 3
 */
export function axisCut(values: ArrayLike<number>, cut: CutKind, at: number): number | null {
  if (cut === 'value') return at;
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  return percentileInc(sorted, cut === 'median' ? 0.5 : at);
}

function axisParams(axis: 'x' | 'y', def: string, what: Bilingual): ParamSpec[] {
  const X = axis.toUpperCase();
  return [
    {
      name: axis,
      flag: axis,
      kind: 'columns',
      count: 1,
      default: [def],
      label: { en: `${X} axis`, zh: `${X} 轴` },
      help: { en: `matrix: the ${X} axis, a measure (R, F, M, AOV, value, CLV = predicted lifetime value) or a numeric column (default ${def}: ${what.en})`, zh: `矩阵：${X} 轴，指标（R、F、M、AOV、value、CLV = 预测终身价值）或数值列（默认 ${def}：${what.zh}）` },
    },
    {
      name: `${axis}Cut`,
      flag: `${axis}-cut`,
      kind: 'choice',
      choices: ['median', 'quantile', 'value'],
      default: 'median',
      label: { en: `${X} cut`, zh: `${X} 轴分界方式` },
      help: { en: `matrix: where the ${X} axis splits: median, quantile (at ${axis}-at) or value (${axis}-at itself); high = ≥ the cut (default median)`, zh: `矩阵：${X} 轴分界方式：median（中位数）、quantile（${axis}-at 分位数）或 value（${axis}-at 本身）；高 = ≥ 分界（默认 median）` },
    },
    {
      name: `${axis}At`,
      flag: `${axis}-at`,
      kind: 'number',
      default: 0.5,
      label: { en: `${X} cut: quantile or value`, zh: `${X} 轴分位数或分界值` },
      help: { en: `matrix: the quantile (0–1) or the fixed value the ${X} axis splits at, with ${axis}-cut quantile or value (default 0.5)`, zh: `矩阵：${X} 轴分界的分位数（0–1）或固定值，配合 ${axis}-cut quantile 或 value 使用（默认 0.5）` },
    },
  ];
}

function axisOf(p: ParamValues, axis: 'x' | 'y'): { name: string; cut: CutKind; at: number } {
  return { name: (p[axis] as readonly string[])[0], cut: p[`${axis}Cut`] as CutKind, at: p[`${axis}At`] as number };
}

function cutText(a: MatrixAxis, lang: Lang): string {
  const none = say({ en: 'none', zh: '无' }, lang);
  const v = a.value === null ? none : formatNumber(a.value);
  const how = a.cut === 'median' ? say({ en: 'median', zh: '中位数' }, lang) : a.cut === 'quantile' ? say({ en: 'quantile {q}', zh: '{q} 分位数' }, lang, { q: formatNumber(a.at, 4) }) : say({ en: 'fixed', zh: '固定值' }, lang);
  return lang === 'zh-CN' ? `${v}（${how}）` : `${v} (${how})`;
}

function side(name: string, v: number, a: MatrixAxis, lang: Lang): string {
  const high = a.value !== null && v >= a.value;
  return `${criterionLabel(name)} ${formatNumber(v)} ${high ? '≥' : '<'} ${cutText(a, lang)}`;
}

interface MatrixState {
  xs: Float64Array;
  ys: Float64Array;
}

function matrixTables(fit: { tierIndex: Uint8Array; model: MatrixModel }, value: Float64Array): MethodTable[] {
  const k = MATRIX_TIERS.length;
  const customers = new Array<number>(k).fill(0);
  const values = new Array<number>(k).fill(0);
  for (let i = 0; i < fit.tierIndex.length; i++) {
    const t = fit.tierIndex[i];
    if (t >= k || value[i] !== value[i]) continue;
    customers[t]++;
    values[t] += value[i];
  }
  const n = customers.reduce((s, c) => s + c, 0);
  const total = values.reduce((s, c) => s + c, 0);
  const x = criterionLabel(fit.model.x.name);
  const y = criterionLabel(fit.model.y.name);
  const hi = { en: 'High', zh: '高' };
  const lo = { en: 'Low', zh: '低' };
  const xSide = [hi, hi, lo, lo];
  const ySide = [hi, lo, hi, lo];
  const cells: MethodTable = {
    name: 'TierwiseMatrix',
    title: { en: `Value matrix: ${x} × ${y}`, zh: `客户价值矩阵：${x} × ${y}` },
    columns: [
      { id: 'cell', header: { en: 'Cell', zh: '象限' }, kind: 'label', values: MATRIX_TIERS.map((t) => t.key) },
      { id: 'x', header: { en: x, zh: x }, kind: 'text', values: xSide.map((s) => s.en) },
      { id: 'y', header: { en: y, zh: y }, kind: 'text', values: ySide.map((s) => s.en) },
      { id: 'customers', header: { en: 'Customers', zh: '客户数' }, kind: 'integer', values: customers },
      { id: 'customerShare', header: { en: 'Share of customers', zh: '客户占比' }, kind: 'percent', values: customers.map((c) => (n ? c / n : 0)) },
      { id: 'value', header: { en: 'Value', zh: '价值' }, kind: 'money', values },
      { id: 'valueShare', header: { en: 'Share of value', zh: '价值占比' }, kind: 'percent', values: values.map((v) => (total ? v / total : 0)) },
    ],
    rows: k,
    chart: { kind: 'column', title: { en: 'Customers and value share per cell', zh: '各象限客户数与价值占比' }, categoryColumn: 'cell', bars: ['customers'], lines: [] },
  };
  // the 2×2 itself: rows = y high / low, columns = x low / high, customers in each cell
  const grid: MethodTable = {
    name: 'TierwiseMatrixGrid',
    title: { en: `Customers by ${y} (rows) and ${x} (columns)`, zh: `按 ${y}（行）与 ${x}（列）的客户数` },
    columns: [
      { id: 'y', header: { en: y, zh: y }, kind: 'text', values: [`High ${y}`, `Low ${y}`], valuesZh: [`高 ${y}`, `低 ${y}`] },
      { id: 'lowX', header: { en: `Low ${x}`, zh: `低 ${x}` }, kind: 'integer', values: [customers[2], customers[3]] },
      { id: 'highX', header: { en: `High ${x}`, zh: `高 ${x}` }, kind: 'integer', values: [customers[0], customers[1]] },
    ],
    rows: 2,
  };
  return [cells, grid];
}

/** The customer value matrix method. */
export const matrix: MethodModule<'matrix', MatrixModel> = {
  id: 'matrix',
  label: { en: 'Customer value matrix', zh: '客户价值矩阵' },
  short: { en: 'Value matrix', zh: '价值矩阵' },
  description: {
    en: 'Splits two axes at their medians (default: purchase frequency × average invoice value) into Best, Frequent, Spender and Uncertain customers.',
    zh: '以两个维度的中位数划分四个象限（默认：购买频次 × 平均客单价）：最佳客户、常客、高消费客户、不确定客户。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [...axisParams('x', 'F', { en: 'purchase frequency', zh: '购买频次' }), ...axisParams('y', 'AOV', { en: 'average invoice value', zh: '平均客单价' })],
  check(p) {
    for (const axis of ['x', 'y'] as const) {
      const a = axisOf(p, axis);
      if (a.cut === 'quantile' && !(a.at >= 0 && a.at <= 1)) {
        return { en: `${axis}-at must be a quantile from 0 to 1 with ${axis}-cut quantile, got ${a.at}`, zh: `${axis}-cut 为 quantile 时，${axis}-at 须为 0 到 1 之间的分位数，当前为 ${a.at}` };
      }
    }
    return null;
  },
  tiers: () => MATRIX_TIERS,
  tierColumn: { id: 'cell', header: { en: 'Matrix cell', zh: '矩阵象限' } },
  classify(m, ctx) {
    const ax = axisOf(ctx.params, 'x');
    const ay = axisOf(ctx.params, 'y');
    const xs = criterionValues(m, ax.name, 'matrix');
    const ys = criterionValues(m, ay.name, 'matrix');
    // the cuts are taken over the customers that have both values
    const both = (v: Float64Array, w: Float64Array): Float64Array => v.map((x, i) => (Number.isFinite(w[i]) ? x : NaN));
    const x: MatrixAxis = { ...ax, value: axisCut(both(xs, ys), ax.cut, ax.at) };
    const y: MatrixAxis = { ...ay, value: axisCut(both(ys, xs), ay.cut, ay.at) };
    const tierIndex = new Uint8Array(m.n);
    for (let i = 0; i < m.n; i++) tierIndex[i] = matrixCellOf(xs[i], ys[i], x.value, y.value);
    return { tierIndex, model: { x, y }, state: { xs, ys } satisfies MatrixState };
  },
  assign: (fit, row) => matrixCellOf(criterionOfRow(row, fit.model.x.name), criterionOfRow(row, fit.model.y.name), fit.model.x.value, fit.model.y.value),
  explain({ fit, row, index, tier, lang }) {
    const { x, y } = fit.model;
    const state = fit.state as MatrixState | undefined;
    const xv = index !== undefined && state ? state.xs[index] : criterionOfRow(row, x.name);
    const yv = index !== undefined && state ? state.ys[index] : criterionOfRow(row, y.name);
    if (tier === NO_CLASS || !Number.isFinite(xv) || !Number.isFinite(yv)) {
      return say({ en: 'no cell: {x} or {y} is missing', zh: '未分象限：缺少 {x} 或 {y}' }, lang, { x: criterionLabel(x.name), y: criterionLabel(y.name) });
    }
    const zh = lang === 'zh-CN';
    return `${tierName(MATRIX_TIERS[tier], lang)}${zh ? '：' : ': '}${side(x.name, xv, x, lang)}${zh ? '，' : ', '}${side(y.name, yv, y, lang)}`;
  },
  describe(model, lang) {
    const { x, y } = model;
    return say(
      { en: 'High {x} = {x} ≥ {xc}; high {y} = {y} ≥ {yc}. Best: high both; Frequent: high {x}, low {y}; Spender: low {x}, high {y}; Uncertain: low both', zh: '高 {x} = {x} ≥ {xc}；高 {y} = {y} ≥ {yc}。最佳客户：两者皆高；常客：{x} 高、{y} 低；高消费客户：{x} 低、{y} 高；不确定客户：两者皆低' },
      lang,
      { x: criterionLabel(x.name), y: criterionLabel(y.name), xc: cutText(x, lang), yc: cutText(y, lang) },
    );
  },
  columns(fit) {
    const { xs, ys } = fit.state as MatrixState;
    const nums = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
    const x = criterionLabel(fit.model.x.name);
    const y = criterionLabel(fit.model.y.name);
    return [
      { id: 'matrixX', json: 'x', header: { en: x, zh: x }, kind: 'number', values: nums(xs) },
      { id: 'matrixY', json: 'y', header: { en: y, zh: y }, kind: 'number', values: nums(ys) },
    ];
  },
  tables: (fit, m, keys) => {
    const { xs, ys } = fit.state as MatrixState;
    const axis = (a: MatrixAxis) => ({ label: criterionLabel(a.name), cut: a.value });
    return [...matrixTables(fit, m.value), ...scatterTables({ tiers: MATRIX_TIERS, tierIndex: fit.tierIndex, keys, xs, ys, x: axis(fit.model.x), y: axis(fit.model.y) })];
  },
};
