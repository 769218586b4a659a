/**
 * Cancelling a run between requests.
 */

/** Raised when the user cancelled; the workbook has been put back as it was. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A flag the pane sets and the adapter checks after every request. */
export class CancelToken {
  private flag = false;
  private listeners: (() => void)[] = [];

  /** True once {@link cancel} was called. */
  get cancelled(): boolean {
    return this.flag;
  }

  /**
   * Asks the run to stop at the next check.
   * @example const token = new CancelToken(); token.cancel(); token.cancelled // true
   */
  cancel(): void {
    if (this.flag) return;
    this.flag = true;
    for (const listener of this.listeners.splice(0)) listener();
  }

  /**
   * Calls `listener` when the run is cancelled (at once when it already is): for work that can be
   * stopped outright rather than at the next check, such as a compute worker.
   * @example token.onCancel(() => worker.terminate())
   */
  onCancel(listener: () => void): void {
    if (this.flag) listener();
    else this.listeners.push(listener);
  }

  /**
   * Throws {@link CancelledError} when cancelled.
   * @example token.check() // throws after token.cancel()
   */
  check(): void {
    if (this.flag) throw new CancelledError();
  }
}

/** Progress of a run: what it is doing and how far it is. */
export interface Progress {
  phase: 'read' | 'compute' | 'write' | 'finish';
  done: number;
  total: number;
}

/** Receives progress reports. */
export type ProgressListener = (progress: Progress) => void;
