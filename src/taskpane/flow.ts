/**
 * The two things the pane does with the workbook: preview the selection (detected columns) and
 * classify it (read → engine → sheet plan → render), in one `Excel.run` each. A classify run
 * after a preview takes two requests when the table and its output each fit one: the first
 * resolves the selection, finds the previous output, probes the cells right of the table and reads
 * the table the preview found; the second writes everything.
 */
import { type Cell, type ColumnMapping, type Detection, ROLES, type Role, type TableColumns, type TableOptions, type TableResult, detectColumns, letterIndex, localeDateOrder, methodById, namedColumns } from '../engine';
import {
  type CancelToken,
  type ProgressListener,
  type RecordedRun,
  SOURCE_NAME,
  type RenderResult,
  type SheetArea,
  type TableSample,
  type WorkbookState,
  ColumnReader,
  REQUEST_BUDGET,
  besideIsFree,
  inspectWorkbook,
  payloadTooLarge,
  queueInspect,
  readSample,
  rememberDateSystem,
  renderPlan,
  sameArea,
  selectionRefused,
  type SelectionGlance,
  glanceSelection,
  type LoopSheets,
  queueFindLoopSheets,
} from '../excel';
import type { Language } from '../i18n/strings';
import type { SheetPlan } from '../report';
import { type Computer, type RunDigest, computeInThread } from './compute';
import { type LoopOptions, type LoopOutcome, loopWrites, readLoop } from './loop-flow';
import { t } from '../i18n/strings';

/** Runs a callback with a request context (`Excel.run`, or the test host's). */
export type ExcelRunner = <T>(callback: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A problem the pane shows as a message (with a key into the pane strings). */
export class PaneError extends Error {
  constructor(
    readonly key: 'error.empty' | 'error.ownOutput' | 'error.noColumns' | 'error.selection' | 'error.noRecordedRun' | 'error.sourceChanged' | 'error.noSuchColumn' | 'error.callDate' | 'error.perRep' | 'error.contactDate',
    message: string,
    /** The message's parameters (e.g. the column's name). */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'PaneError';
  }
}

/** What the pane shows before a run. */
export interface Preview {
  area: SheetArea;
  adjusted: WorkbookState['adjusted'];
  sample: TableSample;
  detection: Detection;
  /** The workbook's date system (for the cut points shown before a run). */
  dateSystem: WorkbookState['dateSystem'];
}

/**
 * Resolves the selection, reads its header and a sample, and detects the columns.
 * @example const p = await previewSelection(Excel.run); p.detection.mapping // { customer: 0, date: 1, amount: 2 }
 */
export async function previewSelection(run: ExcelRunner): Promise<Preview> {
  return runOnSelection(run, async (context) => {
    const state = await inspectWorkbook(context, { rules: 'none' });
    // the custom functions share this runtime: they read dates with this answer, asking nothing while calculating
    rememberDateSystem(state.dateSystem);
    const area = usableArea(state);
    const sample = await readSample(context, area);
    return { area, adjusted: state.adjusted, sample, detection: detectColumns(sample.headers, sample.sample), dateSystem: state.dateSystem };
  });
}

/**
 * Runs a callback that reads the selection; Excel's refusal to hand over the selection (several
 * areas, a chart or a shape selected) becomes a {@link PaneError} the pane shows in its language.
 */
async function runOnSelection<T>(run: ExcelRunner, callback: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await run(callback);
  } catch (error) {
    if (selectionRefused(error)) throw new PaneError('error.selection', 'select one block of cells: several areas, a chart or a shape cannot be classified');
    throw error;
  }
}

/**
 * The selection's address and size only (one small request): what a selection change costs.
 * @example const g = await glanceAtSelection(Excel.run); g.address // "Sheet1!A1:D9"
 */
export async function glanceAtSelection(run: ExcelRunner): Promise<SelectionGlance> {
  return runOnSelection(run, (context) => glanceSelection(context));
}

function usableArea(state: WorkbookState): SheetArea {
  const area = state.area;
  if (!area || area.rows < 2) throw new PaneError('error.empty', 'the selection holds no table (a header row and at least one data row)');
  if (state.previous.sheets.some((s) => s.id === area.sheetId)) {
    throw new PaneError('error.ownOutput', 'the selection is on a sheet Tierwise wrote; select your own data');
  }
  return area;
}

