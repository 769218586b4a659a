/**
 * A big CSV log is folded block by block (read twice: a survey, then blocks folded into
 * per-customer sums). `tierwise classify` must then print exactly what the in-memory path prints
 * — JSON (customers, sums, tiers, skipped rows with their row numbers and quoted cells, what was
 * read) and the report on stderr — over the reading corpus and over random logs with every kind
 * of row the aggregation treats apart, read in blocks of one to a few rows so each decision is
 * met in a block other than the one it was made from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Run } from './helpers';
import { EXAMPLES, tempDir, writeTemp } from './helpers';

const DIR = join(__dirname, '..', 'fixtures', 'files');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { args: string[] }>;

type Runner = (...argv: string[]) => Promise<Run>;

/** Blocks handed to a fold by the swapped reader (a run that folded nothing would fail the tests that expect one). */
let blocksSeen = 0;

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
            source.readBlocks = (indexes, numeric, onBlock, o) =>
              readBlocks(indexes, numeric, onBlock && ((block, offset) => {
                blocksSeen++;
                onBlock(block, offset);
              }), { ...o, blockRows });
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
