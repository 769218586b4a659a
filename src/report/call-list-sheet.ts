/** The Call List sheet (每日拜访清单): today's due customers in priority order, as a plan table. */
import { type CallEntry, type PlaybookRow, pick } from '../engine';
import type { Language } from '../i18n/strings';
import type { ColumnPlan, PlanValue, TablePlan } from './plan';

/** Excel table name of the call list. */
export const CALL_LIST_TABLE = 'TierwiseCallList';

const HEAD = {
  owner: { en: 'Owner', zh: '负责人' },
  rank: { en: 'Rank', zh: '序号' },
  customer: { en: 'Customer', zh: '客户' },
  tier: { en: 'Tier', zh: '层级' },
  tierLabel: { en: 'Tier label', zh: '层级名称' },
  stage: { en: 'Stage', zh: '阶段' },
  since: { en: 'Last contact/purchase', zh: '最近联系/购买' },
  basis: { en: 'Based on', zh: '依据' },
  daysSince: { en: 'Days since', zh: '距今天数' },
  cadence: { en: 'Cadence (days)', zh: '周期（天）' },
  overdue: { en: 'Days overdue', zh: '逾期天数' },
  action: { en: 'Action', zh: '行动' },
  reason: { en: 'Reason', zh: '原因' },
};

const BASIS = {
  contact: { en: 'contact', zh: '联系' },
  purchase: { en: 'purchase', zh: '购买' },
  none: { en: 'none', zh: '无' },
};

/**
 * The call list as a table: owner, rank within the owner's list, customer, tier and its label
 * (the playbook's), stage, the day the days count from (last contact, else last purchase), days
 * since, cadence, days overdue, the playbook's action and the reason — in the list's order (priority).
 *
 * @example
 * callListTable(callList(candidates, tiers, playbook, { date }), playbook, 'en').columns.map((c) => c.id)[0]; // "owner"
 */
export function callListTable(entries: readonly CallEntry[], playbook: readonly PlaybookRow[], language: Language): TablePlan {
  const label = new Map(playbook.map((p) => [p.key, p.label]));
  const col = (id: keyof typeof HEAD, kind: ColumnPlan['kind'], values: PlanValue[]): ColumnPlan => ({ id, header: pick(HEAD[id], language), kind, values });
  return {
    name: CALL_LIST_TABLE,
    rows: entries.length,
    columns: [
      col('owner', 'text', entries.map((e) => e.owner)),
      col('rank', 'integer', entries.map((e) => e.rank)),
      col('customer', 'text', entries.map((e) => e.customer)),
      col('tier', 'label', entries.map((e) => e.tier)),
      col('tierLabel', 'text', entries.map((e) => { const l = label.get(e.tier); return l ? pick(l, language) : e.tier; })),
      col('stage', 'text', entries.map((e) => (e.stage === '' ? null : e.stage))),
      col('since', 'date', entries.map((e) => e.since)),
      col('basis', 'label', entries.map((e) => pick(BASIS[e.basis], language))),
      col('daysSince', 'integer', entries.map((e) => e.daysSince)),
      col('cadence', 'integer', entries.map((e) => e.cadenceDays)),
      col('overdue', 'integer', entries.map((e) => e.daysOverdue)),
      col('action', 'text', entries.map((e) => pick(e.action, language))),
      col('reason', 'label', entries.map((e) => pick(e.reason, language))),
    ],
  };
}
