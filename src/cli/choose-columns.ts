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
  /** How each chosen column was found: its header, its values, or a flag. */
  how: Partial<Record<Role, 'header' | 'values' | 'flag'>>;
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
  const how: ColumnChoice['how'] = { ...detected.how };
  for (const role of ROLES) {
    const spec = flags[role];
    if (spec === undefined) continue;
    const index = resolveColumn(spec, source.headers, role);
    for (const other of ROLES) if (mapping[other] === index) delete mapping[other];
    mapping[role] = index;
    how[role] = 'flag';
  }
  if (flags.value !== undefined && flags.date === undefined) {
    delete mapping.date;
    delete mapping.amount;
    delete mapping.invoice;
  }
  if (flags.amount !== undefined || (flags.quantity !== undefined && flags.price !== undefined)) delete mapping.value;
  const hasAmount = mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.price !== undefined);
  const name = (role: Role): string => `"${source.headers[mapping[role] as number]}"`;
  const roleless = mapping.date === undefined && mapping.value === undefined && mapping.amount === undefined;
  if (mapping.customer === undefined && detected.customerCandidates && !roleless) {
    const names = detected.customerCandidates.map((i) => `"${source.headers[i]}"`).join(', ');
    throw new CliError(`${source.file}: cannot tell which column holds the customer: ${names} could each be it; name it with --customer, e.g. --customer ${JSON.stringify(source.headers[detected.customerCandidates[0]])}`);
  }
  if (mapping.customer === undefined && !roleless) {
    throw new CliError(`${source.file}: no customer column found (a header such as "Customer ID" or "客户编号"); name it with --customer`);
  }
  if (mapping.date !== undefined) {
    if (!hasAmount) {
      throw new CliError(`${source.file}: no amount column found beside the date column ${name('date')} (a header such as "Amount" or "金额"); name it with --amount`);
    }
    return { mapping, level: 'transactions', how };
  }
  const value = mapping.value ?? mapping.amount;
  if (value === undefined || mapping.customer === undefined) {
    const why = detected.problems.filter((p) => !p.includes('customer')).join('; ') || 'no date or value column found';
    throw new CliError(`${source.file}: ${why}; name the columns with --date and --amount, or --value for one row per customer`);
  }
  const m = methodById(method);
  if (m.needsTransactions) {
    const others = METHOD_LIST.filter((x) => !x.needsTransactions).map((x) => x.id).join(' or ');
    throw new CliError(`${source.file}: ${m.short.en} needs transactions (a date column); this looks like one row per customer (value column ${name(mapping.value !== undefined ? 'value' : 'amount')}) — use --method ${others}, or name the date column with --date`);
  }
  return { mapping: { customer: mapping.customer, value }, level: 'customers', how: { customer: how.customer, value: how.value ?? how.amount } };
}
