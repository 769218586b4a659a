/**
 * A big CSV log is folded block by block (read twice: a survey, then blocks folded into
 * per-customer sums). `tierwise classify` must then print exactly what the in-memory path prints
 * — JSON (customers, sums, tiers, skipped rows with their row numbers and quoted cells, what was
 * read) and the report on stderr — over the reading corpus and over random logs with every kind
 * of row the aggregation treats apart, read in blocks of one to a few rows so each decision is
 * met in a block other than the one it was made from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Run } from './helpers';
import { EXAMPLES, tempDir, writeTemp } from './helpers';
import { main } from '../../src/cli/main';

const DIR = join(__dirname, '..', 'fixtures', 'files');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { args: string[] }>;

type Runner = (...argv: string[]) => Promise<Run>;

/** Blocks handed to a fold by the swapped reader (a run that folded nothing would fail the tests that expect one), and reads of the file that folded. */
let blocksSeen = 0;
let foldReads = 0;

/** The CLI with the streaming reader reading `chunkBytes` at a time and folding blocks of `blockRows`. */
function foldingCli(chunkBytes: number, blockRows: number): Runner {
  let runner: Runner | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/cli/csv-stream-source', () => {
      const actual = jest.requireActual('../../src/cli/csv-stream-source') as typeof import('../../src/cli/csv-stream-source');
      return {
        openCsvStream: (file: string, onProgress: ((d: number, t: number) => void) | undefined, options: { encoding?: string; lenient?: boolean }) => {
          const source = actual.openCsvStream(file, onProgress, { ...options, chunkBytes });
          const readBlocks = source.readBlocks?.bind(source);
          if (readBlocks) {
            source.readBlocks = (indexes, numeric, onBlock, o) => {
              foldReads++;
              return readBlocks(indexes, numeric, (block, offset, soFar) => {
                blocksSeen++;
                onBlock(block, offset, soFar);
              }, { ...o, blockRows });
            };
          }
          return source;
        },
      };
    });
    const run = (jest.requireActual('./helpers') as typeof import('./helpers')).run;
    runner = async (...argv) => {
      process.env.TIERWISE_FOLD_BYTES = '0';
      try {
        return await run(...argv);
      } finally {
        delete process.env.TIERWISE_FOLD_BYTES;
      }
    };
  });
  jest.dontMock('../../src/cli/csv-stream-source');
  return runner as Runner;
}

const { run: inMemory } = jest.requireActual('./helpers') as typeof import('./helpers');

const cases: [string, string[]][] = [
  ...Object.entries(expected).flatMap(([file, e]): [string, string[]][] => {
    const args = ['classify', join(DIR, file), ...e.args, '--format', 'json'];
    return e.args.includes('--method') ? [[file, args]] : [[`${file} abc`, [...args, '--method', 'abc']], [`${file} rfm`, [...args, '--method', 'rfm', '--explain']]];
  }),
  ['transactions.csv rfm', ['classify', join(EXAMPLES, 'transactions.csv'), '--format', 'json']],
  ['transactions.csv --returns drop', ['classify', join(EXAMPLES, 'transactions.csv'), '--returns', 'drop', '--format', 'json']],
  ['transactions.csv pyramid --as-of', ['classify', join(EXAMPLES, 'transactions.csv'), '--method', 'pyramid', '--as-of', '2011-06-01', '--format', 'json']],
  ['transactions-zh.csv rfm', ['classify', join(EXAMPLES, 'transactions-zh.csv'), '--format', 'json']],
  ['transactions.csv csv out', ['classify', join(EXAMPLES, 'transactions.csv'), '--format', 'csv', '--out', '-']],
];

describe('classify: folded block by block = in memory', () => {
  const folding = foldingCli(29, 1);
  it.each(cases)('%s', async (_name, argv) => {
    const want = await inMemory(...argv);
    const got = await folding(...argv);
    expect(got).toEqual(want);
  });

  it('folds the example log (the swap took)', async () => {
    const before = blocksSeen;
    await folding('classify', join(EXAMPLES, 'transactions.csv'), '--format', 'json');
    expect(blocksSeen).toBeGreaterThan(before + 10);
  });
});

/** One row of a random log: every kind of cell the aggregation treats apart. */
const idCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('101', '102', '103', '7', '12', 'A-1', ' A-1', 'b') },
  { weight: 1, arbitrary: fc.constantFrom('', '#N/A', 'Total', '合计', 'Grand Total') },
);
const dateCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('2024-01-05', '2024-02-01', '2024-03-09', '2024-03-09 14:30', '2023-12-31') },
  { weight: 2, arbitrary: fc.constantFrom('03/04/2024', '05/01/2024', '25/03/2024', '12/11/2023') },
  { weight: 1, arbitrary: fc.constantFrom('', 'soon', '2024-13-45') },
);
const amountCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('10', '12.5', '0.99', '-4', '0', '100', '3.125', '-12.50') },
  { weight: 2, arbitrary: fc.constantFrom('1,234.50', '12,50', '1.234', '(35)', '€ 7', '1.234,56') },
  { weight: 1, arbitrary: fc.constantFrom('', 'n/a', '0.000001', '99999.999999') },
);
const invoiceCell = fc.constantFrom('5001', '5002', '5003', 'C5004', 'c5001', '', '5005');
const rowArb = fc.tuple(idCell, dateCell, amountCell, invoiceCell);

function csvOf(rows: [string, string, string, string][], invoice: boolean): string {
  const q = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const head = invoice ? 'Customer,Date,Amount,Invoice' : 'Customer,Date,Amount';
  return [head, ...rows.map((r) => (invoice ? r : r.slice(0, 3)).map(q).join(','))].join('\n') + '\n';
}

