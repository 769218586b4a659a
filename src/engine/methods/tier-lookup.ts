/**
 * Tier look-ups across methods. Keys are unique within a method; the same key may name tiers of
 * different methods (RFM's "New" and a lifecycle class "New"), so a key can be qualified by its
 * method ("rfm:New") or looked up with a method id. Unqualified keys resolve in menu order.
 */
import { GROUP_LABELS, type Bilingual, type TierDef, type TierGroup } from '../tiers';
import { METHOD_LIST, isMethodId } from './registry';
import { defaultParams } from './params';
import { pick } from './text';

/**
 * The tiers of every method with their default parameters, in menu order.
 *
 * @example
 * allTiers().find((t) => t.tier.key === "A")?.method; // "abc"
 */
export function allTiers(): { method: string; tier: TierDef }[] {
  return METHOD_LIST.flatMap((m) => m.tiers(defaultParams(m)).map((tier) => ({ method: m.id, tier })));
}

/**
 * Finds a tier by key (case-insensitive, spaces ignored), optionally qualified ("abc:A") or
 * limited to one method.
 *
 * @example
 * findTier("platinum")?.label.zh; // "重要客户"
 * findTier("rfm:New")?.label.en; // "New"
 */
export function findTier(key: string, method?: string): TierDef | undefined {
  let k = key.trim().toLowerCase();
  let m = method?.trim().toLowerCase();
  const colon = k.indexOf(':');
  if (colon > 0 && isMethodId(k.slice(0, colon))) {
    m = k.slice(0, colon);
    k = k.slice(colon + 1).trim();
  }
  return allTiers().find((t) => (m === undefined || t.method === m) && t.tier.key.toLowerCase() === k)?.tier;
}

/**
 * Display label of a tier, segment or group key in a language ("en" or "zh-CN"); undefined
 * when the key is unknown.
 *
 * @example
 * tierLabel("Gold", "zh-CN"); // "次要客户"
 * tierLabel("key", "zh-CN"); // "关键客户"
 */
export function tierLabel(key: string, language: string = 'en', method?: string): string | undefined {
  const lang = /^zh/i.test(language.trim()) ? 'zh-CN' : 'en';
  const t = findTier(key, method);
  if (t) return pick(t.label, lang);
  const group = GROUP_LABELS[key.trim().toLowerCase() as TierGroup] as Bilingual | undefined;
  return group ? pick(group, lang) : undefined;
}
