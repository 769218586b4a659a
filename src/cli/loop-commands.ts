/**
 * The management loop's commands: `tierwise compare`, `tierwise playbook`, `tierwise calls`, and
 * what `--previous` / `--playbook` add to `tierwise classify`.
 */
import {
  cellAt,
  plainCells,
  CHANGE_SYMBOL,
  type CallCandidate,
  type Cell,
  callList,
  coerceDate,
  dayNumber,
  defaultPlaybook,
  isMethodId,
  isoDate,
  keyText,
  mergePlaybook,
  methodById,
  migration,
  migrationTable,
  pick,
  topMovers,
} from '../engine';
import { parseArgs } from './args';
import { type CommandIo, classifyInput, openSource } from './classify-command';
import { chooseColumns } from './choose-columns';
import { resolveColumn } from './column-spec';
import { CliError } from './errors';
import { runPlaybookRows } from './loop-classify';
import { playbookCsv, readPlaybook, readSnapshot } from './loop-read';
import { READING_BOOLEAN_FLAGS } from './reading-flags';
import { csvField } from './render-csv';
import { checkOutputPath, writeAtomic } from './write-output';
import { compareSheets, playbookSheet, writeTablesXlsx } from './loop-xlsx';
import { callListTable } from '../report';
import { t } from '../i18n/strings';

/** Rows a sheet holds (TIERWISE_MAX_SHEET_ROWS lets tests split small workbooks). */
function maxSheetRows(): number {
  const n = Number(process.env.TIERWISE_MAX_SHEET_ROWS);
  return Number.isInteger(n) && n >= 2 && n <= 1_048_576 ? n : 1_048_576;
}

/** The loop's commands. */
export const LOOP_COMMANDS = ['compare', 'playbook', 'calls'] as const;

/** Flags of classify that take no value (everything else passed on takes one). */
const PASSED_BOOLEANS = new Set<string>(['explain', 'raw-csv', 'help', 'h', 'version', 'v', ...READING_BOOLEAN_FLAGS]);

interface Flags {
  positional: string[];
  values: Map<string, string>;
  /** Flags not known here, passed on to the classify parser (calls). */
  rest: string[];
}

function splitFlags(argv: readonly string[], valueFlags: readonly string[], booleanFlags: readonly string[], passOn: boolean): Flags {
  const out: Flags = { positional: [], values: new Map(), rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) {
      out.positional.push(a);
      continue;
    }
    let name = a.replace(/^--?/, '');
    if (a === '-f') name = 'force';
    if (a === '-q') name = 'quiet';
    if (a === '-o') name = 'out';
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (booleanFlags.includes(name)) {
      if (value !== undefined) throw new CliError(`--${name} takes no value`, 2);
      out.values.set(name, 'true');
    } else if (valueFlags.includes(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new CliError(`--${name} needs a value`, 2);
        value = argv[++i];
      }
      out.values.set(name, value);
    } else if (passOn) {
      out.rest.push(a);
      // a following value belongs to the passed-on flag
      if (value === undefined && !PASSED_BOOLEANS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('-')) out.rest.push(argv[++i]);
    } else throw new CliError(`unknown option "${a}" (see tierwise --help)`, 2);
  }
  return out;
}

function lang(flags: Flags): 'en' | 'zh-CN' {
  const l = flags.values.get('lang') ?? 'en';
  if (l !== 'en' && l !== 'zh-CN') throw new CliError(`--lang must be one of en, zh-CN, got "${l}"`, 2);
  return l;
}

function format(flags: Flags, out: string | undefined): 'json' | 'csv' | 'xlsx' {
  const f = flags.values.get('format') ?? (out && /\.csv$/i.test(out) ? 'csv' : out && /\.xlsx$/i.test(out) ? 'xlsx' : out && out !== '-' && !/\.json$/i.test(out) ? '' : 'json');
  if (f !== 'json' && f !== 'csv' && f !== 'xlsx') throw new CliError(f === '' ? `cannot tell the output format of "${out}": use a .csv, .json or .xlsx name, or --format` : `--format must be json, csv or xlsx, got "${f}"`, 2);
  if (f === 'xlsx' && (out === undefined || out === '-')) throw new CliError('--format xlsx writes a workbook: give the file with --out FILE.xlsx', 2);
  return f;
}

function emit(io: CommandIo, out: string | undefined, data: string): void {
  if (out !== undefined && out !== '-') writeAtomic(out, data);
  else io.stdout.write(data);
}