describe('classify: random logs folded = in memory', () => {
  const dir = tempDir();
  const folders = [foldingCli(7, 1), foldingCli(64, 3), foldingCli(200, 1 << 20)];
  it('gives the same output for every log, method and option', async () => {
    let n = 0;
    let folded = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom('rfm', 'abc', 'pyramid'),
        fc.constantFrom([], ['--returns', 'drop'], ['--as-of', '2024-03-01'], ['--decimal', ','], ['--date-order', 'dmy']),
        fc.integer({ min: 0, max: 2 }),
        async (rows, invoice, method, options, folder) => {
          const file = writeTemp(dir, `log-${n++}.csv`, csvOf(rows, invoice));
          const argv = ['classify', file, '--method', method, ...options, '--format', 'json', '--customer', 'Customer', '--date', 'Date', '--amount', 'Amount'];
          const want = await inMemory(...argv);
          const before = blocksSeen;
          const got = await folders[folder](...argv);
          if (blocksSeen > before) folded++;
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    // most logs fold (the others have no usable row, or mostly unreadable dates: the in-memory path words that)
    expect(folded).toBeGreaterThan(200);
  });

  it('reads the file once, and again only when its later rows decide the reading otherwise', async () => {
    const head = ['Customer,Date,Amount', '1,03/04/2024,10', '2,05/01/2024,5', '1,12/11/2023,2.5', '3,02/02/2024,4'];
    const cases: [string, string[], number][] = [
      ['iso.csv', ['Customer,Date,Amount', '1,2024-01-02,10', '2,2024-01-03,5', '1,2024-02-01,7'], 1],
      // month first until the last row: day 25 decides day first
      ['late-day.csv', [...head, '2,25/03/2024,3'], 2],
      // a decimal point until the last rows: two decimal commas decide the comma
      ['late-comma.csv', [...head, '2,05/01/2024,"12,50"', '3,05/01/2024,"7,25"'], 2],
    ];
    for (const [name, lines, reads] of cases) {
      const file = writeTemp(dir, name, lines.join('\n') + '\n');
      const argv = ['classify', file, '--format', 'json'];
      const before = foldReads;
      const got = await folders[0](...argv);
      expect([name, foldReads - before]).toEqual([name, reads]);
      expect(got).toEqual(await inMemory(...argv));
    }
  });

  it('starts over when the file is not UTF-8 after its ASCII head', async () => {
    // 300 KB of ASCII rows (more than the 256 KiB head the encoding is first judged on), then
    // windows-1252 bytes: blocks went out before the reader knew
    const ascii = ['Customer,Date,Amount'];
    for (let i = 0; ascii.join('\n').length < 300_000; i++) ascii.push(`${100 + (i % 50)},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${(i % 7) + 0.5}`);
    const latin = Buffer.from('Zoë,2024-02-03,12.5\nRené,2024-02-04,7\n', 'latin1');
    const file = writeTemp(dir, 'late-latin1.csv', '');
    writeFileSync(file, Buffer.concat([Buffer.from(ascii.join('\n') + '\n'), latin]));
    const argv = ['classify', file, '--format', 'json'];
    const before = foldReads;
    const blocks = blocksSeen;
    const got = await foldingCli(65536, 1000)(...argv);
    expect(blocksSeen - blocks).toBeGreaterThan(5);
    // read twice: the first read's blocks were void
    expect(foldReads - before).toBe(2);
    const want = await inMemory(...argv);
    expect(got).toEqual(want);
    expect(got.stdout).toContain('René');
  });

  it('says on the progress line why a big file is read again', async () => {
    // over 8 MiB (progress is shown from there on a terminal) and over a block (about a million
    // rows); month first until the last row
    const lines = ['Customer,Date,Amount'];
    for (let i = 0; i < 1_100_000; i++) lines.push(`${100 + (i % 900)},0${1 + (i % 9)}/0${1 + (i % 7)}/2024,${(i % 50) + 0.5}`);
    lines.push('7,25/03/2024,3');
    const file = writeTemp(dir, 'big-late-day.csv', lines.join('\n') + '\n');
    let stderr = '';
    process.env.TIERWISE_FOLD_BYTES = '0';
    try {
      const code = await main(['classify', file, '--format', 'json', '--quiet'], {
        stdout: { write: () => true },
        stderr: { isTTY: true, write: (c: string | Uint8Array) => (stderr += String(c)) },
      });
      expect(code).toBe(0);
    } finally {
      delete process.env.TIERWISE_FOLD_BYTES;
    }
    expect(stderr).toContain(`reading ${file} again (its later dates are day first)`);
  });

  it('subtotal rows and rescaled money across blocks', async () => {
    // a subtotal (blank customer, the sum of the rows above) in a later block than its rows;
    // more decimals only in the last block
    const rows = ['Customer,Date,Amount', '1,2024-01-02,10', '2,2024-01-03,5', ',2024-01-03,15', '1,2024-01-04,2.5', '3,2024-01-05,0.125', ''];
    const file = writeTemp(dir, 'subtotal.csv', rows.join('\n'));
    const argv = ['classify', file, '--format', 'json'];
    const before = blocksSeen;
    const got = await folders[0](...argv);
    expect(blocksSeen).toBeGreaterThan(before + 3);
    expect(got).toEqual(await inMemory(...argv));
    const doc = JSON.parse(got.stdout) as { input: { totalRows?: number }; customers: { customer: string; monetary: number }[] };
    expect(doc.customers.map((c) => [c.customer, c.monetary])).toEqual([['1', 12.5], ['2', 5], ['3', 0.125]]);
  });
});
