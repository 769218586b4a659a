/**
 * The management loop's additions to a sheet plan, as post-processing (no change to how the plan
 * is built): "Previous tier" and "Change" columns against a previous snapshot, and the user's
 * playbook text in the summary's strategy column.
 */
import { CHANGE_SYMBOL, type PlaybookRow, type TierMap, migration, pick } from '../engine';
import type { Language } from '../i18n/strings';
import type { ColumnPlan, PlanValue, SheetPlan, TablePlan } from './plan';

const HEADERS = {
  previousTier: { en: 'Previous tier', zh: '之前层级' },
  change: { en: 'Change', zh: '变化' },
};

/**
 * Adds "Previous tier" and "Change" (↑ ↓ = new) columns to a customers table, after its tier
 * label column (else after the tier column, else at the end). Rows are matched by the `customer`
 * column; a row without a tier gets blanks. `tierOrder` is best first.
 *
 * @example
 * withPreviousTier(plan.customers, plan.tierColumn, { C1: 'B' }, ['A', 'B', 'C'], 'en').columns.map((c) => c.id);
 * // [..., "tier", "tierLabel", "previousTier", "change"]
 */
export function withPreviousTier(table: TablePlan, tierColumn: string, previous: TierMap, tierOrder: readonly string[], language: Language): TablePlan {
  const customer = table.columns.find((c) => c.id === 'customer');
  const tier = table.columns.find((c) => c.id === tierColumn);
  if (!customer || !tier) return table;
  const current = new Map<string, string | null>();
  for (let r = 0; r < table.rows; r++) {
    const k = customer.values[r];
    const t = tier.values[r];
    if (k !== null && typeof t === 'string' && t !== '') current.set(String(k), t);
  }
  const m = migration(previous, current, tierOrder);
  const byKey = new Map(m.customers.map((c) => [c.customer, c]));
  const prevValues: PlanValue[] = [];
  const changeValues: PlanValue[] = [];
  for (let r = 0; r < table.rows; r++) {
    const t = tier.values[r];
    const ch = typeof t === 'string' && t !== '' ? byKey.get(String(customer.values[r])) : undefined;
    prevValues.push(ch?.previous ?? null);
    changeValues.push(ch ? CHANGE_SYMBOL[ch.change] : null);
  }
  const added: ColumnPlan[] = [
    { id: 'previousTier', header: pick(HEADERS.previousTier, language), kind: 'label', values: prevValues },
    { id: 'change', header: pick(HEADERS.change, language), kind: 'label', values: changeValues },
  ];
  const after = Math.max(table.columns.findIndex((c) => c.id === 'tierLabel'), table.columns.indexOf(tier));
  const columns = [...table.columns.slice(0, after + 1), ...added, ...table.columns.slice(after + 1)];
  return { ...table, columns };
}

/**
 * Puts the playbook's strategy (in the plan's language) in the summary table's strategy column,
 * for every tier the playbook has a row for.
 *
 * @example
 * withPlaybook(plan, mergePlaybook(userRows, defaultPlaybook('abc'))).summary.table;
 */
export function withPlaybook(plan: SheetPlan, playbook: readonly PlaybookRow[]): SheetPlan {
  const table = plan.summary.table;
  const tiers = table.columns.find((c) => c.id === 'tier');
  const strategy = table.columns.find((c) => c.id === 'strategy');
  if (!tiers || !strategy) return plan;
  const book = new Map(playbook.map((p) => [p.key, p]));
  const values = strategy.values.map((v, r) => {
    const row = book.get(String(tiers.values[r]));
    return row ? pick(row.strategy, plan.language) : v;
  });
  const columns = table.columns.map((c) => (c === strategy ? { ...c, values } : c));
  return { ...plan, summary: { ...plan.summary, table: { ...table, columns } } };
}
