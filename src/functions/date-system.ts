/**
 * The workbook's date system for the custom functions. Serials alone need none (recency is a
 * difference of two serials), but date text — `"2011-12-10"` as `as_of`, or text dates beside
 * real ones — must become serials of the workbook's own system.
 *
 * Sources, in order: the answer the task pane kept when it started (no call during a
 * calculation); else one question to Excel (`DATE(2000,1,1)` through `workbook.functions`), with a
 * time limit, remembered once answered. A failed or late question is never remembered and never
 * guessed: the caller says the date system is not known yet. Where there is no Excel at all
 * (Node, the tests' bundle runs) the answer is the 1900 system.
 * (No `Workbook` property gives the date system in ExcelApi up to 1.19.)
 */
import type { DateSystem } from '../engine';
import { readDateSystem, rememberDateSystem, rememberedDateSystem } from '../excel/date-probe';

/** How long a calculation waits for Excel's answer (ms). */
export const DATE_SYSTEM_TIMEOUT_MS = 5_000;

/** Excel could not tell the date system (failed, or no answer in time). */
export class DateSystemUnknown extends Error {
  constructor(reason: string) {
    super(`the workbook's date system is not known yet (${reason}); recalculate, or give the dates as Excel dates`);
    this.name = 'DateSystemUnknown';
  }
}

let asking: Promise<DateSystem> | null = null;

/**
 * The workbook's date system: the pane's answer, else asked of Excel once (within
 * {@link DATE_SYSTEM_TIMEOUT_MS}); rejects with {@link DateSystemUnknown} when Excel cannot say,
 * and asks again next time.
 *
 * @example
 * await workbookDateSystem(); // "1904" in a workbook using the 1904 date system
 */
export function workbookDateSystem(): Promise<DateSystem> {
  const known = rememberedDateSystem();
  if (known) return Promise.resolve(known);
  // the global exists only in Office's runtime, not in Node or a plain page
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== 'function') return Promise.resolve('1900');
  asking ??= withTimeout(excel.run((context) => readDateSystem(context)), DATE_SYSTEM_TIMEOUT_MS).then(
    (answer) => {
      rememberDateSystem(answer);
      asking = null;
      return answer;
    },
    (error: unknown) => {
      asking = null;
      if (error instanceof DateSystemUnknown) throw error;
      const message = (error as { message?: unknown } | null)?.message;
      throw new DateSystemUnknown(`Excel answered: ${typeof message === 'string' ? message : String(error)}`);
    },
  );
  return asking;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const timer = (globalThis as { setTimeout?: (fn: () => void, ms: number) => unknown }).setTimeout;
  if (typeof timer !== 'function') return promise;
  return new Promise<T>((resolve, reject) => {
    timer(() => reject(new DateSystemUnknown(`Excel did not answer within ${ms / 1000} s`)), ms);
    promise.then(resolve, reject);
  });
}
