/**
 * Lifecycle / needs classes (潜在 / 新 / 一次性 / 常规 / 忠诚 / 流失风险 / 流失) from a transaction
 * log at an as-of day, by fixed rules on whole calendar days, first match wins: Churned, New,
 * One-time, Loyal, Repeat, At risk; customers with rows but no purchase are Potential. Returns and
 * cancellations are not purchases (see `../purchases.ts`). Every number is a parameter.
 */
import { NO_CLASS, type Bilingual, type TierDef, type TierGroup, readableText } from '../tiers';
import { formatNumber, say, tierName } from './text';
import { type TimelineFacts, timelineFacts } from './timeline';
import type { Lang, MethodModule, MethodTable, ParamSpec, ParamValues } from './types';

/** The rule numbers of the lifecycle classes (the parameters, by engine name). */
export interface LifecycleRules {
  churnDays: number;
  newDays: number;
  loyalInvoices: number;
  loyalQuarters: number;
  quarters: number;
  quarterDays: number;
  loyalDays: number;
  repeatDays: number;
}

/** What lifecycle fitted: the rules and the as-of day (null without a purchase timeline). */
export interface LifecycleModel extends LifecycleRules {
  asOf: number | null;
}

function lifecycleTier(key: string, order: number, zh: string, group: TierGroup, color: string, en: string, zhStrategy: string): TierDef {
  return { key, order, label: { en: key, zh }, group, color, textColor: readableText(color), strategy: { en, zh: zhStrategy } };
}

/** The lifecycle classes, best first (the order migrations are read in). */
export const LIFECYCLE_TIERS: readonly TierDef[] = [
  lifecycleTier('Loyal', 0, '忠诚客户', 'key', '#44BB99', 'Reward and retain: loyalty perks, early access, ask for referrals.', '奖励并留住：会员权益、新品优先体验，邀请推荐。'),
  lifecycleTier('Repeat', 1, '常规客户', 'ordinary', '#BBCC33', 'Lift them to loyal: regular contact, bundles, a reason to buy every quarter.', '推动升级为忠诚客户：定期联系、组合优惠，让其每季度都有购买理由。'),
  lifecycleTier('New', 2, '新客户', 'ordinary', '#99DDFF', 'Onboard: welcome series and a second-purchase incentive.', '做好新客引导：欢迎礼包与二次购买激励。'),
  lifecycleTier('At risk', 3, '流失风险客户', 'lapsed', '#FFAABB', 'Win back before they churn: personal contact, an offer based on past purchases.', '在流失前挽回：个人联系，基于历史购买的专属优惠。'),
  lifecycleTier('One-time', 4, '一次性客户', 'small', '#EEDD88', 'Convert to repeat buyers: follow-up and related products.', '促成复购：跟进回访，推荐相关商品。'),
  lifecycleTier('Churned', 5, '流失客户', 'lapsed', '#DDDDDD', 'One low-cost reactivation attempt; learn why they left.', '低成本尝试一次唤醒，并了解流失原因。'),
  lifecycleTier('Potential', 6, '潜在客户', 'small', '#BBCCEE', 'Convert: a first-purchase offer matched to their needs.', '促成首购：提供符合其需求的首单优惠。'),
];

/** Tier indexes of the classes. */
export const LIFECYCLE = { loyal: 0, repeat: 1, new: 2, atRisk: 3, oneTime: 4, churned: 5, potential: 6 } as const;

function days(name: string, flag: string, def: number, en: string, zh: string, min = 1, max = 36500): ParamSpec {
  return { name, flag, kind: 'integer', default: def, min, max, label: { en, zh }, help: { en: `lifecycle: ${en} (default ${def})`, zh: `生命周期：${zh}（默认 ${def}）` } };
}

