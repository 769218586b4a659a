/**
 * Command-line arguments of `tierwise classify`, parsed and checked (no I/O). Method flags come
 * from the method registry: each method's parameters declare their flag, limits and checks.
 */
import { METHOD_IDS, METHOD_LIST, type MethodId, type ParamValue, ParamError, methodById, parseParamText, resolveParams } from '../engine';
import { CliError } from './errors';
import { READING_BOOLEAN_FLAGS, READING_VALUE_FLAGS, type ReadingFlags, checkAsOf, readingFlags } from './reading-flags';
import { SQL_VALUE_FLAGS, type SqlArgs, runOn, sqlArgs } from './sql-args';

/** Output formats. */
export type OutputFormat = 'json' | 'csv' | 'xlsx';

/** Column flags: a header name, a 1-based index or a column letter. */
export interface ColumnFlags {
  customer?: string;
  date?: string;
  amount?: string;
  invoice?: string;
  quantity?: string;
  price?: string;
  value?: string;
}

/** Everything `classify` was asked to do. */
export interface ClassifyArgs {
  input: string;
  method: MethodId;
  /** The method's parameters given on the command line, by engine name (e.g. `{ aShare: 0.7 }`). */
  params: Record<string, ParamValue>;
  columns: ColumnFlags;
  /** `YYYY-MM-DD` as given. */
  asOf?: string;
  sheet?: string;
  /** Output path, "-" for stdout, or undefined (JSON on stdout). */
  out?: string;
  format: OutputFormat;
  force: boolean;
  returns?: 'net' | 'drop';
  /** CSV output: write text as it is, even text that starts like a formula. */
  rawCsv?: boolean;
  lang: 'en' | 'zh-CN';
  quiet: boolean;
  /** Add the "Why" column (the reason for each tier) to CSV and xlsx output; JSON always has it. */
  explain: boolean;
  /** How to read the input (encoding, decimal mark, date order, lenient quotes, duplicates). */
  reading: ReadingFlags;
  /** Fail (exit 1) when the method's audit finds customers it could not classify (rules: rows no rule matches). */
  strict: boolean;
  /** A previous run's JSON or CSV output: adds Previous tier and Change (management loop). */
  previous?: string;
  /** A playbook CSV: its strategies win in the summary (management loop). */
  playbook?: string;
  /** `--engine duckdb`: aggregate the file in DuckDB. */
  engine?: 'duckdb';
  /** `--db URL --table NAME`: aggregate a table of a PostgreSQL database. */
  db?: { url: string; table: string };
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'classify'; args: ClassifyArgs }
  | { kind: 'sql'; args: SqlArgs }
  | { kind: 'verify'; args: ClassifyArgs; sample: string };

/** Every method parameter flag, with the methods that take it. */
const METHOD_FLAGS = new Map<string, string[]>();
for (const m of METHOD_LIST) for (const p of m.params) METHOD_FLAGS.set(p.flag, [...(METHOD_FLAGS.get(p.flag) ?? []), m.id]);

const VALUE_FLAGS = new Set([
  'method', 'customer', 'date', 'amount', 'invoice', 'quantity', 'price', 'value', 'as-of', 'sheet',
  'out', 'format', 'returns', 'lang', 'previous', 'playbook', ...METHOD_FLAGS.keys(), ...READING_VALUE_FLAGS, ...SQL_VALUE_FLAGS,
]);
const BOOLEAN_FLAGS = new Set(['force', 'help', 'version', 'quiet', 'explain', 'raw-csv', 'strict', ...READING_BOOLEAN_FLAGS]);
const SHORT: Record<string, string> = { o: 'out', m: 'method', f: 'force', h: 'help', v: 'version', q: 'quiet' };

/** A parameter problem as a usage error, its flag names written as flags ("--a-share"). */
function usage(error: ParamError): CliError {
  const flags = [...METHOD_FLAGS.keys()].sort((a, b) => b.length - a.length);
  return new CliError(error.problem.en.replace(new RegExp(`(?<![\\w-])(${flags.join('|')})(?![\\w-])`, 'g'), '--$1'), 2);
}

/**
 * The method's parameters from the flags, checked by the registry (limits and cross-parameter
 * rules); a flag of another method is an error that names the methods taking it.
 */
function methodParams(method: MethodId, flags: Map<string, string>): Record<string, ParamValue> {
  const m = methodById(method);
  const params: Record<string, ParamValue> = {};
  for (const [flag, methods] of METHOD_FLAGS) {
    const text = flags.get(flag);
    if (text === undefined) continue;
    const spec = m.params.find((p) => p.flag === flag);
    if (!spec) throw new CliError(`--${flag} applies to --method ${methods.join(' or ')}, not ${method}`, 2);
    try {
      params[spec.name] = parseParamText(spec, text);
    } catch (e) {
      if (e instanceof ParamError) throw usage(e);
      throw e;
    }
  }
  try {
    resolveParams(m, params);
  } catch (e) {
    if (e instanceof ParamError) throw usage(e);
    throw e;
  }
  return params;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new CliError(`--${flag} must be one of ${allowed.join(', ')}, got "${text}"`, 2);
  }
  return text as T;
}

