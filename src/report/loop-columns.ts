/**
 * The management loop's additions to a sheet plan, as post-processing (no change to how the plan
 * is built): "Previous tier" and "Change" columns against a previous snapshot, and the user's
 * playbook text in the summary's strategy column.
 */
import { CHANGE_SYMBOL, type CustomerChange, type Migration, type PlaybookRow, type TierMap, migration, migrationTable, pick, topMovers } from '../engine';
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

const MIGRATION_TEXT = {
  title: { en: 'Migration since the previous run (customers)', zh: '与上次分级相比的迁移（客户数）' },
  valueTitle: { en: 'Migration since the previous run (value)', zh: '与上次分级相比的迁移（价值）' },
  movers: { en: 'Who moved: top movers by value', zh: '层级变动客户（按价值排序）' },
  customer: { en: 'Customer', zh: '客户' },
  previous: { en: 'Previous tier', zh: '之前层级' },
  current: { en: 'Current tier', zh: '当前层级' },
  change: { en: 'Change', zh: '变化' },
  value: { en: 'Value', zh: '价值' },
  totals: { en: 'Up / down / same / new / gone', zh: '升级 / 降级 / 不变 / 新增 / 消失' },
};

/**
 * Customers' changes as a table: customer, previous tier, current tier, change (↑ ↓ = new gone),
 * value — the summary's top movers and the CLI's Changes sheet.
 *
 * @example
 * changesTable("TierwiseMovers", topMovers(m, 10), "en").columns.map((c) => c.id); // ["customer", "previousTier", "currentTier", "change", "value"]
 */
export function changesTable(name: string, rows: readonly CustomerChange[], language: Language): TablePlan {
  return {
    name,
    rows: rows.length,
    columns: [
      { id: 'customer', header: pick(MIGRATION_TEXT.customer, language), kind: 'text', values: rows.map((x) => x.customer) },
      { id: 'previousTier', header: pick(MIGRATION_TEXT.previous, language), kind: 'label', values: rows.map((x) => x.previous) },
      { id: 'currentTier', header: pick(MIGRATION_TEXT.current, language), kind: 'label', values: rows.map((x) => x.current) },
      { id: 'change', header: pick(MIGRATION_TEXT.change, language), kind: 'label', values: rows.map((x) => CHANGE_SYMBOL[x.change]) },
      { id: 'value', header: pick(MIGRATION_TEXT.value, language), kind: 'money', values: rows.map((x) => x.value) },
    ],
  };
}

/**
 * A migration matrix (`migrationTable`'s rows: header row, then one row per previous tier) as a
 * table: the tier column, then counts or money.
 *
 * @example
 * matrixTable("TierwiseMigration", migrationTable(m, "en"), "integer").columns[0].id; // "tier"
 */
export function matrixTable(name: string, rows: readonly (readonly (string | number)[])[], kind: 'integer' | 'money'): TablePlan {
  const [head, ...body] = rows;
  const columns: ColumnPlan[] = head.map((h, k) => ({ id: k === 0 ? 'tier' : `c${k}`, header: String(h), kind: k === 0 ? 'label' : kind, values: body.map((r) => r[k]) }));
  return { name, columns, rows: body.length };
}

/**
 * Adds the migration matrix (counts and value), the up/down/same/new/gone totals and the top
 * movers by value to the summary sheet, as extra tables below the method's own.
 *
 * @example
 * withMigrationSummary(plan, migration(previous, current, ['A', 'B', 'C'], { current: values }), 10).summary.extras.length;
 */
export function withMigrationSummary(plan: SheetPlan, m: Migration, top = 10): SheetPlan {
  const lang = plan.language;
  const movers = changesTable('TierwiseMovers', topMovers(m, top), lang);
  const t = m.totals;
  const extras = [
    ...plan.summary.extras,
    { title: `${pick(MIGRATION_TEXT.title, lang)} — ${pick(MIGRATION_TEXT.totals, lang)}: ${t.up} / ${t.down} / ${t.same} / ${t.new} / ${t.gone}`, table: matrixTable('TierwiseMigration', migrationTable(m, lang), 'integer') },
    { title: pick(MIGRATION_TEXT.valueTitle, lang), table: matrixTable('TierwiseMigrationValue', migrationTable(m, lang, 'values'), 'money') },
    { title: pick(MIGRATION_TEXT.movers, lang), table: movers },
  ];
  return { ...plan, summary: { ...plan.summary, extras } };
}
