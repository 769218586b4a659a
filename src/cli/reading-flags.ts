/** The flags that say how to read the input: `--encoding`, `--decimal`, `--date-order`, `--lenient`, `--duplicates`. */
import { type DateOrder, type DecimalMark, isValidDate } from '../engine';
import { CliError } from './errors';

/** How the user asked for the input to be read (all optional: detected otherwise). */
export interface ReadingFlags {
  encoding?: string;
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  lenient: boolean;
  duplicates?: 'sum' | 'error';
}

/** Flags that take a value. */
export const READING_VALUE_FLAGS = ['encoding', 'decimal', 'date-order', 'duplicates'] as const;
/** Flags that take none. */
export const READING_BOOLEAN_FLAGS = ['lenient'] as const;

/**
 * Reads the reading flags from the parsed flag map.
 *
 * @example
 * readingFlags(new Map([["decimal", ","], ["date-order", "dmy"]])); // { decimal: ",", dateOrder: "dmy", lenient: false }
 */
export function readingFlags(flags: ReadonlyMap<string, string>): ReadingFlags {
  const out: ReadingFlags = { lenient: flags.has('lenient') };
  const encoding = flags.get('encoding');
  if (encoding !== undefined) out.encoding = encoding;
  const decimal = flags.get('decimal');
  if (decimal !== undefined) {
    const d = { ',': ',', comma: ',', '.': '.', point: '.', dot: '.' }[decimal.trim().toLowerCase()] as DecimalMark | undefined;
    if (!d) throw new CliError(`--decimal must be "," or "." (comma or point), got "${decimal}"`, 2);
    out.decimal = d;
  }
  const order = flags.get('date-order');
  if (order !== undefined) {
    const o = order.trim().toLowerCase();
    if (o !== 'dmy' && o !== 'mdy' && o !== 'ymd') throw new CliError(`--date-order must be one of dmy, mdy, ymd, got "${order}"`, 2);
    out.dateOrder = o;
  }
  const dup = flags.get('duplicates');
  if (dup !== undefined) {
    if (dup !== 'sum' && dup !== 'error') throw new CliError(`--duplicates must be one of sum, error, got "${dup}"`, 2);
    out.duplicates = dup;
  }
  return out;
}

/**
 * Checks an `--as-of` date: `YYYY-MM-DD` and a day that exists (2024-02-31 does not).
 *
 * @example
 * checkAsOf("2024-02-29"); // "2024-02-29"
 * checkAsOf("2024-02-31"); // throws CliError (exit 2)
 */
export function checkAsOf(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new CliError(`--as-of must be a date as YYYY-MM-DD, got "${text}"`, 2);
  if (!isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new CliError(`--as-of "${text}" is not a date that exists`, 2);
  return text;
}
