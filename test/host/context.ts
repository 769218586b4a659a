/**
 * The request context: proxies queue operations; `sync()` sends them as one request, applies them
 * to the model in order, and returns loaded properties — counting syncs and bytes, and refusing a
 * request or response over Excel on the web's 5 MB payload limit or 5 million cells.
 */
import { HostError, notLoaded } from './errors';
import type { WorkbookModel } from './model';

/** Excel on the web's payload limit per request and per response, in bytes. */
export const PAYLOAD_LIMIT = 5_000_000;
/** Most cells one request may read or write. */
export const CELL_LIMIT = 5_000_000;

/** Figures for one sync. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  cells: number;
  operations: number;
  calculationSuspended: boolean;
}

/** Counters shared by every context of a host. */
export interface HostStats {
  syncs: number;
  bytesSent: number;
  bytesReceived: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  records: SyncRecord[];
}

/**
 * Fresh counters.
 * @example const stats = emptyStats(); stats.syncs // 0
 */
export function emptyStats(): HostStats {
  return { syncs: 0, bytesSent: 0, bytesReceived: 0, maxRequestBytes: 0, maxResponseBytes: 0, records: [] };
}

/** What running an operation gives back: loaded data and how to hand it to the proxy. */
export interface OpResult {
  data: unknown;
  apply: () => void;
}

interface Op {
  desc: unknown;
  cells: number;
  run: () => OpResult | void;
  /** "Class.member" of the call, reported as `debugInfo.errorLocation` when it fails (as Office.js does). */
  where?: string;
}

/** Length in bytes of a value as JSON (UTF-8). */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** The request context of one `Excel.run`. */
export class HostContext {
  private queue: Op[] = [];
  private objects = 0;
  private suspended = false;
  /** Hook the tests use to act between syncs (e.g. press Cancel); runs after each sync. */
  afterSync?: (stats: HostStats) => void;
  /** Makes an operation fail when it runs, as Excel's failures do: the ones before it stay done. */
  failOp?: (desc: unknown) => boolean;

  constructor(
    readonly model: WorkbookModel,
    readonly stats: HostStats,
  ) {}

  /** A new object id for a proxy. */
  nextObjectId(): number {
    return ++this.objects;
  }

  /** Queues an operation; it runs against the model at the next sync. */
  enqueue(desc: unknown, run: () => OpResult | void, cells = 0, where?: string): void {
    this.queue.push({ desc, run, cells, where });
  }

  /** Marks the current request as run with calculation suspended. */
  suspendCalculation(): void {
    this.suspended = true;
    this.enqueue({ m: 'suspendApiCalculationUntilNextSync' }, () => undefined);
  }

  /** True when operations are waiting for a sync. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Sends the queued operations as one request. */
  async sync(): Promise<void> {
    const ops = this.queue;
    const suspended = this.suspended;
    this.queue = [];
    this.suspended = false;
    const requestBytes = jsonBytes(ops.map((o) => o.desc));
    const cells = ops.reduce((n, o) => n + o.cells, 0);
    this.stats.syncs++;
    this.stats.bytesSent += requestBytes;
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
    const record: SyncRecord = { requestBytes, responseBytes: 0, cells, operations: ops.length, calculationSuspended: suspended };
    this.stats.records.push(record);
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new HostError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    if (cells > CELL_LIMIT) {
      throw new HostError('RequestPayloadSizeLimitExceeded', `The request touches ${cells} cells, over the limit of ${CELL_LIMIT}.`);
    }
    const results: OpResult[] = [];
    for (const op of ops) {
      if (this.failOp?.(op.desc)) throw new HostError('GeneralException', 'An internal error has occurred.', op.where);
      let r: OpResult | void;
      try {
        r = op.run();
      } catch (error) {
        // Office.js names the failing call in debugInfo.errorLocation ("Excel JavaScript API error handling", learn.microsoft.com)
        if (error instanceof HostError && !error.debugInfo.errorLocation && op.where) error.debugInfo.errorLocation = op.where;
        throw error;
      }
      if (r) results.push(r);
    }
    const responseBytes = jsonBytes(results.map((r) => r.data));
    record.responseBytes = responseBytes;
    this.stats.bytesReceived += responseBytes;
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, responseBytes);
    if (responseBytes > PAYLOAD_LIMIT) {
      // an answer too large to return has its own code (CoreErrorCodes.responsePayloadSizeLimitExceeded
      // in @microsoft/office-js dist/excel-web-16.00.debug.js; "Excel JavaScript API error codes" on
      // learn.microsoft.com); the request code is only for a request too large to send
      throw new HostError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    for (const r of results) r.apply();
    this.afterSync?.(this.stats);
  }
}

