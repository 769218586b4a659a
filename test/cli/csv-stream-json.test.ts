/**
 * `tierwise classify` gives the same JSON, messages and exit code whether the CSV is read in
 * chunks (the product path) or whole into one string (the reader it replaced), over the reading
 * corpus with the arguments each case is run with, for several methods and reading options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from './helpers';
import { EXAMPLES } from './helpers';

const DIR = join(__dirname, '..', 'fixtures', 'files');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { args: string[] }>;

type Runner = (...argv: string[]) => Promise<Run>;

/** Files each swapped reader opened (so a swap that did not take would fail the test). */
const opened = { whole: 0, 'tiny-chunks': 0 };

/** The CLI with the CSV reader swapped: the whole-file one, or the streaming one with tiny chunks. */
function cliWith(reader: 'whole' | 'tiny-chunks'): Runner {
  let runner: Runner | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/cli/csv-stream-source', () => {
      const actual = jest.requireActual('../../src/cli/csv-stream-source') as typeof import('../../src/cli/csv-stream-source');
      const whole = jest.requireActual('../../src/cli/csv-source') as typeof import('../../src/cli/csv-source');
      return {
        openCsvStream: (file: string, onProgress: ((d: number, t: number) => void) | undefined, options: { encoding?: string; lenient?: boolean }) => {
          opened[reader]++;
          return reader === 'whole' ? whole.openCsv(file, onProgress, options) : actual.openCsvStream(file, onProgress, { ...options, chunkBytes: 13 });
        },
      };
    });
    runner = (jest.requireActual('./helpers') as typeof import('./helpers')).run;
  });
  jest.dontMock('../../src/cli/csv-stream-source');
  return runner as Runner;
}

const cases: [string, string[]][] = [
  ...Object.entries(expected).flatMap(([file, e]): [string, string[]][] => {
    const args = ['classify', join(DIR, file), ...e.args];
    return e.args.includes('--method') ? [[file, args]] : [[`${file} abc`, [...args, '--method', 'abc']], [`${file} rfm`, [...args, '--method', 'rfm', '--explain']]];
  }),
  ['examples/transactions.csv rfm --returns drop', ['classify', join(EXAMPLES, 'transactions.csv'), '--returns', 'drop']],
  ['examples/transactions.csv lifecycle', ['classify', join(EXAMPLES, 'transactions.csv'), '--method', 'lifecycle']],
  ['examples/transactions.csv pyramid --as-of', ['classify', join(EXAMPLES, 'transactions.csv'), '--method', 'pyramid', '--as-of', '2011-06-01']],
  ['examples/transactions-zh.csv rfm', ['classify', join(EXAMPLES, 'transactions-zh.csv')]],
  ['examples/customers.csv abc', ['classify', join(EXAMPLES, 'customers.csv'), '--method', 'abc']],
  ['examples/transactions.csv csv out', ['classify', join(EXAMPLES, 'transactions.csv'), '--format', 'csv', '--out', '-']],
];

describe('classify: streamed CSV = whole-file CSV', () => {
  const whole = cliWith('whole');
  const tiny = cliWith('tiny-chunks');
  it.each(cases)('%s', async (_name, argv) => {
    const before = { ...opened };
    const want = await whole(...argv);
    const got = await tiny(...argv);
    expect(opened.whole).toBe(before.whole + 1);
    expect(opened['tiny-chunks']).toBe(before['tiny-chunks'] + 1);
    const { run } = jest.requireActual('./helpers') as typeof import('./helpers');
    const product = await run(...argv);
    expect(got).toEqual(want);
    expect(product).toEqual(want);
    expect(want.stdout.length + want.stderr.length).toBeGreaterThan(0);
  });
});
