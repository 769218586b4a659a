/**
 * The shape every classification method has: what it needs, its parameters, its tiers, how it
 * fits a model to customers, assigns one row, explains a tier, and what extra columns and
 * summary tables it adds. One module per method implements it; `registry.ts` lists them.
 */
import type { Customers } from '../aggregate';
import type { Cell } from '../cells';
import type { TieRule } from '../quantile';
import type { SkipLog } from '../skips';
import type { TierSummary } from '../summary';
import type { SqlContext } from '../sql/statements';
import type { Bilingual, TierDef } from '../tiers';

/** A product language: "en" or "zh-CN". */
export type Lang = 'en' | 'zh-CN';

/** Per-customer measures a method can need. `value` is the customer's value (monetary for transactions). */
export type Measure = 'value' | 'recency' | 'frequency' | 'monetary';

/** A parameter's value. */
export type ParamValue = number | string | readonly number[] | readonly string[];

/** Parameter values by name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;

/**
 * How a parameter is typed and checked:
 * - `integer` / `number`: one number within [min, max];
 * - `share`: a number strictly between 0 and 1 (the pane shows it as a percentage);
 * - `shares`: `count` ascending shares strictly between 0 and 1 (comma separated);
 * - `choice`: one of `choices`;
 * - `columns`: names of per-customer inputs — a measure (R, F, M, recency, frequency, monetary,
 *   value) or a column of the input table (header name, 1-based number or letter); `count` fixes
 *   how many. Adapters load the named table columns and pass them as `Measures.extra`;
 * - `date`: a calendar date as ISO text ("1997-09-30"; year first, so never ambiguous) or "latest";
 * - `named`: a list of values, each optionally named after a column or measure (`R=0.2, F=0.3` or
 *   `0.2, 0.3`): numbers ≥ `min` (default 0), or one of `choices` when given (`R=low, F=high`).
 *   The value is the list of entries as text ("R=0.2"); an empty list means "the defaults".
 *   Read it with `namedEntries`; the method matches the names against its `columns` parameter;
 * - `table`: a small table as CSV text (e.g. the rules method's rule table); the CLI flag names a
 *   .csv or .xlsx file whose first sheet is read into that text.
 */
export type ParamKind = 'integer' | 'number' | 'share' | 'shares' | 'choice' | 'columns' | 'date' | 'named' | 'table';

/** One parameter of a method, declared once for the engine, the CLI, the pane and the functions. */
export interface ParamSpec {
  /** Engine option name, e.g. "aShare". */
  name: string;
  /** CLI flag without dashes, e.g. "a-share"; the functions' options text uses it too. */
  flag: string;
  kind: ParamKind;
  default: ParamValue;
  min?: number;
  max?: number;
  /** `shares`: how many values; `columns`: how many names (any number ≥ 1 when absent). */
  count?: number;
  /** `choice`: the allowed values. */
  choices?: readonly string[];
  label: Bilingual;
  help: Bilingual;
}

/**
 * The purchases of a transaction log, one entry per purchase row (a positive amount on an invoice
 * that is not cancelled, before the as-of date), for methods that need the timeline (lifecycle,
 * CLV). Returns are not purchases.
 */
export interface Purchases {
  /** Index into the customer table per purchase. */
  customer: Int32Array;
  /** Day number (days since 1970-01-01) of the purchase. */
  day: Float64Array;
  amount: Float64Array;
  /** Invoice code per purchase (-1 without an invoice column): same code, same invoice. */
  invoice: Int32Array;
}

/** Extra input columns by the name the user gave: raw cells, one per customer. */
export type ExtraColumns = Readonly<Record<string, readonly Cell[]>>;

/** A per-customer input to a method. Columns have one entry per key (NaN = missing). */
export interface CustomerInput {
  keys: readonly string[];
  value?: ArrayLike<number>;
  recency?: ArrayLike<number>;
  frequency?: ArrayLike<number>;
  monetary?: ArrayLike<number>;
  /** The whole customer table when the input was a transaction log. */
  customers?: Customers;
  /** The purchase rows when the input was a transaction log. */
  purchases?: Purchases;
  /** Columns named by `columns` parameters, one cell per customer. */
  extra?: ExtraColumns;
  skipped?: SkipLog;
}