function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n';
}

/**
 * `tierwise compare before after`: the migration matrix and each customer's change.
 *
 * @example
 * await runCompare(["before.json", "after.json", "--format", "csv"], io); // 0
 */
export async function runCompare(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = splitFlags(argv, ['out', 'format', 'lang', 'top'], ['force', 'quiet'], false);
  const [beforeFile, afterFile, ...extra] = flags.positional;
  if (beforeFile === undefined || afterFile === undefined) throw new CliError('compare needs two files: tierwise compare before.json after.json', 2);
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
  const out = flags.values.get('out');
  const fmt = format(flags, out);
  const language = lang(flags);
  const top = Number(flags.values.get('top') ?? 10);
  if (!Number.isInteger(top) || top < 0) throw new CliError(`--top must be a whole number ≥ 0, got "${flags.values.get('top')}"`, 2);
  if (out !== undefined && out !== '-') {
    checkOutputPath(out, beforeFile, flags.values.has('force'));
    checkOutputPath(out, afterFile, true);
  }
  const before = await readSnapshot(beforeFile);
  const after = await readSnapshot(afterFile);
  if (before.method && after.method && before.method !== after.method) {
    throw new CliError(`${afterFile}: method ${after.method} differs from ${beforeFile}'s method ${before.method}; compare two runs of the same method`);
  }
  const m = migration(before.tiers, after.tiers, after.tierOrder.length > 0 ? after.tierOrder : before.tierOrder, { current: after.values, previous: before.values });
  const sym = (c: keyof typeof CHANGE_SYMBOL): string => CHANGE_SYMBOL[c];
  let data: string;
  if (fmt === 'xlsx') {
    await writeTablesXlsx(out as string, compareSheets(m, top, language, maxSheetRows()));
    data = '';
  } else if (fmt === 'json') {
    const n = m.tiers.length;
    const doc = {
      previous: beforeFile,
      current: afterFile,
      method: after.method ?? before.method ?? null,
      tiers: m.tiers,
      matrix: { rows: [...m.tiers, 'new'], columns: [...m.tiers, 'gone'], counts: m.counts, values: m.values.map((r) => r.map((v) => Math.round(v * 1e6) / 1e6)) },
      previousCounts: m.previousCounts,
      currentCounts: m.currentCounts,
      newCount: m.counts[n].reduce((s, x) => s + x, 0),
      totals: m.totals,
      valueTotals: m.valueTotals,
      topMovers: topMovers(m, top).map((c) => ({ ...c, change: sym(c.change) })),
      customers: m.customers.map((c) => ({ customer: c.customer, previous: c.previous, current: c.current, change: sym(c.change), value: c.value })),
    };
    data = JSON.stringify(doc, null, 1) + '\n';
  } else {
    const zh = language === 'zh-CN';
    const head = zh ? ['客户', '之前层级', '当前层级', '变化', '价值'] : ['Customer', 'Previous tier', 'Current tier', 'Change', 'Value'];
    data =
      '\uFEFF' +
      csvLines(migrationTable(m, language)) +
      '\r\n' +
      csvLines([head, ...m.customers.map((c) => [c.customer, c.previous, c.current, sym(c.change), c.value])]);
  }
  if (fmt !== 'xlsx') emit(io, out, data);
  if (!flags.values.has('quiet')) {
    const t = m.totals;
    io.stderr.write(`tierwise: compare: ${t.up} up, ${t.down} down, ${t.same} same, ${t.new} new, ${t.gone} gone${out && out !== '-' ? `\ntierwise: wrote ${out}` : ''}\n`);
  }
  return 0;
}

/**
 * `tierwise playbook --method M [--out FILE.csv|FILE.xlsx]`: the default playbook to start editing from.
 *
 * @example
 * await runPlaybook(["--method", "abc", "--out", "playbook.xlsx"], io); // 0
 */
