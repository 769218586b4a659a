/**
 * The last step of a render, queued after the previous output's removal: sheet and table names,
 * the tier columns' formats and colour rules beside the input, the defined names and the record.
 */
import { blockAddress, sheetRef } from './a1';
import { besideTarget } from './beside-probe';
import { addTierRules } from './colors';
import type { PendingTable } from './decorate';
import { formatTable } from './formats';
import type { NewSheets, RenderRequest } from './render-types';
import { uniqueSheetName } from './sheet-names';
import { BESIDE_NAME, type OutputRecord, RECORD_KEY, SHEET_NAMES, SOURCE_NAME } from './tracking';

/** What the commit named and recorded. */
export interface Committed {
  record: OutputRecord;
  customersName: string | null;
  summaryName: string;
  besideAddress: string | null;
  /**
   * The ids of the new colour rules over the user's rows, once the request is synced — loaded only
   * when the previous rules could not be read, so that the next run can find them by record.
   */
  ruleIds?: () => string[];
}

/**
 * A table name not among `taken` (case-insensitive): the base, else base2, base3 …
 * @example uniqueTableName("TierwiseSummary", ["tierwisesummary"]) // "TierwiseSummary2"
 */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/**
 * Queues the names, the beside columns' formats and rules, and the record of the new output.
 * @example const done = commitOutput(context, request, made, tables); done.summaryName // "Tier Summary"
 */
export function commitOutput(context: Excel.RequestContext, request: RenderRequest, made: NewSheets, tables: PendingTable[]): Committed {
  const { plan, input, state } = request;
  const wb = context.workbook;
  const freed = new Set(state.previous.sheets.map((s) => s.name.toLowerCase()));
  const taken = state.sheetNames.filter((n) => !freed.has(n.toLowerCase()));
  const record: OutputRecord = { version: 2, sheets: [], besideSheet: null, rules: [], besideTiers: [], besideTierOffset: 0, ...(request.run ? { run: request.run } : {}) };
  let customersName: string | null = null;
  let besideAddress: string | null = null;
  let ruleIds: Committed['ruleIds'];

  if (made.customers) {
    customersName = uniqueSheetName(request.sheetNames.customers, taken);
    taken.push(customersName);
    made.customers.name = customersName;
    wb.names.add(SHEET_NAMES.customers, made.customers.getRange('A1'));
  } else if (plan.besideInput) {
    const table = plan.besideInput;
    const userSheet = wb.worksheets.getItem(input.sheetId);
    const target = besideTarget(input, table);
    const range = userSheet.getRangeByIndexes(target.row, target.column, target.rows, target.columns);
    if (made.besideStage) {
      range.copyFrom(made.besideStage.getRangeByIndexes(input.row, 0, target.rows, target.columns), 'All');
      made.besideStage.delete();
    }
    formatTable(userSheet, target.row, target.column, table);
    wb.names.add(BESIDE_NAME, range);
    const tierCol = Math.max(0, table.columns.findIndex((c) => c.id === plan.tierColumn));
    const rules = addTierRules(userSheet, { row: input.row + 1, column: input.column, rows: input.rows - 1, columns: input.columns + target.columns }, target.column + tierCol, plan.colorRules);
    if (state.previous.rules.unread && rules.length > 0) {
      rules.forEach((cf) => cf.load('id'));
      ruleIds = () => rules.map((cf) => cf.id);
    }
    record.besideTiers = input.rows > 1 ? plan.colorRules.map((r) => r.tier) : [];
    record.besideTierOffset = tierCol;
    besideAddress = `${sheetRef(input.sheetName)}!${blockAddress(target)}`;
  }
  const summaryName = uniqueSheetName(request.sheetNames.summary, taken);
  made.summary.name = summaryName;
  wb.names.add(SHEET_NAMES.summary, made.summary.getRange('A1'));
  const tableNames = [...state.takenNames];
  for (const t of tables) {
    const name = uniqueTableName(t.base, tableNames);
    tableNames.push(name);
    t.table.name = name;
  }
  // the source, so that Refresh output finds the table again (the name moves with inserted rows and columns)
  if (request.run) wb.names.add(SOURCE_NAME, wb.worksheets.getItem(input.sheetId).getRangeByIndexes(input.row, input.column, input.rows, input.columns));
  made.summary.activate();
  wb.settings.add(RECORD_KEY, JSON.stringify(record));
  return { record, customersName, summaryName, besideAddress, ruleIds };
}

/**
 * Adds the ids of the new colour rules to the record, in one small request after the output is
 * committed (only when the previous rules could not be read). A failure leaves the output as it is.
 * @example await recordRuleIds(context, committed, input.sheetId);
 */
export async function recordRuleIds(context: Excel.RequestContext, committed: Committed, sheetId: string): Promise<void> {
  if (!committed.ruleIds) return;
  const record: OutputRecord = { ...committed.record, besideSheet: sheetId, rules: committed.ruleIds() };
  context.workbook.settings.add(RECORD_KEY, JSON.stringify(record));
  try {
    await context.sync();
  } catch {
    // the output stands; its rules are then found by formula, or left in place
  }
}

/**
 * The sheet names in use once a commit is queued: the workbook's, less the previous output's
 * sheets (removed), plus the new output's.
 * @example takenAfter(request, committed) // ["Sheet1", "Tier Summary", "Customers"]
 */
export function takenAfter(request: RenderRequest, committed: Committed): string[] {
  const freed = new Set(request.state.previous.sheets.map((s) => s.name.toLowerCase()));
  const taken = request.state.sheetNames.filter((n) => !freed.has(n.toLowerCase()));
  return [...taken, committed.summaryName, ...(committed.customersName ? [committed.customersName] : [])];
}
