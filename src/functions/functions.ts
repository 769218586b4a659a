/**
 * The TIER custom functions. This file is what the metadata generator reads (it does not follow
 * imports), so every `@customfunction` and its JSDoc lives here; the work is done in the
 * function-group modules, which call the engine.
 *
 * Ranges are typed `unknown[][]` (metadata: type "any", dimensionality "matrix") so that, with
 * `allowErrorForDataTypeAny` (added to functions.json by scripts/functions-metadata-plugin.js),
 * Excel passes error cells in instead of withholding the whole call: one `#N/A` in 50,000 rows
 * costs that row only. Options are typed number/string/boolean, so Excel itself rejects errors there.
 */
import { abcClass as abcClassImpl } from './abc';
import { type Out, excelError } from './args';
import { clvCells, clvFit as clvFitImpl, expectedPurchasesCells, pAlive as pAliveImpl } from './clv';
import { cuts as cutsImpl } from './cuts';
import { explain as explainImpl } from './explain';
import { kmeansClusters as kmeansImpl, kmeansProfile as kmeansProfileImpl } from './kmeans';
import { grade as gradeImpl } from './grade';
import { lifecycleTable as lifecycleImpl } from './lifecycle';
import { matrixCells as matrixImpl } from './matrix';
import { label as labelImpl } from './label';
import { change as changeImpl, migrationMatrix as migrationImpl } from './migration';
import { pyramid as pyramidImpl } from './pyramid';
import { quantileScore as quantileScoreImpl } from './quantile';
import { rfmScore as rfmScoreImpl, rfmSegment as rfmSegmentImpl } from './rfm';
import { rfmTable as rfmTableImpl } from './rfm-table';
import { DateSystemUnknown, workbookDateSystem } from './date-system';
import { hasDateText } from './date-text';
import type { DateSystem } from '../engine';
import { rules as rulesImpl } from './rules';

/**
 * Spills an RFM table from a transaction log: a header row (Customer, Recency, Frequency, Monetary, R, F, M, RFM, Segment), then one row per customer.
 * @customfunction RFM_TABLE RFM_TABLE
 * @helpurl https://github.com/tierwise/tierwise#tierrfm_table
 * @param customers Customer id of each transaction (a column). Rows with a blank or error id are skipped.
 * @param dates Date of each transaction: Excel dates or date text such as 2011-12-09 (same length as customers).
 * @param amounts Amount of each transaction: numbers or numeric text (same length as customers).
 * @param [as_of] Date recency is measured to (an Excel date or date text). Default: the day after the latest transaction.
 * @param [bins] Scores per measure, 2 to 10. Default 5.
 * @param [date_order] How to read date text such as 05/03/2024: "dmy" (day first), "mdy" (month first) or "ymd". Default: decided from all the dates (any day over 12 decides), else month first.
 * @returns The RFM table with a header row.
 * @example =TIER.RFM_TABLE(G2:G541910, E2:E541910, H2:H541910)
 */
export async function rfmTable(customers: unknown[][], dates: unknown[][], amounts: unknown[][], as_of?: unknown, bins?: number, date_order?: string): Promise<unknown[][]> {
  return rfmTableImpl(customers, dates, amounts, as_of, bins, await dateSystemFor(dates, as_of), date_order);
}

/** The workbook's date system when date text must be placed among serials; serials alone need none (differences). */
async function dateSystemFor(dates: unknown[][], day: unknown): Promise<DateSystem> {
  if (!hasDateText(dates, day)) return '1900';
  try {
    return await workbookDateSystem();
  } catch (error) {
    if (error instanceof DateSystemUnknown) throw excelError('#N/A', error.message);
    throw error;
  }
}

/**
 * The RFM code of each row (recency days, frequency, monetary), e.g. 545; R scores recent customers highest.
 * @customfunction RFM_SCORE RFM_SCORE
 * @helpurl https://github.com/tierwise/tierwise#tierrfm_score
 * @param rfm Rows to score: 3 columns of recency in days, frequency and monetary. Rows with a blank give a blank.
 * @param [population] The 3-column block the quantile cut points come from. Default: rfm itself.
 * @param [bins] Scores per measure, 2 to 10. Default 5.
 * @returns The RFM code of each row.
 * @example =TIER.RFM_SCORE(B2:D5000)
 */
