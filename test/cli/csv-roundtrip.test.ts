/**
 * Property: any customer table written by the CLI's own CSV writer — in any supported encoding,
 * delimiter and decimal mark — reads back through the CLI to the same customers and values.
 * UTF-8 and UTF-16 are read by their BOM; legacy code pages are named with --encoding (how well
 * the detector guesses them is measured on the file corpus, not assumed here).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeCsv, tableCsv } from '../../src/cli/render-csv';
import type { TablePlan } from '../../src/report';
import { run, tempDir } from './helpers';

const ENCODINGS: [string, string, boolean][] = [
  // encoding, characters it can hold beyond ASCII, read by BOM (true) or named with --encoding
  ['utf-8', 'äöüß张伟陳佐藤é', true],
  ['utf-16le', 'äöüß张伟陳佐藤é', true],
  ['utf-16be', 'äöüß张伟陳佐藤é', true],
  ['gb18030', '张王李刘陈杨', false],
  ['big5', '陳林黃張李', false],
  ['shift_jis', '佐藤鈴木高橋', false],
  ['windows-1252', 'äöüßéñç', false],
];
const DELIMITERS = [',', ';', '\t', '|'] as const;

const idChars = (extra: string) => fc.constantFrom(...'ABCXYZ0123456789 -_.,"\''.split(''), ...extra.split(''));

describe('CSV written by the CLI reads back to the same customers', () => {
  const dir = tempDir();
  it('in every encoding, delimiter and decimal mark', async () => {
    const table = fc
      .tuple(fc.constantFrom(...ENCODINGS), fc.constantFrom(...DELIMITERS), fc.constantFrom('.' as const, ',' as const))
      .chain(([enc, delimiter, decimal]) =>
        fc.record({
          enc: fc.constant(enc),
          delimiter: fc.constant(delimiter),
          decimal: fc.constant(decimal),
          rows: fc.uniqueArray(
            fc.record({
              // "K" first: never blank, never a number-looking or total-looking id, never a formula
              id: fc.string({ unit: idChars(enc[1]), minLength: 0, maxLength: 8 }).map((s) => `K${s.trim()}`),
              cents: fc.integer({ min: 1, max: 99_999_999 }),
            }),
            { minLength: 1, maxLength: 25, selector: (r) => r.id },
          ),
        }),
      );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(table, async ({ enc, delimiter, decimal, rows }) => {
        const plan: TablePlan = {
          name: 'Customers',
          rows: rows.length,
          columns: [
            { id: 'customer', header: 'Customer ID', kind: 'text', values: rows.map((r) => r.id) },
            { id: 'value', header: 'Customer Value', kind: 'number', values: rows.map((r) => r.cents / 100) },
          ],
        } as unknown as TablePlan;
        const file = join(dir, `t${n++}.csv`);
        writeFileSync(file, encodeCsv(tableCsv(plan, { delimiter, decimal }), enc[0]));
        const r = await run('classify', file, '--method', 'abc', '--quiet', ...(enc[2] ? [] : ['--encoding', enc[0]]));
        expect(r.stderr).toBe('');
        const doc = JSON.parse(r.stdout) as { input: { delimiter: string }; customers: { customer: string; value: number }[] };
        expect(doc.input.delimiter).toBe(delimiter);
        const got = Object.fromEntries(doc.customers.map((c) => [c.customer, c.value]));
        expect(got).toEqual(Object.fromEntries(rows.map((x) => [x.id, x.cents / 100])));
      }),
      { numRuns: 150, seed: 20261129 },
    );
  }, 60000);
});
