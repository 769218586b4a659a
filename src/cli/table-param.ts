/**
 * Table parameters (`kind: 'table'`, e.g. `--rules rules.csv`): the flag names a .csv or .xlsx
 * file; its first sheet (or the CSV) is read into CSV text for the engine, and checked there so a
 * bad table is refused with the file's name before the input is read.
 */
import { extname } from 'node:path';
import { ParamError, type ParamValue, cellAt, cellText, gridToCsv, methodById, resolveParams } from '../engine';
import type { ClassifyArgs } from './args';
import { openCsv } from './csv-source';
import { CliError } from './errors';
import type { TableSource } from './table-source';
import { openXlsx } from './xlsx-source';

async function openTable(file: string, flag: string): Promise<TableSource> {
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.xlsx' || ext === '.xlsm') return await openXlsx(file);
    if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return openCsv(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`--${flag} ${file}: cannot read it (${(e as Error).message})`, 2);
  }
  throw new CliError(`--${flag} ${file}: give a .csv or .xlsx file`, 2);
}

/**
 * The CSV text of a table file (header row first), as the engine's table parameters take it.
 *
 * @example
 * await tableFileText("examples/education-rules.csv", "rules"); // "Class,Class zh,…\n…"
 */
export async function tableFileText(file: string, flag: string): Promise<string> {
  const source = await openTable(file, flag);
  const indexes = source.headers.map((_, i) => i);
  const { columns, rows } = source.load(indexes);
  const grid: string[][] = [source.headers];
  for (let r = 0; r < rows; r++) grid.push(indexes.map((i) => { const c = columns.get(i); return cellText((c === undefined ? null : cellAt(c, r)) ?? null); }));
  return gridToCsv(grid);
}

/**
 * The arguments with each table parameter's file read into its text and checked by the method.
 *
 * @example
 * (await withTableFiles(args)).params.rules; // "Class,Stage,Need\n…"
 */
export async function withTableFiles(args: ClassifyArgs): Promise<ClassifyArgs> {
  const method = methodById(args.method);
  const params: Record<string, ParamValue> = { ...args.params };
  const files: string[] = [];
  for (const spec of method.params) {
    const file = params[spec.name];
    if (spec.kind !== 'table' || typeof file !== 'string') continue;
    params[spec.name] = await tableFileText(file.trim(), spec.flag);
    files.push(`--${spec.flag} ${file.trim()}`);
  }
  if (files.length === 0) return args;
  try {
    method.inputColumns?.(resolveParams(method, params));
  } catch (e) {
    if (e instanceof ParamError) throw new CliError(`${files.join(', ')}: ${e.problem.en}`, 2);
    throw e;
  }
  return { ...args, params };
}
