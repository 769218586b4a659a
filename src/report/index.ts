/**
 * The report layer: engine results → a sheet plan (plain data, no I/O).
 */
import { type TableResult, methodById, pick } from '../engine';
import type { Language } from '../i18n/strings';
import { buildBesideInput, buildCustomersTable } from './customers-table';
import { buildIssues } from './issues';
import { tidyNumber } from './format';
import type { SheetPlan, TablePlan } from './plan';
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
  /** Add the reason for each customer's tier ("Why") to the customer columns. */
  explain?: boolean;
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
  const explain = options.explain ?? false;
  const customers = tidy(buildCustomersTable(result, language, { explain }));
  const counts = new Map(c.summary.map((s) => [s.tier, s.customers]));
  return {
    method: c.method,
    language,
    level: result.level,
    customers,
    tierColumn: methodById(c.method).tierColumn.id,
    besideInput: buildBesideInput(result, language, { explain }),
    colorRules: c.tiers.map((tier) => ({ tier: tier.key, fill: tier.color, fontColor: tier.textColor })),
    summary: tidySummary(buildSummarySheet(result, language)),
    issues: buildIssues(c.skipped, language, options.rowOffset ?? 0),
    tierCounts: c.tiers.map((tier) => ({
      tier: tier.key,
      label: pick(tier.label, language),
      customers: counts.get(tier.key) ?? 0,
      fill: tier.color,
      fontColor: tier.textColor,
    })),
  };
}

/** Numbers of a table as Excel holds them (15 significant digits: sums of cents read as cents). */
function tidy(table: TablePlan): TablePlan {
  for (const column of table.columns) column.values = column.values.map(tidyNumber);
  return table;
}

function tidySummary(summary: SheetPlan['summary']): SheetPlan['summary'] {
  tidy(summary.table);
  for (const extra of summary.extras) tidy(extra.table);
  return summary;
}
export * from './loop-columns';
export * from './call-list-sheet';
export * from './history';
export * from './loop-plan';
export * from './playbook-sheet';
export * from './loop-apply';