/** The measures a method is fitted on, as Float64Arrays (only those it needs are present). */
export interface Measures {
  n: number;
  value: Float64Array;
  recency?: Float64Array;
  frequency?: Float64Array;
  monetary?: Float64Array;
  customers?: Customers;
  purchases?: Purchases;
  extra?: ExtraColumns;
}

/** One customer's measures, for per-row assignment and explanations. */
export interface MeasureRow {
  value?: number;
  recency?: number;
  frequency?: number;
  monetary?: number;
}

/** Everything a method's `classify` gets besides the measures. */
export interface FitContext {
  params: ParamValues;
  /** "safe" (default) or "first" (pandas-compatible ranking for the peer benchmark). */
  ties: TieRule;
  /** The whole option object, for engine-only options a method reads (e.g. RFM segment rules). */
  options: Readonly<Record<string, unknown>>;
}

/** How a column's values are to be shown (the report's column kinds). */
export type ValueKind = 'text' | 'label' | 'integer' | 'number' | 'money' | 'percent' | 'date';

/** An extra per-customer column a method adds (e.g. RFM's R, F, M scores). */
export interface MethodColumn {
  id: string;
  /** Key in the CLI's JSON rows (default: `id`). */
  json?: string;
  header: Bilingual;
  kind: ValueKind;
  values: readonly (string | number | null)[];
}

/** A chart over an extra summary table: columns, Pareto or lines (categories and series by column). */
export interface MethodBarChart {
  kind: 'column' | 'pareto' | 'line';
  title: Bilingual;
  categoryColumn: string;
  bars: string[];
  lines: string[];
}

/**
 * One series of an XY scatter chart: a block of rows of a method table (x and y by column id).
 * `markers`: points in one colour; `line`: the points joined by a dashed line, no markers (e.g. a
 * cut line).
 */
export interface MethodScatterSeries {
  name: Bilingual;
  /** The method table holding the rows (its `name`). */
  table: string;
  /** First data row (0-based) and how many rows; never 0 rows. */
  from: number;
  rows: number;
  color: string;
  style: 'markers' | 'line';
}

/** An XY scatter chart over method tables, each axis linear or logarithmic. */
export interface MethodScatterChart {
  kind: 'scatter';
  title: Bilingual;
  /** Column ids of x and y in every table a series reads. */
  xColumn: string;
  yColumn: string;
  xTitle: Bilingual;
  yTitle: Bilingual;
  logX: boolean;
  logY: boolean;
  series: MethodScatterSeries[];
}

/** A chart over an extra summary table. */
export type MethodChart = MethodBarChart | MethodScatterChart;

/** An extra summary table a method adds (e.g. ABC's Pareto data), with its chart. */
export interface MethodTable {
  /** Excel table name, e.g. "TierwisePareto". */
  name: string;
  title: Bilingual;
  /** Each column's values; `valuesZh`, when given, are the same cells in Chinese (text that reads in the user's language). */
  columns: { id: string; header: Bilingual; kind: ValueKind; values: (string | number | null)[]; valuesZh?: (string | number | null)[] }[];
  rows: number;
  chart?: MethodChart;
}

/** A fitted method: tiers per customer, the model (plain JSON data) and private state for explanations. */
export interface Fit<Model = unknown> {
  /** Index into the method's tiers per customer; `NO_CLASS` = not classified. */
  tierIndex: Uint8Array;
  /** What was fitted, as plain data: cut points, thresholds, centroids… Written to JSON as `model`. */
  model: Model;
  /** Data the method keeps for explanations and per-row use (not written out), e.g. ranked values. */
  state?: unknown;
  /**
   * The tiers this fit has, when they depend on the data rather than on the parameters alone
   * (k-means with `k = auto` declares exactly the k it chose); `tiers(params)` otherwise.
   */
  tiers?: readonly TierDef[];
}

