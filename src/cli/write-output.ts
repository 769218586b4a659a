/** Output files: never the input, never an existing file without --force, never half-written. */
import { closeSync, existsSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors';

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Refuses an output path that is the input, or that exists when `force` is false.
 *
 * @example
 * checkOutputPath("tiers.xlsx", "sales.csv", false); // ok when tiers.xlsx does not exist
 */
export function checkOutputPath(out: string, input: string, force: boolean): void {
  if (samePath(out, input)) throw new CliError(`${out}: that is the input file; tierwise never writes over its input`);
  if (existsSync(out) && !force) throw new CliError(`${out}: already exists (use --force to overwrite it)`);
  if (!existsSync(dirname(resolve(out)))) throw new CliError(`${out}: the folder ${dirname(resolve(out))} does not exist`);
}

/**
 * Writes bytes to a temporary file beside `out` and renames it into place, so a failed run
 * leaves no partial output.
 *
 * @example
 * writeAtomic("tiers.csv", new TextEncoder().encode("a,b\r\n"));
 */
export function writeAtomic(out: string, data: Uint8Array | string): void {
  writeAtomicChunks(out, [data]);
}

/**
 * {@link writeAtomic} for data made piece by piece (text is written as UTF-8): only one piece
 * is in memory at a time.
 *
 * @example
 * writeAtomicChunks("tiers.csv", tableCsvChunks(plan.customers));
 */
export function writeAtomicChunks(out: string, chunks: Iterable<Uint8Array | string>): void {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tierwise-tmp`);
  let fd = -1;
  try {
    fd = openSync(tmp, 'wx');
    for (const data of chunks) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    }
    closeSync(fd);
    fd = -1;
    renameSync(tmp, out);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw new CliError(`${out}: could not write (${(e as Error).message})`);
  }
}

/**
 * Lets `write` produce a file at a temporary path beside `out` (e.g. a streamed workbook), then
 * renames it into place; on failure the temporary file is removed and nothing is left behind.
 *
 * @example
 * await writeAtomicWith("tiers.xlsx", (tmp) => writeXlsx(plan, texts, { filename: tmp }));
 */
export async function writeAtomicWith<T>(out: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tierwise-tmp`);
  try {
    closeSync(openSync(tmp, 'wx'));
    const result = await write(tmp);
    renameSync(tmp, out);
    return result;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw new CliError(`${out}: could not write (${(e as Error).message})`);
  }
}
