/**
 * The method parameters as typed in the pane → engine options, checked by the method registry,
 * with the problem in both languages when a value is out of range. Shares are typed as
 * percentages ("80" → 0.8).
 */
import { type Bilingual, type MethodId, ParamError, type TableOptions, methodById, parseParamText, resolveParams } from '../engine';

/** The raw field values of the parameter form: the method, its inputs by flag, the as-of date. */
export interface ParamFields {
  method: MethodId;
  /** Input text by parameter flag (e.g. `{ "a-share": "70" }`); missing flags take their default. */
  params: Readonly<Record<string, string>>;
  asOf: string;
}

/** Options, or the problem in both languages. */
export type ParsedOptions = { ok: true; options: TableOptions } | { ok: false; problem: Bilingual };

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
 * @example parseOptions({ method: 'abc', params: { 'a-share': '70', 'b-share': '90' }, asOf: '' })
 *   // { ok: true, options: { method: 'abc', aShare: 0.7, bShare: 0.9 } }
 */
export function parseOptions(f: ParamFields): ParsedOptions {
  const options: TableOptions = { method: f.method };
  const asOf = isoDayNumber(f.asOf);
  if (f.asOf.trim() !== '' && asOf === undefined) return { ok: false, problem: { en: `as-of date "${f.asOf}"`, zh: `分析日期"${f.asOf}"` } };
  if (asOf !== undefined) options.asOf = asOf;
  const method = methodById(f.method);
  try {
    for (const spec of method.params) {
      const text = f.params[spec.flag];
      if (text !== undefined && text.trim() !== '') options[spec.name] = parseParamText(spec, text, { percent: true });
    }
    resolveParams(method, options);
  } catch (e) {
    if (e instanceof ParamError) return { ok: false, problem: e.problem };
    throw e;
  }
  return { ok: true, options };
}