export function rfmScore(rfm: unknown[][], population?: unknown[][], bins?: number): unknown[][] {
  return rfmScoreImpl(rfm, population, bins);
}

/**
 * The RFM segment of each row (recency days, frequency, monetary), e.g. Champions, Loyal, At risk.
 * @customfunction RFM_SEGMENT RFM_SEGMENT
 * @helpurl https://github.com/tierwise/tierwise#tierrfm_segment
 * @param rfm Rows to classify: 3 columns of recency in days, frequency and monetary. Rows with a blank give a blank.
 * @param [population] The 3-column block the quantile cut points come from. Default: rfm itself.
 * @param [bins] Scores per measure, 2 to 10. Default 5.
 * @returns The segment key of each row.
 * @example =TIER.RFM_SEGMENT(B2:D5000)
 */
export function rfmSegment(rfm: unknown[][], population?: unknown[][], bins?: number): unknown[][] {
  return rfmSegmentImpl(rfm, population, bins);
}

/**
 * Scores each value 1 to bins by the population's quantiles; equal values always get equal scores.
 * @customfunction QUANTILE_SCORE QUANTILE_SCORE
 * @helpurl https://github.com/tierwise/tierwise#tierquantile_score
 * @param values The values to score: one cell or a range. Blank cells give blank results.
 * @param [population] The range the cut points come from; blanks and text are ignored. Default: values itself.
 * @param [bins] Number of scores, 2 to 10. Default 5.
 * @param [descending] TRUE to give the highest score to the smallest values (as for recency). Default FALSE.
 * @returns The score of each value.
 * @example =TIER.QUANTILE_SCORE(D2:D5000)
 */
export function quantileScore(values: unknown[][], population?: unknown[][], bins?: number, descending?: boolean): unknown[][] {
  return quantileScoreImpl(values, population, bins, descending);
}

/**
 * ABC class of each value by cumulative share of the population's total value: A, B or C. A is the smallest group of top values that reaches a_share (the value crossing it is A).
 * @customfunction ABC_CLASS ABC_CLASS
 * @helpurl https://github.com/tierwise/tierwise#tierabc_class
 * @param values The values to classify: one cell or a range. Blank cells give blank results.
 * @param [population] The range the classes are measured in; blanks and text are ignored. Default: values itself.
 * @param [a_share] Share of value the A customers reach: A while the values ranked above hold less, between 0 and 1. Default 0.8.
 * @param [b_share] Share of value A and B reach together, above a_share and below 1. Default 0.95.
 * @returns The class of each value.
 * @example =TIER.ABC_CLASS(D2:D5000)
 */
export function abcClass(values: unknown[][], population?: unknown[][], a_share?: number, b_share?: number): unknown[][] {
  return abcClassImpl(values, population, a_share, b_share);
}

/**
 * Customer pyramid tier of each value by rank in the population: Platinum, Gold, Iron or Lead.
 * @customfunction PYRAMID PYRAMID
 * @helpurl https://github.com/tierwise/tierwise#tierpyramid
 * @param values The values to place: one cell or a range. Blank cells give blank results.
 * @param [population] The range customers are ranked in; blanks and text are ignored. Default: values itself.
 * @param [cuts] Three ascending shares of customers where Platinum, Gold and Iron end. Default {0.01,0.2,0.5}.
 * @returns The tier of each value.
 * @example =TIER.PYRAMID(D2:D5000)
 */
export function pyramid(values: unknown[][], population?: unknown[][], cuts?: unknown[][]): unknown[][] {
  return pyramidImpl(values, population, cuts);
}

/**
 * Display label of a class, tier or segment key, in English or Chinese.
 * @customfunction LABEL LABEL
 * @helpurl https://github.com/tierwise/tierwise#tierlabel
 * @param tier A key such as A, Gold or Champions (one cell or a range), or one qualified by its method such as rfm:New.
 * @param [language] "en" (default) or "zh-CN".
 * @param [method] The method the keys belong to (rfm, abc, pyramid …), for keys several methods use. Default: the first method that has the key.
 * @returns The label of each key.
 * @example =TIER.LABEL("Platinum", "zh-CN")
 */
