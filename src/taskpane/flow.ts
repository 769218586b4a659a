/**
 * The two things the pane does with the workbook: preview the selection (detected columns) and
 * classify it (read → engine → sheet plan → render), in one `Excel.run` each. A classify run
 * after a preview takes two requests when the table and its output each fit one: the first
 * resolves the selection, finds the previous output, probes the cells right of the table and reads
 * the table the preview found; the second writes everything.
 */
import { type ColumnMapping, type Detection, ROLES, type Role, type TableColumns, type TableOptions, type TableResult, classifyTable, detectColumns } from '../engine';
import {
  type CancelToken,
  type ProgressListener,
  type RenderResult,
  type SheetArea,
  type TableSample,
  type WorkbookState,
  ColumnReader,
  REQUEST_BUDGET,
  besideIsFree,
  inspectWorkbook,
  queueInspect,
  readSample,
  renderPlan,
  sameArea,
} from '../excel';
import type { Language } from '../i18n/strings';
import { type SheetPlan, buildSheetPlan } from '../report';
import { t } from '../i18n/strings';

/** Runs a callback with a request context (`Excel.run`, or the test host's). */
export type ExcelRunner = <T>(callback: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A problem the pane shows as a message (with a key into the pane strings). */
export class PaneError extends Error {
  constructor(
    readonly key: 'error.empty' | 'error.ownOutput' | 'error.noColumns',
    message: string,
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
  return run(async (context) => {
    const state = await inspectWorkbook(context);
    const area = usableArea(state);
    const sample = await readSample(context, area);
    return { area, adjusted: state.adjusted, sample, detection: detectColumns(sample.headers, sample.sample), dateSystem: state.dateSystem };
  });
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
   * Columns the method's `columns` parameters name (features, criteria, attributes): name → column
   * index in the table, read with the role columns and passed to the engine as `extra`.
   */
  extra?: Readonly<Record<string, number>>;
}

/** What a run did. */
export interface RunOutcome {
  area: SheetArea;
  adjusted: WorkbookState['adjusted'];
  plan: SheetPlan;
  result: TableResult;
  render: RenderResult;
}


/**
 * Classifies the selected table and writes the output (see `renderPlan`).
 * @example const out = await classifySelection(Excel.run, { mapping, options: { method: "abc" }, language: "en" });
 */
export async function classifySelection(run: ExcelRunner, request: RunRequest): Promise<RunOutcome> {
  return run(async (context) => {
    const rolesOf = (area: SheetArea): Role[] => ROLES.filter((r) => request.mapping[r] !== undefined && (request.mapping[r] as number) < area.columns);
    const extras = Object.entries(request.extra ?? {});
    const indexesOf = (area: SheetArea): number[] => [...rolesOf(area).map((r) => request.mapping[r] as number), ...extras.map(([, i]) => i).filter((i) => i < area.columns)];
    const readOptions = (cellBytes: readonly number[]) => ({ cellBytes, token: request.token, onProgress: request.onProgress });
    // 1. one request: the selection, the previous output, the cells right of the expected table,
    // and the expected table's first rows (all of them when they fit)
    const expected = request.area;
    let reader: ColumnReader | null = null;
    const pending = queueInspect(context, { besideOf: expected });
    if (expected && request.cellBytes && rolesOf(expected).includes('customer')) {
      reader = new ColumnReader(context, expected, indexesOf(expected), readOptions(request.cellBytes));
      reader.queue(FIRST_REQUEST_RESERVE);
    }
    let state: WorkbookState;
    try {
      await context.sync();
      state = await pending.resolve();
    } catch (error) {
      if (!reader || (error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') throw error;
      reader = null;
      state = await inspectWorkbook(context, { besideOf: expected });
    }
    const area = usableArea(state);
    // date serials count from the workbook's epoch unless the caller says otherwise
    const options: TableOptions = { ...request.options, dateSystem: request.options.dateSystem ?? state.dateSystem };
    const roles = rolesOf(area);
    if (!roles.includes('customer')) throw new PaneError('error.noColumns', 'choose the customer column');
    if (reader && sameArea(area, expected ?? null)) reader.collect();
    else reader = null;
    request.token?.check();
    if (!reader) {
      const cellBytes = request.cellBytes && sameArea(area, expected ?? null) ? request.cellBytes : (await readSample(context, area)).cellBytes;
      reader = new ColumnReader(context, area, indexesOf(area), readOptions(cellBytes));
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
    const result = classifyTable(columns, options);
    const plan = buildSheetPlan(result, { language: request.language, rowOffset: area.row + 1, explain: true });
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
      token: request.token,
      onProgress: request.onProgress,
    });
    return { area, adjusted: state.adjusted, plan, result, render };
  });
}

/** Part of the first request left for the inspection's own loads (sheets, names, rules…). */
const FIRST_REQUEST_RESERVE = Math.floor(REQUEST_BUDGET * 0.05);
