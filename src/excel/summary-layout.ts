/**
 * Where things go on the Tier Summary sheet: title, notes, the tier table, the charts side by
 * side under it, then the method's extra tables (Pareto data, the migration matrix …), each under its title.
 */
import type { SummarySheetPlan } from '../report';
import { type Block, cellAddress } from './a1';

/** Rows a chart spans. */
export const CHART_ROWS = 18;
/** Columns a chart spans. */
export const CHART_COLUMNS = 8;

/** Positions on the summary sheet (0-based). */
export interface SummaryLayout {
  title: Block;
  notes: Block;
  /** The tier table, header row included. */
  table: Block;
  /** One cell span per chart: top-left and bottom-right A1 addresses. */
  charts: [string, string][];
  /** The method's extra tables (e.g. Pareto data), header included, one under the other. */
  extras: Block[];
  /** The cell above each extra table holding its title. */
  extraTitles: Block[];
}

/**
 * Lays out a summary sheet plan.
 * @example summaryLayout(plan.summary).table // { row: 9, column: 0, rows: 4, columns: 11 }
 */
export function summaryLayout(summary: SummarySheetPlan): SummaryLayout {
  const notes = { row: 2, column: 0, rows: Math.max(1, summary.notes.length), columns: 2 };
  const table = { row: notes.row + notes.rows + 1, column: 0, rows: summary.table.rows + 1, columns: summary.table.columns.length };
  const chartTop = table.row + table.rows + 1;
  const charts = summary.charts.map((_, i): [string, string] => [
    cellAddress(chartTop, i * (CHART_COLUMNS + 1)),
    cellAddress(chartTop + CHART_ROWS - 1, i * (CHART_COLUMNS + 1) + CHART_COLUMNS - 1),
  ]);
  const below = summary.charts.length > 0 ? chartTop + CHART_ROWS + 1 : chartTop;
  const extras: Block[] = [];
  const extraTitles: Block[] = [];
  let row = below;
  for (const { table: t } of summary.extras) {
    extraTitles.push({ row, column: 0, rows: 1, columns: 1 });
    extras.push({ row: row + 1, column: 0, rows: t.rows + 1, columns: t.columns.length });
    row += t.rows + 3;
  }
  return { title: { row: 0, column: 0, rows: 1, columns: 1 }, notes, table, charts, extras, extraTitles };
}
