/**
 * Today's call list (每日拜访清单): which customers are due for contact by their tier's cadence in
 * the playbook, in priority order, split per sales rep with a daily cap, each with a reason.
 */
import type { Bilingual, TierGroup } from '../tiers';
import type { PlaybookRow } from './playbook';

/** Pipeline stages in order (later = closer to closing). */
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won'] as const;
/** A known pipeline stage. */
export type Stage = (typeof STAGES)[number];

const STAGE_WORDS: Readonly<Record<string, Stage>> = {
  lead: 'lead', 线索: 'lead',
  qualified: 'qualified', 意向: 'qualified',
  proposal: 'proposal', quote: 'proposal', 报价: 'proposal',
  negotiation: 'negotiation', 谈判: 'negotiation',
  won: 'won', 'closed won': 'won', 成交: 'won',
};
const CLOSED_WORDS = new Set(['lost', 'closed lost', 'closed', '输单', '丢单', '关闭', '已关闭']);

/** Stage names in both languages. */
export const STAGE_TEXT: Readonly<Record<Stage, Bilingual>> = {
  lead: { en: 'lead', zh: '线索' },
  qualified: { en: 'qualified', zh: '意向' },
  proposal: { en: 'proposal', zh: '报价' },
  negotiation: { en: 'negotiation', zh: '谈判' },
  won: { en: 'won', zh: '成交' },
};

/**
 * How much a stage text raises a customer: 0 = no active deal (blank, won, lost, closed);
 * lead 1, qualified 2, proposal 3, negotiation 4; any other non-blank text (a user-defined stage)
 * counts as an active deal at lead level (1).
 *
 * @example
 * stageRank('谈判'); // 4
 * stageRank('Won'); // 0
 */
export function stageRank(stage: string | null | undefined): number {
  const s = (stage ?? '').trim().toLowerCase();
  if (s === '' || CLOSED_WORDS.has(s)) return 0;
  const known = STAGE_WORDS[s];
  if (known === 'won') return 0;
  return known ? STAGES.indexOf(known) + 1 : 1;
}

/** One customer as the call list sees it. Days are day numbers (days since 1970-01-01). */
export interface CallCandidate {
  customer: string;
  tier: string | null;
  value: number;
  lastContact?: number | null;
  lastPurchase?: number | null;
  stage?: string | null;
  owner?: string | null;
}

/** A tier the call list knows: key, management group, best first. */
export interface CallTier {
  key: string;
  group: TierGroup;
}

/** One entry of the call list. */
export interface CallEntry {
  owner: string;
  /** 1-based position in the owner's list. */
  rank: number;
  customer: string;
  tier: string;
  stage: string;
  value: number;
  /** The day the days are counted from (last contact, else last purchase), null when neither. */
  since: number | null;
  basis: 'contact' | 'purchase' | 'none';
  daysSince: number | null;
  cadenceDays: number;
  /** Days past the cadence (≥ 0); null when there is no contact or purchase on record. */
  daysOverdue: number | null;
  action: Bilingual;
  reason: Bilingual;
}

/** Options of {@link callList}. */
export interface CallListOptions {
  /** Today, as a day number. */
  date: number;
  /** The most calls per owner (default 20). */
  perRep?: number;
}

const GROUP_ONE: Readonly<Record<TierGroup, Bilingual>> = {
  key: { en: 'Key customer', zh: '关键客户' },
  ordinary: { en: 'Ordinary customer', zh: '普通客户' },
  small: { en: 'Small customer', zh: '小客户' },
  lapsed: { en: 'Lapsed customer', zh: '流失客户' },
};

