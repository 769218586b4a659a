/**
 * Renders a sheet plan into the workbook without ever leaving it half-done: everything is first
 * written into hidden staging sheets (cancel → they are deleted, the workbook is as before), then
 * one request swaps the previous Tierwise output for the new one.
 */
import type { DateSystem } from '../engine';
import type { SheetPlan, TablePlan } from '../report';
import { type Block, blockAddress, sheetRef } from './a1';
import type { CancelToken, ProgressListener } from './cancel';
import { addChart } from './charts';
import { addTierRules } from './colors';
import { formatTable } from './formats';
import { RequestPacker } from './packer';
import type { SheetArea, WorkbookState } from './selection';
import { uniqueSheetName } from './sheet-names';
import { summaryLayout } from './summary-layout';
import { BESIDE_NAME, type OutputRecord, RECORD_KEY } from './tracking';
import { toExcelValue } from './cell-value';
import { writeTable } from './write-table';

/** What to render and where. */
export interface RenderRequest {
  plan: SheetPlan;
  /** The user's table (header row included). */
  input: SheetArea;
  state: WorkbookState;
  /** True when the columns right of the input are empty (or Tierwise's own). */
  besideFree: boolean;
  /** Base names of the sheets to create (localised). */
  sheetNames: { customers: string; summary: string };
  dateSystem?: DateSystem;
  token?: CancelToken;
  onProgress?: ProgressListener;
}

/** Where the output went. */
export interface RenderResult {
  mode: 'beside' | 'sheet';
  customersSheet: string | null;
  summarySheet: string;
  /** Address of the tier columns written beside the input (beside mode). */
  besideAddress: string | null;
  /** Requests sent while rendering. */
  syncs: number;
}

/** Room the final request's operations need. */
const FINISH_BYTES = 100_000;

interface Staged {
  name: string;
  sheet: Excel.Worksheet;
}

/**
 * Checks whether the columns right of the input are free: empty, or Tierwise's own previous output.
 * @example await besideIsFree(context, area, 2, state.previous.beside) // true
 */
export async function besideIsFree(context: Excel.RequestContext, input: SheetArea, columns: number, ownBlock: SheetArea | null): Promise<boolean> {
  const target: Block = { row: input.row, column: input.column + input.columns, rows: input.rows, columns };
  if (target.column + columns > 16384) return false;
  const used = context.workbook.worksheets
    .getItem(input.sheetId)
    .getRangeByIndexes(target.row, target.column, target.rows, target.columns)
    .getUsedRangeOrNullObject(true)
    .load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return true;
  if (!ownBlock || ownBlock.sheetId !== input.sheetId) return false;
  return (
    used.rowIndex >= ownBlock.row &&
    used.columnIndex >= ownBlock.column &&
    used.rowIndex + used.rowCount <= ownBlock.row + ownBlock.rows &&
    used.columnIndex + used.columnCount <= ownBlock.column + ownBlock.columns
  );
}

function notesTable(plan: SheetPlan): TablePlan {
  const notes = plan.summary.notes;
  return {
    name: 'notes',
    rows: notes.length,
    columns: [
      { id: 'k', header: '', kind: 'label', values: notes.map((n) => n[0]) },
      { id: 'v', header: '', kind: 'label', values: notes.map((n) => n[1]) },
    ],
  };
}

/**
 * Writes a plan: Customers (or tier columns beside the input), colour rules, the Tier Summary
 * sheet with its tables and charts; replaces the previous output; records what it wrote.
 * @example const result = await renderPlan(context, { plan, input, state, besideFree, sheetNames });
 */
