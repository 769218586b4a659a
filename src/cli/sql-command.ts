/** `tierwise sql`: prints the one SQL statement that computes a method's per-customer result. */
import { TierwiseError, methodSql } from '../engine';
import type { CommandIo } from './classify-command';
import { CliError } from './errors';
import type { SqlArgs } from './sql-args';

/**
 * Prints the statement for the dialect; returns the exit code.
 *
 * @example
 * runSql(parseArgs(["sql", "--method", "abc", "--table", "sales", "--customer", "id", "--date", "d", "--amount", "a"]).args, io); // 0
 */
export function runSql(args: SqlArgs, io: CommandIo): number {
  try {
    const sql = methodSql({
      method: args.method,
      dialect: args.dialect,
      params: args.params,
      source: args,
    });
    io.stdout.write(`${sql};\n`);
    return 0;
  } catch (e) {
    if (e instanceof TierwiseError) throw new CliError(e.message, 2);
    throw e;
  }
}