/**
 * The output format: `--format` when given, else from the `--out` extension, else JSON.
 *
 * @example
 * formatFor(undefined, "tiers.xlsx"); // "xlsx"
 * formatFor(undefined, "-"); // "json"
 */
export function formatFor(format: string | undefined, out: string | undefined): OutputFormat {
  if (format !== undefined) return oneOf('format', format, ['json', 'csv', 'xlsx'] as const);
  if (out === undefined || out === '-') return 'json';
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
  throw new CliError(`cannot tell the output format of "${out}": use a .xlsx, .csv or .json name, or --format`, 2);
}

/**
 * Parses `argv` (without `node` and the script): `classify <input> [flags]`, `--help`, `--version`.
 * Flags take `--flag value` or `--flag=value`.
 *
 * @example
 * parseArgs(["classify", "sales.csv", "--method", "abc", "--out", "t.xlsx"]);
 * // { kind: "classify", args: { input: "sales.csv", method: "abc", out: "t.xlsx", format: "xlsx", … } }
 */
export function parseArgs(argv: readonly string[]): Command {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name = a.startsWith('--') ? a.slice(2) : (SHORT[a.slice(1)] ?? a.slice(1));
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (BOOLEAN_FLAGS.has(name)) {
      if (value !== undefined) throw new CliError(`--${name} takes no value`, 2);
      flags.set(name, 'true');
    } else if (VALUE_FLAGS.has(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new CliError(`--${name} needs a value`, 2);
        value = argv[++i];
      }
      flags.set(name, value);
    } else {
      throw new CliError(`unknown option "${a}" (see tierwise --help)`, 2);
    }
  }
  if (flags.has('help')) return { kind: 'help' };
  if (flags.has('version')) return { kind: 'version' };
  if (positional.length === 0) return { kind: 'help' };
  const [command, input, ...extra] = positional;
  if (command === 'sql') {
    if (input !== undefined) throw new CliError(`unexpected argument "${input}" (sql reads no file: it names a --table)`, 2);
    const method = oneOf('method', (flags.get('method') ?? 'rfm').toLowerCase(), METHOD_IDS);
    return { kind: 'sql', args: sqlArgs(flags, method, methodParams(method, flags)) };
  }
  if (command !== 'classify' && command !== 'verify') throw new CliError(`unknown command "${command}" (the commands are classify, sql, verify, compare, playbook, calls)`, 2);
  if (input !== undefined && flags.has('db')) throw new CliError(`--db reads a database --table, not the file "${input}"`, 2);
  if (input === undefined && !flags.has('db')) throw new CliError(`${command} needs an input file: tierwise ${command} <input.csv|input.xlsx>`, 2);
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
  const get = (k: string): string | undefined => flags.get(k);
  const out = get('out');
  const args: ClassifyArgs = {
    input: input ?? flags.get('table') ?? '',
    method: oneOf('method', (get('method') ?? 'rfm').toLowerCase(), METHOD_IDS),
    params: {},
    columns: {
      customer: get('customer'),
      date: get('date'),
      amount: get('amount'),
      invoice: get('invoice'),
      quantity: get('quantity'),
      price: get('price'),
      value: get('value'),
    },
    out,
    format: formatFor(get('format'), out),
    force: flags.has('force'),
    quiet: flags.has('quiet'),
    explain: flags.has('explain'),
    strict: flags.has('strict'),
    lang: oneOf('lang', get('lang') ?? 'en', ['en', 'zh-CN'] as const),
    sheet: get('sheet'),
    reading: readingFlags(flags),
  };
  const asOf = get('as-of');
  if (asOf !== undefined) args.asOf = checkAsOf(asOf);
  const returns = get('returns');
  if (returns !== undefined) args.returns = oneOf('returns', returns, ['net', 'drop'] as const);
  if (flags.has('raw-csv')) args.rawCsv = true;
  if (flags.has('previous')) args.previous = flags.get('previous');
  if (flags.has('playbook')) args.playbook = flags.get('playbook');
  args.params = methodParams(args.method, flags);
  Object.assign(args, runOn(flags));
  if (command === 'verify') {
    const sample = get('sample');
    if (sample === undefined) throw new CliError('verify needs --sample RESULT.csv: the result to check against the engine', 2);
    return { kind: 'verify', args, sample };
  }
  return { kind: 'classify', args };
}
