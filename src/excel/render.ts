/**
 * Renders a sheet plan into the workbook without ever leaving it half-done.
 * - When the whole output fits one request (the usual case), everything — new sheets, values,
 *   formats, colour rules, tables, charts, the previous output's removal and the record — goes in
 *   ONE request, queued after a last cancel check: cancelled → nothing is sent.
 * - Otherwise values are first written into hidden staging sheets (cancel → they are deleted, the
 *   workbook is as before), then one request swaps the previous output for the new one.
 * Output is tracked by defined names and a setting written in that same last request (see
 * `tracking.ts`), so no request is spent learning ids.
 * Within that last request the new sheets are finished first (formats, colour rules, tables under
 * temporary names, charts) and only then is the previous output removed and the new one named:
 * a request stops at its first failing operation, and one that fails on a table or a chart
 * leaves the previous output as it was.
 */
import type { DateSystem } from '../engine';
import type { SheetPlan, TablePlan } from '../report';
import { type Block, blockAddress, sheetRef } from './a1';
import { CancelledError, type CancelToken, type ProgressListener } from './cancel';
import { addChart } from './charts';
import { addTierRules } from './colors';
import { formatTable } from './formats';
import { rowBytes } from './json-size';
import { CELL_BUDGET, REQUEST_BUDGET } from './limits';
import { OP_BYTES, RequestPacker } from './packer';
import { type SheetArea, type WorkbookState, sameArea } from './selection';
import { uniqueSheetName } from './sheet-names';
import { summaryLayout } from './summary-layout';
import { BESIDE_NAME, type OutputRecord, RECORD_KEY, SHEET_NAMES } from './tracking';
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
  /** True when the output went in one request (no staging sheets). */
  oneRequest: boolean;
}

/** Room the final request's operations need. */
const FINISH_BYTES = 100_000;

/** True when the used part of the block right of the input lies within Tierwise's own block. */
function usedIsOwn(used: Block | null, input: SheetArea, ownBlock: SheetArea | null): boolean {
  if (!used) return true;
  if (!ownBlock || ownBlock.sheetId !== input.sheetId) return false;
  return (
    used.row >= ownBlock.row &&
    used.column >= ownBlock.column &&
    used.row + used.rows <= ownBlock.row + ownBlock.rows &&
    used.column + used.columns <= ownBlock.column + ownBlock.columns
  );
}

/**
 * Checks whether the columns right of the input are free: empty, or Tierwise's own previous output.
 * Answers from the state when its first request probed them, else with one request.
 * @example await besideIsFree(context, area, 2, state.previous.beside, state) // true
 */
export async function besideIsFree(context: Excel.RequestContext, input: SheetArea, columns: number, ownBlock: SheetArea | null, state?: WorkbookState): Promise<boolean> {
  const target: Block = { row: input.row, column: input.column + input.columns, rows: input.rows, columns };
  if (target.column + columns > 16384) return false;
  if (state && sameArea(state.probedArea, input) && columns >= 1 && columns <= state.besideUsed.length) {
    return usedIsOwn(state.besideUsed[columns - 1], input, ownBlock);
  }
  const used = context.workbook.worksheets
    .getItem(input.sheetId)
    .getRangeByIndexes(target.row, target.column, target.rows, target.columns)
    .getUsedRangeOrNullObject(true)
    .load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  return usedIsOwn(used.isNullObject ? null : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount }, input, ownBlock);
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

/** Bytes and cells of a table's values as written (header included), counted up to `limit` bytes. */
function tableSize(table: TablePlan, dateSystem: DateSystem | undefined, limit: number): { bytes: number; cells: number } {
  const width = table.columns.length;
  let bytes = rowBytes(table.columns.map((c) => c.header)) + OP_BYTES;
  const row = new Array<unknown>(width);
  for (let r = 0; r < table.rows && bytes <= limit; r++) {
    for (let c = 0; c < width; c++) row[c] = toExcelValue(table.columns[c].values[r], table.columns[c].kind, dateSystem);
    bytes += rowBytes(row) + 1;
  }
  // slices of at most 50 kB each carry an operation's overhead
  bytes += Math.ceil(bytes / 50_000) * OP_BYTES;
  return { bytes, cells: (table.rows + 1) * width };
}

