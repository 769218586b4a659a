/**
 * Packs queued writes into requests: a request is sent when the next write would take it over
 * the payload or cell budget, with calculation suspended while it is applied.
 */
import type { CancelToken } from './cancel';
import { CELL_BUDGET, REQUEST_BUDGET } from './limits';

/** Overhead per queued operation (object path, method name) in bytes. */
export const OP_BYTES = 120;

/** Collects writes and syncs them in budget-sized requests. */
export class RequestPacker {
  private bytes = 0;
  private cells = 0;
  /** Requests sent. */
  syncs = 0;

  /**
   * @param oneRequest queue everything for a single request: never sync (the caller syncs once,
   * and a request over the limit is refused whole, leaving the workbook as it was).
   */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly token?: CancelToken,
    private readonly afterSync?: () => void,
    private readonly oneRequest = false,
  ) {}

  /** Bytes still free in the current request. */
  get room(): number {
    return REQUEST_BUDGET - this.bytes;
  }

  /** Cells still free in the current request. */
  get cellRoom(): number {
    return CELL_BUDGET - this.cells;
  }

  /**
   * Queues a write of known size, sending the current request first if it would not fit.
   * @example await packer.add(1_000, 50, () => { range.values = rows; });
   */
  async add(bytes: number, cells: number, queue: () => void): Promise<void> {
    if (!this.oneRequest && this.bytes > 0 && (this.bytes + bytes + OP_BYTES > REQUEST_BUDGET || this.cells + cells > CELL_BUDGET)) await this.flush();
    if (this.bytes === 0) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    queue();
    this.bytes += bytes + OP_BYTES;
    this.cells += cells;
  }

  /**
   * Sends what is queued (if anything), then checks for cancellation.
   * @example await packer.flush();
   */
  async flush(): Promise<void> {
    if (this.bytes === 0 || this.oneRequest) return;
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.cells = 0;
    this.afterSync?.();
    this.token?.check();
  }
}
