/** Number and share formatting for the sentences methods write (explanations, cut points). */
import type { Bilingual, TierDef } from '../tiers';
import type { Lang } from './types';

/**
 * A number with thousands separators and at most `digits` decimals.
 *
 * @example
 * formatNumber(1234.5); // "1,234.5"
 * formatNumber(980, 2, 2); // "980.00"
 */
export function formatNumber(value: number, digits = 2, minDigits = 0): string {
  return numberFormat(digits, minDigits).format(value);
}

/** One formatter per number of decimals (`toLocaleString` made a new one per call: a sentence per customer took microseconds). */
const FORMATS = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number, minDigits: number): Intl.NumberFormat {
  const key = digits * 100 + minDigits;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: minDigits });
    FORMATS.set(key, f);
  }
  return f;
}

/**
 * A share 0…1 as a percentage with at most one decimal.
 *
 * @example
 * formatShare(0.2); // "20%"
 * formatShare(0.6213); // "62.1%"
 */
export function formatShare(share: number): string {
  return `${numberFormat(1, 0).format(share * 100)}%`;
}

/**
 * A list of cut points, `none` standing for a bin no value reaches.
 *
 * @example
 * formatCuts([3, 5, null], "none"); // "3 / 5 / none"
 */
export function formatCuts(cuts: readonly (number | null)[], none: string): string {
  return cuts.map((c) => (c === null ? none : formatNumber(c))).join(' / ');
}

/**
 * Picks the text of a language.
 *
 * @example
 * pick({ en: "Gold", zh: "次要客户" }, "zh-CN"); // "次要客户"
 */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}

/**
 * Fills `{name}` placeholders of a template; unknown names stay as they are.
 *
 * @example
 * fillIn("{n} rows", { n: 3 }); // "3 rows"
 */
export function fillIn(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A bilingual template filled in one language.
 *
 * @example
 * say({ en: "{n} rows", zh: "{n} 行" }, "zh-CN", { n: 3 }); // "3 行"
 */
export function say(text: Bilingual, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return fillIn(pick(text, lang), params);
}

/**
 * How an explanation names a tier: its key in English ("Champions"), its label in Chinese ("冠军客户").
 *
 * @example
 * tierName(PYRAMID_TIERS[0], "zh-CN"); // "重要客户"
 */
export function tierName(tier: TierDef, lang: Lang): string {
  return lang === 'zh-CN' ? tier.label.zh : tier.key;
}
