/**
 * Charts on the summary sheet from chart specs: clustered columns, and for a Pareto chart the
 * sorted value columns with the cumulative share as a line on a secondary axis. A series gets its
 * values before its chart type and axis group, as Microsoft's samples do.
 */
import type { BarChartSpec, TablePlan } from '../report';
import type { Block } from './a1';

/**
 * Queues a chart for a spec over a table written at `at` (header row included).
 * @example addChart(sheet, spec, plan.summary.table, layout.table, ["A13", "H30"]);
 */
export function addChart(sheet: Excel.Worksheet, spec: BarChartSpec, table: TablePlan, at: Block, position: [string, string]): Excel.Chart | null {
  const col = (id: string): number => table.columns.findIndex((c) => c.id === id);
  const category = col(spec.categoryColumn);
  const bars = spec.bars.map(col).filter((i) => i >= 0);
  const lines = spec.lines.map(col).filter((i) => i >= 0);
  if (category < 0 || bars.length === 0 || table.rows === 0) return null;
  const data = (c: number): Excel.Range => sheet.getRangeByIndexes(at.row + 1, at.column + c, table.rows, 1);
  const categories = data(category);
  const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(at.row, at.column + bars[0], table.rows + 1, 1), 'Columns');
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  const first = chart.series.getItemAt(0);
  first.name = table.columns[bars[0]].header;
  first.setXAxisValues(categories);
  for (const c of bars.slice(1)) {
    const s = chart.series.add(table.columns[c].header);
    s.setValues(data(c));
    s.setXAxisValues(categories);
  }
  for (const c of lines) {
    // values first: Excel refuses the type or axis of a series without data (EmptyChartSeries)
    const s = chart.series.add(table.columns[c].header);
    s.setValues(data(c));
    s.setXAxisValues(categories);
    s.chartType = 'Line';
    s.axisGroup = 'Secondary';
  }
  chart.setPosition(position[0], position[1]);
  return chart;
}

/**
 * True when Excel refused a chart operation: a series without data (`EmptyChartSeries`), or a
 * failure Office.js locates in a chart call (`debugInfo.errorLocation` "Chart…", "ChartSeries…").
 * @example chartRefused({ code: 'EmptyChartSeries' }) // true
 */
export function chartRefused(error: unknown): boolean {
  const e = error as { code?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  if (!e) return false;
  if (e.code === 'EmptyChartSeries') return true;
  const where = e.debugInfo?.errorLocation;
  return typeof where === 'string' && /^(Chart|Series)/.test(where);
}