export async function runPlaybook(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = splitFlags(argv, ['method', 'out', 'playbook'], ['force', 'quiet'], false);
  if (flags.positional.length > 0) throw new CliError(`unexpected argument "${flags.positional[0]}"`, 2);
  const method = (flags.values.get('method') ?? 'rfm').toLowerCase();
  if (!isMethodId(method)) throw new CliError(`--method must be one of the registered methods, got "${method}"`, 2);
  const out = flags.values.get('out');
  if (out !== undefined && out !== '-') {
    if (!/\.(csv|xlsx)$/i.test(out)) throw new CliError(`${out}: the playbook is written as .csv or .xlsx`, 2);
    checkOutputPath(out, flags.values.get('playbook') ?? '', flags.values.has('force'));
  }
  const base = defaultPlaybook(method);
  // with --playbook: merge the user's file (their text wins), e.g. to add rows for new tiers
  const rows = flags.values.has('playbook') ? mergePlaybook(await readPlaybook(flags.values.get('playbook') as string), base) : base;
  if (out !== undefined && /\.xlsx$/i.test(out)) await writeTablesXlsx(out, [playbookSheet(rows)]);
  else emit(io, out, playbookCsv(rows));
  if (!flags.values.has('quiet') && out !== undefined && out !== '-') io.stderr.write(`tierwise: wrote ${out} (${rows.length} tiers)\n`);
  return 0;
}

function dayOf(text: string): number {
  const [y, mo, d] = text.split('-').map(Number);
  const day = dayNumber(y, mo, d);
  if (!Number.isFinite(day) || isoDate(day) !== text) throw new CliError(`--date: "${text}" is not a calendar date`, 2);
  return day;
}

const OWNER_HEADER = /^(owner|sales ?rep|rep|salesperson|account manager|负责人|销售|业务员|客户经理)$/i;
const STAGE_HEADER = /^(stage|pipeline stage|deal stage|阶段|商机阶段|销售阶段)$/i;
const CONTACT_HEADER = /^(last contact|last contacted|contacted|contact date|最近联系|最后联系|联系日期)$/i;

function optionalColumn(headers: readonly string[], flag: string, given: string | undefined, pattern: RegExp): number | undefined {
  if (given !== undefined) return resolveColumn(given, headers, flag);
  const i = headers.findIndex((h) => pattern.test(h.trim()));
  return i >= 0 ? i : undefined;
}

/**
 * `tierwise calls input --date YYYY-MM-DD [--per-rep 20] [--owner COL] [--stage COL] [--contact COL]
 * [--playbook FILE.csv] [--out calls.csv]` plus any classify flags (method, columns, as-of).
 *
 * @example
 * await runCalls(["sales.csv", "--method", "abc", "--date", "2024-12-31", "--out", "calls.csv"], io); // 0
 */
