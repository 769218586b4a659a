/**
 * What a render is asked to do and what it reports back; shared by the two write strategies.
 */
import type { DateSystem } from '../engine';
import type { SheetPlan } from '../report';
import type { CancelToken, ProgressListener } from './cancel';
import type { RequestPacker } from './packer';
import type { SheetArea, WorkbookState } from './selection';
import type { RecordedRun } from './tracking';

/** What to render and where. */
export interface RenderRequest {
  plan: SheetPlan;
  /** The user's table (header row included). */
  input: SheetArea;
  state: WorkbookState;
  /** True when the columns right of the input are empty (or Tierwise's own). */
  besideFree: boolean;
  /** Base names of the sheets to create (localised). */
  sheetNames: { customers: string; summary: string };
  dateSystem?: DateSystem;
  /** What the run was asked, recorded with the output (for **Refresh output**). */
  run?: RecordedRun;
  token?: CancelToken;
  onProgress?: ProgressListener;
  /** Other sheets the run writes with its output (the loop's Tier History and Playbook). */
  extra?: ExtraWrites;
}

/**
 * Writes that go with a run's output: values that count for nothing until `commit` (sent before the
 * commit request when the output is staged), then the small writes that make them count, queued in
 * the request that commits the output — so they land with it or not at all.
 */
export interface ExtraWrites {
  /** Bytes and cells of everything `stage` and `commit` queue (to choose one request or staging). */
  size: { bytes: number; cells: number };
  /**
   * Queues the values through the packer (`oneRequest`: everything goes in the commit request,
   * so values that would land before a failing operation wait for the commit). `newSheet` adds a hidden sheet under a temporary name
   * that is deleted if the run fails (rename it in `commit`).
   */
  stage(packer: RequestPacker, newSheet: (role: string) => Excel.Worksheet, oneRequest: boolean): Promise<void>;
  /** Queues the writes that make the staged values count; `taken` are the sheet names in use. */
  commit(taken: string[]): void;
  /** Queues the undoing of staged values written outside staging sheets (after a failure). */
  discard(): void;
}

/** Where the output went. */
export interface RenderResult {
  mode: 'beside' | 'sheet';
  customersSheet: string | null;
  summarySheet: string;
  /** Address of the tier columns written beside the input (beside mode). */
  besideAddress: string | null;
  /** Requests sent while rendering. */
  syncs: number;
  /** True when the output went in one request (no staging sheets). */
  oneRequest: boolean;
  /** True when Excel refused a chart and the output was written without charts. */
  chartsLeftOut?: boolean;
}

/** The sheets a run creates: the summary, the customers sheet (sheet mode), the beside staging sheet (staged beside mode). */
export interface NewSheets {
  summary: Excel.Worksheet;
  customers: Excel.Worksheet | null;
  besideStage: Excel.Worksheet | null;
}

/** Room the final request's operations need. */
export const FINISH_BYTES = 100_000;

/**
 * A short random tag for the names of staging sheets and temporary table names.
 * @example stamp() // "k3x9q1"
 */
export function stamp(): string {
  return Math.random().toString(36).slice(2, 8);
}
