/**
 * One entry point for the adapters: customers in, tiers, cut points and a summary out.
 */
import { type AbcCuts, type AbcRule, abcClasses, checkRule } from './abc';
import { TierwiseError } from './errors';
import { type PyramidThresholds, DEFAULT_PYRAMID_CUTS, pyramidTiers } from './pyramid';
import type { TieRule } from './quantile';
import { type RfmScores, scoreRfm } from './rfm';
import type { SegmentRule } from './segments';
import { type SkipLog, emptySkipLog } from './skips';
import { type TierSummary, summarizeTiers } from './summary';
import { ABC_TIERS, PYRAMID_TIERS, SEGMENT_TIERS, type TierDef } from './tiers';

/** The classification methods. */
export type Method = 'rfm' | 'abc' | 'pyramid';

/** Every method, in menu order. */
export const METHODS: readonly Method[] = ['rfm', 'abc', 'pyramid'];

/**
 * Customers to classify: keys plus either a value (ABC, pyramid) or the RFM measures
 * (a `Customers` table from `aggregateTransactions` fits as it is; its monetary is the value).
 */
export interface CustomerInput {
  keys: readonly string[];
  value?: ArrayLike<number>;
  recency?: ArrayLike<number>;
  frequency?: ArrayLike<number>;
  monetary?: ArrayLike<number>;
  skipped?: SkipLog;
}

/** Options for {@link classifyCustomers}. */
export interface ClassifyOptions {
  method: Method;
  /** RFM scores per measure, 2…10. Default 5. */
  bins?: number;
  /** "safe" (default) or "first" (pandas-compatible). */
  ties?: TieRule;
  aShare?: number;
  bShare?: number;
  /** ABC: "reach" (default; the group crossing a_share is A) or "within" (cumulative share ≤ a_share). */
  abcRule?: AbcRule;
  pyramidCuts?: readonly number[];
  rules?: readonly SegmentRule[];
}

/** The cut points a method used, for the UI, formulas and the summary sheet. */
export type MethodCuts =
  | { method: 'abc'; aShare: number; bShare: number; /** "reach" when absent. */ rule?: AbcRule; a: number | null; b: number | null }
  | { method: 'pyramid'; shares: readonly number[]; thresholds: PyramidThresholds }
  | { method: 'rfm'; bins: number; recency: (number | null)[]; frequency: (number | null)[]; monetary: (number | null)[] };

/** The result of a classification. */
export interface Classification {
  method: Method;
  tiers: readonly TierDef[];
  keys: readonly string[];
  /** The value tiers are measured on (monetary for RFM). */
  value: Float64Array;
  /** Index into `tiers` per customer; 255 = not classified (missing value). */
  tierIndex: Uint8Array;
  rfm?: RfmScores;
  cuts: MethodCuts;
  summary: TierSummary[];
  skipped: SkipLog;
}

function column(input: CustomerInput, name: 'value' | 'recency' | 'frequency' | 'monetary'): Float64Array {
  const col = input[name];
  if (!col) throw new TierwiseError('column', `the ${name} column is required for this method`);
  if (col.length !== input.keys.length) {
    throw new TierwiseError('length', `the ${name} column has ${col.length} rows but there are ${input.keys.length} customers`);
  }
  return col instanceof Float64Array ? col : Float64Array.from(col);
}

/**
 * Classifies customers with one method.
 *
 * @example
 * const c = classifyCustomers({ keys: ["a", "b", "c"], value: [70, 20, 10] }, { method: "abc" });
 * c.tierIndex; // Uint8Array [0, 1, 2]
 * c.summary.map((s) => s.customers); // [1, 1, 1]
 */
export function classifyCustomers(input: CustomerInput, options: ClassifyOptions): Classification {
  const skipped = input.skipped ?? emptySkipLog();
  const ties = options.ties ?? 'safe';
  if (options.method === 'rfm') {
    const recency = column(input, 'recency');
    const frequency = column(input, 'frequency');
    const monetary = column(input, 'monetary');
    const rfm = scoreRfm({ recency, frequency, monetary }, { bins: options.bins, ties, rules: options.rules });
    const position = new Map(SEGMENT_TIERS.map((t, i) => [t.key, i]));
    const tierIndex = new Uint8Array(recency.length);
    for (let i = 0; i < tierIndex.length; i++) tierIndex[i] = position.get(rfm.segment[i]) ?? 255;
    return {
      method: 'rfm',
      tiers: SEGMENT_TIERS,
      keys: input.keys,
      value: monetary,
      tierIndex,
      rfm,
      cuts: { method: 'rfm', bins: rfm.bins, ...rfm.cuts },
      summary: summarizeTiers(SEGMENT_TIERS, tierIndex, monetary, { recency, frequency, monetary }),
      skipped,
    };
  }
  const value = input.value ? column(input, 'value') : column(input, 'monetary');
  const measures = { recency: input.recency, frequency: input.frequency, monetary: input.monetary };
  if (options.method === 'abc') {
    const aShare = options.aShare ?? 0.8;
    const bShare = options.bShare ?? 0.95;
    const rule = checkRule(options.abcRule);
    const { classes, cuts } = abcClasses(value, { aShare, bShare, ties, rule });
    return result('abc', ABC_TIERS, classes, abcCutsOf(cuts, aShare, bShare, rule));
  }
  if (options.method === 'pyramid') {
    const shares = options.pyramidCuts ?? DEFAULT_PYRAMID_CUTS;
    if (shares.length !== PYRAMID_TIERS.length - 1) {
      throw new TierwiseError('cuts', `the pyramid takes ${PYRAMID_TIERS.length - 1} cuts (Platinum, Gold, Iron), got ${shares.length}`);
    }
    const { tiers, thresholds } = pyramidTiers(value, { cuts: shares, ties });
    return result('pyramid', PYRAMID_TIERS, tiers, { method: 'pyramid', shares, thresholds });
  }
  throw new TierwiseError('option', `unknown method "${String(options.method)}" (use rfm, abc or pyramid)`);

  function result(method: Method, tiers: readonly TierDef[], tierIndex: Uint8Array, cuts: MethodCuts): Classification {
    return { method, tiers, keys: input.keys, value, tierIndex, cuts, summary: summarizeTiers(tiers, tierIndex, value, measures), skipped };
  }
}

function abcCutsOf(cuts: AbcCuts, aShare: number, bShare: number, rule: AbcRule): MethodCuts {
  return { method: 'abc', aShare, bShare, rule, a: cuts.a, b: cuts.b };
}
