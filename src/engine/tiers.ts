/**
 * Tier definitions: stable keys, order, labels in English and 简体中文, colours and a short
 * management strategy per tier. Colours come from Paul Tol's colour-blind-safe "light" and
 * "pale" palettes; each has black text with a contrast ratio ≥ 4.5 (checked by a test).
 */

/** Text in both languages the product speaks. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Where a tier sits in the classic management grouping. */
export type TierGroup = 'key' | 'ordinary' | 'small' | 'lapsed';

/** A tier (class, segment) and how to present and manage it. */
export interface TierDef {
  /** Stable English key, what formulas return ("A", "Platinum", "Champions"). */
  key: string;
  /** 0 = best tier. */
  order: number;
  label: Bilingual;
  group: TierGroup;
  /** Fill colour, `#RRGGBB`. */
  color: string;
  /** Text colour readable on `color`. */
  textColor: string;
  strategy: Bilingual;
}

/** Tier index of a customer that has no tier (a missing value). */
export const NO_CLASS = 255;

/** Labels of the management groups. */
export const GROUP_LABELS: Record<TierGroup, Bilingual> = {
  key: { en: 'Key customers', zh: '关键客户' },
  ordinary: { en: 'Ordinary customers', zh: '普通客户' },
  small: { en: 'Small customers', zh: '小客户' },
  lapsed: { en: 'Lapsed customers', zh: '流失客户' },
};

const STRATEGY: Record<TierGroup, Bilingual> = {
  key: {
    en: 'Dedicated account manager and VIP service; protect the relationship first.',
    zh: '配备专属客户经理与VIP服务，优先维护关系。',
  },
  ordinary: {
    en: 'Grow them: cross-sell and volume offers to lift them into the key tier.',
    zh: '重点培养：交叉销售与批量优惠，推动其升级为关键客户。',
  },
  small: {
    en: 'Serve at low cost: self-service, standard terms, automated contact.',
    zh: '低成本服务：自助渠道、标准条款、自动化触达。',
  },
  lapsed: {
    en: 'Win back: reactivation offer and a call to learn why they left.',
    zh: '挽回：发送激活优惠，并回访了解流失原因。',
  },
};

/**
 * Relative luminance of an `#RRGGBB` colour (WCAG 2).
 *
 * @example
 * luminance("#FFFFFF"); // 1
 */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * WCAG contrast ratio of two colours (1…21).
 *
 * @example
 * contrastRatio("#000000", "#FFFFFF"); // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever reads better on the fill.
 *
 * @example
 * readableText("#EEDD88"); // "#000000"
 */
export function readableText(fill: string): string {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#FFFFFF') ? '#000000' : '#FFFFFF';
}

function tier(key: string, order: number, en: string, zh: string, group: TierGroup, color: string, strategy?: Bilingual): TierDef {
  return { key, order, label: { en, zh }, group, color, textColor: readableText(color), strategy: strategy ?? STRATEGY[group] };
}

/** ABC classes. */
export const ABC_TIERS: readonly TierDef[] = [
  tier('A', 0, 'A — key customers', 'A类 · 关键客户', 'key', '#77AADD'),
  tier('B', 1, 'B — ordinary customers', 'B类 · 普通客户', 'ordinary', '#EEDD88'),
  tier('C', 2, 'C — small customers', 'C类 · 小客户', 'small', '#DDDDDD'),
];

/** Customer pyramid tiers (Platinum and Gold together are the key customers). */
export const PYRAMID_TIERS: readonly TierDef[] = [
  tier('Platinum', 0, 'Platinum', '重要客户', 'key', '#44BB99'),
  tier('Gold', 1, 'Gold', '次要客户', 'key', '#EEDD88', {
    en: 'Account manager and priority service; upgrade the best to Platinum.',
    zh: '配备客户经理与优先服务，推动优质客户升级为重要客户。',
  }),
  tier('Iron', 2, 'Iron', '普通客户', 'ordinary', '#99DDFF'),
  tier('Lead', 3, 'Lead', '小客户', 'small', '#DDDDDD'),
];

/** RFM segments, best first (see `segments.ts` for the rules that assign them). */
export const SEGMENT_TIERS: readonly TierDef[] = [
  tier('Champions', 0, 'Champions', '冠军客户', 'key', '#44BB99', {
    en: 'Reward them: VIP perks, early access, ask for referrals and reviews.',
    zh: '重点回馈：VIP权益、新品优先体验，邀请推荐与评价。',
  }),
  tier('Loyal', 1, 'Loyal', '忠诚客户', 'key', '#BBCC33', {
    en: 'Keep them close: loyalty programme, upsell higher-value products.',
    zh: '保持粘性：会员计划，向上销售高价值产品。',
  }),
  tier("Can't lose them", 2, "Can't lose them", '不能失去的客户', 'key', '#CC6677', {
    en: 'Big spenders gone quiet: personal call from the account manager, tailored offer.',
    zh: '高价值但久未购买：客户经理亲自联系，提供定制方案。',
  }),
  tier('Potential loyalist', 3, 'Potential loyalist', '潜在忠诚客户', 'ordinary', '#AAAA00', {
    en: 'Recent with some repeat buying: membership offer, recommendations.',
    zh: '近期有复购：推荐会员计划与个性化推荐。',
  }),
  tier('New', 4, 'New', '新客户', 'ordinary', '#99DDFF', {
    en: 'First purchase just made: onboarding, a second-purchase incentive.',
    zh: '刚完成首购：做好引导，提供二次购买激励。',
  }),
  tier('Promising', 5, 'Promising', '有潜力客户', 'ordinary', '#77AADD', {
    en: 'Recent, bought little so far: build awareness, trial offers.',
    zh: '近期购买但金额不高：加强品牌认知，提供试用优惠。',
  }),
  tier('Need attention', 6, 'Need attention', '需关注客户', 'ordinary', '#EEDD88', {
    en: 'Spent well but slowing: limited-time offer based on past purchases.',
    zh: '曾有较高消费但在放缓：基于历史购买推送限时优惠。',
  }),
  tier('About to sleep', 7, 'About to sleep', '即将沉睡客户', 'small', '#EE8866', {
    en: 'Low value and slipping: low-cost reminders, popular products.',
    zh: '价值较低且活跃下降：低成本提醒，推荐热销商品。',
  }),
  tier('At risk', 8, 'At risk', '流失风险客户', 'lapsed', '#FFAABB', {
    en: 'Used to buy often: personalised win-back e-mails, renewal offer.',
    zh: '曾经常购买：个性化挽回邮件与续购优惠。',
  }),
  tier('Hibernating', 9, 'Hibernating', '沉睡客户', 'lapsed', '#BBCCEE', {
    en: 'Long gone, low value: occasional automated reactivation only.',
    zh: '久未购买且价值低：仅做低频自动化唤醒。',
  }),
  tier('Lost', 10, 'Lost', '已流失客户', 'lapsed', '#DDDDDD', {
    en: 'Lowest scores: one win-back attempt, otherwise do not spend on them.',
    zh: '各项得分最低：尝试一次挽回，否则不再投入。',
  }),
];
