/** The customer table of a run: one row per customer with the measures, scores and tier. */
import type { TableResult } from '../engine';
import { type Language, t } from '../i18n/strings';
import type { ColumnPlan, PlanValue, TablePlan } from './plan';

/** Excel table name of the customer table. */
export const CUSTOMERS_TABLE = 'TierwiseCustomers';

function col(id: string, header: string, kind: ColumnPlan['kind'], values: PlanValue[]): ColumnPlan {
  return { id, header, kind, values };
}

function fromArray(values: ArrayLike<number>, round = false): PlanValue[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? (round ? Math.floor(v) : v) : null));
}

/**
 * Builds the customer table: customer id, purchase dates and RFM measures (transactions), the
 * R/F/M scores, code and segment (RFM) or the value (customer tables), then the tier and its label.
 *
 * @example
 * const table = buildCustomersTable(result, "en");
 * table.columns.map((c) => c.id); // ["customer", "first", "last", "recency", …, "tier", "tierLabel"]
 */
export function buildCustomersTable(result: TableResult, language: Language): TablePlan {
  const c = result.classification;
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
  const zh = language === 'zh-CN';
  const tierKeys: PlanValue[] = new Array<PlanValue>(n);
  const tierLabels: PlanValue[] = new Array<PlanValue>(n);
  for (let i = 0; i < n; i++) {
    const tier = c.tiers[c.tierIndex[i]];
    tierKeys[i] = tier ? tier.key : null;
    tierLabels[i] = tier ? (zh ? tier.label.zh : tier.label.en) : null;
  }
  if (c.rfm) {
    const { r, f, m, code } = c.rfm;
    const score = (a: Uint8Array): PlanValue[] => Array.from(a, (v) => (v === 0 ? null : v));
    columns.push(
      col('r', t(language, 'col.r'), 'integer', score(r)),
      col('f', t(language, 'col.f'), 'integer', score(f)),
      col('m', t(language, 'col.m'), 'integer', score(m)),
      col('rfm', t(language, 'col.rfm'), 'integer', Array.from(code, (v) => (v === 0 ? null : v))),
      col('segment', t(language, 'col.segment'), 'label', tierKeys),
    );
  } else {
    columns.push(col('tier', t(language, 'col.tier'), 'label', tierKeys));
  }
  columns.push(col('tierLabel', t(language, 'col.tierLabel'), 'label', tierLabels));
  return { name: CUSTOMERS_TABLE, columns, rows: n };
}

/**
 * For customer tables: the tier and its label per input row (blank for skipped rows), to be
 * written beside the user's data.
 *
 * @example
 * buildBesideInput(result, "en")?.columns[0].values; // ["A", null, "C", …]
 */
export function buildBesideInput(result: TableResult, language: Language): TablePlan | null {
  const rowOf = result.rowOfCustomer;
  if (result.level !== 'customers' || !rowOf) return null;
  const c = result.classification;
  const zh = language === 'zh-CN';
  const keys: PlanValue[] = new Array<PlanValue>(result.inputRows).fill(null);
  const labels: PlanValue[] = new Array<PlanValue>(result.inputRows).fill(null);
  for (let i = 0; i < rowOf.length; i++) {
    const tier = c.tiers[c.tierIndex[i]];
    if (!tier) continue;
    keys[rowOf[i]] = tier.key;
    labels[rowOf[i]] = zh ? tier.label.zh : tier.label.en;
  }
  return {
    name: 'TierwiseTiers',
    columns: [col('tier', t(language, 'col.tier'), 'label', keys), col('tierLabel', t(language, 'col.tierLabel'), 'label', labels)],
    rows: result.inputRows,
  };
}
