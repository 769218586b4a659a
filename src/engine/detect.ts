/**
 * Column detection: which column holds the customer, the date, the amount… from the headers
 * (English, 简体/繁體中文, Spanish, French, German, Portuguese, Italian, Dutch, Japanese) and,
 * where headers say nothing, from the values: ids repeat, invoices nest inside customers,
 * amounts are numbers, dates parse. An ambiguous customer column is reported, never guessed.
 */
import { type Cell, isBlank, keyText } from './cells';
import { coerceDate, parseNumberText } from './coerce';
import { multilingualRole } from './header-words';

/** Every role a column can play, in the order the adapters list them. */
export const ROLES = ['customer', 'date', 'amount', 'invoice', 'quantity', 'price', 'value'] as const;

/** A role a column can play. */
export type Role = (typeof ROLES)[number];

/** Column index per role. */
export type ColumnMapping = Partial<Record<Role, number>>;

/** What {@link detectColumns} found. */
export interface Detection {
  mapping: ColumnMapping;
  /** "transactions" (customer, date, amount), "customers" (customer, value), or null when unusable. */
  level: 'transactions' | 'customers' | null;
  /** Why the table is not usable as it is (empty when level is set). */
  problems: string[];
  /** How each role's column was found: its header, or its values. */
  how: Partial<Record<Role, 'header' | 'values'>>;
  /** When the values leave several columns that could be the customer: their indexes. */
  customerCandidates?: number[];
}

