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
 * A chart Excel refuses costs the chart only: the output is written again without charts. A
 * previous colour rule Excel cannot delete (office-js 5222) is left, and the new rules' ids recorded.
 */
import { chartRefused } from './charts';
import { type Committed, recordRuleIds } from './commit-output';
import { ruleDeleteFailed } from './remove-previous';
import { CELL_BUDGET, REQUEST_BUDGET } from './limits';
import { outputSize } from './output-size';
import { FINISH_BYTES, type RenderRequest, type RenderResult } from './render-types';
import { writeInOneRequest } from './write-once';
import { writeStaged } from './write-staged';

export { besideIsFree } from './beside-probe';
export { uniqueTableName } from './commit-output';
export type { ExtraWrites, RenderRequest, RenderResult } from './render-types';

/**
 * Writes a plan: Customers (or tier columns beside the input), colour rules, the Tier Summary
 * sheet with its tables and charts; replaces the previous output; records what it wrote.
 * @example const result = await renderPlan(context, { plan, input, state, besideFree, sheetNames });
 */
export async function renderPlan(context: Excel.RequestContext, request: RenderRequest): Promise<RenderResult> {
  let req = request;
  let chartsLeftOut = false;
  for (let attempt = 0; ; attempt++) {
    let committed: Committed | null = null;
    try {
      const result = await renderOnceOrStaged(context, req, (c) => (committed = c));
      if (committed) await recordRuleIds(context, committed, req.input.sheetId);
      return chartsLeftOut ? { ...result, chartsLeftOut } : result;
    } catch (error) {
      if (attempt >= 2) throw error;
      const previous = req.state.previous;
      if (ruleDeleteFailed(error) && previous.rules.ids.length > 0) {
        // Excel could not delete a previous colour rule (office-js 5222): the request stopped before
        // touching anything else; write again leaving the previous rules, and record the new ones' ids
        req = { ...req, state: { ...req.state, previous: { ...previous, rules: { sheetId: previous.rules.sheetId, ids: [], unread: true } } } };
      } else if (chartRefused(error) && req.plan.summary.charts.length > 0) {
        // charts are queued before the previous output's removal: a refused chart leaves the
        // workbook as it was, so the run is written again without charts rather than lost
        req = { ...req, plan: { ...req.plan, summary: { ...req.plan.summary, charts: [] } } };
        chartsLeftOut = true;
      } else throw error;
    }
  }
}

async function renderOnceOrStaged(context: Excel.RequestContext, request: RenderRequest, onCommitted: (committed: Committed) => void): Promise<RenderResult> {
  const mode: RenderResult['mode'] = request.plan.besideInput && request.besideFree ? 'beside' : 'sheet';
  const size = outputSize(request.plan, mode, request.dateSystem);
  if (request.extra) {
    size.bytes += request.extra.size.bytes;
    size.cells += request.extra.size.cells;
  }
  if (size.bytes + FINISH_BYTES <= REQUEST_BUDGET && size.cells <= CELL_BUDGET) {
    try {
      return await writeInOneRequest(context, request, mode, onCommitted);
    } catch (error) {
      // refused whole (nothing applied): write through staging sheets instead
      if ((error as { code?: string }).code !== 'RequestPayloadSizeLimitExceeded') throw error;
    }
  }
  return writeStaged(context, request, mode, onCommitted);
}
