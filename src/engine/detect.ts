/**
 * Column detection: which column holds the customer, the date, the amount… from the headers
 * (English and Chinese) and, where headers say nothing, from the values.
 */
import { type Cell, isBlank } from './cells';
import { coerceDate, parseNumberText } from './coerce';

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
  return HEADER_PATTERNS.find(([, re]) => re.test(h))?.[0];
}

interface ColumnProfile {
  filled: number;
  numbers: number;
  decimals: number;
  dateText: number;
  serialLike: number;
  distinct: number;
}

function profile(cells: readonly Cell[]): ColumnProfile {
  const p: ColumnProfile = { filled: 0, numbers: 0, decimals: 0, dateText: 0, serialLike: 0, distinct: 0 };
  const seen = new Set<string>();
  for (const c of cells) {
    if (isBlank(c)) continue;
    p.filled++;
    seen.add(String(c));
    const num = typeof c === 'number' ? c : typeof c === 'string' ? parseNumberText(c) : NaN;
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
  const taken = new Set<number>();
  headers.forEach((h, i) => {
    const role = headerRole(String(h ?? ''));
    if (role && mapping[role] === undefined) {
      mapping[role] = i;
      taken.add(i);
    }
  });
  const profiles = headers.map((_, i) => profile(sample[i] ?? []));
  const free = (pred: (p: ColumnProfile, i: number) => boolean): number | undefined => {
    const i = profiles.findIndex((p, k) => !taken.has(k) && p.filled > 0 && pred(p, k));
    if (i >= 0) taken.add(i);
    return i >= 0 ? i : undefined;
  };
  if (mapping.date === undefined) mapping.date = free((p) => p.dateText >= 0.8 * p.filled);
  if (mapping.amount === undefined && mapping.value === undefined && !(mapping.quantity !== undefined && mapping.price !== undefined)) {
    const pick = free((p) => p.numbers >= 0.8 * p.filled && p.decimals > 0);
    if (pick !== undefined) {
      if (mapping.date !== undefined) mapping.amount = pick;
      else mapping.value = pick;
    }
  }
  if (mapping.customer === undefined) mapping.customer = free((p) => p.numbers < p.filled || p.distinct < p.filled);
  // a "value"-like header in a transaction table is its amount, an "amount" in a customer table its value
  if (mapping.date !== undefined && mapping.amount === undefined && mapping.value !== undefined) {
    mapping.amount = mapping.value;
    delete mapping.value;
  }
  if (mapping.date === undefined && mapping.value === undefined && mapping.amount !== undefined) {
    mapping.value = mapping.amount;
    delete mapping.amount;
  }
  const problems: string[] = [];
  const hasAmount = mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.price !== undefined);
  let level: Detection['level'] = null;
  if (mapping.customer === undefined) problems.push('no customer column found (a header such as "Customer ID" or "客户编号")');
  if (mapping.date !== undefined) {
    if (!hasAmount) problems.push('no amount column found (a header such as "Amount", "Sales" or "金额")');
    else if (mapping.customer !== undefined) level = 'transactions';
  } else if (mapping.value !== undefined) {
    if (mapping.customer !== undefined) level = 'customers';
  } else {
    problems.push('no date or value column found (a header such as "Date" / "交易日期" or "Value" / "价值")');
  }
  return { mapping, level, problems };
}