/** Bytes the output's values take (stops counting past the one-request budget). */
function outputSize(plan: SheetPlan, mode: RenderResult['mode'], dateSystem: DateSystem | undefined): { bytes: number; cells: number } {
  const tables = [notesTable(plan), plan.summary.table, ...plan.summary.extras.map((e) => e.table)];
  tables.push(mode === 'beside' && plan.besideInput ? plan.besideInput : plan.customers);
  let bytes = 0;
  let cells = 0;
  for (const t of tables) {
    const size = tableSize(t, dateSystem, REQUEST_BUDGET);
    bytes += size.bytes;
    cells += size.cells;
  }
  return { bytes, cells };
}

/** Made sheets: the summary, the customers sheet (sheet mode), the beside staging sheet (staged beside mode). */
interface Made {
  summary: Excel.Worksheet;
  customers: Excel.Worksheet | null;
  besideStage: Excel.Worksheet | null;
}

/**
 * Writes a plan: Customers (or tier columns beside the input), colour rules, the Tier Summary
 * sheet with its tables and charts; replaces the previous output; records what it wrote.
 * @example const result = await renderPlan(context, { plan, input, state, besideFree, sheetNames });
 */
export async function renderPlan(context: Excel.RequestContext, request: RenderRequest): Promise<RenderResult> {
  const mode: RenderResult['mode'] = request.plan.besideInput && request.besideFree ? 'beside' : 'sheet';
  const size = outputSize(request.plan, mode, request.dateSystem);
  if (size.bytes + FINISH_BYTES <= REQUEST_BUDGET && size.cells <= CELL_BUDGET) {
    try {
      return await renderOnce(context, request, mode);
    } catch (error) {
      // refused whole (nothing applied): write through staging sheets instead
      if ((error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') throw error;
    }
  }
  return renderStaged(context, request, mode);
}

function stamp(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** Summary values (title, notes, tier table, the method's extra tables) into a sheet. */
async function writeSummary(packer: RequestPacker, sheet: Excel.Worksheet, plan: SheetPlan, dateSystem: DateSystem | undefined): Promise<void> {
  const layout = summaryLayout(plan.summary);
  await packer.add(200, 1, () => {
    sheet.getRangeByIndexes(0, 0, 1, 1).values = [[toExcelValue(plan.summary.title, 'label')]];
  });
  await writeTable(packer, { sheet, row: layout.notes.row, column: 0 }, notesTable(plan), { header: false, dateSystem });
  await writeTable(packer, { sheet, row: layout.table.row, column: 0 }, plan.summary.table, { dateSystem });
  for (const [k, extra] of plan.summary.extras.entries()) {
    await writeTable(packer, { sheet, row: layout.extras[k].row, column: 0 }, extra.table, { dateSystem });
  }
}

/** The block right of the input that the beside columns take. */
function besideTarget(input: SheetArea, table: TablePlan): Block {
  return { row: input.row, column: input.column + input.columns, rows: input.rows, columns: table.columns.length };
}

/** The whole output in one request: nothing is sent before the last cancel check. */
async function renderOnce(context: Excel.RequestContext, request: RenderRequest, mode: RenderResult['mode']): Promise<RenderResult> {
  const { plan, input, token, dateSystem } = request;
  token?.check();
  const wb = context.workbook;
  const id = stamp();
  const packer = new RequestPacker(context, token, undefined, true);
  const totalRows = (mode === 'beside' ? (plan.besideInput?.rows ?? 0) : plan.customers.rows) + 1;
  const progress = (done: number): void => request.onProgress?.({ phase: 'write', done, total: totalRows });
  const staged = [`Tierwise~${id}~s`];
  const summary = wb.worksheets.add(staged[0]);
  await writeSummary(packer, summary, plan, dateSystem);
  let customers: Excel.Worksheet | null = null;
  if (mode === 'sheet') {
    staged.push(`Tierwise~${id}~c`);
    customers = wb.worksheets.add(staged[1]);
    await writeTable(packer, { sheet: customers, row: 0, column: 0 }, plan.customers, { dateSystem, onRows: progress });
  }
  const made: Made = { summary, customers, besideStage: null };
  const tables = decorate(request, made, id);
  removePrevious(context, request.state);
  if (mode === 'beside' && plan.besideInput) {
    // straight into the free (or formerly Tierwise's) cells right of the input
    const userSheet = wb.worksheets.getItem(input.sheetId);
    await writeTable(packer, { sheet: userSheet, row: input.row, column: besideTarget(input, plan.besideInput).column }, plan.besideInput, { dateSystem, onRows: progress });
  }
  const result = commit(context, request, made, tables);
  // a cancel pressed while queuing: throw before anything is sent (Excel.run drops the queue)
  if (token?.cancelled) throw new CancelledError();
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') await discard(context, staged);
    throw error;
  }
  request.onProgress?.({ phase: 'finish', done: 1, total: 1 });
  return { mode, customersSheet: result.customersName, summarySheet: result.summaryName, besideAddress: result.besideAddress, syncs: 1, oneRequest: true };
}

/** Values through hidden staging sheets in as many requests as needed, then one swap request. */
async function renderStaged(context: Excel.RequestContext, request: RenderRequest, mode: RenderResult['mode']): Promise<RenderResult> {
  const { plan, input, token, dateSystem } = request;
  const sheets = context.workbook.worksheets;
  const id = stamp();
  const staged: string[] = [];
  const stage = (role: string): Excel.Worksheet => {
    const name = `Tierwise~${id}~${role}`;
    const sheet = sheets.add(name);
    sheet.visibility = 'Hidden';
    staged.push(name);
    return sheet;
  };
  const packer = new RequestPacker(context, token);
  const totalRows = (mode === 'beside' ? (plan.besideInput?.rows ?? 0) : plan.customers.rows) + 1;
  const progress = (done: number): void => request.onProgress?.({ phase: 'write', done, total: totalRows });
  try {
    // 1. values into staging sheets
    const summary = stage('s');
    await writeSummary(packer, summary, plan, dateSystem);
    let customers: Excel.Worksheet | null = null;
    let besideStage: Excel.Worksheet | null = null;
    if (mode === 'beside' && plan.besideInput) {
      besideStage = stage('b');
      await writeTable(packer, { sheet: besideStage, row: input.row, column: 0 }, plan.besideInput, { dateSystem, onRows: progress });
    } else {
      customers = stage('c');
      await writeTable(packer, { sheet: customers, row: 0, column: 0 }, plan.customers, { dateSystem, onRows: progress });
    }
    // 2. previous output out, new output in, formats, rules, tables, charts, record: queued after
    // the last values (they fit in its request; a failing write stops the batch before them)
    if (packer.room < FINISH_BYTES || packer.syncs === 0) await packer.flush();
    summary.visibility = 'Visible';
    if (customers) customers.visibility = 'Visible';
    const made: Made = { summary, customers, besideStage };
    const tables = decorate(request, made, id);
    removePrevious(context, request.state);
    const result = commit(context, request, made, tables);
    await context.sync();
    staged.length = 0; // committed: nothing left to discard
    packer.syncs++;
    request.onProgress?.({ phase: 'finish', done: 1, total: 1 });
    return { mode, customersSheet: result.customersName, summarySheet: result.summaryName, besideAddress: result.besideAddress, syncs: packer.syncs, oneRequest: false };
  } catch (error) {
    await discard(context, staged);
    throw error;
  }
}

/** Queues the removal of the previous output: its names, colour rules, columns beside the input and sheets. */
function removePrevious(context: Excel.RequestContext, state: WorkbookState): void {
  const wb = context.workbook;
  const previous = state.previous;
  wb.application.suspendApiCalculationUntilNextSync();
  for (const name of previous.names) wb.names.getItem(name).delete();
  if (previous.rules.ids.length > 0) {
    const whole = wb.worksheets.getItem(previous.rules.sheetId).getRange();
    for (const id of previous.rules.ids) whole.conditionalFormats.getItem(id).delete();
  }
  if (previous.beside) {
    const b = previous.beside;
    wb.worksheets.getItem(b.sheetId).getRangeByIndexes(b.row, b.column, b.rows, b.columns).clear('All');
  }
  for (const s of previous.sheets) wb.worksheets.getItem(s.id).delete();
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

interface Finished {
  record: OutputRecord;
  customersName: string | null;
  summaryName: string;
  besideAddress: string | null;
}

/** A table added under a temporary name, and the name it is to get. */
interface PendingTable {
  table: Excel.Table;
  base: string;
}

/**
 * Queues what the new sheets carry besides values — formats, colour rules, tables (under
 * temporary names: the previous output's tables still hold the real ones), charts — before the
 * previous output is removed. Returns the tables to name in {@link commit}.
 */
function decorate(request: RenderRequest, made: Made, id: string): PendingTable[] {
  const { plan } = request;
  const pending: PendingTable[] = [];
  const addTable = (sheet: Excel.Worksheet, at: Block, base: string): void => {
    const table = sheet.tables.add(sheet.getRangeByIndexes(at.row, at.column, at.rows, at.columns), true);
    table.name = `Tierwise_${id}_${pending.length + 1}`;
    table.style = 'TableStyleLight1';
    pending.push({ table, base });
  };
  if (made.customers) {
    const sheet = made.customers;
    const table = plan.customers;
    formatTable(sheet, 0, 0, table);
    const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn);
    if (tierCol >= 0) addTierRules(sheet, { row: 1, column: 0, rows: table.rows, columns: table.columns.length }, tierCol, plan.colorRules);
    if (table.rows > 0) addTable(sheet, { row: 0, column: 0, rows: table.rows + 1, columns: table.columns.length }, table.name);
  }
  const sheet = made.summary;
  const layout = summaryLayout(plan.summary);
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  sheet.getRangeByIndexes(layout.notes.row, 0, layout.notes.rows, 1).format.font.bold = true;
  formatTable(sheet, layout.table.row, 0, plan.summary.table);
  const tierCol = plan.summary.table.columns.findIndex((c) => c.id === 'tier');
  if (tierCol >= 0) addTierRules(sheet, { row: layout.table.row + 1, column: 0, rows: plan.summary.table.rows, columns: layout.table.columns }, tierCol, plan.colorRules);
  addTable(sheet, layout.table, plan.summary.table.name);
  plan.summary.extras.forEach((extra, k) => {
    formatTable(sheet, layout.extras[k].row, 0, extra.table);
    addTable(sheet, layout.extras[k], extra.table.name);
  });
  plan.summary.charts.forEach((spec, i) => {
    const k = plan.summary.extras.findIndex((e) => e.table.name === spec.table);
    const table = k >= 0 ? plan.summary.extras[k].table : plan.summary.table;
    const at = k >= 0 ? layout.extras[k] : layout.table;
    addChart(sheet, spec, table, at, layout.charts[i]);
  });
  return pending;
}

/**
 * Queues, after the previous output's removal: the sheet and table names, the tier columns'
 * formats and colour rules beside the input, the defined names and the record of the new output.
 */
function commit(context: Excel.RequestContext, request: RenderRequest, made: Made, tables: PendingTable[]): Finished {
  const { plan, input, state } = request;
  const wb = context.workbook;
  const freed = new Set(state.previous.sheets.map((s) => s.name.toLowerCase()));
  const taken = state.sheetNames.filter((n) => !freed.has(n.toLowerCase()));
  const record: OutputRecord = { version: 2, sheets: [], besideSheet: null, rules: [], besideTiers: [], besideTierOffset: 0 };
  let customersName: string | null = null;
  let besideAddress: string | null = null;

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
    addTierRules(userSheet, { row: input.row + 1, column: input.column, rows: input.rows - 1, columns: input.columns + target.columns }, target.column + tierCol, plan.colorRules);
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
  made.summary.activate();
  wb.settings.add(RECORD_KEY, JSON.stringify(record));
  return { record, customersName, summaryName, besideAddress };
}

/** Deletes staging sheets that exist (after a cancel or a failure). */
async function discard(context: Excel.RequestContext, staged: string[]): Promise<void> {
  if (staged.length === 0) return;
  const found = staged.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  found.forEach((s) => {
    if (!s.isNullObject) s.delete();
  });
  await context.sync();
}
