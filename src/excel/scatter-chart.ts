/**
 * An XY scatter chart on the summary sheet from a scatter spec: one series per block of table
 * rows (x and y columns by id), markers in the series' colour, cut lines as dashed lines without
 * markers, and logarithmic axes where the spec asks. Every call here is ExcelApi 1.7 or older
 * (series values, markers, line format, axis `scaleType`); the manifest declares 1.9.
 * A series gets its values before its type, as Excel refuses the type of a series without data.
 */
import type { ScatterChartSpec, TablePlan } from '../report';
import type { Block } from './a1';

/** A table of the summary sheet and where it was written (header row included). */
export interface PlacedTable {
  table: TablePlan;
  at: Block;
}

/** Marker outline, so light cell colours stay visible on white. */
const MARKER_OUTLINE = '#808080';

/**
 * Queues a scatter chart; `placed` says where each named table is. Null when there is nothing to plot.
 * @example addScatterChart(sheet, spec, (name) => ({ table, at }), ["R13", "Y30"]);
 */
export function addScatterChart(sheet: Excel.Worksheet, spec: ScatterChartSpec, placed: (table: string) => PlacedTable, position: [string, string]): Excel.Chart | null {
  const blocks = spec.series
    .filter((s) => s.rows > 0)
    .map((s) => {
      const { table, at } = placed(s.table);
      const col = (id: string): number => table.columns.findIndex((c) => c.id === id);
      const x = col(spec.xColumn);
      const y = col(spec.yColumn);
      if (x < 0 || y < 0 || s.from + s.rows > table.rows) return null;
      const data = (c: number): Excel.Range => sheet.getRangeByIndexes(at.row + 1 + s.from, at.column + c, s.rows, 1);
      return { spec: s, xs: data(x), ys: data(y) };
    })
    .filter((b): b is NonNullable<typeof b> => b !== null);
  if (blocks.length === 0) return null;
  const chart = sheet.charts.add('XYScatter', blocks[0].ys, 'Columns');
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  blocks.forEach((b, k) => {
    const s = k === 0 ? chart.series.getItemAt(0) : chart.series.add(b.spec.name);
    s.name = b.spec.name;
    s.setValues(b.ys);
    s.setXAxisValues(b.xs);
    if (b.spec.style === 'line') {
      s.chartType = 'XYScatterLinesNoMarkers';
      s.format.line.color = b.spec.color;
      s.format.line.lineStyle = 'Dash';
    } else {
      s.markerStyle = 'Circle';
      s.markerSize = 4;
      s.markerBackgroundColor = b.spec.color;
      s.markerForegroundColor = MARKER_OUTLINE;
    }
  });
  const xAxis = chart.axes.categoryAxis;
  const yAxis = chart.axes.valueAxis;
  xAxis.title.text = spec.xTitle;
  yAxis.title.text = spec.yTitle;
  if (spec.logX) xAxis.scaleType = 'Logarithmic';
  if (spec.logY) yAxis.scaleType = 'Logarithmic';
  chart.setPosition(position[0], position[1]);
  return chart;
}
