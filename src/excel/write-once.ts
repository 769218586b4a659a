/**
 * The one-request write strategy: the whole output — new sheets, values, formats, colour rules,
 * tables, charts, the previous output's removal and the record — queued for ONE request after a
 * last cancel check, so a cancel sends nothing and a refused request changes nothing.
 */
import { CancelledError } from './cancel';
import { besideTarget } from './beside-probe';
import { type Committed, commitOutput, takenAfter } from './commit-output';
import { decorate } from './decorate';
import { RequestPacker } from './packer';
import { removePrevious } from './remove-previous';
import { type NewSheets, type RenderRequest, type RenderResult, stamp } from './render-types';
import { discardStaged } from './write-staged';
import { writeSummary } from './write-summary';
import { writeTable } from './write-table';

/**
 * Writes the whole output in one request: nothing is sent before the last cancel check.
 * @example const result = await writeInOneRequest(context, request, 'sheet'); result.syncs // 1
 */
export async function writeInOneRequest(context: Excel.RequestContext, request: RenderRequest, mode: RenderResult['mode'], onCommitted?: (committed: Committed) => void): Promise<RenderResult> {
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
  await request.extra?.stage(packer, (role) => {
    const name = `Tierwise~${id}~${role}`;
    staged.push(name);
    const sheet = wb.worksheets.add(name);
    sheet.visibility = 'Hidden';
    return sheet;
  }, true);
  const made: NewSheets = { summary, customers, besideStage: null };
  const tables = decorate(request, made, id);
  removePrevious(context, request.state);
  if (mode === 'beside' && plan.besideInput) {
    // straight into the free (or formerly Tierwise's) cells right of the input
    const userSheet = wb.worksheets.getItem(input.sheetId);
    await writeTable(packer, { sheet: userSheet, row: input.row, column: besideTarget(input, plan.besideInput).column }, plan.besideInput, { dateSystem, onRows: progress });
  }
  const result = commitOutput(context, request, made, tables);
  request.extra?.commit(takenAfter(request, result));
  // a cancel pressed while queuing: throw before anything is sent (Excel.run drops the queue)
  if (token?.cancelled) throw new CancelledError();
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') await discardStaged(context, staged);
    throw error;
  }
  onCommitted?.(result);
  request.onProgress?.({ phase: 'finish', done: 1, total: 1 });
  return { mode, customersSheet: result.customersName, summarySheet: result.summaryName, besideAddress: result.besideAddress, syncs: 1, oneRequest: true };
}
