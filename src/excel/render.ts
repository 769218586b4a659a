/**
 * Renders a sheet plan into the workbook without ever leaving it half-done.
 * - When the whole output fits one request (the usual case), it goes in ONE request
 *   (`write-once.ts`): cancelled → nothing is sent.
 * - Otherwise values are first written into hidden staging sheets, then one request swaps the
 *   previous output for the new one (`write-staged.ts`).
 * Output is tracked by defined names and a setting written in that same last request (see
 * `tracking.ts`), so no request is spent learning ids.
 * Within that last request the new sheets are finished first (`decorate.ts`: formats, colour rules,
 * tables under temporary names, charts) and only then is the previous output removed
 * (`remove-previous.ts`) and the new one named (`commit-output.ts`): a request stops at its first
 * failing operation, and one that fails on a table or a chart leaves the previous output as it was.
 * A chart Excel refuses costs the chart only: the output is written again without charts.
 */
import { chartRefused } from './charts';
import { CELL_BUDGET, REQUEST_BUDGET } from './limits';
import { outputSize } from './output-size';
import { FINISH_BYTES, type RenderRequest, type RenderResult } from './render-types';
import { writeInOneRequest } from './write-once';
import { writeStaged } from './write-staged';

export { besideIsFree } from './beside-probe';
export { uniqueTableName } from './commit-output';
export type { RenderRequest, RenderResult } from './render-types';

/**
 * Writes a plan: Customers (or tier columns beside the input), colour rules, the Tier Summary
 * sheet with its tables and charts; replaces the previous output; records what it wrote.
 * @example const result = await renderPlan(context, { plan, input, state, besideFree, sheetNames });
 */
export async function renderPlan(context: Excel.RequestContext, request: RenderRequest): Promise<RenderResult> {
  try {
    return await renderOnceOrStaged(context, request);
  } catch (error) {
    // charts are queued before the previous output's removal: a refused chart leaves the workbook
    // as it was, so the run is written again without charts rather than lost
    if (!chartRefused(error) || request.plan.summary.charts.length === 0) throw error;
    const plan = { ...request.plan, summary: { ...request.plan.summary, charts: [] } };
    const result = await renderOnceOrStaged(context, { ...request, plan });
    return { ...result, chartsLeftOut: true };
  }
}

async function renderOnceOrStaged(context: Excel.RequestContext, request: RenderRequest): Promise<RenderResult> {
  const mode: RenderResult['mode'] = request.plan.besideInput && request.besideFree ? 'beside' : 'sheet';
  const size = outputSize(request.plan, mode, request.dateSystem);
  if (size.bytes + FINISH_BYTES <= REQUEST_BUDGET && size.cells <= CELL_BUDGET) {
    try {
      return await writeInOneRequest(context, request, mode);
    } catch (error) {
      // refused whole (nothing applied): write through staging sheets instead
      if ((error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') throw error;
    }
  }
  return writeStaged(context, request, mode);
}
