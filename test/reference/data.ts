/** Locates the reference data in ../shared/data; tests skip loudly when it is absent. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, type CsvColumns } from '../../src/cli/csv-read';

/** Folder of the shared reference data (../shared/data beside the repository). */
export const DATA_DIR = join(__dirname, '..', '..', '..', 'shared', 'data');

/** Reads a reference CSV, or returns undefined (with a warning naming the file) when it is absent. */
export function readReferenceCsv(relative: string): CsvColumns | undefined {
  const path = join(DATA_DIR, relative);
  if (!existsSync(path)) {
    console.warn(`SKIPPED: reference data ${path} is not present (CI has ../shared/data); these assertions did not run.`);
    return undefined;
  }
  return parseCsv(readFileSync(path, 'utf8'));
}