const PARAMS: readonly ParamSpec[] = [
  days('churnDays', 'churn-days', 365, 'Churned: last purchase more than N days ago', '流失：最近一次购买超过 N 天'),
  days('newDays', 'new-days', 90, 'New: the one purchase at most N days ago (else One-time)', '新客户：唯一一次购买在 N 天内（否则为一次性客户）'),
  days('loyalInvoices', 'loyal-invoices', 5, 'Loyal: at least N purchase invoices', '忠诚：至少 N 张购买单据', 2, 1000000),
  days('loyalQuarters', 'loyal-quarters', 3, 'Loyal: purchases in at least N of the last quarters', '忠诚：最近若干季度中至少 N 个季度有购买', 1, 24),
  days('quarters', 'quarters', 4, 'Loyal: how many recent quarters are looked at', '忠诚：考察最近几个季度', 1, 24),
  days('quarterDays', 'quarter-days', 91, 'Length of a quarter in days', '每个季度的天数', 1, 366),
  days('loyalDays', 'loyal-days', 90, 'Loyal: last purchase at most N days ago', '忠诚：最近一次购买在 N 天内'),
  days('repeatDays', 'repeat-days', 180, 'Repeat: last purchase at most N days ago (else At risk)', '常规：最近一次购买在 N 天内（否则为流失风险客户）'),
];

function rulesOf(p: ParamValues): LifecycleRules {
  const n = (k: keyof LifecycleRules): number => p[k] as number;
  return {
    churnDays: n('churnDays'),
    newDays: n('newDays'),
    loyalInvoices: n('loyalInvoices'),
    loyalQuarters: n('loyalQuarters'),
    quarters: n('quarters'),
    quarterDays: n('quarterDays'),
    loyalDays: n('loyalDays'),
    repeatDays: n('repeatDays'),
  };
}

/** One customer's facts, counted back from the as-of day. */
export interface LifecycleFacts {
  invoices: number;
  /** Days before as-of of the first and the last purchase (NaN: never bought). */
  firstDays: number;
  lastDays: number;
  /** Of the last `quarters` quarters, how many had a purchase. */
  activeQuarters: number;
}

/**
 * The lifecycle class of one customer (tier index into {@link LIFECYCLE_TIERS}), first match wins:
 * Potential (no purchase), Churned, New, One-time, Loyal, Repeat, At risk.
 *
 * @example
 * lifecycleClassOf({ invoices: 7, firstDays: 400, lastDays: 12, activeQuarters: 4 }, DEFAULT_LIFECYCLE_RULES); // 0 (Loyal)
 * lifecycleClassOf({ invoices: 1, firstDays: 91, lastDays: 91, activeQuarters: 1 }, DEFAULT_LIFECYCLE_RULES); // 4 (One-time)
 */
export function lifecycleClassOf(f: LifecycleFacts, r: LifecycleRules): number {
  if (!(f.invoices >= 1)) return LIFECYCLE.potential;
  if (f.lastDays > r.churnDays) return LIFECYCLE.churned;
  if (f.invoices === 1) return f.firstDays <= r.newDays ? LIFECYCLE.new : LIFECYCLE.oneTime;
  if (f.invoices >= r.loyalInvoices && f.activeQuarters >= r.loyalQuarters && f.lastDays <= r.loyalDays) return LIFECYCLE.loyal;
  if (f.lastDays <= r.repeatDays) return LIFECYCLE.repeat;
  return LIFECYCLE.atRisk;
}

/** The rules with their default numbers. */
export const DEFAULT_LIFECYCLE_RULES: LifecycleRules = rulesOf(Object.fromEntries(PARAMS.map((p) => [p.name, p.default])));

const d = (n: number, lang: Lang): string => (lang === 'zh-CN' ? `${formatNumber(n)} 天` : `${formatNumber(n)} d`);

/** Why the customer is not Loyal (the first Loyal condition it misses), for Repeat and At risk. */
function notLoyal(f: LifecycleFacts, r: LifecycleRules, lang: Lang): string {
  const p = { inv: f.invoices, li: r.loyalInvoices, aq: f.activeQuarters, q: r.quarters, lq: r.loyalQuarters, last: d(f.lastDays, lang), ld: d(r.loyalDays, lang) };
  if (f.invoices < r.loyalInvoices) return say({ en: 'not Loyal: {inv} invoices < {li}', zh: '非忠诚：{inv} 张单据 < {li}' }, lang, p);
  if (f.activeQuarters < r.loyalQuarters) return say({ en: 'not Loyal: bought in {aq} of the last {q} quarters < {lq}', zh: '非忠诚：最近 {q} 个季度中 {aq} 个有购买 < {lq}' }, lang, p);
  return say({ en: 'not Loyal: last purchase {last} > {ld}', zh: '非忠诚：最近购买距今 {last} > {ld}' }, lang, p);
}

