/** The JSON output: customers, the per-tier summary, the fitted model and the skipped-row counts. */
import { type TableResult, isoDate, methodById } from '../engine';
import type { Language } from '../i18n/strings';
import type { SheetPlan } from '../report';

/** One customer in the JSON output. */
export interface JsonCustomer {
  customer: string;
  value: number;
  tier: string | null;
  tierLabel: string | null;
  recency?: number;
  frequency?: number;
  monetary?: number;
  firstPurchase?: string;
  lastPurchase?: string;
  /** The method's own columns (RFM: r, f, m, score) and tier column when not "tier" (RFM: segment). */
  [methodColumn: string]: string | number | null | undefined;
  /** Customer tables: the input row number. */
  row?: number;
  /** Why the customer got its tier. */
  why: string;
}

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Builds the JSON document of a run.
 *
 * @example
 * const doc = jsonDocument(result, plan, (i) => i + 2);
 * doc.summary[0]; // { tier: "A", customers: 812, value: 40210.5, customerShare: 0.19, valueShare: 0.79, … }
 */
export function jsonDocument(result: TableResult, plan: SheetPlan, rowNumber: (i: number) => number, language: Language = 'en'): Record<string, unknown> {
  const c = result.classification;
  const method = methodById(c.method);
  const tierColumn = method.tierColumn.id;
  const labels = new Map(plan.tierCounts.map((t) => [t.tier, t.label]));
  const cust = result.customers;
  const customers: JsonCustomer[] = c.keys.map((key, i) => {
    const tier = c.tiers[c.tierIndex[i]]?.key ?? null;
    const row: JsonCustomer = { customer: key, value: round(c.value[i]), tier, tierLabel: tier === null ? null : (labels.get(tier) ?? null), why: '' };
    if (cust) {
      row.recency = cust.recency[i];
      row.frequency = cust.frequency[i];
      row.monetary = round(cust.monetary[i]);
      row.firstPurchase = isoDate(cust.first[i]);
      row.lastPurchase = isoDate(cust.last[i]);
    }
    for (const col of c.columns) row[col.json ?? col.id] = col.values[i] ?? 0;
    if (tierColumn !== 'tier') row[tierColumn] = tier ?? '';
    if (result.rowOfCustomer) row.row = rowNumber(result.rowOfCustomer[i]);
    row.why = c.explain(i, language);
    return row;
  });
  const summary = c.summary.map((s) => ({
    tier: s.tier,
    label: labels.get(s.tier) ?? s.tier,
    customers: s.customers,
    value: round(s.value),
    customerShare: round(s.customerShare),
    valueShare: round(s.valueShare),
    meanRecency: s.meanRecency,
    meanFrequency: s.meanFrequency,
    meanMonetary: s.meanMonetary,
    minValue: s.minValue,
    maxValue: s.maxValue,
  }));
  return {
    method: c.method,
    level: result.level,
    asOf: cust ? isoDate(cust.asOf) : undefined,
    inputRows: result.inputRows,
    rowsUsed: result.inputRows - c.skipped.total,
    cuts: { method: c.method, ...(c.model as object) },
    model: { method: c.method, params: c.params, ...(c.model as object) },
    customers,
    summary,
    skipped: {
      total: c.skipped.total,
      byReason: plan.issues.byReason.map((r) => ({ column: r.column, reason: r.reason, count: r.count, message: r.message })),
      first: plan.issues.lines.slice(0, 20).map((l) => ({ row: l.row, column: l.column, reason: l.reason, message: l.message })),
    },
  };
}