/** What a method explains a tier from. */
export interface ExplainArgs<Model> {
  fit: Fit<Model>;
  row: MeasureRow;
  /**
   * The customer's position in the fitted population, when the row is one of its customers
   * (absent for rows the per-row functions assign): for methods whose reasons are not in the row
   * (lifecycle classes read the purchase timeline; criteria may be named table columns).
   */
  index?: number;
  tier: number;
  lang: Lang;
}

/** What a method found wrong or worth saying about a fit (e.g. the rules' coverage report). */
export interface MethodAudit {
  /** Lines for the user (the CLI prints them on stderr). */
  lines: string[];
  /** Customers the method could not classify (`--strict` makes them an error). */
  unclassified: number;
}

/** A classification method. */
export interface MethodModule<Id extends string = string, Model = unknown> {
  id: Id;
  /** Full name ("ABC (Pareto 80/20)") and the pane's short name ("ABC"). */
  label: Bilingual;
  short: Bilingual;
  description: Bilingual;
  /** Per-customer measures it needs. */
  needs: readonly Measure[];
  /** True when it needs a transaction log (recency and frequency come from dates and invoices). */
  needsTransactions: boolean;
  /** True when it reads the purchase rows (`Measures.purchases`), e.g. lifecycle classes or CLV. */
  timeline?: boolean;
  /** True when it classifies customers with rows but no purchase (they are skipped otherwise). */
  keepsNoPurchase?: boolean;
  /**
   * True when a row with amount 0 counts as a purchase of no value in its timeline, and a customer
   * whose only purchases are of no value is kept (CLV: the BG/NBD literature counts them, and
   * CDNOW's 2,357 customers include 8 such). Returns still are not purchases.
   */
  zeroValuePurchases?: boolean;
  params: readonly ParamSpec[];
  /** Input table columns the method reads besides those named by `columns` parameters (e.g. the rule table's). */
  inputColumns?: (params: ParamValues) => string[];
  /** Cross-parameter rules (e.g. a_share < b_share): the problem, or null. */
  check?: (params: ParamValues) => Bilingual | null;
  /** Tier definitions for these parameters, best first (a fit may narrow them: `Fit.tiers`). */
  tiers: (params: ParamValues) => readonly TierDef[];
  /** The id of the tier column in tables and JSON ("tier", or "segment" for RFM). */
  tierColumn: { id: string; header: Bilingual };
  /** Fits the method to customers: a tier per customer and the model. */
  classify: (measures: Measures, ctx: FitContext) => Fit<Model>;
  /** One row → tier index with a fitted model, for the per-row custom functions. */
  assign?: (fit: Fit<Model>, row: MeasureRow) => number;
  /** Why a customer got its tier, in one line naming the tier. */
  explain: (args: ExplainArgs<Model>) => string;
  /** The model's cut points in one sentence (summary notes, the pane). */
  describe: (model: Model, lang: Lang) => string;
  /** The boundaries as [tier key, smallest value in it] pairs, for TIER.CUTS. */
  cutTable?: (model: Model) => { header: Bilingual; rows: [string, number | null][] };
  /** Extra notes for the summary sheet: [label, text] pairs (e.g. ABC's rule and why A holds its share). */
  notes?: (fit: Fit<Model>, summary: readonly TierSummary[], lang: Lang) => [string, string][];
  /** Extra per-customer columns. */
  columns?: (fit: Fit<Model>, measures: Measures) => MethodColumn[];
  /** A check of the fit shown before the result; `keys` name the customers. */
  audit?: (fit: Fit<Model>, keys: readonly string[], lang: Lang) => MethodAudit;
  /** Extra summary tables. */
  tables?: (fit: Fit<Model>, measures: Measures, keys: readonly string[]) => MethodTable[];
  /**
   * One SQL statement computing this method's per-customer result from a transaction table on
   * the user's engine, exactly as `classify` does (see `../sql/`); `params` checked, defaults
   * filled in.
   */
  sql?: (q: SqlContext, params: ParamValues, options: Readonly<Record<string, unknown>>) => string;
}