/**
 * The rule that put a customer in its class, in words.
 *
 * @example
 * lifecycleReason({ invoices: 7, firstDays: 400, lastDays: 12, activeQuarters: 4 }, DEFAULT_LIFECYCLE_RULES, "en");
 * // "Loyal: 7 invoices ≥ 5, bought in 4 of the last 4 quarters (≥ 3), last purchase 12 d ≤ 90 d"
 */
export function lifecycleReason(f: LifecycleFacts, r: LifecycleRules, lang: Lang): string {
  const tier = lifecycleClassOf(f, r);
  const key = tierName(LIFECYCLE_TIERS[tier], lang);
  const p = {
    key,
    inv: formatNumber(f.invoices),
    li: r.loyalInvoices,
    aq: f.activeQuarters,
    q: r.quarters,
    lq: r.loyalQuarters,
    first: d(f.firstDays, lang),
    last: d(f.lastDays, lang),
    churn: d(r.churnDays, lang),
    nd: d(r.newDays, lang),
    ld: d(r.loyalDays, lang),
    rd: d(r.repeatDays, lang),
  };
  const text: Record<number, Bilingual> = {
    [LIFECYCLE.potential]: { en: '{key}: no purchase (listed with a blank date and amount, or only returns, cancellations or zero amounts)', zh: '{key}：无购买（仅列出客户而日期和金额为空，或仅退货、取消或零金额）' },
    [LIFECYCLE.churned]: { en: '{key}: last purchase {last} > {churn}', zh: '{key}：最近购买距今 {last} > {churn}' },
    [LIFECYCLE.new]: { en: '{key}: 1 purchase invoice, first purchase {first} ≤ {nd}', zh: '{key}：1 张购买单据，首次购买距今 {first} ≤ {nd}' },
    [LIFECYCLE.oneTime]: { en: '{key}: 1 purchase invoice, first purchase {first} > {nd}', zh: '{key}：1 张购买单据，首次购买距今 {first} > {nd}' },
    [LIFECYCLE.loyal]: {
      en: '{key}: {inv} invoices ≥ {li}, bought in {aq} of the last {q} quarters (≥ {lq}), last purchase {last} ≤ {ld}',
      zh: '{key}：{inv} 张单据 ≥ {li}，最近 {q} 个季度中 {aq} 个有购买（≥ {lq}），最近购买距今 {last} ≤ {ld}',
    },
    [LIFECYCLE.repeat]: { en: '{key}: {inv} invoices, last purchase {last} ≤ {rd} ({why})', zh: '{key}：{inv} 张单据，最近购买距今 {last} ≤ {rd}（{why}）' },
    [LIFECYCLE.atRisk]: { en: '{key}: {inv} invoices, last purchase {last} > {rd} and ≤ {churn} ({why})', zh: '{key}：{inv} 张单据，最近购买距今 {last} > {rd} 且 ≤ {churn}（{why}）' },
  };
  const why = tier === LIFECYCLE.repeat || tier === LIFECYCLE.atRisk ? notLoyal(f, r, lang) : '';
  return say(text[tier], lang, { ...p, why });
}

interface LifecycleState {
  facts?: TimelineFacts;
}

function factsAt(t: TimelineFacts, i: number): LifecycleFacts {
  return { invoices: t.invoices[i], firstDays: t.firstDays[i], lastDays: t.lastDays[i], activeQuarters: t.activeQuarters[i] };
}

