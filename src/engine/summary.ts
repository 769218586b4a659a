/**
 * Per-tier summary: customers, shares, value, means of the RFM measures, value range.
 */
import { max, mean, min, sum } from 'simple-statistics';
import type { TierDef } from './tiers';

/** One summary row. Means are null when the measure is not available or the tier is empty. */
export interface TierSummary {
  tier: string;
  order: number;
  customers: number;
  /** Share of classified customers, 0…1; shares of all tiers sum to 1. */
  customerShare: number;
  /** Total value of the tier's customers. */
  value: number;
  /** Share of the total value (0 when the total is 0); sums to 1 over the tiers otherwise. */
  valueShare: number;
  meanRecency: number | null;
  meanFrequency: number | null;
  meanMonetary: number | null;
  /** Smallest and largest value in the tier. */
  minValue: number | null;
  maxValue: number | null;
}

/** Optional per-customer measures to average per tier. */
export interface SummaryMeasures {
  recency?: ArrayLike<number>;
  frequency?: ArrayLike<number>;
  monetary?: ArrayLike<number>;
}

/**
 * Summarises customers by tier. Customers with tier index outside `tiers` (e.g. NO_CLASS)
 * are left out.
 *
 * @example
 * const rows = summarizeTiers(ABC_TIERS, new Uint8Array([0, 0, 2]), [60, 30, 10]);
 * rows[0]; // { tier: "A", customers: 2, customerShare: 0.666…, value: 90, valueShare: 0.9, … }
 */
export function summarizeTiers(
  tiers: readonly TierDef[],
  tierIndex: ArrayLike<number>,
  value: ArrayLike<number>,
  measures: SummaryMeasures = {},
): TierSummary[] {
  const members: number[][] = tiers.map(() => []);
  for (let i = 0; i < tierIndex.length; i++) {
    const t = tierIndex[i];
    if (t < tiers.length && value[i] === value[i]) members[t].push(i);
  }
  const classified = members.reduce((acc, m) => acc + m.length, 0);
  const totals = members.map((m) => sum(m.map((i) => value[i])));
  const total = sum(totals);
  const meanOf = (col: ArrayLike<number> | undefined, m: number[]): number | null => {
    if (!col || m.length === 0) return null;
    return mean(m.map((i) => col[i]));
  };
  return tiers.map((t, k) => {
    const m = members[k];
    const values = m.map((i) => value[i]);
    return {
      tier: t.key,
      order: t.order,
      customers: m.length,
      customerShare: classified === 0 ? 0 : m.length / classified,
      value: totals[k],
      valueShare: total === 0 ? 0 : totals[k] / total,
      meanRecency: meanOf(measures.recency, m),
      meanFrequency: meanOf(measures.frequency, m),
      meanMonetary: meanOf(measures.monetary, m),
      minValue: values.length ? min(values) : null,
      maxValue: values.length ? max(values) : null,
    };
  });
}