export async function runCalls(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = splitFlags(argv, ['date', 'per-rep', 'owner', 'stage', 'contact', 'playbook', 'out', 'format', 'lang'], ['force', 'quiet'], true);
  const [input, ...extra] = flags.positional;
  if (input === undefined) throw new CliError('calls needs an input file: tierwise calls <input.csv|input.xlsx> --date YYYY-MM-DD', 2);
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
  const given = flags.values.get('date');
  if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new CliError(`--date must be a date as YYYY-MM-DD, got "${given}"`, 2);
  // the list for a date sees the data up to and including that day: as-of = the day after (unless --as-of is given)
  const rest = given !== undefined && !flags.rest.some((a) => a === '--as-of' || a.startsWith('--as-of=')) ? [...flags.rest, '--as-of', isoDate(dayOf(given) + 1)] : flags.rest;
  const command = parseArgs(['classify', input, ...rest]);
  if (command.kind !== 'classify') throw new CliError('calls: unexpected --help/--version; see tierwise --help', 2);
  const args = command.args;
  const language = lang(flags);
  const out = flags.values.get('out');
  const fmt = format(flags, out);
  const perRep = Number(flags.values.get('per-rep') ?? 20);
  if (!Number.isInteger(perRep) || perRep < 1) throw new CliError(`--per-rep must be a whole number ≥ 1, got "${flags.values.get('per-rep')}"`, 2);
  const dateText = given ?? (args.asOf !== undefined ? isoDate(dayOf(args.asOf) - 1) : new Date().toISOString().slice(0, 10));
  const today = dayOf(dateText);
  if (out !== undefined && out !== '-') checkOutputPath(out, input, flags.values.has('force'));
  const source = await openSource(args, io);
  const { result } = classifyInput(source, args);
  const c = result.classification;
  // owner, stage and last contact per customer: the last non-blank cell in row order (contact: the latest date)
  const mapping = chooseColumns(source, args.columns, args.method).mapping;
  const ownerCol = optionalColumn(source.headers, 'owner', flags.values.get('owner'), OWNER_HEADER);
  const stageCol = optionalColumn(source.headers, 'stage', flags.values.get('stage'), STAGE_HEADER);
  const contactCol = optionalColumn(source.headers, 'contact', flags.values.get('contact'), CONTACT_HEADER);
  const wanted = [mapping.customer as number, ownerCol, stageCol, contactCol].filter((x): x is number => x !== undefined);
  const { columns } = source.load([...new Set(wanted)]);
  const cust = plainCells(columns.get(mapping.customer as number) ?? []);
  const at = (col: number, r: number): Cell => { const c = columns.get(col); return c === undefined ? undefined : cellAt(c, r); };
  const owner = new Map<string, string>();
  const stage = new Map<string, string>();
  const contact = new Map<string, number>();
  const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());
  for (let r = 0; r < cust.length; r++) {
    const key = keyText(cust[r]);
    if (key === '') continue;
    if (ownerCol !== undefined) {
      const v = text(at(ownerCol, r));
      if (v !== '') owner.set(key, v);
    }
    if (stageCol !== undefined) {
      const v = text(at(stageCol, r));
      if (v !== '') stage.set(key, v);
    }
    if (contactCol !== undefined) {
      const cell = at(contactCol, r);
      if (text(cell) === '') continue;
      const day = coerceDate(cell, { dateSystem: source.dateSystem });
      if (!day.ok) throw new CliError(`${source.file}: column "${source.headers[contactCol]}": row ${source.rowNumber(r)}: "${text(cell)}" is not a date`);
      const dn = Math.floor(day.value);
      if (!(contact.get(key)! >= dn)) contact.set(key, dn);
    }
  }
  const candidates: CallCandidate[] = c.keys.map((key, i) => ({
    customer: key,
    tier: c.tiers[c.tierIndex[i]]?.key ?? null,
    value: c.value[i],
    lastPurchase: result.customers ? Math.floor(result.customers.last[i]) : null,
    lastContact: contact.get(key) ?? null,
    stage: stage.get(key) ?? null,
    owner: owner.get(key) ?? null,
  }));
  const playbook = await runPlaybookRows(result, flags.values.get('playbook'));
  const list = callList(candidates, c.tiers, playbook, { date: today, perRep });
  const zh = language === 'zh-CN';
  let data = '';
  if (fmt === 'xlsx') {
    const table = callListTable(list, playbook, language);
    const colorRules = c.tiers.map((tier) => ({ tier: tier.key, fill: tier.color, fontColor: tier.textColor }));
    await writeTablesXlsx(out as string, [{ name: t(language, 'sheet.calls', { date: dateText }), frozenHeader: true, blocks: [{ table, tierColumn: 'tier', colorRules }] }]);
  } else if (fmt === 'json') {
    data = JSON.stringify({ date: dateText, method: c.method, perRep, calls: list.map((e) => ({ ...e, since: e.since === null ? null : isoDate(e.since), action: pick(e.action, language), reason: pick(e.reason, language) })) }, null, 1) + '\n';
  } else {
    const head = zh
      ? ['负责人', '序号', '客户', '层级', '阶段', '最近联系/购买', '依据', '距今天数', '周期（天）', '逾期天数', '行动', '原因']
      : ['Owner', 'Rank', 'Customer', 'Tier', 'Stage', 'Last contact/purchase', 'Based on', 'Days since', 'Cadence (days)', 'Days overdue', 'Action', 'Reason'];
    const basis = (b: string): string => (zh ? { contact: '联系', purchase: '购买', none: '无' }[b] ?? b : b);
    data = '\uFEFF' + csvLines([head, ...list.map((e) => [e.owner, e.rank, e.customer, e.tier, e.stage, e.since === null ? null : isoDate(e.since), basis(e.basis), e.daysSince, e.cadenceDays, e.daysOverdue, pick(e.action, language), pick(e.reason, language)])]);
  }
  if (fmt !== 'xlsx') emit(io, out, data);
  if (!flags.values.has('quiet')) {
    const owners = new Set(list.map((e) => e.owner)).size;
    io.stderr.write(`tierwise: calls for ${dateText}: ${list.length} customers due${owners > 1 ? ` across ${owners} owners` : ''} (${methodById(c.method).id}, at most ${perRep} per owner)${out && out !== '-' ? `\ntierwise: wrote ${out}` : ''}\n`);
  }
  return 0;
}
