/**
 * The workbook's date system for the custom functions. Serials alone need none (recency is a
 * difference of two serials), but date text — `"2011-12-10"` as `as_of`, or text dates beside
 * real ones — must become serials of the workbook's own system. The functions share the task
 * pane's runtime, so they can ask Excel once: `DATE(2000,1,1)` through `workbook.functions`.
 * Where there is no Excel (Node, the tests' bundle runs) the answer is the 1900 system.
 */
import type { DateSystem } from '../engine';
import { DATE_PROBE_ARGS, dateSystemOfProbe } from '../excel/date-probe';

let asked: Promise<DateSystem> | null = null;

/**
 * The workbook's date system: asked of Excel on the first call, then remembered; "1900" when
 * there is no Excel or the question fails (asked again next time).
 *
 * @example
 * await workbookDateSystem(); // "1904" in a workbook using the 1904 date system
 */
export function workbookDateSystem(): Promise<DateSystem> {
  asked ??= ask().catch(() => {
    asked = null;
    return '1900' as const;
  });
  return asked;
}

async function ask(): Promise<DateSystem> {
  // the global exists only in Office's runtime, not in Node or a plain page
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== 'function') return '1900';
  return excel.run(async (context) => {
    const y2k = context.workbook.functions.date(...DATE_PROBE_ARGS).load('value');
    await context.sync();
    return dateSystemOfProbe(y2k.value);
  });
}
