/** What the management loop adds to `tierwise classify`: `--previous` and `--playbook`. */
import { CHANGE_SYMBOL, type PlaybookRow, type TableResult, mergePlaybook, migration, playbookRowOf, topMovers } from '../engine';
import { type SheetPlan, withMigrationSummary, withPlaybook, withPreviousTier } from '../report';
import type { ClassifyArgs } from './args';
import { CliError } from './errors';
import { readPlaybook, readSnapshot } from './loop-read';

/**
 * The playbook of a run: the user's file merged over the defaults of the run's tiers.
 *
 * @example
 * (await runPlaybookRows(result, 'playbook.csv'))[0].cadenceDays; // 14
 */
export async function runPlaybookRows(result: TableResult, playbookFile: string | undefined): Promise<PlaybookRow[]> {
  const defaults = result.classification.tiers.map(playbookRowOf);
  return playbookFile ? mergePlaybook(await readPlaybook(playbookFile), defaults) : defaults;
}

/**
 * What `--previous` and `--playbook` add to a classify run: the plan's Previous tier/Change
 * columns and playbook strategies, and the JSON customers' `previous` and `change`.
 *
 * @example
 * const loop = await loopAdditions(args, result, plan); plan = loop.plan; doc = loop.json(doc);
 */
export async function loopAdditions(args: ClassifyArgs, result: TableResult, plan: SheetPlan): Promise<{ plan: SheetPlan; json: (doc: Record<string, unknown>) => Record<string, unknown> }> {
  let out = plan;
  if (args.playbook !== undefined) out = withPlaybook(out, await runPlaybookRows(result, args.playbook));
  if (args.previous === undefined) return { plan: out, json: (doc) => doc };
  const snap = await readSnapshot(args.previous);
  if (snap.method && snap.method !== result.classification.method) {
    throw new CliError(`${args.previous}: a ${snap.method} classification; --previous needs one of the same method (${result.classification.method})`);
  }
  const order = result.classification.tiers.map((t) => t.key);
  out = { ...out, customers: withPreviousTier(out.customers, out.tierColumn, snap.tiers, order, args.lang) };
  const current = new Map<string, string | null>();
  const c = result.classification;
  c.keys.forEach((k, i) => current.set(k, c.tiers[c.tierIndex[i]]?.key ?? null));
  const values = new Map(c.keys.map((k, i) => [k, c.value[i]]));
  const m = migration(snap.tiers, current, order, { current: values, previous: snap.values });
  out = withMigrationSummary(out, m);
  const byKey = new Map(m.customers.map((x) => [x.customer, x]));
  return {
    plan: out,
    json: (doc) => {
      const customers = doc.customers as { customer: string; tier: string | null; previous?: string | null; change?: string | null }[];
      for (const row of customers) {
        const ch = row.tier === null ? undefined : byKey.get(row.customer);
        row.previous = ch?.previous ?? null;
        row.change = ch ? CHANGE_SYMBOL[ch.change] : null;
      }
      const round = (v: number): number => Math.round(v * 1e6) / 1e6;
      return {
        ...doc,
        migration: {
          previous: args.previous,
          rows: [...m.tiers, 'new'],
          columns: [...m.tiers, 'gone'],
          counts: m.counts,
          values: m.values.map((r) => r.map(round)),
          totals: m.totals,
          valueTotals: Object.fromEntries(Object.entries(m.valueTotals).map(([k, v]) => [k, round(v)])),
          topMovers: topMovers(m, 10).map((x) => ({ customer: x.customer, previous: x.previous, current: x.current, change: CHANGE_SYMBOL[x.change], value: round(x.value) })),
        },
      };
    },
  };
}
