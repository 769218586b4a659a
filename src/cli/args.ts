/** Command-line arguments of `tierwise classify`, parsed and checked (no I/O). */
import { CliError } from './errors';
import { READING_BOOLEAN_FLAGS, READING_VALUE_FLAGS, type ReadingFlags, checkAsOf, readingFlags } from './reading-flags';

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
  method: 'rfm' | 'abc' | 'pyramid';
  columns: ColumnFlags;
  /** `YYYY-MM-DD` as given. */
  asOf?: string;
  bins?: number;
  sheet?: string;
  /** Output path, "-" for stdout, or undefined (JSON on stdout). */
  out?: string;
  format: OutputFormat;
  force: boolean;
  returns?: 'net' | 'drop';
  aShare?: number;
  bShare?: number;
  pyramidCuts?: number[];
  lang: 'en' | 'zh-CN';
  quiet: boolean;
  /** How to read the input (encoding, decimal mark, date order, lenient quotes, duplicates). */
  reading: ReadingFlags;
}

/** What the command line asks for. */
export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'classify'; args: ClassifyArgs };

const VALUE_FLAGS = new Set([
  'method', 'customer', 'date', 'amount', 'invoice', 'quantity', 'price', 'value', 'as-of', 'bins', 'sheet',
  'out', 'format', 'returns', 'a-share', 'b-share', 'pyramid-cuts', 'lang', ...READING_VALUE_FLAGS,
]);
const BOOLEAN_FLAGS = new Set(['force', 'help', 'version', 'quiet', ...READING_BOOLEAN_FLAGS]);
const SHORT: Record<string, string> = { o: 'out', m: 'method', f: 'force', h: 'help', v: 'version', q: 'quiet' };

function share(flag: string, text: string): number {
  const v = Number(text);
  if (!(v > 0 && v < 1)) throw new CliError(`--${flag} must be a number between 0 and 1, got "${text}"`, 2);
  return v;
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
  if (command !== 'classify') throw new CliError(`unknown command "${command}" (the command is "classify")`, 2);
  if (input === undefined) throw new CliError('classify needs an input file: tierwise classify <input.csv|input.xlsx>', 2);
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
  const get = (k: string): string | undefined => flags.get(k);
  const out = get('out');
  const args: ClassifyArgs = {
    input,
    method: oneOf('method', (get('method') ?? 'rfm').toLowerCase(), ['rfm', 'abc', 'pyramid'] as const),
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
    lang: oneOf('lang', get('lang') ?? 'en', ['en', 'zh-CN'] as const),
    sheet: get('sheet'),
    reading: readingFlags(flags),
  };
  const asOf = get('as-of');
  if (asOf !== undefined) args.asOf = checkAsOf(asOf);
  const bins = get('bins');
  if (bins !== undefined) {
    const b = Number(bins);
    if (!Number.isInteger(b) || b < 2 || b > 10) throw new CliError(`--bins must be a whole number from 2 to 10, got "${bins}"`, 2);
    args.bins = b;
  }
  const returns = get('returns');
  if (returns !== undefined) args.returns = oneOf('returns', returns, ['net', 'drop'] as const);
  const a = get('a-share');
  if (a !== undefined) args.aShare = share('a-share', a);
  const b = get('b-share');
  if (b !== undefined) args.bShare = share('b-share', b);
  if ((args.aShare ?? 0.8) >= (args.bShare ?? 0.95)) {
    throw new CliError(`--a-share (${args.aShare ?? 0.8}) must be less than --b-share (${args.bShare ?? 0.95})`, 2);
  }
  const cuts = get('pyramid-cuts');
  if (cuts !== undefined) {
    const parts = cuts.split(',').map((s) => s.trim());
    const values = parts.map((s) => share('pyramid-cuts', s));
    if (values.length !== 3) throw new CliError(`--pyramid-cuts takes 3 shares (Platinum, Gold, Iron), e.g. 0.01,0.2,0.5; got "${cuts}"`, 2);
    if (values.some((v, i) => i > 0 && v <= values[i - 1])) throw new CliError(`--pyramid-cuts must be ascending, got "${cuts}"`, 2);
    args.pyramidCuts = values;
  }
  return { kind: 'classify', args };
}