export function label(tier: unknown[][], language?: string, method?: string): unknown[][] {
  return labelImpl(tier, language, method);
}

/**
 * Why each row gets its tier, e.g. R 5 (recency 3 d < 12 d) · F 4 (6 purchases ≥ 5) · M 4 (1,234.50 ≥ 980.00) → 544 → Champions.
 * @customfunction EXPLAIN EXPLAIN
 * @helpurl https://github.com/tierwise/tierwise#tierexplain
 * @param values The rows to explain: one value column (abc, pyramid) or the method's measures (rfm: recency days, frequency, monetary).
 * @param [population] The range the model is fitted to (same columns). Default: values itself.
 * @param [method] rfm, abc or pyramid. Default: rfm for 3 columns, abc for one.
 * @param [options] The method's parameters as name=value pairs separated by ";", e.g. "a_share=0.7; b_share=0.9" or "bins=4".
 * @param [language] "en" (default) or "zh-CN".
 * @returns The reason for each row's tier.
 * @example =TIER.EXPLAIN(D2:D5000, , "abc")
 */
export function explain(values: unknown[][], population?: unknown[][], method?: string, options?: string, language?: string): unknown[][] {
  return explainImpl(values, population, method, options, language);
}

/**
 * The cut points the other functions take from a population: the score, class or tier each starts at.
 * @customfunction CUTS CUTS
 * @helpurl https://github.com/tierwise/tierwise#tiercuts
 * @param values The population: a range of numbers; blanks and text are ignored.
 * @param [method] "quantile" (default) or a value method: "abc", "pyramid".
 * @param [bins] Number of quantile scores, 2 to 10. Default 5.
 * @returns A table: a header row, then each boundary and the smallest value in it.
 * @example =TIER.CUTS(D2:D5000, "abc")
 */
export function cuts(values: unknown[][], method?: string, bins?: number): unknown[][] {
  return cutsImpl(values, method, bins);
}

/**
 * Spills the migration matrix between two classifications: previous tier (rows, plus New) × current tier (columns, plus Gone), with totals.
 * @customfunction MIGRATION MIGRATION
 * @helpurl https://github.com/tierwise/tierwise#tiermigration
 * @param previous The earlier classification: two columns (customer, tier), or one column of tiers row by row.
 * @param current The later classification, in the same shape as previous.
 * @param [method] Method whose tier order ranks the tiers (abc, pyramid, rfm). Default: guessed from the tier keys.
 * @param [language] "en" (default) or "zh-CN" for the headers.
 * @returns The matrix with a header row and a Total row and column.
 * @example =TIER.MIGRATION(Before!A2:B5000, After!A2:B5000)
 */
export function migration(previous: unknown[][], current: unknown[][], method?: string, language?: string): unknown[][] {
  return migrationImpl(previous, current, method, language);
}

/**
 * The change of each row's tier: ↑ up, ↓ down, = same, new (no previous tier), gone (no current tier).
 * @customfunction CHANGE CHANGE
 * @helpurl https://github.com/tierwise/tierwise#tierchange
 * @param previous The earlier tiers: one column row by row, or two columns (customer, tier).
 * @param current The current tiers, in the same shape as previous.
 * @param [method] Method whose tier order says what is up (abc, pyramid, rfm). Default: guessed from the tier keys.
 * @returns One change per row of current.
 * @example =TIER.CHANGE(E2:E5000, F2:F5000, "abc")
 */
export function change(previous: unknown[][], current: unknown[][], method?: string): unknown[][] {
  return changeImpl(previous, current, method);
}

/**
 * The k-means cluster (1 to k) of each row of features, numbered by mean monetary value (or the first feature) descending.
 * @customfunction KMEANS KMEANS
 * @helpurl https://github.com/tierwise/tierwise#tierkmeans
 * @param features Rows to cluster: one column per feature, optionally under a header row (Recency, Frequency, Monetary or R, F, M get log1p and R/F/M profile names).
 * @param [k] Number of clusters 2 to 10, or "auto" (elbow checked by silhouette). Default 4.
 * @param [seed] Seed of the random starts, a whole number; the same seed gives the same clusters. Default 0.
 * @param [population] The block the clusters are fitted to (same columns). Default: features itself.
 * @returns The cluster number of each row.
 * @example =TIER.KMEANS(B1:D4339, 4)
 */