/** The rules in words (the summary notes and the pane). */
function rulesInWords(r: LifecycleRules, lang: Lang): string {
  return say(
    {
      en:
        'First match wins: Churned — last purchase > {churn} d; New — 1 purchase invoice, first purchase ≤ {nd} d; One-time — 1 purchase invoice, > {nd} d; ' +
        'Loyal — ≥ {li} invoices, purchases in ≥ {lq} of the last {q} quarters of {qd} d, last purchase ≤ {ld} d; Repeat — last purchase ≤ {rd} d; ' +
        'At risk — the rest; Potential — listed (a row with the customer and a blank date and amount) or rows but no purchase. Days are whole calendar days before the as-of day',
      zh:
        '按顺序取第一条匹配的规则：流失客户——最近购买 > {churn} 天；新客户——1 张购买单据且首次购买 ≤ {nd} 天；一次性客户——1 张购买单据且 > {nd} 天；' +
        '忠诚客户——≥ {li} 张单据、最近 {q} 个季度（每季 {qd} 天）中 ≥ {lq} 个有购买、最近购买 ≤ {ld} 天；常规客户——最近购买 ≤ {rd} 天；' +
        '流失风险客户——其余；潜在客户——有记录但无购买。天数为距截止日的整日历天数',
    },
    lang,
    { churn: r.churnDays, nd: r.newDays, li: r.loyalInvoices, lq: r.loyalQuarters, q: r.quarters, qd: r.quarterDays, ld: r.loyalDays, rd: r.repeatDays },
  );
}

function rulesTable(fit: { tierIndex: Uint8Array; model: LifecycleModel }): MethodTable {
  const counts = LIFECYCLE_TIERS.map(() => 0);
  let total = 0;
  for (const t of fit.tierIndex) {
    if (t < counts.length) {
      counts[t]++;
      total++;
    }
  }
  const r = fit.model;
  const rule = (t: number): Bilingual => {
    const p = { churn: r.churnDays, nd: r.newDays, li: r.loyalInvoices, lq: r.loyalQuarters, q: r.quarters, ld: r.loyalDays, rd: r.repeatDays };
    const rules: Bilingual[] = [
      { en: '≥ {li} invoices, bought in ≥ {lq} of the last {q} quarters, last purchase ≤ {ld} d', zh: '≥ {li} 张单据，最近 {q} 个季度中 ≥ {lq} 个有购买，最近购买 ≤ {ld} 天' },
      { en: '≥ 2 invoices, last purchase ≤ {rd} d (not Loyal)', zh: '≥ 2 张单据，最近购买 ≤ {rd} 天（非忠诚）' },
      { en: '1 invoice, first purchase ≤ {nd} d', zh: '1 张单据，首次购买 ≤ {nd} 天' },
      { en: '≥ 2 invoices, last purchase {rd} d < … ≤ {churn} d', zh: '≥ 2 张单据，{rd} 天 < 最近购买 ≤ {churn} 天' },
      { en: '1 invoice, first purchase > {nd} d, ≤ {churn} d', zh: '1 张单据，首次购买 > {nd} 天且 ≤ {churn} 天' },
      { en: 'last purchase > {churn} d', zh: '最近购买 > {churn} 天' },
      { en: 'rows but no purchase', zh: '有记录但无购买' },
    ];
    const b = rules[t];
    return { en: say(b, 'en', p), zh: say(b, 'zh-CN', p) };
  };
  const title = { en: 'Lifecycle classes and their rules', zh: '生命周期分类及规则' };
  return {
    name: 'TierwiseLifecycle',
    title,
    columns: [
      { id: 'class', header: { en: 'Class', zh: '类别' }, kind: 'label', values: LIFECYCLE_TIERS.map((t) => t.key) },
      { id: 'rule', header: { en: 'Rule', zh: '规则' }, kind: 'text', values: LIFECYCLE_TIERS.map((_, t) => rule(t).en) },
      { id: 'ruleZh', header: { en: 'Rule (中文)', zh: '规则（中文）' }, kind: 'text', values: LIFECYCLE_TIERS.map((_, t) => rule(t).zh) },
      { id: 'customers', header: { en: 'Customers', zh: '客户数' }, kind: 'integer', values: counts },
      { id: 'share', header: { en: 'Share of customers', zh: '客户占比' }, kind: 'percent', values: counts.map((c) => (total ? c / total : 0)) },
    ],
    rows: LIFECYCLE_TIERS.length,
    chart: { kind: 'column', title: { en: 'Customers per lifecycle class', zh: '各生命周期类别客户数' }, categoryColumn: 'class', bars: ['customers'], lines: [] },
  };
}

