/**
 * The Tier History sheet (分层历史): one snapshot per pane run — date, method, options and each
 * customer's tier and value — so the next run of the same method can show who moved. Each
 * snapshot is a block of {@link HISTORY_BLOCK} columns, laid out side by side:
 *
 * - row 1: `#seq`, date (YYYY-MM-DD), method id, number of customers — the block counts only once
 *   this row is written, so a write that failed part-way leaves no half snapshot;
 * - row 2: the run's options as JSON;
 * - row 3: the headers Customer, Tier, Value;
 * - rows 4…: one customer per row.
 *
 * The history is bounded: at most `snapshots` snapshots and `rows` customer rows in all; the
 * oldest snapshots make room for a new one, and the pane says which were dropped.
 */
import type { Bilingual, Cell } from '../engine';
import type { Language } from '../i18n/strings';

/** Columns per snapshot (customer, tier, value and a blank spacer). */
export const HISTORY_BLOCK = 4;
/** Rows above a snapshot's customers. */
export const HISTORY_HEAD_ROWS = 3;
/** Longest options text kept in a cell (Excel holds 32,767 characters a cell). */
const OPTIONS_CHARS = 32_000;

/** How much history is kept. */
export interface HistoryLimits {
  /** Snapshots kept (default 24). */
  snapshots: number;
  /** Customer rows kept over all snapshots (default 500,000). */
  rows: number;
}

/** The default bounds: two years of monthly runs, half a million customer rows. */
export const HISTORY_LIMITS: HistoryLimits = { snapshots: 24, rows: 500_000 };

/** One recorded snapshot, as its first rows tell. */
export interface SnapshotMeta {
  /** Which block: its first column is `block * HISTORY_BLOCK`. */
  block: number;
  seq: number;
  date: string;
  method: string;
  customers: number;
  options: string;
}

/**
 * The snapshots recorded on the sheet, from its first two rows (blocks without a valid first row
 * are not snapshots), oldest first.
 *
 * @example
 * historyMetas([["#1", "2026-01-31", "abc", 2], ["{}"]])[0].method; // "abc"
 */
