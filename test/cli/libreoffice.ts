/**
 * LibreOffice headless for the tests that open CLI output in a real spreadsheet program
 * (Debian `libreoffice-calc`; `pdftoppm` from `poppler-utils` for renders). Tests print SKIPPED
 * when the programs are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p !== '' ? p : null;
}

/** Path of `soffice`, or null (with a SKIPPED warning naming the package) when it is absent. */
export function soffice(): string | null {
  const p = which('soffice');
  if (!p) console.warn('SKIPPED: LibreOffice (soffice, Debian package libreoffice-calc) is not installed; these assertions did not run.');
  return p;
}

/** Path of `pdftoppm`, or null (with a SKIPPED warning) when it is absent. */
export function pdftoppm(): string | null {
  const p = which('pdftoppm');
  if (!p) console.warn('SKIPPED: pdftoppm (Debian package poppler-utils) is not installed; these assertions did not run.');
  return p;
}

/**
 * Converts a file with LibreOffice headless (its own profile folder, so parallel runs do not
 * collide); returns the converted file's path.
 *
 * @example
 * convert("/usr/bin/soffice", "/tmp/x.csv", "xlsx", "CSV:44,34,76,1,,0,false,true,false,false,false,-1,true");
 */
export function convert(sofficePath: string, file: string, to: string, infilter?: string): string {
  const work = mkdtempSync(join(tmpdir(), 'tierwise-lo-'));
  const args = ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', to, '--outdir', join(work, 'out'), file);
  const r = spawnSync(sofficePath, args, { encoding: 'utf8', timeout: 180_000 });
  const outDir = join(work, 'out');
  const produced = existsSync(outDir) ? readdirSync(outDir) : [];
  if (produced.length === 0) throw new Error(`LibreOffice did not convert ${basename(file)} to ${to}: ${r.stderr || r.stdout}`);
  return join(outDir, produced[0]);
}

/**
 * LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, and "evaluate
 * formulas" on (token 13), so a cell that reads as a formula becomes one.
 */
export const CSV_EVALUATING_FORMULAS = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';
