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
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: minDigits });
}

/**
 * A share 0…1 as a percentage with at most one decimal.
 *
 * @example
 * formatShare(0.2); // "20%"
 * formatShare(0.6213); // "62.1%"
 */
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
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
