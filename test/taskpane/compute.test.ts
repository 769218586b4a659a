/** The pane's compute step in a worker: progress crosses over, Cancel ends the worker, failures fall back or say why. */
import { CancelToken, CancelledError } from '../../src/excel';
import { type ComputeJob, type WorkerFactory, type WorkerMessage, computeRun, workerComputer } from '../../src/taskpane/compute';

/** A transaction log of 300 customers in three groups (enough for the k table k = 2…8). */
function job(method = 'kmeans'): ComputeJob {
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (let c = 0; c < 300; c++) {
    const visits = 1 + (c % 3) * 4;
    for (let v = 0; v < visits; v++) {
      customer.push(`C${c}`);
      date.push(`2024-${String(1 + ((c + v * 3) % 12)).padStart(2, '0')}-${String(1 + (v % 28)).padStart(2, '0')}`);
      amount.push(10 + ((c * 7 + v * 13) % 90) * (1 + (c % 3)));
    }
  }
  return { columns: { customer, date, amount }, options: { method: method as 'kmeans', k: 'auto' }, language: 'en', rowOffset: 1 };
}

/** A stand-in for a Worker running compute-worker.ts: messages arrive asynchronously, none after terminate. */
function fakeWorker(behaviour: 'run' | 'fail-to-load' | 'engine-error'): { factory: WorkerFactory; terminated: () => boolean; posted: () => number } {
  let terminated = false;
  let posted = 0;
  const listeners: Record<string, ((event: unknown) => void)[]> = { message: [], error: [] };
  const deliver = (type: 'message' | 'error', event: unknown): void => {
    setTimeout(() => !terminated && listeners[type].forEach((l) => l(event)), 0);
  };
  const send = (data: WorkerMessage): void => deliver('message', { data });
  const worker = {
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners[type].push(listener),
    terminate: () => void (terminated = true),
    postMessage: (message: ComputeJob) => {
      posted++;
      if (behaviour === 'fail-to-load') return deliver('error', { message: 'compute.js: 404' });
      send({ type: 'started' });
      if (behaviour === 'engine-error') return send({ type: 'error', message: 'no usable rows: all 3 rows were skipped' });
      const { plan, digest } = computeRun(message, (done, total) => send({ type: 'progress', done, total }));
      send({ type: 'done', outcome: { plan, digest } });
    },
  };
  return { factory: () => worker as unknown as ReturnType<WorkerFactory>, terminated: () => terminated, posted: () => posted };
}

describe('the compute step in a worker', () => {
  it('passes the engine progress through and returns the plan and digest', async () => {
    const w = fakeWorker('run');
    const steps: string[] = [];
    const out = await workerComputer(w.factory)(job(), { onProgress: (p) => steps.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(steps).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8'].map((s) => `compute ${s}`));
    expect(out.plan.method).toBe('kmeans');
    expect(out.digest.inputRows).toBe(job().columns.customer.length);
    expect(out.digest.describe).toMatch(/^k = \d on /);
    expect(w.terminated()).toBe(true);
  });

  it('Cancel ends the worker at once and rejects with CancelledError', async () => {
    const w = fakeWorker('run');
    const token = new CancelToken();
    const steps: number[] = [];
    const run = workerComputer(w.factory)(job(), {
      token,
      onProgress: (p) => {
        steps.push(p.done);
        if (p.done === 3) token.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(w.terminated()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toEqual([1, 2, 3]); // nothing arrives after the cancel
  });

  it('computes in this thread when the worker cannot start', async () => {
    const missing = fakeWorker('fail-to-load');
    const out = await workerComputer(missing.factory)(job('abc'), {});
    expect(missing.posted()).toBe(1);
    expect(out.plan.method).toBe('abc');
    const out2 = await workerComputer(() => {
      throw new Error('Worker is not defined');
    })(job('abc'), {});
    expect(out2.plan.tierCounts.map((t) => t.tier)).toEqual(['A', 'B', 'C']);
  });

  it('an engine error in the worker comes back with its message', async () => {
    await expect(workerComputer(fakeWorker('engine-error').factory)(job(), {})).rejects.toThrow('no usable rows: all 3 rows were skipped');
  });
});
