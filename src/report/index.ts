/**
 * The report layer: engine results → a sheet plan (plain data, no I/O).
 */
import type { TableResult } from '../engine';
import type { Language } from '../i18n/strings';
import { buildBesideInput, buildCustomersTable } from './customers-table';
import { buildIssues } from './issues';
import type { SheetPlan } from './plan';
import { buildSummarySheet } from './summary-sheet';

export * from './customers-table';
export * from './format';
export * from './issues';
export * from './plan';
export * from './summary-sheet';

/** Options for {@link buildSheetPlan}. */
export interface PlanOptions {
  language: Language;
  /** Added to 1-based data row numbers in issue lines (e.g. the sheet row of the first data row − 1). */
  rowOffset?: number;
}

/**
 * Builds everything a run writes from a classified table.
 *
 * @example
 * const plan = buildSheetPlan(classifyTable(columns, { method: "abc" }), { language: "en" });
 * plan.colorRules.length; // 3 (A, B, C)
 */
export function buildSheetPlan(result: TableResult, options: PlanOptions): SheetPlan {
  const { language } = options;
  const c = result.classification;
  const zh = language === 'zh-CN';
  const customers = buildCustomersTable(result, language);
  const counts = new Map(c.summary.map((s) => [s.tier, s.customers]));
  return {
    method: c.method,
    language,
    level: result.level,
    customers,
    tierColumn: c.method === 'rfm' ? 'segment' : 'tier',
    besideInput: buildBesideInput(result, language),
    colorRules: c.tiers.map((tier) => ({ tier: tier.key, fill: tier.color, fontColor: tier.textColor })),
    summary: buildSummarySheet(result, language),
    issues: buildIssues(c.skipped, language, options.rowOffset ?? 0),
    tierCounts: c.tiers.map((tier) => ({
      tier: tier.key,
      label: zh ? tier.label.zh : tier.label.en,
      customers: counts.get(tier.key) ?? 0,
      fill: tier.color,
      fontColor: tier.textColor,
    })),
  };
}
