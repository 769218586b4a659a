/** The customer table of a run: one row per customer with the measures, the method's columns and the tier. */
import { type TableResult, methodById, pick } from '../engine';
import { type Language, t } from '../i18n/strings';
import type { ColumnPlan, PlanValue, TablePlan } from './plan';

/** Excel table name of the customer table. */
export const CUSTOMERS_TABLE = 'TierwiseCustomers';

/** Options of the customer table. */
export interface CustomersTableOptions {
  /** Add the "Why" column: the reason for each customer's tier. */
  explain?: boolean;
}

function col(id: string, header: string, kind: ColumnPlan['kind'], values: PlanValue[]): ColumnPlan {
  return { id, header, kind, values };
}

function fromArray(values: ArrayLike<number>, round = false): PlanValue[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? (round ? Math.floor(v) : v) : null));
}

/**
 * The reason for each customer's tier, in a language.
 *
 * @example
 * explanations(result, "en")[0]; // "A: customers ranked above hold 0% of value; with this customer 70% (≤ 80%)"
 */
export function explanations(result: TableResult, language: Language): string[] {
  const c = result.classification;
  return Array.from({ length: c.keys.length }, (_, i) => c.explain(i, language));
}

/**
 * Builds the customer table: customer id, purchase dates and RFM measures (transactions) or the
 * value (customer tables), the method's own columns (e.g. R/F/M scores), the tier, its label
 * and, with `explain`, the reason.
 *
 * @example
 * const table = buildCustomersTable(result, "en");
 * table.columns.map((c) => c.id); // ["customer", "first", "last", "recency", …, "tier", "tierLabel"]
 */
export function buildCustomersTable(result: TableResult, language: Language, options: CustomersTableOptions = {}): TablePlan {
  const c = result.classification;
  const method = methodById(c.method);
  const n = c.keys.length;
  const columns: ColumnPlan[] = [col('customer', t(language, 'col.customer'), 'text', [...c.keys])];
  const cust = result.customers;
  if (cust) {
    columns.push(
      col('first', t(language, 'col.firstPurchase'), 'date', fromArray(cust.first, true)),
      col('last', t(language, 'col.lastPurchase'), 'date', fromArray(cust.last, true)),
      col('recency', t(language, 'col.recency'), 'integer', fromArray(cust.recency)),
      col('frequency', t(language, 'col.frequency'), 'integer', fromArray(cust.frequency)),
      col('monetary', t(language, 'col.monetary'), 'money', fromArray(cust.monetary)),
    );
  } else {
    columns.push(col('value', t(language, 'col.value'), 'money', fromArray(c.value)));
  }
  for (const extra of c.columns) columns.push(col(extra.id, pick(extra.header, language), extra.kind, [...extra.values]));
  const tierKeys: PlanValue[] = new Array<PlanValue>(n);
  const tierLabels: PlanValue[] = new Array<PlanValue>(n);
  for (let i = 0; i < n; i++) {
    const tier = c.tiers[c.tierIndex[i]];
    tierKeys[i] = tier ? tier.key : null;
    tierLabels[i] = tier ? pick(tier.label, language) : null;
  }
  columns.push(col(method.tierColumn.id, pick(method.tierColumn.header, language), 'label', tierKeys));
  columns.push(col('tierLabel', t(language, 'col.tierLabel'), 'label', tierLabels));
  if (options.explain) columns.push(col('why', t(language, 'col.why'), 'label', explanations(result, language)));
  return { name: CUSTOMERS_TABLE, columns, rows: n };
}

/**
 * For customer tables: the tier and its label per input row (blank for skipped rows), to be
 * written beside the user's data; with `explain`, the reason too.
 *
 * @example
 * buildBesideInput(result, "en")?.columns[0].values; // ["A", null, "C", …]
 */
export function buildBesideInput(result: TableResult, language: Language, options: CustomersTableOptions = {}): TablePlan | null {
  const rowOf = result.rowOfCustomer;
  if (result.level !== 'customers' || !rowOf) return null;
  const c = result.classification;
  const keys: PlanValue[] = new Array<PlanValue>(result.inputRows).fill(null);
  const labels: PlanValue[] = new Array<PlanValue>(result.inputRows).fill(null);
  const why: PlanValue[] | null = options.explain ? new Array<PlanValue>(result.inputRows).fill(null) : null;
  for (let i = 0; i < rowOf.length; i++) {
    const tier = c.tiers[c.tierIndex[i]];
    if (!tier) continue;
    keys[rowOf[i]] = tier.key;
    labels[rowOf[i]] = pick(tier.label, language);
    if (why) why[rowOf[i]] = c.explain(i, language);
  }
  const columns = [col('tier', t(language, 'col.tier'), 'label', keys), col('tierLabel', t(language, 'col.tierLabel'), 'label', labels)];
  if (why) columns.push(col('why', t(language, 'col.why'), 'label', why));
  return { name: 'TierwiseTiers', columns, rows: result.inputRows };
}
