/**
 * Where the user's table is and what Tierwise wrote before: the selection resolved (a single cell
 * grows to its current region, whole columns shrink to the used range), the sheet, table and
 * defined names in use, and the previous output — all loaded in one request, which can carry other
 * loads too (the first rows of the table the pane expects, the cells right of it).
 */
import type { DateSystem } from '../engine';
import { DATE_PROBE_ARGS, dateSystemOfProbe } from './date-probe';
import type { Block } from './a1';
import { tierFormula } from './colors';
import { queueRulesById } from './rules-by-record';
import { BESIDE_NAME, type OutputRecord, parseRecord, RECORD_KEY, SHEET_NAMES, SOURCE_NAME } from './tracking';

/** A block on a named sheet. */
export interface SheetArea extends Block {
  sheetId: string;
  sheetName: string;
}

/** What Tierwise wrote before and still exists. */
export interface PreviousOutput {
  record: OutputRecord;
  /** Sheets Tierwise created that still exist (id and name). */
  sheets: { id: string; name: string }[];
  /** Where the columns beside the input are now (null when none). */
  beside: SheetArea | null;
  /**
   * Conditional formats of the previous output over user rows: their sheet and ids. `unread` when
   * Excel could not read the rules and no record held their ids (they are then left in place, and
   * the new run records its rules' ids).
   */
  rules: { sheetId: string; ids: string[]; unread?: boolean };
  /** Tierwise's defined names that exist (some may refer to #REF! after a sheet was deleted). */
  names: string[];
}

/** The selection and the workbook around it. */
export interface WorkbookState {
  /** The table to classify (null when the selection holds nothing). */
  area: SheetArea | null;
  /** How the selection was adjusted. */
  adjusted: 'expanded' | 'trimmed' | null;
  /** Names of every sheet. */
  sheetNames: string[];
  /** Table names and defined names in use, except those on the previous output's sheets and Tierwise's own names. */
  takenNames: string[];
  previous: PreviousOutput;
  /** The used part of the 1…BESIDE_PROBE columns right of `probedArea` (null: empty), when probed. */
  besideUsed: (Block | null)[];
  /** The area whose right side was probed (null when not probed). */
  probedArea: SheetArea | null;
  /** The workbook's date system: what its date serials count from. */
  dateSystem: DateSystem;
}

/** Widths of the block right of the input probed in the first request (tier, label, previous tier, change, why: 5; one spare). */
export const BESIDE_PROBE = 6;

/**
 * True when two areas are the same block of the same sheet.
 * @example sameArea(a, { ...a }) // true
 */
export function sameArea(a: SheetArea | null, b: SheetArea | null): boolean {
  return !!a && !!b && a.sheetId === b.sheetId && a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
}

type Dims = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number; isNullObject?: boolean };

