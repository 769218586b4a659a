/**
 * TIER.LIFECYCLE: a transaction log (customer, date, amount and optionally invoice per row) to one
 * row per customer with its lifecycle class and the facts the rules read (engine: `keyColumn`,
 * `dateColumn`, `numberColumn`, `aggregateTransactions`, `purchaseRows` and the `lifecycle` method).
 * Rows with a blank, error or unreadable cell are skipped, as the engine does.
 */
import { type Cell, type DateSystem, ParamError, aggregateTransactions, classifyCustomers, dateColumn, keyColumn, methodById, numberColumn, purchaseRows } from '../engine';
import { type Out, asMatrix, fail, flatten, omitted, optionalText, run } from './args';
import { argumentNames, optionParams } from './per-row';
import { asOfDay, keyCell } from './rfm-table';

/** The header row of the table. */
export const LIFECYCLE_TABLE_HEADER: readonly string[] = ['Customer', 'Class', 'Purchase invoices', 'Days since first purchase', 'Days since last purchase', 'Active quarters'];

/**
 * The lifecycle table of a transaction log, header row first. `options` holds the rule numbers
 * as name=value pairs ("new_days=60; churn_days=300").
 *
 * @example
 * lifecycleTable([["A"], ["B"]], [["2024-01-01"], ["2024-03-25"]], [[10], [5]], null, "2024-04-01", null);
 * // [["Customer", "Class", …], ["A", "One-time", 1, 91, 91, 1], ["B", "New", 1, 7, 7, 1]]
 */
export function lifecycleTable(customers: unknown, dates: unknown, amounts: unknown, invoices: unknown, asOf: unknown, options: unknown, dateSystem: DateSystem = '1900'): Out[][] {
  return run(() => {
    const method = methodById('lifecycle');
    const params = optionParams(method, optionalText(options, ''));
    const c = flatten(asMatrix(customers)) as Cell[];
    const d = flatten(asMatrix(dates)) as Cell[];
    const a = flatten(asMatrix(amounts)) as Cell[];
    const inv = omitted(invoices) ? undefined : (flatten(asMatrix(invoices)) as Cell[]);
    if (c.length !== d.length || c.length !== a.length || (inv && inv.length !== c.length)) {
      fail(`customers, dates, amounts${inv ? ' and invoices' : ''} must have the same number of rows, got ${[c, d, a, ...(inv ? [inv] : [])].map((x) => x.length).join(', ')}`);
    }
    const tx = { customer: keyColumn(c), date: dateColumn(d, { dateSystem }), amount: numberColumn(a), invoice: inv ? keyColumn(inv) : undefined };
    const table = aggregateTransactions(tx, { asOf: asOfDay(asOf, dateSystem), keepNoPurchase: true });
    let result: ReturnType<typeof classifyCustomers>;
    try {
      result = classifyCustomers({ ...table, customers: table, purchases: purchaseRows(tx, table) }, { method: 'lifecycle', ...params });
    } catch (e) {
      if (e instanceof ParamError) fail(argumentNames(e));
      throw e;
    }
    const col = (id: string): readonly (string | number | null)[] => result.columns.find((x) => x.id === id)?.values ?? [];
    const facts = ['invoices', 'firstDays', 'lastDays', 'activeQuarters'].map(col);
    const out: Out[][] = new Array<Out[]>(table.keys.length + 1);
    out[0] = LIFECYCLE_TABLE_HEADER.slice();
    for (let i = 0; i < table.keys.length; i++) {
      out[i + 1] = [keyCell(table.keys[i]), result.tiers[result.tierIndex[i]]?.key ?? '', ...facts.map((f) => f[i] ?? '')];
    }
    return out;
  });
}