const HEADER_PATTERNS: [Role, RegExp][] = [
  ['invoice', /^(invoice|order|receipt|transaction|bill|txn)[\s_-]*(no\.?|num(ber)?|id|code|#)?$|^(单号|订单号|订单编号|发票号|交易编号|交易单号|流水号|单据号)$/i],
  ['customer', /^(customer|client|cust|buyer|member|account|shopper|user)[\s_-]*(id|no\.?|num(ber)?|code|key|name)?$|^(客户|客户编号|客户id|客户号|客户名称|客户代码|会员|会员编号|会员id|顾客|顾客编号|用户id|用户编号)$/i],
  ['date', /^(invoice|order|transaction|purchase|txn|sale|sales)?[\s_-]*(date|time|datetime|timestamp|day)$|^(日期|交易日期|下单日期|订单日期|购买日期|下单时间|交易时间|时间)$/i],
  ['quantity', /^(quantity|qty|units|count)$|^(数量|件数|购买数量)$/i],
  ['price', /^(unit[\s_-]*price|price|unitcost)$|^(单价|价格)$/i],
  ['amount', /^(amount|revenue|sales|sale|total|spend|spent|payment|net[\s_-]*sales|sales[\s_-]*amount|order[\s_-]*(value|total|amount)|line[\s_-]*total)$|^(金额|销售额|交易金额|消费金额|订单金额|实付金额|收入|营业额|总价|总金额)$/i],
  ['value', /^(value|customer[\s_-]*value|clv|ltv|lifetime[\s_-]*value|monetary|total[\s_-]*(sales|revenue|spend)|annual[\s_-]*(sales|revenue))$|^(价值|客户价值|累计金额|累计消费|年销售额|总消费)$/i],
];

/**
 * The role a header names, or undefined.
 *
 * @example
 * headerRole("Customer ID"); // "customer"
 * headerRole("交易日期"); // "date"
 */
export function headerRole(header: string): Role | undefined {
  const h = header.trim().replace(/\s+/g, ' ');
  return HEADER_PATTERNS.find(([, re]) => re.test(h))?.[0] ?? multilingualRole(h);
}

interface ColumnProfile {
  filled: number;
  numbers: number;
  decimals: number;
  dateText: number;
  serialLike: number;
  distinct: number;
}

/** A number read with either decimal mark (for detection only). */
function numberEither(text: string): number {
  const v = parseNumberText(text);
  return v === v ? v : parseNumberText(text, ',');
}

/** "number", "date", "text" or "blank": what kind of value a cell is, for the header-row test. */
function cellKind(cell: Cell): 'number' | 'date' | 'text' | 'blank' {
  if (isBlank(cell)) return 'blank';
  if (typeof cell === 'number') return 'number';
  if (cell instanceof Date) return 'date';
  const t = String(cell).trim();
  if (coerceDate(t).ok && !/^\d+(\.\d+)?$/.test(t)) return 'date';
  return Number.isNaN(numberEither(t)) ? 'text' : 'number';
}

/**
 * True when a table's first row looks like data rather than headers: no cell names a role, some
 * cell is a date or a number, and no column has text on top of numbers or dates below it (that
 * text is a header). `below` is the column-major sample of the rows under it.
 *
 * @example
 * looksHeaderless(["INV-1", "C-17", "05/03/2024", "46,80"]); // true
 * looksHeaderless(["Factura", "Cliente", "Fecha", "Importe"]); // false
 * looksHeaderless(["ref", "12.5"], [[1, 2], [3.5, 4]]); // false: "ref" is text above numbers, a header
 */
export function looksHeaderless(first: readonly string[], below: readonly (readonly Cell[])[] = []): boolean {
  if (first.some((h) => headerRole(h) !== undefined)) return false;
  const kinds = first.map((h) => cellKind(h));
  if (!kinds.some((k) => k === 'number' || k === 'date')) return false;
  return kinds.every((k, i) => {
    if (k !== 'text') return true;
    const cells = (below[i] ?? []).map(cellKind).filter((c) => c !== 'blank');
    const typed = cells.filter((c) => c === 'number' || c === 'date').length;
    return cells.length === 0 || typed < 0.8 * cells.length;
  });
}

/** True when every value of column x goes with one value of column y (x nests inside y). */
function nestsIn(x: readonly Cell[], y: readonly Cell[]): boolean {
  const partner = new Map<string, string>();
  for (let i = 0; i < x.length; i++) {
    const a = keyText(x[i]);
    const b = keyText(y[i]);
    if (a === '' || b === '') continue;
    const p = partner.get(a);
    if (p === undefined) partner.set(a, b);
    else if (p !== b) return false;
  }
  return partner.size > 0;
}

function profile(cells: readonly Cell[]): ColumnProfile {
  const p: ColumnProfile = { filled: 0, numbers: 0, decimals: 0, dateText: 0, serialLike: 0, distinct: 0 };
  const seen = new Set<string>();
  for (const c of cells) {
    if (isBlank(c)) continue;
    p.filled++;
    seen.add(String(c));
    const num = typeof c === 'number' ? c : typeof c === 'string' ? numberEither(c) : NaN;
    if (c instanceof Date || (typeof c === 'string' && !/^\d+(\.\d+)?$/.test(c.trim()) && coerceDate(c).ok)) {
      p.dateText++;
    } else if (!Number.isNaN(num)) {
      p.numbers++;
      if (!Number.isInteger(num)) p.decimals++;
      if (Number.isInteger(num) && num >= 20000 && num <= 60000) p.serialLike++;
    }
  }
  p.distinct = seen.size;
  return p;
}

/**
 * Detects the column roles of a table from its headers and a sample of its values
 * (column-major: one array of cells per column).
 *
 * @example
 * detectColumns(["Invoice", "Customer ID", "Date", "Amount"], sample).mapping;
 * // { invoice: 0, customer: 1, date: 2, amount: 3 }
 */
export function detectColumns(headers: readonly string[], sample: readonly (readonly Cell[])[]): Detection {
  const mapping: ColumnMapping = {};
  const how: Detection['how'] = {};
  const taken = new Set<number>();
  headers.forEach((h, i) => {
    const role = headerRole(String(h ?? ''));
    if (role && mapping[role] === undefined) {
      mapping[role] = i;
      how[role] = 'header';
      taken.add(i);
    }
  });
  // what the values say, worked out only when a role is left to them (headers usually name them all)
  let known: ColumnProfile[] | undefined;
  const profiles = (): ColumnProfile[] => (known ??= headers.map((_, i) => profile(sample[i] ?? [])));
  const free = (pred: (p: ColumnProfile, i: number) => boolean): number | undefined => {
    const i = profiles().findIndex((p, k) => !taken.has(k) && p.filled > 0 && pred(p, k));
    if (i >= 0) taken.add(i);
    return i >= 0 ? i : undefined;
  };
  if (mapping.date === undefined) {
    mapping.date = free((p) => p.dateText >= 0.8 * p.filled);
    if (mapping.date !== undefined) how.date = 'values';
  }
  if (mapping.amount === undefined && mapping.value === undefined && !(mapping.quantity !== undefined && mapping.price !== undefined)) {
    const pick = free((p) => p.numbers >= 0.8 * p.filled && p.decimals > 0);
    if (pick !== undefined) {
      if (mapping.date !== undefined) mapping.amount = pick;
      else mapping.value = pick;
      how[mapping.date !== undefined ? 'amount' : 'value'] = 'values';
    }
  }
  let customerCandidates: number[] | undefined;
  if (mapping.customer === undefined) {
    const pick = customerFromValues(profiles(), sample, taken, mapping.date !== undefined);
    if (pick.length === 1) {
      mapping.customer = pick[0];
      how.customer = 'values';
      taken.add(pick[0]);
      // with the customer found by its values, a key column that nests inside it is its invoice
      if (mapping.invoice === undefined && mapping.date !== undefined) {
        const c = pick[0];
        const all = profiles();
        const nested = all
          .map((p, i) => ({ p, i }))
          .filter(({ p, i }) => !taken.has(i) && p.decimals === 0 && p.dateText === 0 && p.distinct > all[c].distinct && nestsIn(sample[i] ?? [], sample[c] ?? []))
          .map(({ i }) => i);
        if (nested.length === 1) {
          mapping.invoice = nested[0];
          how.invoice = 'values';
          taken.add(nested[0]);
        }
      }
    } else if (pick.length > 1) customerCandidates = pick;
  }
  // a "value"-like header in a transaction table is its amount, an "amount" in a customer table its value
  if (mapping.date !== undefined && mapping.amount === undefined && mapping.value !== undefined) {
    mapping.amount = mapping.value;
    how.amount = how.value;
    delete mapping.value;
    delete how.value;
  }
  if (mapping.date === undefined && mapping.value === undefined && mapping.amount !== undefined) {
    mapping.value = mapping.amount;
    how.value = how.amount;
    delete mapping.amount;
    delete how.amount;
  }
  const problems: string[] = [];
  const hasAmount = mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.price !== undefined);
  let level: Detection['level'] = null;
  if (customerCandidates) {
    const names = customerCandidates.map((i) => `"${headers[i]}"`).join(', ');
    problems.push(`the customer column is ambiguous: ${names} could each be it`);
  } else if (mapping.customer === undefined) problems.push('no customer column found (a header such as "Customer ID" or "客户编号")');
  if (mapping.date !== undefined) {
    if (!hasAmount) problems.push('no amount column found (a header such as "Amount", "Sales" or "金额")');
    else if (mapping.customer !== undefined) level = 'transactions';
  } else if (mapping.value !== undefined) {
    if (mapping.customer !== undefined) level = 'customers';
  } else {
    problems.push('no date or value column found (a header such as "Date" / "交易日期" or "Value" / "价值")');
  }
  const out: Detection = { mapping, level, problems, how };
  if (customerCandidates) out.customerCandidates = customerCandidates;
  return out;
}

/**
 * The columns the values say could hold the customer: keys (text or whole numbers, not dates, not
 * amounts) with more than one value that repeat in a transaction log; a column nesting inside
 * another candidate (an invoice inside its customer) is dropped when nothing nests inside it.
 */
function customerFromValues(profiles: ColumnProfile[], sample: readonly (readonly Cell[])[], taken: Set<number>, transactions: boolean): number[] {
  let cands = profiles
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => !taken.has(i) && p.filled > 0 && (p.distinct > 1 || p.filled === 1) && p.dateText < 0.5 * p.filled && p.decimals === 0)
    .map(({ i }) => i);
  if (transactions) {
    const repeating = cands.filter((i) => profiles[i].distinct < profiles[i].filled);
    if (repeating.length > 0) cands = repeating;
  }
  if (cands.length < 2) return cands;
  const col = (i: number): readonly Cell[] => sample[i] ?? [];
  const nested = (x: number, y: number): boolean => profiles[x].distinct > profiles[y].distinct && nestsIn(col(x), col(y));
  const finest = cands.filter((x) => cands.some((y) => y !== x && nested(x, y)) && !cands.some((y) => y !== x && nested(y, x)));
  const rest = cands.filter((i) => !finest.includes(i));
  return rest.length > 0 ? rest : cands;
}