export function kmeans(features: unknown[][], k?: unknown, seed?: number, population?: unknown[][]): unknown[][] {
  return kmeansImpl(features, k, seed, population);
}

/**
 * The profiles (客户画像) of the k-means clusters: number, name, description, customers, shares of customers and value, feature means.
 * @customfunction KMEANS_PROFILE KMEANS_PROFILE
 * @helpurl https://github.com/tierwise/tierwise#tierkmeans_profile
 * @param features The rows clustered: one column per feature, optionally under a header row (as for TIER.KMEANS).
 * @param [k] Number of clusters 2 to 10, or "auto". Default 4.
 * @param [seed] Seed of the random starts. Default 0.
 * @param [language] "en" (default) or "zh-CN".
 * @returns The profile table with a header row.
 * @example =TIER.KMEANS_PROFILE(B1:D4339, 4, 0, "zh-CN")
 */
export function kmeansProfile(features: unknown[][], k?: unknown, seed?: number, language?: string): unknown[][] {
  return kmeansProfileImpl(features, k, seed, language);
}

/**
 * Fits the BG/NBD purchase model and the Gamma-Gamma spend model to a transaction log and spills their parameters, standard errors, log-likelihoods and diagnostics.
 * @customfunction CLV_FIT CLV_FIT
 * @helpurl https://github.com/tierwise/tierwise#tierclv_fit
 * @param customers Customer id of each transaction (a column). Rows with a blank or error cell are skipped.
 * @param dates Date of each transaction: Excel dates or date text such as 1997-09-30 (same length as customers).
 * @param amounts Amount of each transaction; negative amounts are returns, not purchases.
 * @param [calibration_end] Last day of the purchases the models learn from (an Excel date or date text). Default: the latest purchase.
 * @param [unit] Time unit of t_x, T and the parameters: "day", "week" (default) or "month" (30.4375 days).
 * @returns A Parameter / Value / Std error table.
 * @example =TIER.CLV_FIT(A2:A6920, B2:B6920, C2:C6920, "1997-09-30", "week")
 */
export async function clvFit(customers: unknown[][], dates: unknown[][], amounts: unknown[][], calibration_end?: unknown, unit?: string): Promise<unknown[][]> {
  return clvFitImpl(customers, dates, amounts, calibration_end, unit, await dateSystemFor(dates, calibration_end));
}

/**
 * Probability that each customer is still active (BG/NBD), from repeat purchases x, time of the last purchase t_x and age T.
 * @customfunction P_ALIVE P_ALIVE
 * @helpurl https://github.com/tierwise/tierwise#tierp_alive
 * @param customers Rows of 3 columns: x (repeat purchases), t_x and T, in one time unit. Blank rows give blanks.
 * @param [model] A CLV_FIT table, or a 3-column population (x, t_x, T) to fit the model on. Default: customers itself.
 * @returns P(alive) of each row.
 * @example =TIER.P_ALIVE(B2:D2358, $G$1:$I$21)
 */
export function pAlive(customers: unknown[][], model?: unknown[][]): unknown[][] {
  return pAliveImpl(customers, model);
}

/**
 * Expected purchases of each customer in the next periods (BG/NBD), from x, t_x and T.
 * @customfunction EXPECTED_PURCHASES EXPECTED_PURCHASES
 * @helpurl https://github.com/tierwise/tierwise#tierexpected_purchases
 * @param customers Rows of 3 columns: x (repeat purchases), t_x and T, in one time unit. Blank rows give blanks.
 * @param periods Length of the forecast, in the same unit.
 * @param [model] A CLV_FIT table, or a 3-column population (x, t_x, T) to fit the model on. Default: customers itself.
 * @returns Expected purchases of each row.
 * @example =TIER.EXPECTED_PURCHASES(B2:D2358, 39, $G$1:$I$21)
 */
export function expectedPurchases(customers: unknown[][], periods: number, model?: unknown[][]): unknown[][] {
  return expectedPurchasesCells(customers, periods, model);
}

