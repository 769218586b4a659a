/**
 * The compute step of a pane run — engine → sheet plan — as plain data in and out, so it can run
 * in a Web Worker (the pane stays responsive, shows the engine's progress and Cancel stops the
 * work at once by ending the worker) or, where no worker can start (tests, a host without
 * workers), in the pane's own thread. Nothing here touches the workbook: a cancelled compute
 * leaves it as it was.
 */
import { type TableColumns, type TableOptions, type TableReading, classifyTable } from '../engine';
import { CancelledError, type CancelToken, type ProgressListener } from '../excel/cancel';
import type { Language } from '../i18n/strings';
import { type LoopApplied, type LoopInputs, type SheetPlan, applyLoop, buildSheetPlan } from '../report';

/** What the compute step gets: the columns read, the options and how the plan is written. */
export interface ComputeJob {
  columns: TableColumns;
  options: TableOptions;
  language: Language;
  /** Sheet row of the first data row minus one (row numbers in the issues list). */
  rowOffset: number;
  /** The management loop's inputs (the playbook, the previous snapshot), applied to the plan. */
  loop?: LoopInputs;
}

/** What the pane shows of a run besides the plan (plain data: it crosses from a worker). */
export interface RunDigest {
  reading: TableReading;
  inputRows: number;
  /** The cut points (or the model) in one sentence, in the run's language. */
  describe: string;
  /** The method's check of the fit, its first line (the rules' coverage headline), or null. */
  auditHeadline: string | null;
}

/** The result of the compute step. */
export interface ComputeOutcome {
  plan: SheetPlan;
  digest: RunDigest;
  /** The loop's part (the run's snapshot, the playbook's new rows, the totals), when the job had loop inputs. */
  loop?: LoopApplied;
}

/** Runs the compute step: with progress, cancellation and a way to let the pane repaint. */
export type Computer = (job: ComputeJob, control: ComputeControl) => Promise<ComputeOutcome & { result?: ReturnType<typeof classifyTable> }>;

/** What a compute step reports to and is stopped by. */
export interface ComputeControl {
  token?: CancelToken;
  onProgress?: ProgressListener;
}

/** A message from the compute worker. */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: ComputeOutcome }
  | { type: 'error'; message: string };

/**
 * Engine and report for one job; `progress(done, total)` is the engine's progress of a long fit
 * (the k-means k table) and returning false from it stops the fit.
 *
 * @example
 * const { plan, digest } = computeRun({ columns, options: { method: "abc" }, language: "en", rowOffset: 1 });
 * digest.describe; // "A: value ≥ 1,200 …"
 */
export function computeRun(job: ComputeJob, progress?: (done: number, total: number) => boolean | void): ComputeOutcome & { result: ReturnType<typeof classifyTable> } {
  const result = classifyTable(job.columns, progress ? { ...job.options, progress } : job.options);
  let plan = buildSheetPlan(result, { language: job.language, rowOffset: job.rowOffset, explain: true });
  let loop: LoopApplied | undefined;
  if (job.loop) ({ plan, loop } = applyLoop(result, plan, job.loop));
  const audit = result.classification.audit(job.language);
  return {
    plan,
    result,
    ...(loop ? { loop } : {}),
    digest: {
      reading: result.reading,
      inputRows: result.inputRows,
      describe: result.classification.describe(job.language),
      auditHeadline: audit && audit.lines.length > 0 ? audit.lines[0] : null,
    },
  };
}

/**
 * The compute step in the pane's own thread (tests; the fallback where no worker starts). The
 * engine's progress reaches the listener, and a cancel seen at a progress report stops the fit
 * with {@link CancelledError}.
 *
 * @example
 * const out = await computeInThread(job, { token, onProgress });
 */
export const computeInThread: Computer = async (job, control) => {
  const { token, onProgress } = control;
  try {
    return computeRun(job, (done, total) => {
      onProgress?.({ phase: 'compute', done, total });
      return !token?.cancelled;
    });
  } catch (error) {
    if (token?.cancelled) throw new CancelledError();
    throw error;
  }
};

/** What {@link workerComputer} needs to start a worker (the page's `Worker`, or a test's). */
export type WorkerFactory = () => Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * The compute step in a Web Worker: progress messages reach the listener, Cancel ends the worker
 * at once (rejecting with {@link CancelledError}), and an engine error comes back with its
 * message. When the worker cannot start (no script, no workers) the job runs in this thread.
 *
 * @example
 * startPane(document, { run: Excel.run, compute: workerComputer(() => new Worker("compute.js")) });
 */
export function workerComputer(start: WorkerFactory, fallback: Computer = computeInThread): Computer {
  return (job, control) => {
    let worker: ReturnType<WorkerFactory>;
    try {
      worker = start();
    } catch {
      return fallback(job, control);
    }
    return new Promise((resolve, reject) => {
      let heard = false;
      let settled = false;
      const settle = (then: () => void): void => {
        if (settled) return;
        settled = true;
        worker.terminate();
        then();
      };
      control.token?.onCancel(() => settle(() => reject(new CancelledError())));
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        heard = true;
        const message = event.data;
        if (message.type === 'started') return;
        if (message.type === 'progress') control.onProgress?.({ phase: 'compute', done: message.done, total: message.total });
        else if (message.type === 'done') settle(() => resolve(message.outcome));
        else settle(() => reject(new Error(message.message)));
      });
      worker.addEventListener('error', (event: Event) => {
        // a worker that never answered did not start (its script is missing or refused): compute here
        if (!heard) settle(() => fallback(job, control).then(resolve, reject));
        else settle(() => reject(new Error((event as ErrorEvent).message || 'the compute worker failed')));
      });
      worker.postMessage(job);
    });
  };
}
