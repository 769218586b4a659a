/**
 * Cell coercion: turns raw cells into typed values, and says why a cell was rejected.
 * Never throws.
 */
import { type Cell, errorCode, isBlank } from './cells';
import { type DateSystem, dayNumber, isValidDate, serialToDayNumber } from './dates';
import { type DecimalMark, parseNumberWith } from './number-format';

/** Why a cell could not be used. */
export type RejectReason =
  | 'blank'
  | 'error'
  | 'boolean'
  | 'not-a-number'
  | 'not-a-date'
  | 'date-out-of-range';

/** A coerced cell: a value, or the reason there is none. */
export type Coerced = { ok: true; value: number } | { ok: false; reason: RejectReason };

/**
 * Parses numeric text: `"1,234.50"`, `"-12"`, `"$1,200"`, `"(35.00)"` (accounting negative),
 * `"35-"`, `"12%"`; with `mark` ",", European text such as `"1.234,56"` or `"46,80"`.
 * Returns NaN for anything else.
 *
 * @example
 * parseNumberText("1,234.50"); // 1234.5
 * parseNumberText("(35)"); // -35
 * parseNumberText("46,80", ","); // 46.8
 * parseNumberText("abc"); // NaN
 */
export function parseNumberText(text: string, mark: DecimalMark = '.'): number {
  return parseNumberWith(text, mark);
}

/**
 * Coerces a cell to a number: numbers as they are, numeric text parsed, blanks, errors,
 * booleans and other text rejected with a reason.
 *
 * @example
 * coerceNumber("1,234.50"); // { ok: true, value: 1234.5 }
 * coerceNumber("#N/A"); // { ok: false, reason: "error" }
 */
export function coerceNumber(cell: Cell, mark: DecimalMark = '.'): Coerced {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: 'not-a-number' };
  }
  if (isBlank(cell)) return { ok: false, reason: 'blank' };
  if (errorCode(cell) !== undefined) return { ok: false, reason: 'error' };
  if (typeof cell === 'boolean') return { ok: false, reason: 'boolean' };
  if (typeof cell === 'string') {
    const v = parseNumberWith(cell, mark);
    return Number.isNaN(v) ? { ok: false, reason: 'not-a-number' } : { ok: true, value: v };
  }
  return { ok: false, reason: 'not-a-number' };
}

/**
 * Order of day, month and year in dates such as `3/4/2011`: day first, month first, or year first
 * (ISO; slash dates with the year last are then not dates).
 */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

