/**
 * Transactions → customers block by block, for a log too big to hold: each block of rows is
 * folded into per-customer sums and let go, so memory depends on the customers, not the rows.
 * The result is the one {@link aggregateTransactions} gives for the whole log at once — the same
 * customers, sums, as-of date and skip log (rows listed in the same order) — provided the blocks
 * come in row order, with customer and invoice codes of the whole log's key tables.
 */
import { accumulateRows } from './accumulate';
import { type AggregateOptions, type Customers, type Transactions, cancelledRows, collectCustomers, countInvoices, describeSkips, keyOrder, usedRows } from './aggregate';
import { TierwiseError } from './errors';
import { moneyFacts, moneyScale, profileOf } from './money';
import { MAX_LISTED_ISSUES, addSkip, emptySkipLog, quotedValue } from './skips';

/** What a fold needs to know: the log's keys (which grow as blocks come) and the rules. */
export interface FoldSetup {
  /** The customer keys (codes index them); the array may grow between blocks. */
  customerKeys: readonly string[];
  /** The invoice keys, when there is an invoice column; may grow between blocks. */
  invoiceKeys?: readonly string[];
  /**
   * As-of date and returns policy. Customers without a purchase are not kept: methods that keep
   * them (`keepNoPurchase`: lifecycle, CLV) aggregate in memory.
   */
  options: Pick<AggregateOptions, 'asOf' | 'returns'>;
}

/**
 * Per-customer sums of a transaction log fed block by block.
 *
 * @example
 * const fold = new TransactionFold({ customerKeys: ["a", "b"], options: {} });
 * fold.add(block1, 0); fold.add(block2, block1Rows);
 * fold.finish().frequency; // as aggregateTransactions over both blocks
 */
export class TransactionFold {
  readonly skipped = emptySkipLog();
  private first = new Float64Array(0);
  private last = new Float64Array(0);
  private freq = new Float64Array(0);
  private seen = new Uint8Array(0);
  private money = new Float64Array(0);
  /** Per customer: used rows that are not purchases (returns), and the latest day of one. */
  private otherRows = new Float64Array(0);
  private lastOther = new Float64Array(0);
  /** Customers without a purchase so far → their first used rows (to list them if none comes). */
  private readonly waiting = new Map<number, number[]>();
  private owner: Int32Array | null = null;
  private readonly shared = new Set<number | string>();
  /** Per invoice key, whether it is a cancellation ("C…"); null while none is. */
  private cancelled: boolean[] | null = null;
  private cancelledKeys: boolean[] = [];
  private decimals = 0;
  private bound = 0;
  private rows = 0;
  private maxDay = -Infinity;

  constructor(private readonly setup: FoldSetup) {}

  /** Room for every customer and invoice key so far (the arrays grow by half again when short). */
  private makeRoom(): void {
    const k = this.setup.customerKeys.length;
    if (k > this.first.length) {
      const cap = Math.max(k, Math.ceil(this.first.length * 1.5) + 64);
      const grow = <T extends Float64Array | Uint8Array>(a: T, fill: number): T => {
        const b = new (a.constructor as new (n: number) => T)(cap);
        b.set(a);
        if (fill !== 0) b.fill(fill, a.length);
        return b;
      };
      this.first = grow(this.first, Infinity);
      this.last = grow(this.last, -Infinity);
      this.freq = grow(this.freq, 0);
      this.seen = grow(this.seen, 0);
      this.money = grow(this.money, 0);
      this.otherRows = grow(this.otherRows, 0);
      this.lastOther = grow(this.lastOther, -Infinity);
    }
    const inv = this.setup.invoiceKeys;
    if (!inv) return;
    if (this.owner === null || inv.length > this.owner.length) {
      const owner = new Int32Array(Math.max(inv.length, Math.ceil((this.owner?.length ?? 0) * 1.5) + 64)).fill(-1);
      if (this.owner) owner.set(this.owner);
      this.owner = owner;
    }
    // cancellations: invoice keys starting with "C" (all rows count with --returns all)
    if (this.setup.options.returns === 'all') return;
    for (let v = this.cancelledKeys.length; v < inv.length; v++) {
      const c = /^c/i.test(inv[v]);
      this.cancelledKeys.push(c);
      if (c) this.cancelled = this.cancelledKeys;
    }
  }

  /** Folds the rows of one block; `offset` is the row index of its first row in the whole log. */
  add(tx: Transactions, offset: number): void {
    const n = tx.customer.codes.length;
    if (offset !== this.rows) throw new Error(`internal: block at row ${offset}, expected ${this.rows}`);
    this.rows += n;
    this.makeRoom();
    const policy = this.setup.options.returns ?? 'net';
    const dropReturns = policy === 'drop';
    const asOf = this.setup.options.asOf;
    const { invoice } = tx;
    const cust = tx.customer.codes;
    const amounts = tx.amount.values;
    const days = tx.date.values;
    const mayReject = asOf !== undefined || dropReturns || tx.customer.reasons !== null || tx.date.reasons !== null || tx.amount.reasons !== null;
    const keep = mayReject ? usedRows(tx, { asOf, dropReturns, cancelled: this.cancelled }, this.skipped, this.seen, offset).keep : null;
    // money in units of the decimals seen so far: a block with more rescales what is summed (exact,
    // as every value so far is a whole number of the smaller unit)
    const known = tx.amount.money;
    const facts = keep === null && known ? known : moneyFacts(amounts, keep);
    this.bound += facts.bound;
    if (facts.decimals > this.decimals) {
      const by = moneyScale(facts.decimals) / moneyScale(this.decimals);
      for (let c = 0; c < this.money.length; c++) this.money[c] *= by;
      this.decimals = facts.decimals;
    }
    const net = policy === 'net';
    const cancelledRow = net && this.cancelled && invoice ? cancelledRows(invoice.codes, this.cancelled) : null;
    const rule = { net, cancelledRow, unitScale: moneyScale(this.decimals), countRows: !invoice };
    const sums = { first: this.first, last: this.last, seen: this.seen, money: this.money, freq: this.freq };
    const day = accumulateRows({ cust, days, amounts, keep }, rule, sums);
    if (day > this.maxDay) this.maxDay = day;
    if (invoice && this.owner) countInvoices(cust, invoice.codes, amounts, keep, rule, this.owner, this.shared, 2 ** 31, this.freq);
    if (net) this.noteNoPurchase(cust, days, amounts, keep, cancelledRow, offset);
  }

