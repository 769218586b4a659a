/**
 * The management loop in a pane run, around the compute step: before it, the Playbook sheet and
 * the last snapshot of the same method are read from the workbook (`readLoop`); the compute step
 * applies them to the plan (`applyLoop`, plain data in and out); after it, the run's snapshot and
 * the playbook's new rows are written with the output (`loopWrites`).
 */
import type { Bilingual, Cell } from '../engine';
import { type ExtraWrites, type LoopSheets, loopExtraWrites, readLoopSheets, readSnapshotBlock } from '../excel';
import { type Language, t } from '../i18n/strings';
import {
  type HistoryLimits,
  type LoopApplied,
  type LoopInputs,
  type PlaybookSheetRead,
  type SnapshotMeta,
  HISTORY_LIMITS,
  PLAYBOOK_CADENCE,
  historyMetas,
  inSheetLayout,
  lastSnapshotOf,
  planSnapshot,
  playbookHeader,
  playbookSheetRows,
  readPlaybookSheet,
  snapshotRows,
  snapshotTiers,
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

/** What {@link readLoop} found. */
export interface LoopRead {
  found: LoopSheets;
  /** The compute step's loop inputs (plain data). */
  inputs: LoopInputs;
  /** The Playbook sheet as read (null: none, or not recognisable). */
  sheet: PlaybookSheetRead | null;
  metas: SnapshotMeta[];
  previous: SnapshotMeta | null;
}

/**
 * Reads the Playbook (the method's rows; a bad cadence throws its ParamError before anything is
 * computed) and the last snapshot of the method from Tier History: one small request when the
 * sheets exist, and the snapshot's rows (as many requests as its size needs).
 * @example const read = await readLoop(context, found, 'abc'); read.inputs.previous // null on the first run
 */
export async function readLoop(context: Excel.RequestContext, found: LoopSheets, method: string): Promise<LoopRead> {
  const { playbook: cells, historyHead } = await readLoopSheets(context, found);
  const read = cells && found.playbook ? readPlaybookSheet(cells, method, found.playbook.name) : null;
  const sheet = read && read.recognised ? read : null;
  const metas = historyHead ? historyMetas(historyHead) : [];
  const previous = found.history ? (lastSnapshotOf(metas, method) ?? null) : null;
  let before: LoopInputs['previous'] = null;
  if (previous && found.history) {
    const rows: Cell[][] = await readSnapshotBlock(context, found.history, previous);
    const s = snapshotTiers(rows);
    before = { tiers: [...s.tiers], values: [...s.values] };
  }
  return { found, inputs: { playbook: sheet ? sheet.edits : null, previous: before }, sheet, metas, previous };
}

/**
 * The writes of the run's snapshot and the playbook's new rows (to go with the output), and what
 * the pane says about them once written.
 * @example const w = loopWrites(context, read, applied, { method: 'abc', language: 'en', options }); renderPlan(context, { ...req, extra: w.extra }); w.outcome()
 */
export function loopWrites(
  context: Excel.RequestContext,
  read: LoopRead,
  applied: LoopApplied,
  run: { method: string; language: Language; options: Readonly<Record<string, unknown>>; loop?: LoopOptions },
): { extra: ExtraWrites; outcome: () => LoopOutcome } {
  const { found, sheet, metas, previous } = read;
  const snap = applied.snapshot;
  const classified = snap.tiers.filter((x) => x !== null).length;
  const slot = planSnapshot(metas, classified, run.loop?.limits ?? HISTORY_LIMITS);
  const rows = snapshotRows({ seq: slot.seq, date: run.loop?.today ?? localToday(), method: run.method, options: run.options, customers: snap.customers, tiers: snap.tiers, values: snap.values }, run.language);
  const newRows = playbookSheetRows(run.method, applied.toAdd);
  const extra = loopExtraWrites(context, {
    names: found.names,
    playbook:
      applied.toAdd.length > 0 || !sheet
        ? {
            sheet: sheet ? found.playbook : null,
            baseName: t(run.language, 'sheet.playbook'),
            header: playbookHeader(run.language),
            usedRows: sheet?.usedRows ?? 0,
            rows: sheet ? inSheetLayout(newRows, sheet) : newRows,
            cadenceColumn: sheet ? sheet.layout[PLAYBOOK_CADENCE] : PLAYBOOK_CADENCE,
          }
        : undefined,
    history: slot.record
      ? {
          sheet: found.history,
          baseName: t(run.language, 'sheet.history'),
          visible: run.loop?.historyVisible ?? false,
          block: slot.block,
          clear: slot.dropped.map((d) => d.block),
          head: rows.head,
          body: rows.body,
        }
      : undefined,
  });
  return {
    extra,
    outcome: () => ({
      previous,
      totals: applied.totals,
      playbookAdded: applied.toAdd.length,
      playbookSheet: sheet && found.playbook ? found.playbook.name : extra.newNames().playbook,
      playbookCreated: !sheet,
      recorded: slot.record,
      historyMessage: slot.message,
    }),
  };
}
