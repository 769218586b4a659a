/**
 * The date order of a column (day first, month first, year first), decided from all its values,
 * or given by the user, or assumed from a locale — and always said which.
 */
import type { Cell } from './cells';
import { type DateOrder, dateOrderEvidence } from './coerce';

/** How a column's date order was decided. */
export interface DateOrderFinding {
  order: DateOrder;
  /**
   * "values": some dates only read one way (e.g. 25/03/2024); "iso": all text dates are year first;
   * "flag": the user said so; "assumed": no value decides it; "none": the column has no text dates.
   */
  how: 'values' | 'iso' | 'flag' | 'assumed' | 'none';
  /** Slash dates that read both ways (such as 03/04/2024), with one example. */
  ambiguous: number;
  ambiguousExample?: string;
  /** Dates that only read in the other order (rejected as not-a-date), with one example. */
  conflicting: number;
  conflictExample?: string;
}

/**
 * Decides the order of a column's text dates from all of them: any `25/03/2024` means day first,
 * any `03/25/2024` month first (the majority wins when both occur; the others are counted as
 * conflicting and will be rejected). `forced` wins; when no value decides, `fallback` is assumed.
 * With `weights`, cell i stands for `weights[i]` rows (see `dateOrderEvidence`).
 *
 * @example
 * decideDateOrder(["05/03/2024", "25/03/2024"]).order; // "dmy"
 * decideDateOrder(["05/03/2024"], undefined, "dmy"); // { order: "dmy", how: "assumed", ambiguous: 1, … }
 */
export function decideDateOrder(cells: ArrayLike<Cell>, forced?: DateOrder, fallback: DateOrder = 'mdy', weights?: ArrayLike<number>): DateOrderFinding {
  const e = dateOrderEvidence(cells, weights);
  const make = (order: DateOrder, how: DateOrderFinding['how']): DateOrderFinding => {
    const conflicting = order === 'dmy' ? e.monthFirst : order === 'mdy' ? e.dayFirst : e.yearLast;
    const out: DateOrderFinding = { order, how, ambiguous: how === 'values' ? 0 : e.ambiguous, conflicting };
    if (out.ambiguous > 0) out.ambiguousExample = e.ambiguousExample;
    if (conflicting > 0) out.conflictExample = order === 'dmy' ? e.monthFirstExample : order === 'mdy' ? e.dayFirstExample : (e.dayFirstExample ?? e.monthFirstExample ?? e.ambiguousExample);
    return out;
  };
  if (forced) return make(forced, 'flag');
  if (e.dayFirst > 0 || e.monthFirst > 0) return make(e.dayFirst >= e.monthFirst ? 'dmy' : 'mdy', 'values');
  if (e.yearLast === 0) return make('ymd', e.yearFirst > 0 ? 'iso' : 'none');
  return make(fallback === 'ymd' ? 'mdy' : fallback, 'assumed');
}

/**
 * The order a locale writes numeric dates in, from `Intl` (e.g. "en-US" → "mdy", "de-DE" →
 * "dmy", "zh-CN" → "ymd"); "mdy" when the locale is unknown.
 *
 * @example
 * localeDateOrder("en-GB"); // "dmy"
 */
export function localeDateOrder(locale?: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2001, 10, 22)))
      .map((p) => p.type)
      .filter((t) => t === 'year' || t === 'month' || t === 'day')
      .join(',');
    if (parts === 'day,month,year') return 'dmy';
    if (parts === 'year,month,day') return 'ymd';
    return 'mdy';
  } catch {
    return 'mdy';
  }
}