  /**
   * The used rows that are not purchases (returns, zero amounts, cancellations), per customer:
   * how many, the latest day, and those of customers still without a purchase. A customer left
   * with nothing but such rows is dropped at the end with every one of them.
   */
  private noteNoPurchase(cust: Int32Array, days: Float64Array, amounts: Float64Array, keep: Uint8Array | null, cancelledRow: Uint8Array | null, offset: number): void {
    const { otherRows, lastOther, freq, waiting } = this;
    for (let i = 0; i < cust.length; i++) {
      if ((keep !== null && keep[i] === 0) || (amounts[i] > 0 && !(cancelledRow !== null && cancelledRow[i] === 1))) continue;
      const c = cust[i];
      otherRows[c]++;
      if (days[i] > lastOther[c]) lastOther[c] = days[i];
      if (freq[c] === 0) {
        let rows = waiting.get(c);
        if (rows === undefined) waiting.set(c, (rows = []));
        if (rows.length < MAX_LISTED_ISSUES) rows.push(offset + i);
      }
    }
    for (const c of waiting.keys()) if (freq[c] > 0) waiting.delete(c);
  }

  /**
   * The customer table, as {@link aggregateTransactions} gives it — with the rows of customers
   * who had nothing but returns listed with their customer quoted (their blocks are gone; the
   * in-memory path quotes them from its cells afterwards); throws TierwiseError "empty"
   * when no row was used. Null when money units may pass 2^53 (rare: the caller then aggregates
   * in memory, where BigInt sums take over). `customerNumbers`: the keys as numbers, when the
   * reader knew them (see `KeyColumn.numbers`).
   */
  finish(customerNumbers?: Float64Array): Customers | null {
    const { seen, freq, first, last, skipped } = this;
    this.makeRoom();
    let maxDay = this.maxDay;
    // customers with used rows but no purchase (only returns): skipped, every row logged
    if ((this.setup.options.returns ?? 'net') === 'net') {
      const onlyReturns: number[] = [];
      for (let c = 0; c < seen.length; c++) if (seen[c] === 1 && freq[c] === 0) onlyReturns.push(c);
      if (onlyReturns.length > 0) {
        // listed in row order after the rows skipped before, quoting the customer (its key: the cell's trimmed text)
        const listed = onlyReturns.flatMap((c) => (this.waiting.get(c) ?? []).map((row) => [row, c])).sort((a, b) => a[0] - b[0]);
        const room = Math.max(0, MAX_LISTED_ISSUES - skipped.rows.length);
        for (const [row, c] of listed.slice(0, room)) {
          addSkip(skipped, row, 'customer', 'returns-only');
          const key = this.setup.customerKeys[c];
          if (key !== '') skipped.rows[skipped.rows.length - 1].value = quotedValue(key);
        }
        let rest = -Math.min(room, listed.length);
        for (const c of onlyReturns) rest += this.otherRows[c];
        if (rest > 0) {
          skipped.total += rest;
          skipped.byReason['returns-only'] = (skipped.byReason['returns-only'] ?? 0) + rest;
          skipped.byCause['customer|returns-only'] = (skipped.byCause['customer|returns-only'] ?? 0) + rest;
        }
        for (const c of onlyReturns) seen[c] = 0;
        maxDay = -Infinity;
        for (let c = 0; c < seen.length; c++) {
          if (seen[c] === 0) continue;
          const d = Math.max(last[c], this.lastOther[c]);
          if (d > maxDay) maxDay = d;
        }
      }
    }
    const rowsUsed = this.rows - skipped.total;
    if (rowsUsed === 0) throw new TierwiseError('empty', `no usable transactions: all ${this.rows} rows were skipped (${describeSkips(skipped)})`);
    if (!profileOf(this.decimals, this.bound, this.rows).fitsDouble) return null;
    const asOf = this.setup.options.asOf ?? Math.floor(maxDay) + 1;
    const key = { keys: this.setup.customerKeys as string[], numbers: customerNumbers };
    const order = keyOrder(key.keys, key.numbers);
    const slots = new Int32Array(order.length);
    let m = 0;
    for (let j = 0; j < order.length; j++) if (seen[order[j]] === 1) slots[m++] = order[j];
    const scale = moneyScale(this.decimals);
    const out = collectCustomers(slots.subarray(0, m), key, { freq, money: this.money, first, last, scale }, asOf, rowsUsed, skipped);
    out.moneyDecimals = this.decimals;
    return out;
  }
}
