/**
 * What the call list reads besides the tiers: the owner (sales rep), the pipeline stage and the
 * last contact of each customer, from optional columns of the user's table found by their headers.
 */
import type { Cell } from '../cells';
import { keyText } from '../cells';
import { coerceDate } from '../coerce';
import type { DateSystem } from '../dates';
import { TierwiseError } from '../errors';
import type { TableResult } from '../table';
import type { CallCandidate } from './call-list';

/** Headers of an owner / sales-rep column (English and Chinese). */
export const OWNER_HEADER = /^(owner|sales ?rep|rep|salesperson|account manager|负责人|销售|业务员|客户经理)$/i;
/** Headers of a pipeline-stage column. */
export const STAGE_HEADER = /^(stage|pipeline stage|deal stage|阶段|商机阶段|销售阶段)$/i;
/** Headers of a last-contact date column. */
export const CONTACT_HEADER = /^(last contact|last contacted|contacted|contact date|最近联系|最后联系|联系日期)$/i;

/** The call list's optional columns: their index in the table's headers (absent when none). */
export interface CallColumns {
  owner?: number;
  stage?: number;
  contact?: number;
}

/**
 * Finds the owner, stage and last-contact columns by their headers.
 *
 * @example
 * callColumns(['Customer', 'Date', 'Amount', 'Sales rep', 'Stage']); // { owner: 3, stage: 4 }
 */
export function callColumns(headers: readonly unknown[]): CallColumns {
  const find = (pattern: RegExp): number | undefined => {
    const i = headers.findIndex((h) => pattern.test(String(h ?? '').trim()));
    return i >= 0 ? i : undefined;
  };
  const out: CallColumns = {};
  const owner = find(OWNER_HEADER);
  const stage = find(STAGE_HEADER);
  const contact = find(CONTACT_HEADER);
  if (owner !== undefined) out.owner = owner;
  if (stage !== undefined) out.stage = stage;
  if (contact !== undefined) out.contact = contact;
  return out;
}

/** The cells of the optional columns, one per input row, with the customer column. */
export interface CallCells {
  customer: ArrayLike<Cell>;
  owner?: readonly Cell[];
  stage?: readonly Cell[];
  contact?: readonly Cell[];
  /** Name of the contact column (for messages). */
  contactHeader?: string;
  /** The sheet or file row of input row r (for messages); default "row r+2". */
  rowName?: (r: number) => string;
  dateSystem?: DateSystem;
}

/**
 * A last-contact cell that is not a date: which column, row and value (for a message in the
 * user's language).
 *
 * @example
 * new ContactDateError("Last contact", 5, "row 7", "soon").message; // 'column "Last contact": row 7: "soon" is not a date'
 */
export class ContactDateError extends TierwiseError {
  constructor(
    readonly column: string,
    /** The input row (0-based, below the header). */
    readonly index: number,
    readonly row: string,
    readonly value: string,
  ) {
    super('column', `column "${column}": ${row}: "${value}" is not a date`);
  }
}

/**
 * The call list's candidates of a classified table: each customer's tier and value, its last
 * purchase (transactions), and — from the optional columns — the owner and stage (the last
 * non-blank cell in row order) and the last contact (the latest date). A contact cell that is not
 * a date is an error naming its row.
 *
 * @example
 * callCandidates(result, { customer: cells.customer, owner: cells.rep })[0]; // { customer: "C1", tier: "A", owner: "Li", … }
 */
export function callCandidates(result: TableResult, cells: CallCells): CallCandidate[] {
  const owner = new Map<string, string>();
  const stage = new Map<string, string>();
  const contact = new Map<string, number>();
  const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());
  const rowName = cells.rowName ?? ((r: number) => `row ${r + 2}`);
  for (let r = 0; r < cells.customer.length; r++) {
    const key = keyText(cells.customer[r]);
    if (key === '') continue;
    const o = text(cells.owner?.[r]);
    if (o !== '') owner.set(key, o);
    const s = text(cells.stage?.[r]);
    if (s !== '') stage.set(key, s);
    const cell = cells.contact?.[r];
    if (text(cell) === '') continue;
    const day = coerceDate(cell as Cell, { dateSystem: cells.dateSystem });
    if (!day.ok) throw new ContactDateError(cells.contactHeader ?? 'last contact', r, rowName(r), text(cell));
    const dn = Math.floor(day.value);
    if (!((contact.get(key) ?? -Infinity) >= dn)) contact.set(key, dn);
  }
  const c = result.classification;
  return c.keys.map((key, i) => ({
    customer: key,
    tier: c.tiers[c.tierIndex[i]]?.key ?? null,
    value: c.value[i],
    lastPurchase: result.customers ? Math.floor(result.customers.last[i]) : null,
    lastContact: contact.get(key) ?? null,
    stage: stage.get(key) ?? null,
    owner: owner.get(key) ?? null,
  }));
}
