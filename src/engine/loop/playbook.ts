/**
 * The playbook (策略手册): one row per tier saying how that tier is served — label, strategy,
 * service level, contact cadence and owner. Defaults come from the method's tier definitions;
 * the user edits them and the user's text wins on every later run.
 */
import { defaultParams } from '../methods/params';
import { methodById } from '../methods/registry';
import type { Bilingual, TierDef, TierGroup } from '../tiers';

/** One tier's row of the playbook. */
export interface PlaybookRow {
  /** The tier's stable key ("A", "Champions"). */
  key: string;
  label: Bilingual;
  strategy: Bilingual;
  serviceLevel: Bilingual;
  /** Days between planned contacts (a positive whole number). */
  cadenceDays: number;
  /** Owner or team (free text; empty = unassigned). */
  owner: string;
}

/**
 * Default contact cadence in days per management group: key customers every two weeks, ordinary
 * ones monthly, small ones quarterly, lapsed ones every two months (a win-back call plan). A
 * choice of this product, documented in the README; users change it in their playbook.
 */
export const DEFAULT_CADENCE: Readonly<Record<TierGroup, number>> = { key: 14, ordinary: 30, small: 90, lapsed: 60 };

/** Default service level per management group. */
export const DEFAULT_SERVICE: Readonly<Record<TierGroup, Bilingual>> = {
  key: { en: 'Dedicated account manager', zh: '专属客户经理' },
  ordinary: { en: 'Account team', zh: '客户团队' },
  small: { en: 'Self-service and automated', zh: '自助与自动化服务' },
  lapsed: { en: 'Win-back campaign', zh: '挽回计划' },
};

/** Default owner per management group. */
export const DEFAULT_OWNER: Readonly<Record<TierGroup, string>> = { key: 'Key accounts', ordinary: 'Sales', small: 'Customer service', lapsed: 'Sales' };

/**
 * The default playbook row of a tier definition.
 *
 * @example
 * playbookRowOf(tierDef).cadenceDays; // 14 for a key tier
 */
export function playbookRowOf(t: TierDef): PlaybookRow {
  return {
    key: t.key,
    label: { ...t.label },
    strategy: { ...t.strategy },
    serviceLevel: { ...DEFAULT_SERVICE[t.group] },
    cadenceDays: DEFAULT_CADENCE[t.group],
    owner: DEFAULT_OWNER[t.group],
  };
}

/**
 * The built-in playbook of a registered method (its tiers with default parameters), best tier first.
 *
 * @example
 * defaultPlaybook('abc').map((r) => r.key); // ["A", "B", "C"]
 */
export function defaultPlaybook(methodId: string): PlaybookRow[] {
  const m = methodById(methodId);
  return m.tiers(defaultParams(m)).map(playbookRowOf);
}

/** A user's playbook row as read from a sheet or file: any field may be blank (= not edited). */
export interface PlaybookEdit {
  key: string;
  label?: Partial<Bilingual>;
  strategy?: Partial<Bilingual>;
  serviceLevel?: Partial<Bilingual>;
  cadenceDays?: number;
  owner?: string;
}

const text = (user: string | undefined, fallback: string): string => (user !== undefined && user.trim() !== '' ? user : fallback);

function bi(user: Partial<Bilingual> | undefined, fallback: Bilingual): Bilingual {
  return { en: text(user?.en, fallback.en), zh: text(user?.zh, fallback.zh) };
}

/**
 * Merges a user's playbook with the defaults: every non-blank user field wins; blank fields take
 * the default; the user's rows keep their order, defaults for tiers the user has no row for are
 * appended (best first); user rows for tiers the method does not have are kept unchanged (they
 * may belong to other parameters). A re-run therefore never overwrites a user's edit.
 *
 * @example
 * mergePlaybook([{ key: 'A', cadenceDays: 7 }], defaultPlaybook('abc')).map((r) => [r.key, r.cadenceDays]);
 * // [["A", 7], ["B", 30], ["C", 90]]
 */
export function mergePlaybook(user: readonly PlaybookEdit[], defaults: readonly PlaybookRow[]): PlaybookRow[] {
  const byKey = new Map(defaults.map((d) => [d.key, d]));
  const blank: PlaybookRow = { key: '', label: { en: '', zh: '' }, strategy: { en: '', zh: '' }, serviceLevel: { en: '', zh: '' }, cadenceDays: DEFAULT_CADENCE.ordinary, owner: '' };
  const seen = new Set<string>();
  const out: PlaybookRow[] = [];
  for (const u of user) {
    if (seen.has(u.key)) continue;
    seen.add(u.key);
    const d = byKey.get(u.key) ?? { ...blank, key: u.key, label: { en: u.key, zh: u.key } };
    out.push({
      key: u.key,
      label: bi(u.label, d.label),
      strategy: bi(u.strategy, d.strategy),
      serviceLevel: bi(u.serviceLevel, d.serviceLevel),
      cadenceDays: u.cadenceDays !== undefined && Number.isFinite(u.cadenceDays) && u.cadenceDays > 0 ? u.cadenceDays : d.cadenceDays,
      owner: text(u.owner, d.owner),
    });
  }
  for (const d of defaults) if (!seen.has(d.key)) out.push({ ...d });
  return out;
}