/**
 * Predicted customer lifetime value of each customer: expected purchases (BG/NBD) × expected value (Gamma-Gamma) × margin, discounted.
 * @customfunction CLV CLV
 * @helpurl https://github.com/tierwise/tierwise#tierclv
 * @param customers Rows of 4 columns: x (repeat purchases), t_x, T and the mean value of the repeat purchases. Blank rows give blanks.
 * @param [model] A CLV_FIT table, or a 4-column population to fit both models on. Default: customers itself.
 * @param [horizon] Forecast length in time units. Default 12.
 * @param [margin] Profit margin on revenue, above 0 and at most 1. Default 1 (revenue).
 * @param [discount_rate] Yearly discount rate, converted to the unit. Default 0.1.
 * @param [unit] "day", "week" or "month". Default: the CLV_FIT table's unit, else "month".
 * @returns The predicted CLV of each row.
 * @example =TIER.CLV(B2:E2358, $G$1:$I$21, 52, 0.3, 0.1)
 */
export function clv(customers: unknown[][], model?: unknown[][], horizon?: number, margin?: number, discount_rate?: number, unit?: string): unknown[][] {
  return clvCells(customers, model, horizon, margin, discount_rate, unit);
}

/**
 * Spills lifecycle classes from a transaction log: a header row (Customer, Class, Purchase invoices, Days since first purchase, Days since last purchase, Active quarters), then one row per customer.
 * @customfunction LIFECYCLE LIFECYCLE
 * @helpurl https://github.com/tierwise/tierwise#tierlifecycle
 * @param customers Customer id of each transaction (a column). Rows with a blank or error id are skipped.
 * @param dates Date of each transaction: Excel dates or date text such as 2011-12-09 (same length as customers).
 * @param amounts Amount of each transaction; amounts ≤ 0 (returns) are not purchases.
 * @param [invoices] Invoice number of each transaction: purchases are counted as distinct invoices, invoices starting with C are cancellations. Default: each row is one purchase.
 * @param [as_of] Date days are counted back from (an Excel date or date text). Default: the day after the latest transaction.
 * @param [options] Rule numbers as name=value pairs separated by ";", e.g. "new_days=60; churn_days=300" (churn_days, new_days, loyal_invoices, loyal_quarters, quarters, quarter_days, loyal_days, repeat_days).
 * @returns The lifecycle table with a header row.
 * @example =TIER.LIFECYCLE(G2:G541910, E2:E541910, H2:H541910, A2:A541910)
 */
export async function lifecycle(customers: unknown[][], dates: unknown[][], amounts: unknown[][], invoices?: unknown[][], as_of?: unknown, options?: string): Promise<unknown[][]> {
  return lifecycleImpl(customers, dates, amounts, invoices, as_of, options, await dateSystemFor(dates, as_of));
}

/**
 * The customer value matrix cell of each row: Best (high x, high y), Frequent (high x), Spender (high y) or Uncertain; high = at or above the cut (default the median).
 * @customfunction MATRIX MATRIX
 * @helpurl https://github.com/tierwise/tierwise#tiermatrix
 * @param x The first axis, e.g. purchase frequency (a column). Blank cells give blank results.
 * @param y The second axis, e.g. average invoice value (a column as long as x).
 * @param [x_cut] The value x splits at (high = ≥ x_cut). Default: the median of x_population.
 * @param [y_cut] The value y splits at (high = ≥ y_cut). Default: the median of y_population.
 * @param [x_population] The column the x median comes from. Default: x itself.
 * @param [y_population] The column the y median comes from. Default: y itself.
 * @returns The cell of each row.
 * @example =TIER.MATRIX(C2:C5000, D2:D5000)
 */
export function matrix(x: unknown[][], y: unknown[][], x_cut?: unknown, y_cut?: unknown, x_population?: unknown[][], y_population?: unknown[][]): unknown[][] {
  return matrixImpl(x, y, x_cut, y_cut, x_population, y_population);
}