/** What a run needs. */
export interface RunRequest {
  mapping: ColumnMapping;
  options: TableOptions;
  language: Language;
  /** Bytes per cell from the preview (read again when absent). */
  cellBytes?: readonly number[];
  /** The table's headers from the preview (recorded with the output, so a refresh can check its columns). */
  headers?: readonly string[];
  /**
   * The table the preview found: its rows are read in the run's first request, which also checks
   * that the selection still resolves to it (else they are read again).
   */
  area?: SheetArea;
  token?: CancelToken;
  onProgress?: ProgressListener;
  /** Lets the UI repaint between reading and computing. */
  yieldToUi?: () => Promise<void>;
  /**
   * Runs engine → sheet plan: in a Web Worker in the pane (responsive, with the engine's progress,
   * and Cancel ends it), in this thread by default.
   */
  compute?: Computer;
  /**
   * Columns the method's `columns` parameters name (features, criteria, attributes): name → column
   * index in the table, read with the role columns and passed to the engine as `extra`.
   */
  extra?: Readonly<Record<string, number>>;
  /** The management loop (Playbook, Tier History); `false` leaves it out of the run. */
  loop?: LoopOptions | false;
}

/** What a run did. */
export interface RunOutcome {
  area: SheetArea;
  adjusted: WorkbookState['adjusted'];
  plan: SheetPlan;
  /** What the pane shows of the run besides the plan. */
  digest: RunDigest;
  /** The engine's whole result, when it was computed in this thread (not from a worker). */
  result?: TableResult;
  render: RenderResult;
  /** What the management loop did (null when left out). */
  loop: LoopOutcome | null;
}


/**
 * Classifies the selected table and writes the output (see `renderPlan`).
 * @example const out = await classifySelection(Excel.run, { mapping, options: { method: "abc" }, language: "en" });
 */
export async function classifySelection(run: ExcelRunner, request: RunRequest): Promise<RunOutcome> {
  return runOnSelection(run, (context) => classifyIn(context, request, 'selection'));
}

/** What **Refresh output** needs: the run is the one recorded with the previous output. */
export type RefreshRequest = Pick<RunRequest, 'token' | 'onProgress' | 'yieldToUi' | 'compute' | 'loop'>;

/**
 * Runs the recorded run again in place: the same table (found through its defined name, grown to
 * its current region, so rows added below count), the same columns, method, options and language,
 * wherever the selection is now. The columns must still have the headers they had.
 * @example const out = await refreshOutput(Excel.run, {}); out.render.summarySheet // "Tier Summary"
 */
export async function refreshOutput(run: ExcelRunner, request: RefreshRequest = {}): Promise<RunOutcome> {
  return run(async (context) => {
    // one small request first: is there a recorded source (its name exists and refers to a sheet)?
    const source = context.workbook.names.getItemOrNullObject(SOURCE_NAME).getRangeOrNullObject().load('rowIndex');
    await context.sync();
    if (source.isNullObject) throw new PaneError('error.noRecordedRun', 'nothing to refresh: classify a table first');
    return classifyIn(context, { mapping: {}, options: { method: 'abc' }, language: 'en', ...request }, 'recorded');
  });
}

/**
 * The column a name in a `columns` parameter means: a header (case and surrounding spaces
 * ignored) or a column letter of the selection; -1 when none.
 * @example headerIndex(["Customer", "Margin"], "margin") // 1
 */
export function headerIndex(headers: readonly unknown[], name: string): number {
  const want = name.trim().toLowerCase();
  const byName = headers.findIndex((h) => String(h ?? '').trim().toLowerCase() === want);
  if (byName >= 0) return byName;
  const letter = letterIndex(name.trim());
  return letter >= 0 && letter < headers.length ? letter : -1;
}

/** The recorded run as a request, after checking that its columns still have their headers. */
async function recordedRequest(context: Excel.RequestContext, state: WorkbookState, area: SheetArea, asked: RunRequest): Promise<RunRequest> {
  const recorded = state.previous.record.run;
  if (!recorded) throw new PaneError('error.noRecordedRun', 'nothing to refresh: classify a table first');
  const sample = await readSample(context, area);
  for (const [role, header] of Object.entries(recorded.headers)) {
    const column = recorded.mapping[role];
    if (column === undefined || (sample.headers[column] ?? '') !== header) {
      throw new PaneError('error.sourceChanged', `the ${role} column is no longer "${header}"`);
    }
  }
  let extra: Record<string, number>;
  try {
    extra = namedColumnIndexes(recorded.options as unknown as TableOptions, sample.headers);
  } catch (error) {
    if (error instanceof PaneError) throw new PaneError('error.sourceChanged', `no column "${error.params.name}" any more`);
    throw error;
  }
  return {
    ...asked,
    extra,
    mapping: recorded.mapping as ColumnMapping,
    options: recorded.options as unknown as TableOptions,
    language: recorded.language === 'zh-CN' ? 'zh-CN' : 'en',
    headers: sample.headers,
    cellBytes: sample.cellBytes,
    area,
  };
}

