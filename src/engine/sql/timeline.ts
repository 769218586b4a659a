/**
 * The purchase timeline in SQL, for methods that read each purchase (lifecycle classes, CLV, a
 * `clv` column of the value matrix, grades or k-means): the purchase rows the engine's
 * `purchaseRows` (`../purchases.ts`) picks — customers of the customer table, a positive amount
 * (≥ 0 with `zeroValue`), an invoice that is not cancelled ("C…"), a day before the as-of day —
 * grouped per customer, day and invoice with the exact `DECIMAL` sum of their amounts and their
 * row count. The methods read no more than that: distinct invoices (rows without an invoice each
 * count, hence the count), purchase days, and each day's value; so the engine fits on these groups
 * exactly as on the rows. At most one row per purchase row comes back, usually far fewer.
 */
import type { Purchases } from '../methods/types';
import { MEASURES, type SqlKeepNoPurchase, customerCtes } from './customers';
import { withCtes } from './rank-rules';
import type { SqlContext } from './statements';

/** How the method counts purchases (see `timelineNeeds` in `../purchases.ts`). */
export interface TimelineSqlOptions {
  /** A row with amount 0 is a purchase of no value (CLV). */
  zeroValue: boolean;
  /** The customer table's rule for customers without a purchase (the same as `customersSql`'s). */
  keep: SqlKeepNoPurchase;
}

/**
 * The purchase groups, every value as text: customer, day number (days since 1970-01-01),
 * invoice (NULL without one), the exact sum of the amounts, and the number of rows.
 *
 * @example
 * purchasesSql({ dialect: SQL_DIALECTS.postgres, source }, { zeroValue: true, keep: "zero-value" });
 * // "WITH\ntx AS (…)\n…\nSELECT CAST(t.customer AS TEXT), … GROUP BY t.customer, t.tx_day, t.invoice"
 */
export function purchasesSql(q: SqlContext, o: TimelineSqlOptions): string {
  const d = q.dialect;
  const t = (e: string): string => `CAST(${e} AS ${d.text})`;
  const cols = [t('t.customer'), t(d.daysBetween("DATE '1970-01-01'", 't.tx_day')), 't.invoice', t('SUM(t.amount)'), t('COUNT(*)')];
  const where = [
    't.tx_day < a.as_of',
    o.zeroValue ? 't.amount >= 0' : 't.amount > 0',
    "(t.invoice IS NULL OR UPPER(t.invoice) NOT LIKE 'C%')",
  ];
  return withCtes(
    customerCtes(d, q.source, o.keep),
    `SELECT ${cols.join(', ')}\nFROM tx t\nJOIN ${MEASURES} m ON m.customer = t.customer\nCROSS JOIN as_of a\nWHERE ${where.join(' AND ')}\nGROUP BY t.customer, t.tx_day, t.invoice`,
  );
}

/** Builds the engine's purchase rows from {@link purchasesSql}'s groups, a batch at a time. */
export interface PurchaseGroupsReader {
  /** Adds a batch of groups (customer, day number, invoice or NULL, value, rows). */
  add: (groups: readonly (readonly (string | null)[])[]) => void;
  /** The purchases of every batch added. */
  done: () => Purchases;
}

/**
 * A reader of {@link purchasesSql}'s groups for the customers `keys` (the customer table's, in its
 * order), so a database's result can be read in batches without holding it all as text. A group
 * with an invoice is one purchase; a group of k rows without one is k purchases (each such row
 * counts as an invoice), the first carrying the group's value and the others 0.
 *
 * @example
 * const reader = purchaseGroupsReader(["a", "b"]);
 * reader.add([["a", "19800", "7", "12.5", "2"], ["b", "19801", null, "3", "2"]]);
 * reader.done(); // { customer: [0, 1, 1], day: [19800, 19801, 19801], amount: [12.5, 3, 0], invoice: [0, -1, -1] }
 */
export function purchaseGroupsReader(keys: readonly string[]): PurchaseGroupsReader {
  const index = new Map(keys.map((k, i) => [k, i]));
  const invoices = new Map<string, number>();
  let out: Purchases = { customer: new Int32Array(1024), day: new Float64Array(1024), amount: new Float64Array(1024), invoice: new Int32Array(1024) };
  let k = 0;
  const grow = (need: number): void => {
    if (need <= out.customer.length) return;
    const size = Math.max(need, out.customer.length * 2);
    const bigger: Purchases = { customer: new Int32Array(size), day: new Float64Array(size), amount: new Float64Array(size), invoice: new Int32Array(size) };
    bigger.customer.set(out.customer);
    bigger.day.set(out.day);
    bigger.amount.set(out.amount);
    bigger.invoice.set(out.invoice);
    out = bigger;
  };
  return {
    add(groups) {
      for (const g of groups) {
        const c = index.get(g[0] as string);
        if (c === undefined) throw new Error(`a purchase of customer ${String(g[0])}, who is not in the customer table`);
        const inv = g[2];
        let code = -1;
        if (inv !== null) {
          code = invoices.get(inv) ?? invoices.size;
          invoices.set(inv, code);
        }
        const rows = inv === null ? Number(g[4]) : 1;
        grow(k + rows);
        const day = Number(g[1]);
        for (let r = 0; r < rows; r++, k++) {
          out.customer[k] = c;
          out.day[k] = day;
          out.amount[k] = r === 0 ? Number(g[3]) : 0;
          out.invoice[k] = code;
        }
      }
    },
    done: () => ({ customer: out.customer.slice(0, k), day: out.day.slice(0, k), amount: out.amount.slice(0, k), invoice: out.invoice.slice(0, k) }),
  };
}

/**
 * The engine's purchase rows from all of {@link purchasesSql}'s groups at once (see
 * {@link purchaseGroupsReader}).
 *
 * @example
 * purchasesOfGroups([["a", "19800", "7", "12.5", "2"], ["b", "19801", null, "3", "2"]], ["a", "b"]);
 * // { customer: [0, 1, 1], day: [19800, 19801, 19801], amount: [12.5, 3, 0], invoice: [0, -1, -1] }
 */
export function purchasesOfGroups(groups: readonly (readonly (string | null)[])[], keys: readonly string[]): Purchases {
  const reader = purchaseGroupsReader(keys);
  reader.add(groups);
  return reader.done();
}
