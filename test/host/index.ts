/**
 * The in-memory Excel host: `Excel.run` over a {@link WorkbookModel}, with Office.js's request
 * semantics (load + sync before reads, queued writes, 5 MB payloads) and counters.
 */
import { parseA1 } from './a1';
import { emptyStats, HostContext, type HostStats } from './context';
import { WorkbookModel } from './model';
import { WorkbookProxy } from './proxies';

export { formatA1, parseA1, columnName } from './a1';
export { CELL_LIMIT, PAYLOAD_LIMIT, type HostStats } from './context';
export { HostError } from './errors';
export { SheetModel, WorkbookModel, type HostCell } from './model';

/** What `Excel.run` hands its callback. */
export interface HostRequestContext {
  workbook: WorkbookProxy;
  application: WorkbookProxy['application'];
  sync(): Promise<void>;
}

/** An in-memory Excel: the model, the `Excel` object to inject, and counters. */
export interface ExcelHost {
  model: WorkbookModel;
  stats: HostStats;
  /** Called after every sync of every context (e.g. to press Cancel in a test). */
  afterSync?: (stats: HostStats) => void;
  /** Makes every operation it returns true for fail when its request runs (e.g. adding charts). */
  failOp?: (desc: unknown) => boolean;
  /**
   * Holds every request unanswered while true: an Excel busy with a calculation may not answer a
   * request made from inside a custom function's calculation until it is done (the reason issue
   * 12.4 asks the date-system question to have a time limit).
   */
  busy?: boolean;
  Excel: { run<T>(callback: (context: HostRequestContext) => Promise<T>): Promise<T> };
  /** Fills a sheet from rows (the first row at `topLeft`), bypassing requests. */
  fill(sheetName: string, topLeft: string, rows: readonly (readonly (string | number | boolean | null)[])[]): void;
  /** Selects a range ("Sheet1!A1:D9" or "A:D" on the first sheet); "A1:B5,D1:D5" selects two areas. */
  select(address: string): void;
  /** Selects a chart (or shape) on a sheet: no cells are selected. */
  selectChart(sheetName?: string): void;
  /** Resets the counters. */
  resetStats(): void;
  /** `Office.context.requirements` as Excel answers it, from `model.excelApi` (ExcelApi only). */
  requirements: { isSetSupported(name: string, version?: string): boolean };
}

/**
 * Creates a host with one empty sheet.
 * @example
 * const host = createHost();
 * host.fill('Sheet1', 'A1', [['Customer', 'Value'], ['a', 10]]);
 * await host.Excel.run(async (ctx) => { const r = ctx.workbook.getSelectedRange().load('address'); await ctx.sync(); return r.address; });
 */
export function createHost(model = new WorkbookModel()): ExcelHost {
  const host: ExcelHost = {
    model,
    stats: emptyStats(),
    Excel: {
      async run<T>(callback: (context: HostRequestContext) => Promise<T>): Promise<T> {
        if (host.busy) return new Promise<T>(() => undefined);
        const ctx = new HostContext(model, host.stats);
        ctx.afterSync = (s) => host.afterSync?.(s);
        ctx.failOp = (d) => host.failOp?.(d) ?? false;
        const workbook = new WorkbookProxy(ctx, model);
        const requestContext: HostRequestContext = { workbook, application: workbook.application, sync: () => ctx.sync() };
        const result = await callback(requestContext);
        if (ctx.pending) await ctx.sync();
        return result;
      },
    },
    fill(sheetName, topLeft, rows) {
      const sheet = model.sheet(sheetName);
      const at = parseA1(topLeft);
      rows.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null) sheet.put(at.row + r, at.column + c, v);
      }));
    },
    select(address) {
      const areas = address.split(',');
      model.selectionKind = areas.length > 1 ? 'areas' : 'block';
      address = areas[0];
      const bang = address.lastIndexOf('!');
      const sheet = bang >= 0 ? model.sheet(address.slice(0, bang).replace(/^'|'$/g, '')) : model.sheets[0];
      model.selection = { sheetId: sheet.id, rect: parseA1(bang >= 0 ? address.slice(bang + 1) : address) };
    },
    selectChart(sheetName) {
      const sheet = sheetName ? model.sheet(sheetName) : model.sheets[0];
      model.selection = { sheetId: sheet.id, rect: model.selection.rect };
      model.selectionKind = 'chart';
    },
    resetStats() {
      Object.assign(host.stats, emptyStats());
    },
    requirements: {
      isSetSupported(name, version = '1.1') {
        const [major, minor] = version.split('.').map(Number);
        return name === 'ExcelApi' && major === 1 && (minor ?? 0) <= model.excelApi;
      },
    },
  };
  return host;
}
