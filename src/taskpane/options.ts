/**
 * The method parameters as typed in the pane → engine options, with the problem in words when
 * a value is out of range.
 */
import type { Method, TableOptions } from '../engine';

/** The raw field values of the parameter form. */
export interface ParamFields {
  method: Method;
  bins: string;
  aShare: string;
  bShare: string;
  cuts: string;
  asOf: string;
}

/** Options, or the problem. */
export type ParsedOptions = { ok: true; options: TableOptions } | { ok: false; problem: string };

/**
 * Day number (days since 1970-01-01) of an ISO date from an `<input type="date">`; undefined when blank.
 * @example isoDayNumber('2011-12-10') // 15318
 */
export function isoDayNumber(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Reads the parameter fields into engine options.
 * @example parseOptions({ method: 'abc', bins: '5', aShare: '70', bShare: '90', cuts: '', asOf: '' })
 *   // { ok: true, options: { method: 'abc', aShare: 0.7, bShare: 0.9 } }
 */
export function parseOptions(f: ParamFields): ParsedOptions {
  const options: TableOptions = { method: f.method };
  const asOf = isoDayNumber(f.asOf);
  if (f.asOf.trim() !== '' && asOf === undefined) return { ok: false, problem: `as-of date "${f.asOf}"` };
  if (asOf !== undefined) options.asOf = asOf;
  if (f.method === 'rfm') {
    const bins = Number(f.bins);
    if (!Number.isInteger(bins) || bins < 2 || bins > 10) return { ok: false, problem: 'bins must be a whole number from 2 to 10' };
    options.bins = bins;
  } else if (f.method === 'abc') {
    const a = Number(f.aShare) / 100;
    const b = Number(f.bShare) / 100;
    if (!(a > 0 && a < b && b < 1)) return { ok: false, problem: 'A share must be above 0 and below the A+B share, which must be below 100' };
    options.aShare = a;
    options.bShare = b;
  } else {
    const cuts = f.cuts.split(/[,，;\s]+/).filter(Boolean).map((x) => Number(x) / 100);
    if (cuts.length !== 3 || cuts.some((c) => !(c > 0 && c < 1)) || !(cuts[0] < cuts[1] && cuts[1] < cuts[2])) {
      return { ok: false, problem: 'three increasing percentages between 0 and 100, e.g. 1, 20, 50' };
    }
    options.pyramidCuts = cuts;
  }
  return { ok: true, options };
}