/**
 * The columns a method names besides the roles (features, criteria, a rule table's columns): name
 * → column index, found by the table's headers (or column letters). Throws a {@link PaneError}
 * ("error.noSuchColumn") naming the column and the headers when one is missing.
 * @example namedColumnIndexes({ method: "rules", rules: "Class,Stage\nA,中学\n" }, ["Customer", "Stage"]) // { Stage: 1 }
 */
export function namedColumnIndexes(options: TableOptions, headers: readonly unknown[]): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const name of namedColumns(methodById(options.method), options)) {
    const j = headerIndex(headers, name);
    if (j < 0) {
      const list = headers.map((h) => `"${String(h ?? '')}"`).join(', ');
      throw new PaneError('error.noSuchColumn', `the column "${name}" is not in the selected table (its columns: ${list})`, { name, headers: list });
    }
    extra[name] = j;
  }
  return extra;
}

/**
 * The columns the method names besides the roles, found by header when the caller gave the
 * headers but not the columns (the one place the pane finds them).
 */
function withNamedColumns(request: RunRequest): RunRequest {
  if (request.extra || !request.headers) return request;
  if (namedColumns(methodById(request.options.method), request.options).length === 0) return request;
  return { ...request, extra: namedColumnIndexes(request.options, request.headers) };
}

/** What a run read before computing. */
export interface TableRead {
  state: WorkbookState;
  area: SheetArea;
  request: RunRequest;
  options: TableOptions;
  columns: TableColumns;
  /** The loop's sheets, once the first request is synced (null when the loop is left out). */
  loopSheets: LoopSheets | null;
  /** The cells of the columns `also` asked for, in its order. */
  also: Cell[][];
}

/**
 * Reads the table (the selection or the recorded source): the run before its compute step.
 * `also` names more columns to read with the table's (by its headers).
 * @example const r = await readTable(context, request, 'recorded', (headers) => [3]); r.also[0] // the cells of column D
 */
export async function readTable(context: Excel.RequestContext, asked: RunRequest, source: 'selection' | 'recorded', also?: (headers: readonly string[]) => number[]): Promise<TableRead> {
  {
    let request = withNamedColumns(asked);
    const rolesOf = (area: SheetArea): Role[] => ROLES.filter((r) => request.mapping[r] !== undefined && (request.mapping[r] as number) < area.columns);
    let extras = Object.entries(request.extra ?? {});
    const indexesOf = (area: SheetArea): number[] => [...rolesOf(area).map((r) => request.mapping[r] as number), ...extras.map(([, i]) => i).filter((i) => i < area.columns)];
    const readOptions = (cellBytes: readonly number[]) => ({ cellBytes, token: request.token, onProgress: request.onProgress });
    // 1. one request: the selection, the previous output, the cells right of the expected table,
    // and the expected table's first rows (all of them when they fit)
    const expected = request.area;
    let reader: ColumnReader | null = null;
    const pending = queueInspect(context, { besideOf: expected, source });
    let loopFind = request.loop === false ? null : queueFindLoopSheets(context);
    if (expected && request.cellBytes && rolesOf(expected).includes('customer')) {
      reader = new ColumnReader(context, expected, indexesOf(expected), readOptions(request.cellBytes));
      reader.queue(FIRST_REQUEST_RESERVE);
    }
    let state: WorkbookState;
    try {
      await context.sync();
      state = await pending.resolve();
    } catch (error) {
      if (reader && payloadTooLarge(error)) {
        // the first rows' answer (or request) was too large: inspect alone, then read in smaller chunks
        reader = null;
        loopFind = request.loop === false ? null : queueFindLoopSheets(context);
        state = await inspectWorkbook(context, { besideOf: expected, source });
      } else if (!payloadTooLarge(error) && !selectionRefused(error)) {
        // a user's colour rule Excel cannot read (office-js 6827, 6835) fails the whole request:
        // inspect again, reading only the rules over Tierwise's own columns
        reader = null;
        loopFind = request.loop === false ? null : queueFindLoopSheets(context);
        state = await inspectWorkbook(context, { besideOf: expected, rules: 'own', source });
      } else throw error;
    }
    const area = usableArea(state);
    if (source === 'recorded') request = await recordedRequest(context, state, area, request);
    if (!request.extra && namedColumns(methodById(request.options.method), request.options).length > 0) {
      // the method names columns and nobody said where they are: find them by the table's headers
      request = withNamedColumns({ ...request, headers: request.headers ?? (await readSample(context, area)).headers });
      extras = Object.entries(request.extra ?? {});
      reader = null;
    }
    // date serials count from the workbook's epoch unless the caller says otherwise
    // date order: from the values, else the caller's choice, else the locale the pane runs in
    const options: TableOptions = { ...request.options, dateSystem: request.options.dateSystem ?? state.dateSystem, fallbackDateOrder: request.options.fallbackDateOrder ?? localeDateOrder() };
    const roles = rolesOf(area);
    if (!roles.includes('customer')) throw new PaneError('error.noColumns', 'choose the customer column');
    const alsoIndexes = also ? also(request.headers ?? (await readSample(context, area)).headers).filter((i) => i < area.columns) : [];
    if (reader && sameArea(area, expected ?? null) && alsoIndexes.length === 0) reader.collect();
    else reader = null;
    request.token?.check();
    if (!reader) {
      const cellBytes = request.cellBytes && sameArea(area, expected ?? null) ? request.cellBytes : (await readSample(context, area)).cellBytes;
      reader = new ColumnReader(context, area, [...indexesOf(area), ...alsoIndexes], readOptions(cellBytes));
    }
    const cells = await reader.read();
    request.onProgress?.({ phase: 'compute', done: 0, total: 1 });
    await request.yieldToUi?.();
    request.token?.check();
    const columns: TableColumns = { customer: [] };
    roles.forEach((r, i) => (columns[r] = cells[i]));
    const present = extras.filter(([, i]) => i < area.columns);
    if (extras.length > present.length) throw new PaneError('error.noColumns', `a column the method names is outside the table: ${extras.filter(([, i]) => i >= area.columns).map(([n]) => n).join(', ')}`);
    if (present.length > 0) columns.extra = Object.fromEntries(present.map(([name], k) => [name, cells[roles.length + k]]));
    return { state, area, request, options, columns, loopSheets: loopFind?.resolve() ?? null, also: cells.slice(cells.length - alsoIndexes.length) };
  }
}

