/**
 * The management loop in a pane run: the Playbook sheet read (the user's text wins) and created or
 * extended, the last snapshot of the same method read from Tier History (Previous tier, Change,
 * migration matrix), and the run's own snapshot recorded — written with the run's output.
 */
import { type Bilingual, type Cell, type PlaybookRow, type TableResult, mergePlaybook, playbookRowOf } from '../engine';
import { type ExtraWrites, type LoopSheets, loopExtraWrites, readLoopSheets, readSnapshotBlock } from '../excel';
import { type Language, t } from '../i18n/strings';
import {
  type HistoryLimits,
  type SheetPlan,
  type SnapshotMeta,
  HISTORY_LIMITS,
  PLAYBOOK_CADENCE,
  inSheetLayout,
  historyMetas,
  lastSnapshotOf,
  planSnapshot,
  playbookHeader,
  playbookRowsToAdd,
  playbookSheetRows,
  readPlaybookSheet,
  snapshotRows,
  snapshotTiers,
  withPlaybookText,
  snapshotMigration,
  withPreviousSnapshot,
} from '../report';

/** How a run takes part in the loop. */
export interface LoopOptions {
  /** The run's date, YYYY-MM-DD (default: today where the pane runs). */
  today?: string;
  /** Show the Tier History sheet (default: hidden). */
  historyVisible?: boolean;
  limits?: HistoryLimits;
}

/** What the loop did in a run. */
export interface LoopOutcome {
  /** The snapshot compared with (same method), or null on the first run of a method. */
  previous: SnapshotMeta | null;
  /** Up/down/same/new/gone against it. */
  totals: Record<'up' | 'down' | 'same' | 'new' | 'gone', number> | null;
  /** The playbook the run used (the user's text over the defaults). */
  playbook: PlaybookRow[];
  /** Playbook rows written: all of them on first use, the new tiers' later. */
  playbookAdded: number;
  /** The Playbook sheet's name (a new one's once the output is written). */
  playbookSheet: string | null;
  /** True when this run created the Playbook sheet. */
  playbookCreated: boolean;
  /** False when the snapshot was too large to record. */
  recorded: boolean;
  /** What the history's bounds did, when they did something. */
  historyMessage: Bilingual | null;
}

/**
 * Today as YYYY-MM-DD in the pane's time zone.
 * @example localToday(new Date(2026, 10, 29)) // "2026-11-29"
 */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads the loop's sheets and returns the plan with the playbook's text and the previous snapshot's
 * columns, the writes to send with the output, and what happened.
 * @example const loop = await prepareLoop(context, found, result, plan, { language: 'en', options }); renderPlan(context, { ...req, plan: loop.plan, extra: loop.extra });
 */
export async function prepareLoop(
  context: Excel.RequestContext,
  found: LoopSheets,
  result: TableResult,
  plan: SheetPlan,
  run: { language: Language; options: Readonly<Record<string, unknown>>; loop?: LoopOptions },
): Promise<{ plan: SheetPlan; extra: ExtraWrites; outcome: LoopOutcome; newNames: () => { playbook: string | null; history: string | null } }> {
  const c = result.classification;
  const method = c.method;
  const { playbook: playbookCells, historyHead } = await readLoopSheets(context, found);
  // the playbook: the user's rows of this method over the defaults of the run's tiers
  const defaults = c.tiers.map(playbookRowOf);
  const read = playbookCells && found.playbook ? readPlaybookSheet(playbookCells, method, found.playbook.name) : null;
  const usable = read && read.recognised ? read : null;
  const playbook = mergePlaybook(usable?.edits ?? [], defaults);
  const toAdd = usable ? playbookRowsToAdd(usable, defaults) : defaults;
  let out = withPlaybookText(plan, playbook);
  // the previous snapshot of the same method
  const metas = historyHead ? historyMetas(historyHead) : [];
  const previous = found.history ? (lastSnapshotOf(metas, method) ?? null) : null;
  let totals: LoopOutcome['totals'] = null;
  if (previous && found.history) {
    const rows: Cell[][] = await readSnapshotBlock(context, found.history, previous);
    const before = snapshotTiers(rows);
    const m = snapshotMigration(result, before);
    out = withPreviousSnapshot(out, result, before, m);
    totals = { ...m.totals };
  }
  // this run's snapshot
  const keys = c.keys;
  const tiers = keys.map((_, i) => c.tiers[c.tierIndex[i]]?.key ?? null);
  const classified = tiers.filter((x) => x !== null).length;
  const slot = planSnapshot(metas, classified, run.loop?.limits ?? HISTORY_LIMITS);
  const today = run.loop?.today ?? localToday();
  const snap = snapshotRows({ seq: slot.seq, date: today, method, options: run.options, customers: keys, tiers, values: c.value }, run.language);
  const extra = loopExtraWrites(context, {
    names: found.names,
    playbook:
      toAdd.length > 0 || !found.playbook || !usable
        ? {
            sheet: usable ? found.playbook : null,
            baseName: t(run.language, 'sheet.playbook'),
            header: playbookHeader(run.language),
            usedRows: usable?.usedRows ?? 0,
            rows: usable ? inSheetLayout(playbookSheetRows(method, toAdd), usable) : playbookSheetRows(method, toAdd),
            cadenceColumn: usable ? usable.layout[PLAYBOOK_CADENCE] : PLAYBOOK_CADENCE,
          }
        : undefined,
    history: slot.record
      ? {
          sheet: found.history,
          baseName: t(run.language, 'sheet.history'),
          visible: run.loop?.historyVisible ?? false,
          block: slot.block,
          clear: slot.dropped.map((d) => d.block),
          head: snap.head,
          body: snap.body,
        }
      : undefined,
  });
  return {
    plan: out,
    extra,
    newNames: () => extra.newNames(),
    outcome: {
      previous,
      totals,
      playbook,
      playbookAdded: toAdd.length,
      playbookSheet: usable && found.playbook ? found.playbook.name : null,
      playbookCreated: !usable,
      recorded: slot.record,
      historyMessage: slot.message,
    },
  };
}