export function historyMetas(head: readonly (readonly Cell[])[]): SnapshotMeta[] {
  const top = head[0] ?? [];
  const second = head[1] ?? [];
  const out: SnapshotMeta[] = [];
  for (let block = 0; block * HISTORY_BLOCK < top.length; block++) {
    const c = block * HISTORY_BLOCK;
    const seq = /^#(\d+)$/.exec(String(top[c] ?? '').trim());
    const date = String(top[c + 1] ?? '').trim();
    const method = String(top[c + 2] ?? '').trim();
    const customers = Number(top[c + 3]);
    if (!seq || !/^\d{4}-\d{2}-\d{2}$/.test(date) || method === '' || !Number.isInteger(customers) || customers < 0) continue;
    out.push({ block, seq: Number(seq[1]), date, method, customers, options: String(second[c] ?? '') });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/**
 * The last snapshot of a method (highest sequence number), or undefined.
 *
 * @example
 * lastSnapshotOf(metas, 'abc')?.date; // "2026-01-31"
 */
export function lastSnapshotOf(metas: readonly SnapshotMeta[], method: string): SnapshotMeta | undefined {
  let last: SnapshotMeta | undefined;
  for (const m of metas) if (m.method === method && (!last || m.seq > last.seq)) last = m;
  return last;
}

/** Where a new snapshot goes and what makes room for it. */
export interface SnapshotPlan {
  /** False when the snapshot alone is larger than the history holds. */
  record: boolean;
  block: number;
  seq: number;
  /** Snapshots dropped (oldest first) to stay within the bounds. */
  dropped: SnapshotMeta[];
  /** What the pane says about the bounds, when something was dropped or not recorded. */
  message: Bilingual | null;
}

/**
 * Plans the recording of a snapshot of `customers` customers within the bounds: the oldest
 * snapshots are dropped until the new one fits; it goes into the first block no snapshot uses
 * (the dropped ones are emptied with its commit, and free for the next run).
 *
 * @example
 * planSnapshot([], 500).block; // 0
 */
export function planSnapshot(metas: readonly SnapshotMeta[], customers: number, limits: HistoryLimits = HISTORY_LIMITS): SnapshotPlan {
  const seq = metas.reduce((m, x) => Math.max(m, x.seq), 0) + 1;
  if (customers > limits.rows) {
    return {
      record: false,
      block: -1,
      seq,
      dropped: [],
      message: {
        en: `Not recorded in Tier History: ${customers.toLocaleString('en-US')} customers are more than it keeps (${limits.rows.toLocaleString('en-US')} customer rows).`,
        zh: `未记入分层历史：${customers.toLocaleString('en-US')} 位客户超过其上限（${limits.rows.toLocaleString('en-US')} 行客户）。`,
      },
    };
  }
  const kept = [...metas].sort((a, b) => a.seq - b.seq);
  const dropped: SnapshotMeta[] = [];
  const rows = (): number => kept.reduce((n, m) => n + m.customers, 0);
  while (kept.length > 0 && (kept.length + 1 > limits.snapshots || rows() + customers > limits.rows)) dropped.push(kept.shift() as SnapshotMeta);
  // a block free before this run: the dropped ones are emptied only when the new snapshot counts,
  // so a run that fails part-way loses nothing
  const used = new Set(metas.map((m) => m.block));
  let block = 0;
  while (used.has(block)) block++;
  const message: Bilingual | null =
    dropped.length === 0
      ? null
      : {
          en: `Tier History keeps at most ${limits.snapshots} snapshots and ${limits.rows.toLocaleString('en-US')} customer rows: dropped the oldest ${dropped.length} (${dropped.map((d) => `${d.date} ${d.method}`).join(', ')}).`,
          zh: `分层历史最多保留 ${limits.snapshots} 个快照、${limits.rows.toLocaleString('en-US')} 行客户：已删除最早的 ${dropped.length} 个（${dropped.map((d) => `${d.date} ${d.method}`).join('、')}）。`,
        };
  return { record: true, block, seq, dropped, message };
}

/** What a snapshot records. */
export interface SnapshotData {
  seq: number;
  date: string;
  method: string;
  options: Readonly<Record<string, unknown>>;
  customers: readonly string[];
  tiers: readonly (string | null)[];
  values: ArrayLike<number>;
}

/**
 * A snapshot block's rows: the first row (written last), the options row, the header and one row
 * per customer (customers without a tier are left out).
 *
 * @example
 * snapshotRows({ seq: 1, date: '2026-01-31', method: 'abc', options: {}, customers: ['c1'], tiers: ['A'], values: [10] }, 'en').head; // ["#1", "2026-01-31", "abc", 1]
 */
export function snapshotRows(s: SnapshotData, language: Language): { head: (string | number)[]; body: (string | number)[][] } {
  const zh = language === 'zh-CN';
  const data: (string | number)[][] = [];
  for (let i = 0; i < s.customers.length; i++) {
    const t = s.tiers[i];
    if (t === null || t === '') continue;
    const v = s.values[i];
    data.push([s.customers[i], t, Number.isFinite(v) ? v : '', '']);
  }
  let options = JSON.stringify(s.options);
  if (options.length > OPTIONS_CHARS) options = options.slice(0, OPTIONS_CHARS) + '…';
  return {
    head: [`#${s.seq}`, s.date, s.method, data.length],
    body: [[options, '', '', ''], [zh ? '客户' : 'Customer', zh ? '层级' : 'Tier', zh ? '价值' : 'Value', ''], ...data],
  };
}

/**
 * A snapshot's customer → tier and customer → value from its block's cells (rows below the header).
 *
 * @example
 * snapshotTiers([["c1", "A", 10]]).tiers.get("c1"); // "A"
 */
export function snapshotTiers(rows: readonly (readonly Cell[])[]): { tiers: Map<string, string>; values: Map<string, number> } {
  const tiers = new Map<string, string>();
  const values = new Map<string, number>();
  for (const row of rows) {
    const key = row[0] === null || row[0] === undefined ? '' : String(row[0]).trim();
    const tier = row[1] === null || row[1] === undefined ? '' : String(row[1]).trim();
    if (key === '' || tier === '') continue;
    tiers.set(key, tier);
    if (typeof row[2] === 'number' && Number.isFinite(row[2])) values.set(key, row[2]);
  }
  return { tiers, values };
}
