/**
 * A CSV over the in-memory reader's limit (V8's longest string, about 512 MiB) fails with one line
 * that says so and names --engine duckdb, not an internal error. The reader is replaced by one
 * that fails as V8 does, so the test needs no 512 MiB file.
 */
import { run, tempDir, writeTemp } from './helpers';

jest.mock('../../src/cli/csv-source', () => ({
  openCsv: () => {
    throw new Error('Cannot create a string longer than 0x1fffffe8 characters');
  },
}));

it('says the file is too big for the in-memory reader and what to run instead', async () => {
  const file = writeTemp(tempDir(), 'big.csv', 'Customer,Date,Amount\na,2024-01-01,5\n');
  const r = await run('classify', file);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/big\.csv: 36 bytes is more than the in-memory reader holds \(about 512 MiB\); run it with --engine duckdb/);
  expect(r.stderr).not.toMatch(/internal error/);
});
