/** The Tier Summary sheet: notes, the per-tier table, Pareto data for ABC, chart specs. */
import { type Classification, type MethodCuts, type TableResult, isoDate } from '../engine';
import { type Language, t } from '../i18n/strings';
import { formatCuts, formatNumber, formatShare } from './format';
import type { ChartSpec, PlanValue, SummarySheetPlan, TablePlan } from './plan';

/** Excel table names on the summary sheet. */
export const SUMMARY_TABLE = 'TierwiseSummary';
export const PARETO_TABLE = 'TierwisePareto';

/** Pareto data is one row per customer up to this many customers, else per 1 % of customers. */
export const PARETO_MAX_POINTS = 100;

/**
 * The cut points of a classification as one sentence.
 *
 * @example
 * describeCuts({ method: "abc", aShare: 0.8, bShare: 0.95, rule: "within", a: 120, b: 40 }, "en");
 * // "A: cumulative share including the customer ≤ 80% (value ≥ 120); B: ≤ 95% (value ≥ 40); C: the rest"
 */
export function describeCuts(cuts: MethodCuts, language: Language): string {
  const none = t(language, 'cuts.none');
  const v = (x: number | null | undefined): string => (x === null || x === undefined ? none : formatNumber(x));
  if (cuts.method === 'abc') {
    const key = cuts.rule === 'within' ? 'cuts.abcWithin' : 'cuts.abc';
    return t(language, key, { a: formatShare(cuts.aShare), aValue: v(cuts.a), b: formatShare(cuts.bShare), bValue: v(cuts.b) });
  }
  if (cuts.method === 'pyramid') {
    const [p1, p2, p3] = cuts.shares;
    const [v1, v2, v3] = cuts.thresholds;
    return t(language, 'cuts.pyramid', { p1: formatShare(p1), p2: formatShare(p2), p3: formatShare(p3), v1: v(v1), v2: v(v2), v3: v(v3) });
  }
  return t(language, 'cuts.rfm', {
    bins: cuts.bins,
    r: formatCuts(cuts.recency, none),
    f: formatCuts(cuts.frequency, none),
    m: formatCuts(cuts.monetary, none),
  });
}

function summaryTable(c: Classification, language: Language): TablePlan {
  const zh = language === 'zh-CN';
  const rows = c.summary;
  const tierOf = (k: string) => c.tiers.find((x) => x.key === k);
  const hasMeasures = rows.some((r) => r.meanRecency !== null);
  const numOrNull = (x: number | null): PlanValue => x;
  const columns: TablePlan['columns'] = [
    { id: 'tier', header: t(language, 'sum.tier'), kind: 'label', values: rows.map((r) => r.tier) },
    { id: 'label', header: t(language, 'sum.label'), kind: 'label', values: rows.map((r) => (zh ? tierOf(r.tier)?.label.zh : tierOf(r.tier)?.label.en) ?? r.tier) },
    { id: 'customers', header: t(language, 'sum.customers'), kind: 'integer', values: rows.map((r) => r.customers) },
    { id: 'customerShare', header: t(language, 'sum.customerShare'), kind: 'percent', values: rows.map((r) => r.customerShare) },
    { id: 'value', header: t(language, 'sum.value'), kind: 'money', values: rows.map((r) => r.value) },
    { id: 'valueShare', header: t(language, 'sum.valueShare'), kind: 'percent', values: rows.map((r) => r.valueShare) },
  ];
  if (hasMeasures) {
    columns.push(
      { id: 'meanRecency', header: t(language, 'sum.meanRecency'), kind: 'number', values: rows.map((r) => numOrNull(r.meanRecency)) },
      { id: 'meanFrequency', header: t(language, 'sum.meanFrequency'), kind: 'number', values: rows.map((r) => numOrNull(r.meanFrequency)) },
      { id: 'meanMonetary', header: t(language, 'sum.meanMonetary'), kind: 'money', values: rows.map((r) => numOrNull(r.meanMonetary)) },
    );
  }
  columns.push(
    {
      id: 'range',
      header: t(language, 'sum.range'),
      kind: 'label',
      values: rows.map((r) => (r.minValue === null || r.maxValue === null ? null : `${formatNumber(r.minValue)} – ${formatNumber(r.maxValue)}`)),
    },
    { id: 'strategy', header: t(language, 'sum.strategy'), kind: 'label', values: rows.map((r) => (zh ? tierOf(r.tier)?.strategy.zh : tierOf(r.tier)?.strategy.en) ?? null) },
  );
  return { name: SUMMARY_TABLE, columns, rows: rows.length };
}

