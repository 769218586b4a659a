/**
 * The management loop's sheets in the workbook: the Playbook (the user's; Tierwise only appends
 * rows for tiers it lacks, never writing over a cell) and the Tier History (Tierwise's own, one
 * block of columns per snapshot). Found by defined names (they follow renames); read in the run's
 * first requests; written with the run's output (see `ExtraWrites`).
 */
import type { Cell } from '../engine';
import { HISTORY_BLOCK, HISTORY_HEAD_ROWS, type SnapshotMeta } from '../report';
import { toExcelValue } from './cell-value';
import { rowBytes } from './json-size';
import { OP_BYTES, type RequestPacker } from './packer';
import { ColumnReader } from './read';
import type { ExtraWrites } from './render-types';
import { uniqueSheetName } from './sheet-names';

/** Defined names pointing at A1 of the loop's sheets. */
export const LOOP_NAMES = { playbook: 'Tierwise_Playbook', history: 'Tierwise_History', calls: 'Tierwise_CallList' } as const;

/** A sheet found by its defined name. */
export interface FoundSheet {
  id: string;
  name: string;
}

/** The loop's sheets found, and which of their defined names exist (a name can outlive its sheet: #REF!). */
export interface LoopSheets {
  playbook: FoundSheet | null;
  history: FoundSheet | null;
  calls: FoundSheet | null;
  /** Defined names of {@link LOOP_NAMES} that exist (lower case). */
  names: Set<string>;
}

/** Loads queued by {@link queueFindLoopSheets}. */
export interface PendingLoopSheets {
  resolve(): LoopSheets;
}

/**
 * Queues the loads that find the Playbook, Tier History and last Call List sheets (to go with
 * another request's loads).
 * @example const found = queueFindLoopSheets(context); await context.sync(); found.resolve().history // { id, name } or null
 */
export function queueFindLoopSheets(context: Excel.RequestContext): PendingLoopSheets {
  const names = context.workbook.names;
  const find = (name: string) => {
    const item = names.getItemOrNullObject(name).load('name');
    const at = item.getRangeOrNullObject().load('rowIndex');
    return { item, at, sheet: at.worksheet.load('id,name') };
  };
  const playbook = find(LOOP_NAMES.playbook);
  const history = find(LOOP_NAMES.history);
  const calls = find(LOOP_NAMES.calls);
  const sheetOf = (f: ReturnType<typeof find>): FoundSheet | null => (f.at.isNullObject ? null : { id: f.sheet.id, name: f.sheet.name });
  return {
    resolve: () => ({
      playbook: sheetOf(playbook),
      history: sheetOf(history),
      calls: sheetOf(calls),
      names: new Set([playbook, history, calls].filter((f) => !f.item.isNullObject).map((f) => f.item.name.toLowerCase())),
    }),
  };
}

/** Columns of the history's first rows read to find its snapshots. */
const HEAD_COLUMNS = 16_384;

/**
 * Reads, in one request, the Playbook sheet's cells (from A1 to the end of its used range) and
 * the Tier History's first two rows (its snapshots' descriptions).
 * @example const { playbook, historyHead } = await readLoopSheets(context, found);
 */
export async function readLoopSheets(context: Excel.RequestContext, found: { playbook: FoundSheet | null; history: FoundSheet | null }): Promise<{ playbook: Cell[][] | null; historyHead: Cell[][] | null }> {
  if (!found.playbook && !found.history) return { playbook: null, historyHead: null };
  const sheets = context.workbook.worksheets;
  const used = found.playbook ? sheets.getItem(found.playbook.id).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex') : null;
  const head = found.history ? sheets.getItem(found.history.id).getRangeByIndexes(0, 0, 2, HEAD_COLUMNS).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex') : null;
  await context.sync();
  const fromA1 = (r: Excel.Range | null): Cell[][] | null => {
    if (!r) return null;
    if (r.isNullObject) return [];
    const values = r.values as Cell[][];
    const pad = (row: Cell[]): Cell[] => [...new Array<Cell>(r.columnIndex).fill(''), ...row];
    return [...Array.from({ length: r.rowIndex }, () => pad([])), ...values.map(pad)];
  };
  return { playbook: fromA1(used), historyHead: fromA1(head) };
}

