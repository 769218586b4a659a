/**
 * The staged write strategy, for output too large for one request: values go first into hidden
 * staging sheets (a cancel deletes them, the workbook is as before), then one request swaps the
 * previous output for the new one.
 */
import { type Committed, commitOutput, takenAfter } from './commit-output';
import { decorate } from './decorate';
import { RequestPacker } from './packer';
import { removePrevious } from './remove-previous';
import { FINISH_BYTES, type NewSheets, type RenderRequest, type RenderResult, stamp } from './render-types';
import { writeSummary } from './write-summary';
import { writeTable } from './write-table';

/**
 * Writes values through hidden staging sheets in as many requests as needed, then one swap request.
 * @example const result = await writeStaged(context, request, 'sheet'); result.oneRequest // false
 */
export async function writeStaged(context: Excel.RequestContext, request: RenderRequest, mode: RenderResult['mode'], onCommitted?: (committed: Committed) => void): Promise<RenderResult> {
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
    await request.extra?.stage(packer, stage, false);
    // 2. previous output out, new output in, formats, rules, tables, charts, record: queued after
    // the last values (they fit in its request; a failing write stops the batch before them)
    if (packer.room < FINISH_BYTES || packer.syncs === 0) await packer.flush();
    summary.visibility = 'Visible';
    if (customers) customers.visibility = 'Visible';
    const made: NewSheets = { summary, customers, besideStage };
    const tables = decorate(request, made, id);
    removePrevious(context, request.state);
    const result = commitOutput(context, request, made, tables);
    request.extra?.commit(takenAfter(request, result));
    await context.sync();
    staged.length = 0; // committed: nothing left to discard
    onCommitted?.(result);
    packer.syncs++;
    request.onProgress?.({ phase: 'finish', done: 1, total: 1 });
    return { mode, customersSheet: result.customersName, summarySheet: result.summaryName, besideAddress: result.besideAddress, syncs: packer.syncs, oneRequest: false };
  } catch (error) {
    if (staged.length > 0) request.extra?.discard();
    await discardStaged(context, staged);
    throw error;
  }
}

/**
 * Deletes staging sheets that exist (after a cancel or a failure).
 * @example await discardStaged(context, ['Tierwise~k3x9q1~s']);
 */
export async function discardStaged(context: Excel.RequestContext, staged: string[]): Promise<void> {
  if (staged.length === 0) return;
  const found = staged.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  found.forEach((s) => {
    if (!s.isNullObject) s.delete();
  });
  await context.sync();
}
