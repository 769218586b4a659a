/**
 * What the management loop adds to a pane run's plan: the playbook's labels and strategies (the
 * user's text) wherever a tier is named, and Previous tier / Change against the last snapshot —
 * in the Customers sheet or in the columns beside a customer table — with the migration matrix on
 * the summary sheet.
 */
import { CHANGE_SYMBOL, type Migration, type PlaybookRow, type TableResult, migration, pick } from '../engine';
import { withMigrationSummary, withPlaybook, withPreviousTier } from './loop-columns';
import type { ColumnPlan, PlanValue, SheetPlan, TablePlan } from './plan';

function relabel(table: TablePlan, tierColumn: string, label: (tier: string) => string | undefined): TablePlan {
  const tiers = table.columns.find((c) => c.id === tierColumn);
  const labels = table.columns.find((c) => c.id === 'tierLabel' || c.id === 'label');
  if (!tiers || !labels) return table;
  const values = labels.values.map((v, r) => {
    const t = tiers.values[r];
    return typeof t === 'string' ? (label(t) ?? v) : v;
  });
  return { ...table, columns: table.columns.map((c) => (c === labels ? { ...c, values } : c)) };
}

/**
 * The plan with the playbook's text: labels in the customer table, the beside columns, the summary
 * and the pane's tier counts; strategies in the summary.
 *
 * @example
 * withPlaybookText(plan, mergePlaybook(edits, defaults)).tierCounts[0].label; // the user's label of the best tier
 */
export function withPlaybookText(plan: SheetPlan, playbook: readonly PlaybookRow[]): SheetPlan {
  const book = new Map(playbook.map((p) => [p.key, p]));
  const label = (t: string): string | undefined => {
    const p = book.get(t);
    return p ? pick(p.label, plan.language) : undefined;
  };
  const out = withPlaybook(plan, playbook);
  return {
    ...out,
    customers: relabel(out.customers, out.tierColumn, label),
    besideInput: out.besideInput && relabel(out.besideInput, 'tier', label),
    summary: { ...out.summary, table: relabel(out.summary.table, 'tier', label) },
    tierCounts: out.tierCounts.map((t) => ({ ...t, label: label(t.tier) ?? t.label })),
  };
}

const HEADERS = {
  previousTier: { en: 'Previous tier', zh: '之前层级' },
  change: { en: 'Change', zh: '变化' },
};

/** Previous tier and Change per input row of a customer table (blank for rows without a tier). */
function besideWithPrevious(table: TablePlan, result: TableResult, changes: Map<string, { previous: string | null; change: keyof typeof CHANGE_SYMBOL }>, language: SheetPlan['language']): TablePlan {
  const rowOf = result.rowOfCustomer;
  if (!rowOf) return table;
  const c = result.classification;
  const prev: PlanValue[] = new Array<PlanValue>(table.rows).fill(null);
  const change: PlanValue[] = new Array<PlanValue>(table.rows).fill(null);
  for (let i = 0; i < rowOf.length; i++) {
    const ch = c.tiers[c.tierIndex[i]] ? changes.get(c.keys[i]) : undefined;
    if (!ch) continue;
    prev[rowOf[i]] = ch.previous;
    change[rowOf[i]] = CHANGE_SYMBOL[ch.change];
  }
  const added: ColumnPlan[] = [
    { id: 'previousTier', header: pick(HEADERS.previousTier, language), kind: 'label', values: prev },
    { id: 'change', header: pick(HEADERS.change, language), kind: 'label', values: change },
  ];
  const after = Math.max(table.columns.findIndex((x) => x.id === 'tierLabel'), table.columns.findIndex((x) => x.id === 'tier'));
  return { ...table, columns: [...table.columns.slice(0, after + 1), ...added, ...table.columns.slice(after + 1)] };
}

/** A previous snapshot: customer → tier and customer → value. */
export interface PreviousSnapshot {
  tiers: ReadonlyMap<string, string | null>;
  values: ReadonlyMap<string, number>;
}

/**
 * The migration from a previous snapshot to a run's classification (tier order: the run's).
 *
 * @example
 * snapshotMigration(result, { tiers: new Map([['c1', 'B']]), values: new Map() }).totals.up;
 */
export function snapshotMigration(result: TableResult, previous: PreviousSnapshot): Migration {
  const c = result.classification;
  const current = new Map<string, string | null>();
  c.keys.forEach((k, i) => current.set(k, c.tiers[c.tierIndex[i]]?.key ?? null));
  const values = new Map(c.keys.map((k, i) => [k, c.value[i]]));
  return migration(previous.tiers, current, c.tiers.map((t) => t.key), { current: values, previous: previous.values });
}

/**
 * The plan with Previous tier and Change columns (customer table and beside columns) against a
 * previous snapshot, and the migration matrix, totals and top movers on the summary sheet.
 *
 * @example
 * withPreviousSnapshot(plan, result, { tiers: new Map([['c1', 'B']]), values: new Map() }).customers.columns.some((c) => c.id === 'change'); // true
 */
export function withPreviousSnapshot(plan: SheetPlan, result: TableResult, previous: PreviousSnapshot, m: Migration = snapshotMigration(result, previous)): SheetPlan {
  const order = result.classification.tiers.map((t) => t.key);
  const changes = new Map(m.customers.map((x) => [x.customer, x]));
  const customers = withPreviousTier(plan.customers, plan.tierColumn, previous.tiers, order, plan.language);
  const besideInput = plan.besideInput && besideWithPrevious(plan.besideInput, result, changes, plan.language);
  return withMigrationSummary({ ...plan, customers, besideInput }, m);
}