/** Options for reading dates. */
export interface DateOptions {
  /** Epoch of numeric serial dates. Default "1900". */
  dateSystem?: DateSystem;
  /**
   * How to read `a/b/yyyy`. When given, every such date is read in this order (a date that does not
   * exist in it is rejected). When absent, a first part over 12 means day first, else month first.
   */
  dateOrder?: DateOrder;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;

function withTime(day: number, h?: string, mi?: string, s?: string, ampm?: string): number {
  let hours = h === undefined ? 0 : Number(h);
  if (ampm !== undefined) {
    const pm = ampm.toLowerCase() === 'pm';
    if (hours === 12) hours = pm ? 12 : 0;
    else if (pm) hours += 12;
  }
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  return day + (hours * 3600 + minutes * 60 + seconds) / 86400;
}

function ymd(y: string, m: string, d: string): number {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : NaN;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Fast path for the commonest shapes, `YYYY-MM-DD` and `YYYY-MM-DD HH:MM[:SS]`; NaN otherwise. */
function parseIsoFast(s: string): number {
  const len = s.length;
  if ((len !== 10 && len !== 16 && len !== 19) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0 || !isValidDate(y, m, d)) return NaN;
  const day = dayNumber(y, m, d);
  if (len === 10) return day;
  const sep = s.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = len === 19 ? (s.charCodeAt(16) === 58 ? digits(s, 17, 2) : -1) : 0;
  if (h < 0 || mi < 0 || sec < 0 || h > 23 || mi > 59 || sec > 59) return NaN;
  return day + (h * 3600 + mi * 60 + sec) / 86400;
}

/**
 * Parses date text to a day number (days since 1970-01-01): `2011-12-09`, `2011-12-09 12:50:00`,
 * `2011-12-09T12:50:00Z`, `2011/12/9`, `20111209`, `2011年12月9日`, `12/9/2011`, `9.12.2011`.
 * With `order`, `a/b/yyyy` is read strictly in that order; without, month first unless the first
 * part is over 12. Returns NaN for anything else, including dates that do not exist.
 *
 * @example
 * parseDateText("2011-12-09 12:50:00"); // 15317.534722…
 * parseDateText("9/12/2011", "dmy"); // 15317
 */
export function parseDateText(text: string, order?: DateOrder): number {
  const fast = parseIsoFast(text);
  if (fast === fast) return fast;
  const s = text.trim();
  let m = ISO.exec(s) ?? CHINESE.exec(s);
  if (m) {
    const day = ymd(m[1], m[2], m[3]);
    return Number.isNaN(day) ? NaN : withTime(day, m[4], m[5], m[6]);
  }
  m = COMPACT.exec(s);
  if (m) return ymd(m[1], m[2], m[3]);
  m = SLASH.exec(s);
  if (m) {
    const [a, b] = [m[1], m[2]];
    if (order === 'ymd') return NaN;
    const dayFirst = order === undefined ? Number(a) > 12 : order === 'dmy';
    const day = dayFirst ? ymd(m[3], b, a) : ymd(m[3], a, b);
    return Number.isNaN(day) ? NaN : withTime(day, m[4], m[5], m[6], m[7]);
  }
  return NaN;
}

/**
 * Coerces a cell to a day number: Excel serials (1900 system unless told 1904), JS dates,
 * date text. Numeric text that is a plausible serial is read as one.
 *
 * @example
 * coerceDate(40886); // { ok: true, value: 15317 }
 * coerceDate("2011-12-09"); // { ok: true, value: 15317 }
 * coerceDate("soon"); // { ok: false, reason: "not-a-date" }
 */
export function coerceDate(cell: Cell, options: DateOptions = {}): Coerced {
  const system = options.dateSystem ?? '1900';
  if (typeof cell === 'number') {
    const day = serialToDayNumber(cell, system);
    return Number.isNaN(day) ? { ok: false, reason: 'date-out-of-range' } : { ok: true, value: day };
  }
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isNaN(t) ? { ok: false, reason: 'not-a-date' } : { ok: true, value: t / 86400000 };
  }
  if (isBlank(cell)) return { ok: false, reason: 'blank' };
  if (errorCode(cell) !== undefined) return { ok: false, reason: 'error' };
  if (typeof cell === 'boolean') return { ok: false, reason: 'boolean' };
  if (typeof cell !== 'string') return { ok: false, reason: 'not-a-date' };
  const day = parseDateText(cell, options.dateOrder);
  if (!Number.isNaN(day)) return { ok: true, value: day };
  if (/^\d+(?:\.\d+)?$/.test(cell.trim())) {
    const fromSerial = serialToDayNumber(Number(cell), system);
    if (!Number.isNaN(fromSerial)) return { ok: true, value: fromSerial };
    return { ok: false, reason: 'date-out-of-range' };
  }
  return { ok: false, reason: 'not-a-date' };
}

/** What the dates of a column say about their order. */
export interface DateOrderEvidence {
  /** Dates whose first part is over 12 (day first), with one example. */
  dayFirst: number;
  dayFirstExample?: string;
  /** Dates whose second part is over 12 (month first), with one example. */
  monthFirst: number;
  monthFirstExample?: string;
  /** Slash dates that read both ways (both parts ≤ 12 and different). */
  ambiguous: number;
  ambiguousExample?: string;
  /** Year-first text dates (ISO and the like). */
  yearFirst: number;
  /** All slash dates with the year last. */
  yearLast: number;
}

/**
 * Counts, over all cells, the slash dates that can only be day first, only month first, or either.
 * With `weights`, cell i stands for `weights[i]` rows (distinct values with their counts, in order
 * of first appearance, give the same evidence as the rows they stand for).
 *
 * @example
 * dateOrderEvidence(["3/4/2011", "25/4/2011"]); // { dayFirst: 1, monthFirst: 0, ambiguous: 1, … }
 */
export function dateOrderEvidence(cells: ArrayLike<Cell>, weights?: ArrayLike<number>): DateOrderEvidence {
  const e: DateOrderEvidence = { dayFirst: 0, monthFirst: 0, ambiguous: 0, yearFirst: 0, yearLast: 0 };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c !== 'string') continue;
    const w = weights ? weights[i] : 1;
    // the commonest case, ISO dates, decided from the first characters
    if (c.length >= 10 && c.charCodeAt(4) === 45 && c.charCodeAt(7) === 45) {
      e.yearFirst += w;
      continue;
    }
    const s = c.trim();
    const m = SLASH.exec(s);
    if (!m) {
      if (ISO.test(s) || CHINESE.test(s) || COMPACT.test(s)) e.yearFirst += w;
      continue;
    }
    const a = Number(m[1]);
    const b = Number(m[2]);
    e.yearLast += w;
    if (a > 12 && b <= 12) {
      e.dayFirst += w;
      e.dayFirstExample ??= s;
    } else if (b > 12 && a <= 12) {
      e.monthFirst += w;
      e.monthFirstExample ??= s;
    } else if (a !== b && a <= 12 && b <= 12) {
      e.ambiguous += w;
      e.ambiguousExample ??= s;
    }
  }
  return e;
}

/**
 * Guesses the slash-date order of a column: "dmy" when more of its `a/b/yyyy` cells have a > 12
 * than b > 12, "mdy" when fewer; `fallback` ("mdy" unless given) when no cell decides.
 *
 * @example
 * inferDateOrder(["3/4/2011", "25/4/2011"]); // "dmy"
 */
export function inferDateOrder(cells: ArrayLike<Cell>, fallback: DateOrder = 'mdy'): DateOrder {
  const e = dateOrderEvidence(cells);
  if (e.dayFirst > e.monthFirst) return 'dmy';
  if (e.monthFirst > e.dayFirst) return 'mdy';
  if (e.yearLast === 0 && e.yearFirst > 0) return 'ymd';
  return fallback;
}