/** One listed customer's entry with its reason (built only for customers that make the list). */
function entryOf(c: CallCandidate, play: PlaybookRow, groupKey: TierGroup, owner: string, rank: number, since: number | null, daysSince: number | null, stage: number): CallEntry {
  const tier = c.tier as string;
  const contact = c.lastContact ?? null;
  const basis: CallEntry['basis'] = since === null ? 'none' : since === contact ? 'contact' : 'purchase';
  const daysOverdue = daysSince === null ? null : daysSince - play.cadenceDays;
  const stageText = (c.stage ?? '').trim();
  const group = GROUP_ONE[groupKey];
  const known = STAGE_WORDS[stageText.toLowerCase()];
  const stageShown: Bilingual = known ? STAGE_TEXT[known] : { en: stageText, zh: stageText };
  const en = [`${group.en} (${tier})`, daysOverdue === null ? 'no contact or purchase on record' : `${daysOverdue} days overdue on a ${play.cadenceDays}-day cadence`];
  const zh = [`${group.zh}（${play.label.zh || tier}）`, daysOverdue === null ? '无联系或购买记录' : `按${play.cadenceDays}天周期已逾期${daysOverdue}天`];
  if (stage > 0) {
    en.push(`in ${stageShown.en}`);
    zh.push(`处于${stageShown.zh}阶段`);
  }
  return {
    owner,
    rank,
    customer: c.customer,
    tier,
    stage: stageText,
    value: c.value,
    since,
    basis,
    daysSince,
    cadenceDays: play.cadenceDays,
    daysOverdue,
    action: { ...play.strategy },
    reason: { en: en.join(', '), zh: zh.join('，') },
  };
}

/**
 * Builds today's call list. A customer is **due** when the days since the last contact (else the
 * last purchase) are at least the tier's cadence, or when neither date is known. Customers without
 * a tier, with a tier missing from `tiers`, or with a future reference date are left out. Order per
 * owner: tier (best first); then active deals (later stage first); then days overdue relative to
 * the cadence (larger first; no date on record counts as most overdue); then value (larger first);
 * then customer key. Each owner (blank = "") keeps at most `perRep` entries.
 *
 * @example
 * const list = callList([{ customer: 'c1', tier: 'A', value: 10, lastPurchase: 100 }], [{ key: 'A', group: 'key' }], defaultPlaybook('abc'), { date: 123 });
 * list[0].reason.en; // "Key customer (A), 9 days overdue on a 14-day cadence"
 */
export function callList(candidates: readonly CallCandidate[], tiers: readonly CallTier[], playbook: readonly PlaybookRow[], options: CallListOptions): CallEntry[] {
  const perRep = options.perRep ?? 20;
  if (!Number.isInteger(perRep) || perRep < 1) throw new RangeError(`per-rep cap must be a whole number ≥ 1, got ${perRep}`);
  if (!Number.isFinite(options.date)) throw new RangeError('call list date is not a valid date');
  const order = new Map(tiers.map((t, i) => [t.key, i]));
  const groupOf = new Map(tiers.map((t) => [t.key, t.group]));
  const book = new Map(playbook.map((p) => [p.key, p]));
  interface Due { c: CallCandidate; play: PlaybookRow; tierIndex: number; stage: number; ratio: number; since: number | null; daysSince: number | null }
  const due: Due[] = [];
  for (const c of candidates) {
    if (c.tier === null || c.tier === '') continue;
    const ti = order.get(c.tier);
    const play = book.get(c.tier);
    if (ti === undefined || play === undefined) continue;
    const contact = c.lastContact ?? null;
    const purchase = c.lastPurchase ?? null;
    const since = contact !== null && Number.isFinite(contact) ? contact : purchase !== null && Number.isFinite(purchase) ? purchase : null;
    const daysSince = since === null ? null : options.date - since;
    if (daysSince !== null && (daysSince < 0 || daysSince < play.cadenceDays)) continue;
    const ratio = daysSince === null ? Infinity : (daysSince - play.cadenceDays) / play.cadenceDays;
    due.push({ c, play, tierIndex: ti, stage: stageRank(c.stage), ratio, since, daysSince });
  }
  due.sort(
    (a, b) =>
      a.tierIndex - b.tierIndex ||
      b.stage - a.stage ||
      (a.ratio === b.ratio ? 0 : b.ratio > a.ratio ? 1 : -1) ||
      (b.c.value || 0) - (a.c.value || 0) ||
      (a.c.customer < b.c.customer ? -1 : a.c.customer > b.c.customer ? 1 : 0),
  );
  const taken = new Map<string, number>();
  const out: CallEntry[] = [];
  for (const d of due) {
    const owner = (d.c.owner ?? '').trim();
    const k = taken.get(owner) ?? 0;
    if (k >= perRep) continue;
    taken.set(owner, k + 1);
    out.push(entryOf(d.c, d.play, groupOf.get(d.c.tier as string) ?? 'ordinary', owner, k + 1, d.since, d.daysSince, d.stage));
  }
  return out;
}
