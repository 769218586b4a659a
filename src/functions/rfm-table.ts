/**
 * TIER.RFM_TABLE: a transaction log (customer, date, amount per row) to one row per customer
 * with recency, frequency, monetary, the R/F/M scores, the RFM code and the segment
 * (engine: `keyColumn`, `dateColumn`, `numberColumn`, `aggregateTransactions`, `scoreRfm`).
 * Rows with a blank, error or unreadable cell are skipped, as the engine does.
 */
import { type Cell, type DateOrder, type DateSystem, aggregateTransactions, checkBins, coerceDate, dateColumn, keyColumn, numberColumn, scoreRfm } from '../engine';
import { type Out, asMatrix, fail, flatten, omitted, optionalNumber, run } from './args';

/** The header row of the table. */
export const RFM_TABLE_HEADER: readonly string[] = ['Customer', 'Recency', 'Frequency', 'Monetary', 'R', 'F', 'M', 'RFM', 'Segment'];

const NUMERIC_ID = /^-?\d+(?:\.\d+)?$/;

/**
 * A customer key as a cell: numeric ids as numbers (so they match the user's id column), others as text.
 *
 * @example
 * keyCell("12346"); // 12346
 * keyCell("C-01"); // "C-01"
 */
export function keyCell(key: string): string | number {
  if (NUMERIC_ID.test(key)) {
    const n = Number(key);
    if (String(n) === key) return n;
  }
  return key;
}

/**
 * The as-of day (day number) from an Excel serial (of the workbook's date system) or date text;
 * undefined when omitted.
 *
 * @example
 * asOfDay(40887); // 15318 (2011-12-10)
 * asOfDay("2011-12-10"); // 15318
 * asOfDay(39425, "1904"); // 15318
 */
export function asOfDay(asOf: unknown, dateSystem: DateSystem = '1900', dateOrder?: DateOrder): number | undefined {
  if (omitted(asOf) || asOf === '') return undefined;
  const r = coerceDate(asOf as Cell, { dateSystem, dateOrder });
  return r.ok ? Math.floor(r.value) : fail(`as_of must be a date (an Excel date or text such as 2011-12-10), got ${JSON.stringify(asOf)}`);
}

/**
 * The `date_order` argument: "dmy", "mdy" or "ymd" (any case), or undefined when omitted.
 *
 * @example
 * dateOrderArg("DMY"); // "dmy"
 * dateOrderArg(null); // undefined
 */
export function dateOrderArg(order: unknown): DateOrder | undefined {
  if (omitted(order) || order === '') return undefined;
  const o = typeof order === 'string' ? order.trim().toLowerCase() : '';
  if (o === 'dmy' || o === 'mdy' || o === 'ymd') return o;
  return fail(`date_order must be "dmy", "mdy" or "ymd", got ${JSON.stringify(order)}`);
}

/**
 * The RFM table of a transaction log, header row first. Date serials are read in the workbook's
 * `dateSystem`, so date text and real dates can be mixed. Date text such as `05/03/2024` is read
 * in `dateOrder` when given, else in the order all the dates show (month first when none decides).
 *
 * @example
 * rfmTable([["A"], ["B"], ["A"]], [["2024-01-01"], ["2024-01-05"], ["2024-01-09"]], [[10], [5], [20]], null, 2);
 * // [["Customer", …], ["A", 1, 2, 30, 2, 2, 2, 222, "Champions"], ["B", 5, 1, 5, 1, 1, 1, 111, "Lost"]]
 */
export function rfmTable(customers: unknown, dates: unknown, amounts: unknown, asOf: unknown, bins: unknown, dateSystem: DateSystem = '1900', dateOrder?: unknown): Out[][] {
  return run(() => {
    const b = checkBins(optionalNumber(bins, 5, 'bins'));
    const order = dateOrderArg(dateOrder);
    const c = flatten(asMatrix(customers)) as Cell[];
    const d = flatten(asMatrix(dates)) as Cell[];
    const a = flatten(asMatrix(amounts)) as Cell[];
    if (c.length !== d.length || c.length !== a.length) {
      fail(`customers, dates and amounts must have the same number of rows, got ${c.length}, ${d.length} and ${a.length}`);
    }
    const table = aggregateTransactions(
      { customer: keyColumn(c), date: dateColumn(d, { dateSystem, dateOrder: order }), amount: numberColumn(a) },
      { asOf: asOfDay(asOf, dateSystem, order) },
    );
    const s = scoreRfm({ recency: table.recency, frequency: table.frequency, monetary: table.monetary }, { bins: b });
    const out: Out[][] = new Array<Out[]>(table.keys.length + 1);
    out[0] = RFM_TABLE_HEADER.slice();
    for (let i = 0; i < table.keys.length; i++) {
      out[i + 1] = [
        keyCell(table.keys[i]),
        table.recency[i],
        table.frequency[i],
        table.monetary[i],
        s.r[i],
        s.f[i],
        s.m[i],
        s.code[i],
        s.segment[i],
      ];
    }
    return out;
  });
}
