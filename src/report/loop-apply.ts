/**
 * The loop's part of computing a run, as plain data in and out (it can run where the engine runs,
 * e.g. in the pane's compute worker): the playbook (the user's rows over the run's tier defaults)
 * and the previous snapshot applied to the plan, and the run's own snapshot to record.
 */
import { type Change, type PlaybookEdit, type PlaybookRow, type TableResult, mergePlaybook, playbookRowOf } from '../engine';
import { snapshotMigration, withPlaybookText, withPreviousSnapshot } from './loop-plan';
import type { SheetPlan } from './plan';

/** What the loop read from the workbook for a run. */
export interface LoopInputs {
  /** The user's playbook rows of the method, or null when there is no (recognisable) Playbook sheet. */
  playbook: PlaybookEdit[] | null;
  /** The last snapshot of the method: customer → tier and customer → value, or null. */
  previous: { tiers: [string, string][]; values: [string, number][] } | null;
}

/** What applying the loop gives besides the plan. */
export interface LoopApplied {
  playbook: PlaybookRow[];
  /** Rows the Playbook sheet lacks (all of them when there is no sheet). */
  toAdd: PlaybookRow[];
  /** Up/down/same/new/gone against the previous snapshot, or null without one. */
  totals: Record<Change, number> | null;
  /** The run's snapshot: each customer's tier (null: none) and value. */
  snapshot: { customers: string[]; tiers: (string | null)[]; values: number[] };
}

/**
 * Applies the playbook and the previous snapshot to a run's plan and returns the snapshot to record.
 *
 * @example
 * const { plan, loop } = applyLoop(result, buildSheetPlan(result, { language: 'en' }), { playbook: null, previous: null });
 * loop.toAdd.length; // the number of tiers (a new Playbook sheet)
 */
export function applyLoop(result: TableResult, plan: SheetPlan, inputs: LoopInputs): { plan: SheetPlan; loop: LoopApplied } {
  const c = result.classification;
  const defaults = c.tiers.map(playbookRowOf);
  const playbook = mergePlaybook(inputs.playbook ?? [], defaults);
  const have = new Set((inputs.playbook ?? []).map((e) => e.key));
  const toAdd = inputs.playbook ? defaults.filter((d) => !have.has(d.key)) : defaults;
  let out = withPlaybookText(plan, playbook);
  let totals: LoopApplied['totals'] = null;
  if (inputs.previous) {
    const before = { tiers: new Map(inputs.previous.tiers), values: new Map(inputs.previous.values) };
    const m = snapshotMigration(result, before);
    out = withPreviousSnapshot(out, result, before, m);
    totals = { ...m.totals };
  }
  const tiers = c.keys.map((_, i) => c.tiers[c.tierIndex[i]]?.key ?? null);
  return { plan: out, loop: { playbook, toAdd, totals, snapshot: { customers: [...c.keys], tiers, values: Array.from(c.value) } } };
}
