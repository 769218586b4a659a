/** The Tier Summary sheet: notes, the per-tier table, the method's extra tables, chart specs. */
import { type Classification, type MethodChart, type MethodTable, type TableResult, formatNumber, isoDate, methodById, pick } from '../engine';
import { type Language, t } from '../i18n/strings';
import type { ChartSpec, PlanValue, SummarySheetPlan, TablePlan } from './plan';

/** Excel table name of the tier table on the summary sheet. */
export const SUMMARY_TABLE = 'TierwiseSummary';

/**
 * A method's extra summary table as a plan table in one language.
 *
 * @example
 * extraTable(buildPareto([50, 30, 20], ["a", "b", "c"]), "en").columns[2].values; // [0.5, 0.8, 1]
 */
export function extraTable(table: MethodTable, language: Language): TablePlan {
  return {
    name: table.name,
    columns: table.columns.map((c) => ({ id: c.id, header: pick(c.header, language), kind: c.kind, values: language === 'zh-CN' && c.valuesZh ? c.valuesZh : c.values })),
    rows: table.rows,
  };
}

function summaryTable(c: Classification, language: Language): TablePlan {
  const rows = c.summary;
  const tierOf = (k: string) => c.tiers.find((x) => x.key === k);
  const hasMeasures = rows.some((r) => r.meanRecency !== null);
  const numOrNull = (x: number | null): PlanValue => x;
  const columns: TablePlan['columns'] = [
    { id: 'tier', header: t(language, 'sum.tier'), kind: 'label', values: rows.map((r) => r.tier) },
    { id: 'label', header: t(language, 'sum.label'), kind: 'label', values: rows.map((r) => { const d = tierOf(r.tier); return d ? pick(d.label, language) : r.tier; }) },
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
    { id: 'strategy', header: t(language, 'sum.strategy'), kind: 'label', values: rows.map((r) => { const d = tierOf(r.tier); return d ? pick(d.strategy, language) : null; }) },
  );
  return { name: SUMMARY_TABLE, columns, rows: rows.length };
}

/**
 * Builds the summary sheet of a run.
 *
 * @example
 * buildSummarySheet(result, "zh-CN").sheetName; // "客户分层汇总"
 */
export function buildSummarySheet(result: TableResult, language: Language): SummarySheetPlan {
  const c = result.classification;
  const notes: [string, PlanValue][] = [[t(language, 'sum.method'), pick(methodById(c.method).label, language)]];
  if (result.customers) notes.push([t(language, 'sum.asOf'), isoDate(result.customers.asOf)]);
  notes.push(
    [t(language, 'sum.customers'), c.keys.length],
    [t(language, 'sum.rowsUsed'), result.inputRows - c.skipped.total],
    [t(language, 'sum.rowsSkipped'), c.skipped.total],
    [t(language, 'sum.cuts'), c.describe(language)],
  );
  notes.push(...c.notes(language));
  const charts: ChartSpec[] = [
    { kind: 'column', title: t(language, 'sum.chartTitle'), table: 'summary', categoryColumn: 'label', bars: ['customerShare', 'valueShare'], lines: [] },
  ];
  const extras = c.tables.map((m) => ({ title: pick(m.title, language), table: extraTable(m, language) }));
  for (const m of c.tables) if (m.chart) charts.push(chartSpec(m.name, m.chart, language));
  return { sheetName: t(language, 'sheet.summary'), title: t(language, 'sum.title'), notes, table: summaryTable(c, language), extras, charts };
}

/**
 * A method table's chart as a chart spec in one language.
 *
 * @example
 * chartSpec("TierwisePareto", buildPareto([50, 30, 20], ["a", "b", "c"]).chart!, "en").kind; // "pareto"
 */
export function chartSpec(table: string, chart: MethodChart, language: Language): ChartSpec {
  if (chart.kind !== 'scatter') return { kind: chart.kind, title: pick(chart.title, language), table, categoryColumn: chart.categoryColumn, bars: chart.bars, lines: chart.lines };
  return {
    kind: 'scatter',
    title: pick(chart.title, language),
    table: chart.series[0]?.table ?? table,
    xColumn: chart.xColumn,
    yColumn: chart.yColumn,
    xTitle: pick(chart.xTitle, language),
    yTitle: pick(chart.yTitle, language),
    logX: chart.logX,
    logY: chart.logY,
    series: chart.series.map((s) => ({ name: pick(s.name, language), table: s.table, from: s.from, rows: s.rows, color: s.color, style: s.style })),
  };
}