export async function renderPlan(context: Excel.RequestContext, request: RenderRequest): Promise<RenderResult> {
  const { plan, input, token } = request;
  const mode: RenderResult['mode'] = plan.besideInput && request.besideFree ? 'beside' : 'sheet';
  const sheets = context.workbook.worksheets;
  const stamp = Math.random().toString(36).slice(2, 8);
  const staged: Staged[] = [];
  const stage = (role: string): Excel.Worksheet => {
    const name = `Tierwise~${stamp}~${role}`;
    const sheet = sheets.add(name);
    sheet.visibility = 'Hidden';
    sheet.load('id');
    staged.push({ name, sheet });
    return sheet;
  };
  const packer = new RequestPacker(context, token);
  const totalRows = (mode === 'beside' ? (plan.besideInput?.rows ?? 0) : plan.customers.rows) + 1;
  const progress = (done: number): void => request.onProgress?.({ phase: 'write', done, total: totalRows });
  const dateSystem = request.dateSystem;
  try {
    // 1. values into staging sheets
    const summary = stage('s');
    const layout = summaryLayout(plan.summary);
    await packer.add(200, 1, () => {
      summary.getRangeByIndexes(0, 0, 1, 1).values = [[toExcelValue(plan.summary.title, 'label')]];
    });
    await writeTable(packer, { sheet: summary, row: layout.notes.row, column: 0 }, notesTable(plan), { header: false, dateSystem });
    await writeTable(packer, { sheet: summary, row: layout.table.row, column: 0 }, plan.summary.table, { dateSystem });
    if (plan.summary.pareto && layout.pareto) {
      await writeTable(packer, { sheet: summary, row: layout.pareto.row, column: 0 }, plan.summary.pareto, { dateSystem });
    }
    let customers: Excel.Worksheet | null = null;
    let beside: Excel.Worksheet | null = null;
    if (mode === 'beside' && plan.besideInput) {
      beside = stage('b');
      await writeTable(packer, { sheet: beside, row: input.row, column: 0 }, plan.besideInput, { dateSystem, onRows: progress });
    } else {
      customers = stage('c');
      await writeTable(packer, { sheet: customers, row: 0, column: 0 }, plan.customers, { dateSystem, onRows: progress });
    }
    // 2. previous output out, new output in, formats, rules, tables, charts, record: queued after
    // the last values (they fit in its request; a failing write stops the batch before them)
    if (packer.room < FINISH_BYTES || packer.syncs === 0) await packer.flush();
    const result = finish(context, request, { summary, customers, beside });
    await context.sync();
    staged.length = 0; // committed: nothing left to discard
    packer.syncs++;
    if (result.rules.length > 0) {
      result.rules.forEach((r) => r.load('id'));
      await context.sync();
      const record: OutputRecord = { ...result.record, rules: result.rules.map((r) => r.id) };
      context.workbook.settings.add(RECORD_KEY, JSON.stringify(record));
      await context.sync();
      packer.syncs += 2;
    }
    request.onProgress?.({ phase: 'finish', done: 1, total: 1 });
    return { mode, customersSheet: result.customersName, summarySheet: result.summaryName, besideAddress: result.besideAddress, syncs: packer.syncs };
  } catch (error) {
    await discard(context, staged);
    throw error;
  }
}

interface Finished {
  record: OutputRecord;
  rules: Excel.ConditionalFormat[];
  customersName: string | null;
  summaryName: string;
  besideAddress: string | null;
}