/**
 * Reads a snapshot's customers, tiers and values (chunked to stay within Excel's limits).
 * @example const rows = await readSnapshotBlock(context, history, meta); rows[0] // ["C10001", "A", 120.5]
 */
export async function readSnapshotBlock(context: Excel.RequestContext, history: FoundSheet, meta: SnapshotMeta): Promise<Cell[][]> {
  if (meta.customers === 0) return [];
  const area = { sheetId: history.id, sheetName: history.name, row: HISTORY_HEAD_ROWS - 1, column: meta.block * HISTORY_BLOCK, rows: meta.customers + 1, columns: 3 };
  const [customers, tiers, values] = await new ColumnReader(context, area, [0, 1, 2], { cellBytes: [16, 10, 14] }).read();
  return customers.map((c, i) => [c, tiers[i], values[i]]);
}

/** What the loop writes with a run's output. */
export interface LoopWrites {
  /** Loop names that exist already (replaced when a new sheet takes them). */
  names: Set<string>;
  playbook?: {
    /** The existing sheet (rows are appended below `usedRows`), or null to create one. */
    sheet: FoundSheet | null;
    baseName: string;
    header: string[];
    usedRows: number;
    /** Rows in the sheet's column order. */
    rows: (string | number)[][];
    /** The column holding numbers (the cadence; the rest is written as text), −1 for none. */
    cadenceColumn: number;
  };
  history?: {
    sheet: FoundSheet | null;
    baseName: string;
    visible: boolean;
    block: number;
    /** Blocks of dropped snapshots, cleared. */
    clear: number[];
    head: (string | number)[];
    body: (string | number)[][];
  };
}

function textFormats(rows: number, width: number, numberColumn: number): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: width }, (_, c) => (c === numberColumn ? 'General' : '@')));
}

/**
 * The extra writes of a run for the Playbook and Tier History, as `renderPlan` takes them.
 * @example renderPlan(context, { ...request, extra: loopExtraWrites(context, writes) })
 */
