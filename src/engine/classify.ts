/**
 * One entry point for the adapters: customers in, tiers, the fitted model, explanations and a
 * summary out — for any method in the registry.
 */
import { TierwiseError } from './errors';
import { resolveParams } from './methods/params';
import { type MethodId, methodById } from './methods/registry';
import type { CustomerInput, Fit, Lang, MeasureRow, MethodAudit, Measures, MethodColumn, MethodModule, MethodTable, ParamValues } from './methods/types';
import type { TieRule } from './quantile';
import { type SkipLog, emptySkipLog } from './skips';
import { type TierSummary, summarizeTiers } from './summary';
import type { TierDef } from './tiers';

/** Progress of a long fit: (steps done, steps in all); returning false stops the fit. */
export type FitProgress = (done: number, total: number) => boolean | void;

/**
 * Options for {@link classifyCustomers}: the method id, its parameters by engine name
 * (`bins`, `aShare`, `pyramidCuts`, … — see each method's `params`), and engine-wide options.
 */
export interface ClassifyOptions {
  method: MethodId;
  /** "safe" (default) or "first" (pandas-compatible). */
  ties?: TieRule;
  /**
   * Progress of a long fit (k-means: its k table), called with (steps done, steps in all);
   * returning false stops the fit with an error. For a progress bar and a Cancel button.
   */
  progress?: FitProgress;
  [param: string]: unknown;
}

/** The result of a classification. */
export interface Classification {
  method: MethodId;
  /** The method's parameters as used (defaults filled in). */
  params: ParamValues;
  tiers: readonly TierDef[];
  keys: readonly string[];
  /** The value tiers are measured on (monetary for transactions). */
  value: Float64Array;
  /** Index into `tiers` per customer; NO_CLASS = not classified (missing value). */
  tierIndex: Uint8Array;
  /** The fitted model (plain data). */
  model: unknown;
  /** The whole fit (tiers, model and the method's private state), for the method's `assign` and `explain`. */
  fit: Fit;
  /** Extra per-customer columns of the method (e.g. RFM's scores). */
  columns: MethodColumn[];
  /** Extra summary tables of the method (e.g. ABC's Pareto data). */
  tables: MethodTable[];
  summary: TierSummary[];
  skipped: SkipLog;
  /** Why customer i got its tier, in one line. */
  explain: (i: number, lang: Lang) => string;
  /** The cut points in one sentence. */
  describe: (lang: Lang) => string;
  /** The method's own notes for the summary sheet ([label, text] pairs). */
  notes: (lang: Lang) => [string, string][];
  /** The method's check of the fit (e.g. the rules' coverage report), or null when it has none. */
  audit: (lang: Lang) => MethodAudit | null;
}

function column(input: CustomerInput, name: 'value' | 'recency' | 'frequency' | 'monetary'): Float64Array | undefined {
  const col = input[name];
  if (!col) return undefined;
  if (col.length !== input.keys.length) {
    throw new TierwiseError('length', `the ${name} column has ${col.length} rows but there are ${input.keys.length} customers`);
  }
  return col instanceof Float64Array ? col : Float64Array.from(col);
}

/**
 * The measures a method needs, from a customer input; throws naming the missing column.
 *
 * @example
 * measuresFor(abc, { keys: ["a"], value: [5] }).value; // Float64Array [5]
 */
export function measuresFor(method: MethodModule, input: CustomerInput): Measures {
  const value = column(input, 'value') ?? column(input, 'monetary');
  if (!value) throw new TierwiseError('column', 'the value column is required for this method');
  const m: Measures = { n: input.keys.length, value, customers: input.customers, purchases: input.purchases, extra: input.extra };
  for (const need of method.needs) {
    if (need === 'value') continue;
    const col = column(input, need);
    if (!col) throw new TierwiseError('column', `the ${need} column is required for ${method.id}`);
    m[need] = col;
  }
  for (const extra of ['recency', 'frequency', 'monetary'] as const) if (!m[extra]) m[extra] = column(input, extra);
  return m;
}

/**
 * The measures of customer i, for explanations and per-row assignment.
 *
 * @example
 * measureRow({ n: 1, value: Float64Array.of(5) }, 0); // { value: 5 }
 */
export function measureRow(m: Measures, i: number): MeasureRow {
  const row: MeasureRow = { value: m.value[i] };
  if (m.recency) row.recency = m.recency[i];
  if (m.frequency) row.frequency = m.frequency[i];
  if (m.monetary) row.monetary = m.monetary[i];
  return row;
}

/**
 * Fits a method to measures with checked parameters (no summary): for the per-row functions.
 *
 * @example
 * fitMethod("abc", { n: 3, value: Float64Array.of(70, 20, 10) }, {}).tierIndex; // Uint8Array [0, 1, 2]
 */
export function fitMethod(id: string, measures: Measures, given: Readonly<Record<string, unknown>>, ties: TieRule = 'safe'): { method: MethodModule; params: ParamValues; fit: Fit } {
  const method = methodById(id);
  const params = resolveParams(method, given);
  return { method, params, fit: method.classify(measures, { params, ties, options: given }) };
}

/**
 * Classifies customers with one method.
 *
 * @example
 * const c = classifyCustomers({ keys: ["a", "b", "c"], value: [70, 20, 10] }, { method: "abc" });
 * c.tierIndex; // Uint8Array [0, 1, 2]
 * c.summary.map((s) => s.customers); // [1, 1, 1]
 * c.explain(0, "en"); // "A: customers ranked above hold 0% of value; with this customer 70% (≤ 80%)"
 */
export function classifyCustomers(input: CustomerInput, options: ClassifyOptions): Classification {
  const skipped = input.skipped ?? emptySkipLog();
  const method = methodById(options.method);
  const measures = measuresFor(method, input);
  const { params, fit } = fitMethod(method.id, measures, options, options.ties ?? 'safe');
  const tiers = fit.tiers ?? method.tiers(params);
  const { tierIndex } = fit;
  const summary = summarizeTiers(tiers, tierIndex, measures.value, measures);
  return {
    method: method.id as MethodId,
    params,
    tiers,
    keys: input.keys,
    value: measures.value,
    tierIndex,
    model: fit.model,
    fit,
    columns: method.columns?.(fit, measures) ?? [],
    tables: method.tables?.(fit, measures, input.keys) ?? [],
    summary,
    skipped,
    explain: (i, lang) => method.explain({ fit, row: measureRow(measures, i), tier: tierIndex[i], lang, index: i }),
    describe: (lang) => method.describe(fit.model, lang),
    notes: (lang) => method.notes?.(fit, summary, lang) ?? [],
    audit: (lang) => method.audit?.(fit, input.keys, lang) ?? null,
  };
}