/** The lifecycle method. */
export const lifecycle: MethodModule<'lifecycle', LifecycleModel> = {
  id: 'lifecycle',
  label: { en: 'Lifecycle classes', zh: '客户生命周期分类' },
  short: { en: 'Lifecycle', zh: '生命周期' },
  description: {
    en: 'Classes from the purchase timeline: Potential, New, One-time, Repeat, Loyal, At risk, Churned (fixed day rules, first match wins).',
    zh: '按购买时间线分类：潜在、新、一次性、常规、忠诚、流失风险、流失客户（固定天数规则，按顺序匹配）。',
  },
  needs: ['recency', 'frequency', 'monetary'],
  needsTransactions: true,
  timeline: true,
  keepsNoPurchase: true,
  params: PARAMS,
  check: (p) =>
    (p.loyalQuarters as number) > (p.quarters as number)
      ? {
          en: `loyal-quarters (${String(p.loyalQuarters)}) must be at most quarters (${String(p.quarters)})`,
          zh: `loyal-quarters（${String(p.loyalQuarters)}）不能大于 quarters（${String(p.quarters)}）`,
        }
      : null,
  tiers: () => LIFECYCLE_TIERS,
  tierColumn: { id: 'class', header: { en: 'Lifecycle class', zh: '生命周期类别' } },
  classify(m, ctx) {
    const rules = rulesOf(ctx.params);
    const tierIndex = new Uint8Array(m.n).fill(NO_CLASS);
    if (!m.purchases || !m.customers) return { tierIndex, model: { ...rules, asOf: null }, state: {} satisfies LifecycleState };
    const asOf = m.customers.asOf;
    const facts = timelineFacts(m.purchases, m.n, asOf, rules);
    for (let i = 0; i < m.n; i++) tierIndex[i] = lifecycleClassOf(factsAt(facts, i), rules);
    return { tierIndex, model: { ...rules, asOf }, state: { facts } satisfies LifecycleState };
  },
  explain({ fit, index, tier, lang }) {
    const { facts } = fit.state as LifecycleState;
    if (!facts || index === undefined || tier === NO_CLASS) {
      return say({ en: 'no class: lifecycle classes need the purchase dates of a transaction log', zh: '未分类：生命周期分类需要交易明细中的购买日期' }, lang);
    }
    return lifecycleReason(factsAt(facts, index), fit.model, lang);
  },
  describe: (model, lang) => rulesInWords(model, lang),
  columns(fit) {
    const { facts } = fit.state as LifecycleState;
    const col = (a: Float64Array | undefined, never: (i: number) => boolean): (number | null)[] =>
      Array.from({ length: fit.tierIndex.length }, (_, i) => (a === undefined || never(i) ? null : a[i]));
    const none = (i: number): boolean => !facts || !(facts.invoices[i] >= 1);
    return [
      { id: 'invoices', json: 'purchaseInvoices', header: { en: 'Purchase invoices', zh: '购买单据数' }, kind: 'integer', values: col(facts?.invoices, () => !facts) },
      { id: 'firstDays', json: 'daysSinceFirst', header: { en: 'Days since first purchase', zh: '首次购买距今天数' }, kind: 'integer', values: col(facts?.firstDays, none) },
      { id: 'lastDays', json: 'daysSinceLast', header: { en: 'Days since last purchase', zh: '最近购买距今天数' }, kind: 'integer', values: col(facts?.lastDays, none) },
      { id: 'activeQuarters', json: 'activeQuarters', header: { en: 'Active quarters', zh: '有购买的季度数' }, kind: 'integer', values: col(facts?.activeQuarters, () => !facts) },
    ];
  },
  tables: (fit) => [rulesTable(fit)],
};