/**
 * Pareto data: customers ranked by value (descending) with the cumulative share of the total;
 * one row per customer for up to {@link PARETO_MAX_POINTS} customers, else per 1 % of customers.
 *
 * @example
 * buildParetoTable([50, 30, 20], ["a", "b", "c"], "en").columns[2].values; // [0.5, 0.8, 1]
 */
export function buildParetoTable(values: ArrayLike<number>, keys: readonly string[], language: Language): TablePlan {
  const idx = Array.from({ length: values.length }, (_, i) => i).filter((i) => Number.isFinite(values[i]));
  idx.sort((a, b) => values[b] - values[a] || a - b);
  const total = idx.reduce((s, i) => s + values[i], 0);
  const n = idx.length;
  const buckets = n <= PARETO_MAX_POINTS ? n : PARETO_MAX_POINTS;
  const labels: PlanValue[] = [];
  const sums: PlanValue[] = [];
  const cum: PlanValue[] = [];
  let running = 0;
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = n <= PARETO_MAX_POINTS ? b + 1 : Math.round(((b + 1) * n) / PARETO_MAX_POINTS);
    let s = 0;
    for (let r = start; r < end; r++) s += values[idx[r]];
    running += s;
    labels.push(n <= PARETO_MAX_POINTS ? keys[idx[b]] : `${b + 1}%`);
    sums.push(s);
    cum.push(total === 0 ? 0 : running / total);
    start = end;
  }
  return {
    name: PARETO_TABLE,
    columns: [
      { id: 'bucket', header: t(language, 'sum.paretoBucket'), kind: n <= PARETO_MAX_POINTS ? 'text' : 'label', values: labels },
      { id: 'value', header: t(language, 'sum.paretoValue'), kind: 'money', values: sums },
      { id: 'cumShare', header: t(language, 'sum.paretoCum'), kind: 'percent', values: cum },
    ],
    rows: buckets,
  };
}

/**
 * Builds the summary sheet of a run.
 *
 * @example
 * buildSummarySheet(result, "zh-CN").sheetName; // "客户分层汇总"
 */
export function buildSummarySheet(result: TableResult, language: Language): SummarySheetPlan {
  const c = result.classification;
  const notes: [string, PlanValue][] = [[t(language, 'sum.method'), t(language, `method.${c.method}`)]];
  if (result.customers) notes.push([t(language, 'sum.asOf'), isoDate(result.customers.asOf)]);
  notes.push(
    [t(language, 'sum.customers'), c.keys.length],
    [t(language, 'sum.rowsUsed'), result.inputRows - c.skipped.total],
    [t(language, 'sum.rowsSkipped'), c.skipped.total],
    [t(language, 'sum.cuts'), describeCuts(c.cuts, language)],
  );
  if (c.cuts.method === 'abc') {
    // why A's share is what it is (under the default rule it can pass a_share)
    const note = c.cuts.rule === 'within' ? 'abc.withinNote' : 'abc.reachNote';
    notes.push([t(language, 'sum.abcRule'), t(language, note, { share: formatShare(c.summary[0].valueShare), a: formatShare(c.cuts.aShare) })]);
  }
  const charts: ChartSpec[] = [
    { kind: 'column', title: t(language, 'sum.chartTitle'), table: 'summary', categoryColumn: 'label', bars: ['customerShare', 'valueShare'], lines: [] },
  ];
  let pareto: TablePlan | null = null;
  if (c.method === 'abc') {
    pareto = buildParetoTable(c.value, c.keys, language);
    charts.push({ kind: 'pareto', title: t(language, 'sum.paretoTitle'), table: 'pareto', categoryColumn: 'bucket', bars: ['value'], lines: ['cumShare'] });
  }
  return { sheetName: t(language, 'sheet.summary'), title: t(language, 'sum.title'), notes, table: summaryTable(c, language), pareto, charts };
}