/** Names in a `load()` argument ("a, b", ["a"], { select: "a" }). */
export function loadNames(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadNames(s));
  if (typeof spec === 'object' && spec !== null && 'select' in spec) return loadNames((spec as { select: unknown }).select);
  return [];
}

/** Base of every proxy: load, loaded-property reads that throw before sync, queued calls. */
export abstract class ClientProxy {
  readonly objectId: number;
  private readonly props = new Map<string, unknown>();

  constructor(readonly context: HostContext) {
    this.objectId = context.nextObjectId();
  }

  /** Properties loaded when `load()` is called without names. */
  protected abstract defaultProps(): string[];
  /** The current value of a property in the model (runs at sync time). */
  protected abstract readProp(name: string): unknown;

  /** Queues loading of properties, like Office.js `load`. */
  load(spec?: unknown): this {
    const names = loadNames(spec);
    const wanted = names.length > 0 ? names : this.defaultProps();
    const cells = wanted.includes('values') || wanted.includes('numberFormat') ? this.cellsCovered() : 0;
    this.context.enqueue({ o: this.objectId, load: wanted }, () => {
      const data: Record<string, unknown> = {};
      for (const n of wanted) data[n] = this.readProp(n);
      return { data, apply: () => this.setLoaded(data) };
    }, cells);
    return this;
  }

  /** Cells covered by this proxy (ranges override). */
  protected cellsCovered(): number {
    return 0;
  }

  /** Stores loaded values (and nulls for a null object). */
  protected setLoaded(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.props.set(k, v);
  }

  /** A loaded property, or Office's PropertyNotLoaded error. */
  protected loaded<T>(name: string): T {
    if (!this.props.has(name)) throw notLoaded(name);
    return this.props.get(name) as T;
  }

  /** Queues a call or a property write. */
  protected call(method: string, args: unknown[], run: () => void, cells = 0): void {
    this.context.enqueue({ o: this.objectId, m: method, a: args }, run, cells, `${this.constructor.name.replace(/Proxy$/, '')}.${method}`);
  }

  /** Plain object of the loaded properties, like Office.js `toJSON`. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.props);
  }
}

/** A proxy that may stand for nothing (`…OrNullObject`): `isNullObject` is known after a sync. */
export abstract class NullableProxy<T> extends ClientProxy {
  constructor(
    context: HostContext,
    protected readonly find: () => T | undefined,
    nullable: boolean,
  ) {
    super(context);
    if (nullable) {
      context.enqueue({ o: this.objectId, load: ['isNullObject'] }, () => {
        const data = { isNullObject: this.find() === undefined };
        return { data, apply: () => this.setLoaded(data) };
      });
    }
  }

  /** True when the object does not exist (read after a sync). */
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }

  /** The model object, or ItemNotFound. */
  protected target(): T {
    const t = this.find();
    if (t === undefined) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    return t;
  }

  protected override readProp(name: string): unknown {
    const t = this.find();
    return t === undefined ? null : this.readFrom(t, name);
  }

  /** The value of a property of an existing model object. */
  protected abstract readFrom(target: T, name: string): unknown;
}

/**
 * Base of collection proxies whose `items` are loaded: `load()` snapshots the items as plain data
 * at sync time, the items exist after the sync, and reading `items` before throws like Office.
 */
export abstract class LoadedCollectionProxy<T> extends ClientProxy {
  private loadedItems?: T[];
  protected defaultProps(): string[] {
    return ['items'];
  }
  protected readProp(): unknown {
    return null;
  }
  /** The load operation sent for the requested names (default: `items`). */
  protected loadOp(wanted: string[]): string[] {
    void wanted;
    return ['items'];
  }
  /** At sync time: the items as plain data (what travels back) and how to make the items from it. */
  protected abstract snapshot(wanted: string[]): { data: unknown[]; items: () => T[] };
  override load(spec?: unknown): this {
    const wanted = loadNames(spec).map((n) => n.replace(/^items\//, ''));
    this.context.enqueue({ o: this.objectId, load: this.loadOp(wanted) }, () => {
      const { data, items } = this.snapshot(wanted);
      return { data, apply: () => (this.loadedItems = items()) };
    });
    return this;
  }
  /** The loaded items. */
  get items(): T[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}