function finish(
  context: Excel.RequestContext,
  request: RenderRequest,
  made: { summary: Excel.Worksheet; customers: Excel.Worksheet | null; beside: Excel.Worksheet | null },
): Finished {
  const { plan, input, state } = request;
  const wb = context.workbook;
  wb.application.suspendApiCalculationUntilNextSync();
  // previous output: its sheets, its columns beside the input, its colour rules and its name
  const previous = state.previous;
  for (const s of previous.sheets) wb.worksheets.getItem(s.id).delete();
  if (previous.record.besideSheet && previous.rules.length > 0) {
    const whole = wb.worksheets.getItem(previous.record.besideSheet).getRange();
    for (const id of previous.rules) whole.conditionalFormats.getItem(id).delete();
  }
  if (previous.beside) {
    const b = previous.beside;
    wb.worksheets.getItem(b.sheetId).getRangeByIndexes(b.row, b.column, b.rows, b.columns).clear('All');
    wb.names.getItem(BESIDE_NAME).delete();
  }
  const freed = new Set(previous.sheets.map((s) => s.name.toLowerCase()));
  const taken = state.sheetNames.filter((n) => !freed.has(n.toLowerCase()));
  const record: OutputRecord = { version: 1, sheets: [], besideSheet: null, rules: [] };
  let rules: Excel.ConditionalFormat[] = [];
  let customersName: string | null = null;
  let besideAddress: string | null = null;

  if (made.customers) {
    customersName = uniqueSheetName(request.sheetNames.customers, taken);
    taken.push(customersName);
    const sheet = made.customers;
    sheet.name = customersName;
    sheet.visibility = 'Visible';
    record.sheets.push(sheet.id);
    const table = plan.customers;
    formatTable(sheet, 0, 0, table);
    const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn);
    if (tierCol >= 0) addTierRules(sheet, { row: 1, column: 0, rows: table.rows, columns: table.columns.length }, tierCol, plan.colorRules);
    if (table.rows > 0) {
      const t = sheet.tables.add(sheet.getRangeByIndexes(0, 0, table.rows + 1, table.columns.length), true);
      t.name = table.name;
      t.style = 'TableStyleLight1';
    }
  }
  if (made.beside && plan.besideInput) {
    const table = plan.besideInput;
    const userSheet = wb.worksheets.getItem(input.sheetId);
    const target: Block = { row: input.row, column: input.column + input.columns, rows: input.rows, columns: table.columns.length };
    const range = userSheet.getRangeByIndexes(target.row, target.column, target.rows, target.columns);
    range.copyFrom(made.beside.getRangeByIndexes(input.row, 0, target.rows, target.columns), 'All');
    formatTable(userSheet, target.row, target.column, table);
    wb.names.add(BESIDE_NAME, range);
    const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn);
    rules = addTierRules(userSheet, { row: input.row + 1, column: input.column, rows: input.rows - 1, columns: input.columns + target.columns }, target.column + Math.max(0, tierCol), plan.colorRules);
    record.besideSheet = input.sheetId;
    besideAddress = `${sheetRef(input.sheetName)}!${blockAddress(target)}`;
    made.beside.delete();
  }
  const summaryName = uniqueSheetName(request.sheetNames.summary, taken);
  const sheet = made.summary;
  sheet.name = summaryName;
  sheet.visibility = 'Visible';
  record.sheets.unshift(sheet.id);
  const layout = summaryLayout(plan.summary);
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  sheet.getRangeByIndexes(layout.notes.row, 0, layout.notes.rows, 1).format.font.bold = true;
  formatTable(sheet, layout.table.row, 0, plan.summary.table);
  const tierCol = plan.summary.table.columns.findIndex((c) => c.id === 'tier');
  if (tierCol >= 0) addTierRules(sheet, { row: layout.table.row + 1, column: 0, rows: plan.summary.table.rows, columns: layout.table.columns }, tierCol, plan.colorRules);
  const summaryTable = sheet.tables.add(sheet.getRangeByIndexes(layout.table.row, 0, layout.table.rows, layout.table.columns), true);
  summaryTable.name = plan.summary.table.name;
  summaryTable.style = 'TableStyleLight1';
  if (plan.summary.pareto && layout.pareto) {
    formatTable(sheet, layout.pareto.row, 0, plan.summary.pareto);
    const pareto = sheet.tables.add(sheet.getRangeByIndexes(layout.pareto.row, 0, layout.pareto.rows, layout.pareto.columns), true);
    pareto.name = plan.summary.pareto.name;
    pareto.style = 'TableStyleLight1';
  }
  plan.summary.charts.forEach((spec, i) => {
    const table = spec.table === 'pareto' ? plan.summary.pareto : plan.summary.table;
    const at = spec.table === 'pareto' ? layout.pareto : layout.table;
    if (table && at) addChart(sheet, spec, table, at, layout.charts[i]);
  });
  sheet.activate();
  wb.settings.add(RECORD_KEY, JSON.stringify(record));
  return { record, rules, customersName, summaryName, besideAddress };
}

/** Deletes staging sheets that exist (after a cancel or a failure). */
async function discard(context: Excel.RequestContext, staged: Staged[]): Promise<void> {
  if (staged.length === 0) return;
  const found = staged.map((s) => context.workbook.worksheets.getItemOrNullObject(s.name));
  await context.sync();
  found.forEach((s) => {
    if (!s.isNullObject) s.delete();
  });
  await context.sync();
}