/**
 * Grades each row A to D by a weighted score of several criteria: percentile ranks (RANK.AVG / n) times normalised weights; A from the 90th percentile of the score, B the 70th, C the 40th.
 * @customfunction GRADE GRADE
 * @helpurl https://github.com/tierwise/tierwise#tiergrade
 * @param criteria The rows to grade: one column per criterion. Rows with a blank give a blank.
 * @param [weights] One weight per column, normalised to sum 1, e.g. {0.2,0.3,0.5}. Default: equal weights.
 * @param [directions] "high" or "low" per column: which way is better, e.g. {"low","high","high"} for recency, frequency, monetary. Default: all "high".
 * @param [cuts] Three ascending numbers, read as cut_by says: percentiles of the score where C, B and A start (default {0.4,0.7,0.9}); fixed scores 0–1 where they start; or the cumulative shares of the total score A, A+B and A+B+C reach (default {0.2,0.5,0.8}).
 * @param [population] The block the criteria are ranked in (same columns). Default: criteria itself.
 * @param [cut_by] "percentile" (default), "score" (fixed score cuts) or "share" (ABC-style shares of the total score, customers ranked by score).
 * @returns The grade of each row.
 * @example =TIER.GRADE(B2:D5000, {0.2,0.3,0.5}, {"low","high","high"})
 */
export function grade(criteria: unknown[][], weights?: unknown[][], directions?: unknown[][], cuts?: unknown[][], population?: unknown[][], cut_by?: string): unknown[][] {
  return gradeImpl(criteria, weights, directions, cuts, population, cut_by);
}

/**
 * The class of each row of an attribute table by an editable rule table: the first rule whose conditions all hold wins.
 * @customfunction RULES RULES
 * @helpurl https://github.com/tierwise/tierwise#tierrules
 * @param attributes The customers: a header row naming the columns (Stage, Need, Area, Revenue…), then one row per customer.
 * @param rule_table The rules: a header row (Class, optional Class zh, Colour, Strategy, then one column per attribute the rules test), then one rule per row, e.g. 中学, 大学 or >= 1000 or 10..50 or blank.
 * @param [options] "rules_case=match" to match letter case; "rules_fold=width" to treat full-width and half-width forms alike, "rules_fold=chinese" simplified and traditional Chinese (後 = 后), "rules_fold=both" both; separate with ";".
 * @param [language] "en" (default) gives the class names; "zh-CN" the Class zh labels.
 * @returns One class per customer row (no header); #N/A where no rule matches.
 * @example =TIER.RULES(A1:D301, Rules!A1:H5)
 */
export function rules(attributes: unknown[][], rule_table: unknown[][], options?: string, language?: string): unknown[][] {
  return rulesImpl(attributes, rule_table, options, language);
}

type Registered = (...args: never[]) => Out[][] | unknown[][] | Promise<unknown[][]>;

/** Every function by id, as in functions.json. */
export const FUNCTIONS: Readonly<Record<string, Registered>> = {
  RFM_TABLE: rfmTable,
  RFM_SCORE: rfmScore,
  RFM_SEGMENT: rfmSegment,
  QUANTILE_SCORE: quantileScore,
  ABC_CLASS: abcClass,
  PYRAMID: pyramid,
  LABEL: label,
  EXPLAIN: explain,
  CUTS: cuts,
  KMEANS: kmeans,
  KMEANS_PROFILE: kmeansProfile,
  CLV_FIT: clvFit,
  P_ALIVE: pAlive,
  EXPECTED_PURCHASES: expectedPurchases,
  CLV: clv,
  LIFECYCLE: lifecycle,
  MATRIX: matrix,
  GRADE: grade,
  RULES: rules,
  MIGRATION: migration,
  CHANGE: change,
};

/**
 * Registration. The metadata plugin's loader appends `CustomFunctions.associate(id, fn)` for every
 * `@customfunction` to this file's source, unguarded. This module-level binding receives those
 * calls (and ours below): each id goes to Excel's runtime once when there is one, and nothing
 * happens where there is none (the task pane page in a plain browser, Node), instead of a ReferenceError.
 */
const registered = new Set<string>();
const CustomFunctions = {
  /**
   * Associates an id with a function in Excel's runtime, once; a no-op outside Excel.
   * @example CustomFunctions.associate("ABC_CLASS", abcClass);
   */
  associate(id: string, fn: Registered): void {
    const runtime = (globalThis as { CustomFunctions?: { associate(id: string, fn: Registered): void } }).CustomFunctions;
    if (typeof runtime === 'undefined' || registered.has(id)) return;
    registered.add(id);
    runtime.associate(id, fn);
  },
};

for (const [id, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(id, fn);
