/** Which input column plays which role: detection from headers and values, then the user's flags. */
import { type ColumnMapping, ROLES, type Role, detectColumns, METHOD_LIST, methodById } from '../engine';
import type { ColumnFlags } from './args';
import { resolveColumn } from './column-spec';
import { CliError } from './errors';
import type { TableSource } from './table-source';

/** The chosen columns and the kind of table. */
export interface ColumnChoice {
  mapping: ColumnMapping;
  level: 'transactions' | 'customers';
}

/**
 * Detects the columns of a source and applies `--customer`, `--date`, … overrides. `--value`
 * without `--date` means one row per customer. Throws one CliError line when the roles needed
 * are missing.
 *
 * @example
 * chooseColumns(source, { amount: "Net" }, "rfm");
 * // { mapping: { customer: 1, date: 2, amount: 4, invoice: 0 }, level: "transactions" }
 */
export function chooseColumns(source: TableSource, flags: ColumnFlags, method: string): ColumnChoice {
  const detected = detectColumns(source.headers, source.sample);
  const mapping: ColumnMapping = { ...detected.mapping };
  for (const role of ROLES) {
    const spec = flags[role];
    if (spec === undefined) continue;
    const index = resolveColumn(spec, source.headers, role);
    for (const other of ROLES) if (mapping[other] === index) delete mapping[other];
    mapping[role] = index;
  }
  if (flags.value !== undefined && flags.date === undefined) {
    delete mapping.date;
    delete mapping.amount;
    delete mapping.invoice;
  }
  if (flags.amount !== undefined || (flags.quantity !== undefined && flags.price !== undefined)) delete mapping.value;
  const hasAmount = mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.price !== undefined);
  const name = (role: Role): string => `"${source.headers[mapping[role] as number]}"`;
  if (mapping.customer === undefined) {
    throw new CliError(`${source.file}: no customer column found (a header such as "Customer ID" or "客户编号"); name it with --customer`);
  }
  if (mapping.date !== undefined) {
    if (!hasAmount) {
      throw new CliError(`${source.file}: no amount column found beside the date column ${name('date')} (a header such as "Amount" or "金额"); name it with --amount`);
    }
    return { mapping, level: 'transactions' };
  }
  const value = mapping.value ?? mapping.amount;
  if (value === undefined) {
    const why = detected.problems.length ? detected.problems.join('; ') : 'no date or value column found';
    throw new CliError(`${source.file}: ${why}; name the columns with --date and --amount, or --value for one row per customer`);
  }
  const m = methodById(method);
  if (m.needsTransactions) {
    const others = METHOD_LIST.filter((x) => !x.needsTransactions).map((x) => x.id).join(' or ');
    throw new CliError(`${source.file}: ${m.short.en} needs transactions (a date column); this looks like one row per customer (value column ${name(mapping.value !== undefined ? 'value' : 'amount')}) — use --method ${others}, or name the date column with --date`);
  }
  return { mapping: { customer: mapping.customer, value }, level: 'customers' };
}
