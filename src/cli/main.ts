/** The `tierwise` command: parses arguments, runs the command, prints one line per failure. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args';
import { type CommandIo, runClassify } from './classify-command';
import { CliError } from './errors';
import { HELP } from './help';
import { runCalls, runCompare, runPlaybook } from './loop-commands';
import { runSql } from './sql-command';
import { runVerify } from './verify-command';

/**
 * The package version (from package.json).
 *
 * @example
 * version(); // "0.1.0"
 */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and streams; returns the exit code.
 *
 * @example
 * const code = await main(["classify", "examples/transactions.csv", "--method", "abc"], process);
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    if (argv[0] === 'compare') return await runCompare(argv.slice(1), io);
    if (argv[0] === 'playbook') return await runPlaybook(argv.slice(1), io);
    if (argv[0] === 'calls') return await runCalls(argv.slice(1), io);
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout.write(version() + '\n');
      return 0;
    }
    if (command.kind === 'sql') return runSql(command.args, io);
    if (command.kind === 'verify') return await runVerify(command.args, command.sample, io);
    return await runClassify(command.args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`tierwise: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`tierwise: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
