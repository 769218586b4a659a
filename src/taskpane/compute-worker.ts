/**
 * The compute worker's entry (bundled as `compute.js`): runs one job — engine → sheet plan, with
 * the management loop's playbook and previous snapshot applied — and
 * posts `started`, the engine's progress, then the outcome or the error's message. The pane ends
 * the worker to cancel, so nothing here checks for cancellation.
 */
import { type ComputeJob, type WorkerMessage, computeRun } from './compute';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ComputeJob>) => void) | null; postMessage(message: WorkerMessage): void };

scope.onmessage = (event) => {
  scope.postMessage({ type: 'started' });
  try {
    const { plan, digest, loop } = computeRun(event.data, (done, total) => scope.postMessage({ type: 'progress', done, total }));
    scope.postMessage({ type: 'done', outcome: { plan, digest, ...(loop ? { loop } : {}) } });
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