async function classifyIn(context: Excel.RequestContext, asked: RunRequest, source: 'selection' | 'recorded'): Promise<RunOutcome> {
  {
    const { state, area, request, options, columns, loopSheets } = await readTable(context, asked, source);
    // the loop: the Playbook and the last snapshot of the method read (applied in the compute step)
    const loopRead = loopSheets && request.loop !== false ? await readLoop(context, loopSheets, options.method) : null;
    // engine → plan (in a worker in the pane); a cancel here leaves the workbook untouched
    const { plan, digest, result, loop: applied } = await (request.compute ?? computeInThread)(
      { columns, options, language: request.language, rowOffset: area.row + 1, ...(loopRead ? { loop: loopRead.inputs } : {}) },
      { token: request.token, onProgress: request.onProgress },
    );
    const run = recordOf(request, area);
    const loop = loopRead && applied ? loopWrites(context, loopRead, applied, { method: options.method, language: request.language, options: run.options, loop: request.loop || undefined }) : null;
    request.onProgress?.({ phase: 'compute', done: 1, total: 1 });
    await request.yieldToUi?.();
    request.token?.check();
    // 2. the output (one request when it fits)
    const besideFree = plan.besideInput ? await besideIsFree(context, area, plan.besideInput.columns.length, state.previous.beside, state) : false;
    const render = await renderPlan(context, {
      plan,
      input: area,
      state,
      besideFree,
      sheetNames: { customers: t(request.language, 'sheet.customers'), summary: plan.summary.sheetName },
      dateSystem: options.dateSystem,
      run,
      token: request.token,
      onProgress: request.onProgress,
      ...(loop ? { extra: loop.extra } : {}),
    });
    return { area, adjusted: state.adjusted, plan, digest, result, render, loop: loop ? loop.outcome() : null };
  }
}

/**
 * The run to record with the output: the columns of the roles, their headers (when known), the
 * options without the date system (read from the workbook each time) and the language.
 */
function recordOf(request: RunRequest, area: SheetArea): RecordedRun {
  const mapping: Record<string, number> = {};
  const headers: Record<string, string> = {};
  for (const role of ROLES) {
    const column = request.mapping[role];
    if (column === undefined || column >= area.columns) continue;
    mapping[role] = column;
    if (request.headers?.[column] !== undefined) headers[role] = request.headers[column];
  }
  const { dateSystem, ...options } = request.options;
  void dateSystem;
  return { mapping, headers, options: options as Record<string, unknown>, language: request.language };
}

/** Part of the first request left for the inspection's own loads (sheets, names, rules…). */
const FIRST_REQUEST_RESERVE = Math.floor(REQUEST_BUDGET * 0.05);
