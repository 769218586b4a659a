/** The `--help` text; the methods and their flags come from the method registry. */
import { METHOD_IDS, METHOD_LIST, SQL_DIALECT_IDS, paramText } from '../engine';
import { LOOP_HELP } from './loop-help';

const FLAG_WIDTH = 33;
const WIDTH = 100;

/** Words wrapped to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A flag and its help, the help in a column (on the next line when the flag is too long), wrapped. */
function flagLine(flag: string, help: string, indent = '      '): string {
  const left = `${indent}${flag}`;
  const pad = ' '.repeat(FLAG_WIDTH);
  const body = wrap(help, WIDTH - FLAG_WIDTH);
  const first = left.length >= FLAG_WIDTH - 1 ? `${left}\n${pad}${body[0]}` : `${left.padEnd(FLAG_WIDTH)}${body[0]}`;
  return [first, ...body.slice(1).map((l) => pad + l)].join('\n');
}

function metavar(kind: string, count?: number): string {
  if (kind === 'integer') return 'N';
  if (kind === 'shares') return Array.from({ length: count ?? 1 }, (_, i) => `S${i + 1}`).join(',');
  if (kind === 'choice') return 'NAME';
  if (kind === 'columns') return count === 1 ? 'COL' : 'COLS';
  if (kind === 'date') return 'DATE';
  if (kind === 'named') return 'NAME=V,…';
  if (kind === 'table') return 'FILE';
  return 'X';
}

/** The methods and their parameter flags, one block per method. */
function methodSection(): string {
  const lines: string[] = ['Methods (--method):'];
  for (const m of METHOD_LIST) {
    lines.push(`  ${m.id.padEnd(10)}${m.label.en}${m.needsTransactions ? ' — needs transactions' : ''}`);
    for (const l of wrap(m.description.en, WIDTH - 12)) lines.push(`  ${''.padEnd(10)}${l}`);
    for (const p of m.params) {
      const def = p.kind === 'table' ? 'built-in' : paramText(p, p.default) || 'none';
      lines.push(flagLine(`--${p.flag} ${metavar(p.kind, p.count)}`, `${p.help.en.replace(/ \(default [^)]*\)$/, '')} (default ${def})`));
    }
  }
  return lines.join('\n');
}

/** Usage of the tierwise command. */
export const HELP = `${wrap(`tierwise — classify customers into tiers (${METHOD_LIST.map((m) => m.short.en).join(', ')})`, WIDTH).join('\n  ')}

Usage:
  tierwise classify <input.csv|input.xlsx> [options]
  tierwise compare|playbook|calls … (see Management loop below)
  tierwise classify <input.csv> --engine duckdb [options]     DuckDB reads and aggregates the file
  tierwise classify --db postgres://… --table NAME --customer COL --date COL --amount COL [options]
  tierwise sql --table NAME --customer COL --date COL --amount COL [--invoice COL]
               [--dialect ${SQL_DIALECT_IDS.join('|')}] [--decimals N] [options]
                                 print one SQL statement computing the per-customer result
  tierwise verify <input> --sample RESULT.csv [options]
                                 compare a result exported from any engine with Tierwise's

Input: transactions (customer, date, amount — optionally invoice, or quantity and unit price)
or one row per customer (customer and value; ABC and pyramid). Columns are found from their
headers (English, 中文, Spanish, French, German, Portuguese, Italian, Dutch, Japanese) and
values; the options below override them. COL is a header name, a 1-based column number or a
column letter. Before the summary, stderr says what was read: encoding, delimiter, header row,
decimal mark, date order and the column taken for each role.

Options:
${flagLine(`--method ${METHOD_IDS.join('|')}`, 'classification method (default rfm; see Methods below)', '  -m, ')}
      --customer COL             customer id column
      --date COL                 transaction date column
      --amount COL               amount column (net of returns unless --returns drop)
      --invoice COL              invoice column (frequency = distinct invoices; "C…" = cancelled)
      --quantity COL             quantity column (amount = quantity × price)
      --price COL                unit price column
      --value COL                value column of a one-row-per-customer table
      --as-of YYYY-MM-DD         measure recency to this day; rows on or after it are left out
                                 (default: the day after the last transaction)
      --returns net|drop         net: returns reduce monetary (default); drop: skip rows with
                                 amount ≤ 0 and cancelled ("C…") invoices. Either way frequency,
                                 first and last purchase count purchases only
      --sheet NAME               worksheet to read from an .xlsx (default: the first)
      --encoding NAME            CSV text encoding (default: BOM, else UTF-8 if valid, else
                                 detected: gb18030, big5, shift_jis, windows-1252, macintosh…)
      --decimal ,|.              decimal mark of numbers (default: decided from the values)
      --date-order dmy|mdy|ymd   order of dates such as 05/03/2024 (default: decided from the
                                 values, else assumed from the locale — and said)
      --lenient                  skip (and count) CSV rows with an unbalanced quote instead of
                                 stopping at the line where it starts
      --duplicates sum|error     customer table with a repeated id: sum its rows (default) or stop
  -o, --out FILE                 output: .xlsx (workbook), .csv (customer table), .json;
                                 "-" = stdout
      --strict                   exit 1 when the method leaves customers unclassified
                                 (rules: rows no rule matches); the report says which
      --explain                  add a "Why" column: the reason for each customer's tier
                                 (JSON always has it as "why")
      --format json|csv|xlsx     output format (default: from --out, else JSON on stdout)
      --raw-csv                  CSV output: write text as it is (default: text starting with
                                 = + - @ tab or CR gets a leading ' so it cannot run as a formula)
  -f, --force                    overwrite an existing output file
      --lang en|zh-CN            language of the output headers and labels (default en)
  -q, --quiet                    no summary lines on stderr
      --engine duckdb            aggregate in DuckDB (optional package @duckdb/node-api; ISO dates)
      --db URL --table NAME      aggregate a PostgreSQL table (through psql)
      --dialect NAME             sql: the engine the statement is for (default duckdb)
      --decimals N               sql: decimals money is summed at, 0–9 (default 6)
      --sample FILE              verify: the exported result (customer + tier, r, f, m, …)
  -h, --help                     this help
  -v, --version                  the version

${methodSection()}

${LOOP_HELP}

Examples:
  tierwise classify examples/transactions.csv --out tiers.xlsx
  tierwise classify examples/customers.csv --method abc --out - 
  tierwise classify sales.xlsx --sheet 2024 --method pyramid --out tiers.csv
  tierwise classify online_retail.csv --returns drop --as-of 2011-12-10 --out rfm.xlsx
`;
