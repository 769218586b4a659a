/** TIER.LABEL: display label of a tier, class, segment or group key (engine: `tierLabel`). */
import { methodById, tierLabel } from '../engine';
import { type Out, asMatrix, errorOut, excelError, fail, flatten, optionalText, reshape, run, widthOf } from './args';

/**
 * Reads the language argument: "en" (default) or "zh-CN" (any "zh…" tag).
 *
 * @example
 * language(null); // "en"
 * language("zh-cn"); // "zh-CN"
 */
export function language(arg: unknown): 'en' | 'zh-CN' {
  const lang = optionalText(arg, 'en');
  if (/^en(?:[-_]|$)/i.test(lang)) return 'en';
  if (/^zh(?:[-_]|$)/i.test(lang)) return 'zh-CN';
  return fail(`language must be "en" or "zh-CN", got ${JSON.stringify(lang)}`);
}

/**
 * The label of each key in a cell or range.
 *
 * @example
 * label([["Platinum"], ["key"]], "zh-CN"); // [["重要客户"], ["关键客户"]]
 * label([["New"]], "zh-CN", "rfm"); // [["新客户"]]
 */
export function label(tier: unknown, lang: unknown, method?: unknown): Out[][] {
  return run(() => {
    const l = language(lang);
    const m = optionalText(method, '');
    if (m !== '') methodById(m);
    const rows = asMatrix(tier);
    const out = flatten(rows).map((cell): Out => {
      if (cell === '' || cell === null || cell === undefined) return '';
      const error = errorOut(cell);
      if (error) return error;
      const text = String(cell);
      if (text.trim() === '') return '';
      return tierLabel(text, l, m === '' ? undefined : m) ?? excelError('#VALUE!', `unknown tier ${JSON.stringify(text)}: use a class, tier or segment key such as A, Gold or Champions`);
    });
    return reshape(out, widthOf(rows));
  });
}