export function loopExtraWrites(context: Excel.RequestContext, writes: LoopWrites): ExtraWrites & { newNames(): { playbook: string | null; history: string | null } } {
  const named: { playbook: string | null; history: string | null } = { playbook: null, history: null };
  const wb = context.workbook;
  const h = writes.history;
  const p = writes.playbook;
  const bodyBytes = h ? h.body.reduce((n, r) => n + rowBytes(r) + 1, 0) : 0;
  const playBytes = p ? p.rows.reduce((n, r) => n + rowBytes(r) + 1, 0) * 2 : 0;
  let historySheet: Excel.Worksheet | null = null;
  let historyNew = false;
  let playbookSheet: Excel.Worksheet | null = null;
  let blockWritten = false;
  /** A slice of the block's rows from row r: as many as fit the budgets. */
  const sliceFrom = (r: number, budget: number, cellRoom: number): { rows: (string | number)[][]; bytes: number } => {
    const rows: (string | number)[][] = [];
    let bytes = 2;
    const body = h ? h.body : [];
    while (r + rows.length < body.length && (rows.length === 0 || bytes + rowBytes(body[r + rows.length]) < budget) && (rows.length + 1) * HISTORY_BLOCK <= cellRoom) {
      const row = body[r + rows.length];
      rows.push(row.map((v, c) => (c < 2 ? toExcelValue(v, 'text') : v)) as (string | number)[]);
      bytes += rowBytes(row) + 1;
    }
    return { rows, bytes };
  };
  const blockRange = (sheet: Excel.Worksheet, top: number, rows: number): Excel.Range => sheet.getRangeByIndexes(top, (h?.block ?? 0) * HISTORY_BLOCK, rows, HISTORY_BLOCK);
  /**
   * The block's cells emptied (a write that failed before may have left values), then the rows
   * below its first row, in budget-sized requests — none of it counts until the first row is
   * written in the commit.
   */
  const writeBlock = async (sheet: Excel.Worksheet, packer: RequestPacker): Promise<void> => {
    if (!h) return;
    await packer.add(OP_BYTES, 0, () => blockRange(sheet, 0, 1_048_576).clear('Contents'));
    for (let r = 0; r < h.body.length; ) {
      const slice = sliceFrom(r, Math.max(packer.room - OP_BYTES, 50_000), Math.max(packer.cellRoom, HISTORY_BLOCK));
      const top = 1 + r;
      await packer.add(slice.bytes, slice.rows.length * HISTORY_BLOCK, () => {
        blockRange(sheet, top, slice.rows.length).values = slice.rows;
      });
      r += slice.rows.length;
    }
  };
  /** The same, queued at once (in the commit request). */
  const queueBlock = (sheet: Excel.Worksheet): void => {
    if (!h) return;
    blockRange(sheet, 0, 1_048_576).clear('Contents');
    const slice = sliceFrom(0, Infinity, Infinity);
    if (slice.rows.length > 0) blockRange(sheet, 1, slice.rows.length).values = slice.rows;
  };
  const addName = (name: string, sheet: Excel.Worksheet): void => {
    if (writes.names.has(name.toLowerCase())) wb.names.getItem(name).delete();
    wb.names.add(name, sheet.getRange('A1'));
  };
  return {
    newNames: () => ({ ...named }),
    size: { bytes: bodyBytes + playBytes + Math.ceil(bodyBytes / 50_000) * OP_BYTES + 4 * OP_BYTES, cells: (h ? h.body.length * HISTORY_BLOCK : 0) + (p ? (p.rows.length + 1) * p.header.length * 2 : 0) },
    async stage(packer: RequestPacker, newSheet: (role: string) => Excel.Worksheet, oneRequest: boolean): Promise<void> {
      // a render can be tried again (without charts, through staging sheets): each try starts afresh
      historySheet = null;
      playbookSheet = null;
      blockWritten = false;
      named.playbook = null;
      named.history = null;
      if (h) {
        historyNew = h.sheet === null;
        historySheet = h.sheet ? wb.worksheets.getItem(h.sheet.id) : newSheet('h');
        // in one request, an existing history is written in the commit, after everything that can fail
        if (!oneRequest || historyNew) {
          await writeBlock(historySheet, packer);
          blockWritten = true;
        }
      }
      if (p && p.sheet === null) {
        const sheet = newSheet('p');
        playbookSheet = sheet;
        const rows = [p.header, ...p.rows];
        const width = p.header.length;
        const cadence = p.cadenceColumn;
        await packer.add(playBytes, rows.length * width * 2, () => {
          const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
          range.numberFormat = textFormats(rows.length, width, cadence);
          range.values = rows;
          sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
          range.format.autofitColumns();
        });
      }
    },
    commit(taken: string[]): void {
      if (h && historySheet) {
        const sheet = historySheet;
        if (!blockWritten) queueBlock(sheet);
        for (const block of h.clear) if (block !== h.block) sheet.getRangeByIndexes(0, block * HISTORY_BLOCK, 1_048_576, HISTORY_BLOCK).clear('Contents');
        const first = sheet.getRangeByIndexes(0, h.block * HISTORY_BLOCK, 1, HISTORY_BLOCK);
        first.values = [h.head.map((v) => (typeof v === 'number' ? v : toExcelValue(v, 'label')))];
        first.format.font.bold = true;
        if (historyNew) {
          const name = uniqueSheetName(h.baseName, taken);
          taken.push(name);
          sheet.name = name;
          named.history = name;
          addName(LOOP_NAMES.history, sheet);
        }
        sheet.visibility = h.visible ? 'Visible' : 'Hidden';
      }
      if (p) {
        if (playbookSheet) {
          const sheet = playbookSheet;
          const name = uniqueSheetName(p.baseName, taken);
          taken.push(name);
          sheet.name = name;
          named.playbook = name;
          sheet.visibility = 'Visible';
          addName(LOOP_NAMES.playbook, sheet);
        } else if (p.sheet && p.rows.length > 0) {
          // new tiers: rows appended below the user's, into empty cells only
          const sheet = wb.worksheets.getItem(p.sheet.id);
          const width = p.rows[0].length;
          const range = sheet.getRangeByIndexes(p.usedRows, 0, p.rows.length, width);
          range.numberFormat = textFormats(p.rows.length, width, p.cadenceColumn);
          range.values = p.rows;
        }
      }
    },
    discard(): void {
      // values written into an existing history before a failure: emptied again
      if (h && h.sheet && blockWritten && historySheet) historySheet.getRangeByIndexes(0, h.block * HISTORY_BLOCK, 1_048_576, HISTORY_BLOCK).clear('Contents');
    },
  };
}
