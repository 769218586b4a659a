/**
 * The sheet plan: plain data saying what to write — tables (header + typed columns), tier colour
 * rules, the summary sheet, chart specs and the input issues. No I/O: the Excel adapter
 * (Office.js) and the CLI adapter (ExcelJS, CSV, JSON) render it; tests compare it.
 */
import type { MethodId, ValueKind } from '../engine';
import type { Language } from '../i18n/strings';

/**
 * How a column's values are to be shown: `text` is the user's data (adapters keep it text even
 * if it starts with =, +, - or @), `label` text the product wrote, `percent` a share 0…1, `date`
 * a day number (days since 1970-01-01; adapters convert to Excel serials or JS dates).
 */
export type ColumnKind = ValueKind;

/** A cell value in a plan: a number, text, or null for blank. */
export type PlanValue = string | number | null;

/** One column: its header and one value per row. */
export interface ColumnPlan {
  /** Stable id, e.g. "tier", "r", "monetary". */
  id: string;
  header: string;
  kind: ColumnKind;
  values: PlanValue[];
}

/** A table: columns of equal length. `name` is a valid Excel table name. */
export interface TablePlan {
  name: string;
  columns: ColumnPlan[];
  /** Number of data rows (excluding the header). */
  rows: number;
}

/** One conditional-format rule: rows whose tier column equals `tier` get these colours. */
export interface TierColorRule {
  tier: string;
  fill: string;
  fontColor: string;
}

/** A chart on the summary sheet: columns, Pareto or lines (see {@link BarChartSpec}), or an XY scatter. */
export type ChartSpec = BarChartSpec | ScatterChartSpec;

/** One series of a scatter chart: rows `from` … `from + rows − 1` (0-based data rows) of a table. */
export interface ScatterSeriesSpec {
  name: string;
  /** The `name` of the summary sheet's table holding the rows. */
  table: string;
  from: number;
  rows: number;
  /** Marker fill (markers) or line colour (line), "#RRGGBB". */
  color: string;
  /** `markers`: points only; `line`: the points joined by a dashed line without markers (a cut line). */
  style: 'markers' | 'line';
}

/** An XY scatter over the summary sheet's tables (x and y by column id in each series' table). */
export interface ScatterChartSpec {
  kind: 'scatter';
  title: string;
  /** The table of the first series (where the chart's data starts). */
  table: string;
  xColumn: string;
  yColumn: string;
  xTitle: string;
  yTitle: string;
  /** Logarithmic axes (the values are positive and span two decades or more). */
  logX: boolean;
  logY: boolean;
  series: ScatterSeriesSpec[];
}

/** A chart on the summary sheet, referring to columns of one of its tables by id. */
export interface BarChartSpec {
  kind: 'column' | 'pareto' | 'line';
  title: string;
  /** Which table the data is in: "summary" (the tier table) or the `name` of one of the extra tables. */
  table: string;
  categoryColumn: string;
  /** Bar series (column ids). */
  bars: string[];
  /** Line series on a secondary percent axis (column ids), for Pareto charts. */
  lines: string[];
}

/** One skipped input row, ready to show. `row` is 1-based within the data (header excluded). */
export interface IssueLine {
  row: number;
  column: string;
  reason: string;
  message: string;
}

/** The summary sheet: a notes block (label/value pairs), the summary table, charts. */
export interface SummarySheetPlan {
  sheetName: string;
  title: string;
  notes: [string, PlanValue][];
  table: TablePlan;
  /** The method's extra tables (e.g. ABC's Pareto data), below the charts, each with a title. */
  extras: { title: string; table: TablePlan }[];
  charts: ChartSpec[];
}

/** Everything a run writes. */
export interface SheetPlan {
  method: MethodId;
  language: Language;
  /** "transactions": one row per customer on a new sheet; "customers": tier columns beside the input rows. */
  level: 'transactions' | 'customers';
  /** One row per customer (for transactions) or per classified input row (for customer tables). */
  customers: TablePlan;
  /** Id of the column in `customers` that holds the tier key (the colour rules test it). */
  tierColumn: string;
  /**
   * For customer-level input: the columns to write beside the user's rows, one value per input
   * data row (blank for skipped rows), in input order.
   */
  besideInput: TablePlan | null;
  colorRules: TierColorRule[];
  summary: SummarySheetPlan;
  /** Skipped rows (the first ones) and counts by reason. */
  issues: { total: number; lines: IssueLine[]; byReason: { reason: string; column: string; count: number; message: string }[] };
  /** Tier counts for the pane: key, label, customers, colours. */
  tierCounts: { tier: string; label: string; customers: number; fill: string; fontColor: string }[];
}