function blockOf(r: Dims): Block {
  return { row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
}

function intersect(a: Block, b: Block): Block | null {
  const r0 = Math.max(a.row, b.row);
  const c0 = Math.max(a.column, b.column);
  const r1 = Math.min(a.row + a.rows, b.row + b.rows);
  const c1 = Math.min(a.column + a.columns, b.column + b.columns);
  return r1 > r0 && c1 > c0 ? { row: r0, column: c0, rows: r1 - r0, columns: c1 - c0 } : null;
}

const DIMS = 'rowIndex,columnIndex,rowCount,columnCount';
const RULE_PROPS = 'items/id,items/type,items/customOrNullObject/rule/formula';

/** Options for {@link queueInspect}. */
export interface InspectOptions {
  /** Probe the columns right of this area (the one the pane expects) for output beside it. */
  besideOf?: SheetArea;
  /**
   * The table to resolve: the selection (default), or the source the last run recorded (the
   * current region around its first cell, so rows added below are included).
   */
  source?: 'selection' | 'recorded';
  /**
   * How the previous output's colour rules are found: `sheet` (default) reads the selected sheet's
   * rules in the first request; `own` reads only the rules over Tierwise's own columns, in a
   * second request (for when a user's rule makes the sheet's rules unreadable: office-js 6827,
   * 6835), then the ids in the record; `none` skips them (a preview does not need them).
   */
  rules?: 'sheet' | 'own' | 'none';
}

/** Loads queued by {@link queueInspect}; `resolve` reads them after the sync. */
export interface PendingInspect {
  /** The state, once the request has been synced (a second request only for version-1 records or rules on another sheet). */
  resolve(): Promise<WorkbookState>;
}

/** Colour rules whose formula is one of `formulas` (custom rules only). */
function matchingRules(rules: Excel.ConditionalFormatCollection, formulas: Set<string>): string[] {
  return rules.items.filter((cf) => cf.type === 'Custom' && formulas.has(cf.customOrNullObject.rule.formula)).map((cf) => cf.id);
}

/**
 * The previous output's rules read over Tierwise's own columns only; when Excel cannot read those
 * either (office-js 6827, 6835), the rule ids the record holds; else none, marked unread.
 */
async function ownRules(context: Excel.RequestContext, beside: SheetArea, formulas: Set<string>, record: OutputRecord): Promise<PreviousOutput['rules']> {
  const own = context.workbook.worksheets.getItem(beside.sheetId).getRangeByIndexes(beside.row, beside.column, beside.rows, beside.columns).conditionalFormats.load(RULE_PROPS);
  try {
    await context.sync();
    return { sheetId: beside.sheetId, ids: matchingRules(own, formulas) };
  } catch {
    if (record.besideSheet === beside.sheetId && record.rules.length > 0) {
      const existing = queueRulesById(context, beside.sheetId, record.rules);
      await context.sync();
      return { sheetId: beside.sheetId, ids: existing() };
    }
    return { sheetId: beside.sheetId, ids: [], unread: true };
  }
}

/**
 * Queues the loads that resolve the selection and find the previous output, without syncing, so
 * that the caller can add its own loads to the same request.
 * @example const pending = queueInspect(context); await context.sync(); const state = await pending.resolve();
 */
export function queueInspect(context: Excel.RequestContext, options: InspectOptions = {}): PendingInspect {
  const wb = context.workbook;
  const selected = (options.source === 'recorded' ? wb.names.getItem(SOURCE_NAME).getRange().getCell(0, 0) : wb.getSelectedRange()).load(DIMS);
  const sheet = selected.worksheet.load('id,name');
  const region = selected.getSurroundingRegion().load(DIMS);
  const used = sheet.getUsedRangeOrNullObject(true).load(DIMS);
  const sheets = wb.worksheets.load('items/id,items/name');
  const tables = wb.tables.load('items/name,items/worksheet/id');
  const names = wb.names.load('items/name');
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY).load('value');
  const besideRange = wb.names.getItemOrNullObject(BESIDE_NAME).getRangeOrNullObject().load(DIMS);
  const besideSheet = besideRange.worksheet.load('id,name');
  const outputSheets = Object.values(SHEET_NAMES).map((n) => {
    const at = wb.names.getItemOrNullObject(n).getRangeOrNullObject().load('rowIndex');
    return { at, sheet: at.worksheet.load('id,name') };
  });
  // the rules of the selected sheet (where the previous columns beside the input usually are)
  const readRules = options.rules ?? 'sheet';
  const sheetRules = readRules === 'sheet' ? sheet.getRange().conditionalFormats.load(RULE_PROPS) : null;
  // the workbook's date system, read without touching a cell: DATE() answers in its serials
  const y2k = wb.functions.date(...DATE_PROBE_ARGS).load('value');
  const probe = options.besideOf;
  const besideUsed: Excel.Range[] = [];
  if (probe) {
    const userSheet = wb.worksheets.getItem(probe.sheetId);
    for (let k = 1; k <= BESIDE_PROBE && probe.column + probe.columns + k <= 16384; k++) {
      besideUsed.push(userSheet.getRangeByIndexes(probe.row, probe.column + probe.columns, probe.rows, k).getUsedRangeOrNullObject(true).load(DIMS));
    }
  }

  return {
    async resolve(): Promise<WorkbookState> {
      let area: Block | null;
      let adjusted: WorkbookState['adjusted'] = null;
      if (selected.rowCount === 1 && selected.columnCount === 1) {
        area = blockOf(region);
        if (area.rows > 1 || area.columns > 1) adjusted = 'expanded';
        if (used.isNullObject) area = null;
      } else {
        area = used.isNullObject ? null : intersect(blockOf(selected), blockOf(used));
        if (area && (area.rows < selected.rowCount || area.columns < selected.columnCount)) adjusted = 'trimmed';
      }
      const beside: SheetArea | null = besideRange.isNullObject ? null : { sheetId: besideSheet.id, sheetName: besideSheet.name, ...blockOf(besideRange) };
      if (area && beside && beside.sheetId === sheet.id && beside.column > area.column && beside.column + beside.columns === area.column + area.columns) {
        // the table grew over Tierwise's own columns beside it (a current region, a used range): not the user's data
        area = { ...area, columns: beside.column - area.column };
        adjusted ??= 'trimmed';
      }
      const record = parseRecord(setting.isNullObject ? null : setting.value);
      const all = sheets.items.map((s) => ({ id: s.id, name: s.name }));
      const ownIds = new Set(record.sheets);
      for (const s of outputSheets) if (!s.at.isNullObject) ownIds.add(s.sheet.id);
      const ownNames = new Set([BESIDE_NAME, SOURCE_NAME, ...Object.values(SHEET_NAMES)].map((n) => n.toLowerCase()));
      const previous: PreviousOutput = {
        record,
        sheets: all.filter((s) => ownIds.has(s.id)),
        beside,
        rules: { sheetId: '', ids: [] },
        names: names.items.map((n) => n.name).filter((n) => ownNames.has(n.toLowerCase())),
      };
      if (readRules === 'none') {
        // a preview: the rules are not needed
      } else if (beside && record.besideTiers.length > 0) {
        const column = beside.column + record.besideTierOffset;
        const formulas = new Set(record.besideTiers.map((t) => tierFormula(column, beside.row + 1, t)));
        if (sheetRules && beside.sheetId === sheet.id) {
          previous.rules = { sheetId: beside.sheetId, ids: matchingRules(sheetRules, formulas) };
        } else {
          // on another sheet, or the sheet's rules were unreadable: one more request reads only the
          // rules over Tierwise's own columns (its rules span them; a user's rule seldom does)
          previous.rules = await ownRules(context, beside, formulas, record);
        }
      } else if (record.version === 1 && record.besideSheet && record.rules.length > 0 && all.some((s) => s.id === record.besideSheet)) {
        // a record written by an earlier version holds the ids of its rules
        const existing = queueRulesById(context, record.besideSheet, record.rules);
        await context.sync();
        previous.rules = { sheetId: record.besideSheet, ids: existing() };
      }
      const ownSheetIds = new Set(previous.sheets.map((s) => s.id));
      const takenNames = [
        ...tables.items.filter((t) => !ownSheetIds.has(t.worksheet.id)).map((t) => t.name),
        ...names.items.map((n) => n.name).filter((n) => !ownNames.has(n.toLowerCase())),
      ];
      return {
        area: area && { sheetId: sheet.id, sheetName: sheet.name, ...area },
        adjusted,
        sheetNames: all.map((s) => s.name),
        takenNames,
        previous,
        besideUsed: besideUsed.map((r) => (r.isNullObject ? null : blockOf(r))),
        probedArea: probe ?? null,
        dateSystem: dateSystemOfProbe(y2k.value),
      };
    },
  };
}

/**
 * Resolves the selection and reads the previous output in one request.
 * @example const state = await inspectWorkbook(context); state.area // { sheetName: "Sheet1", row: 0, … }
 */
export async function inspectWorkbook(context: Excel.RequestContext, options: InspectOptions = {}): Promise<WorkbookState> {
  const pending = queueInspect(context, options);
  await context.sync();
  return pending.resolve();
}
