/** The one error type the CLI reports as a single `tierwise: …` line with a non-zero exit. */

/** Exit codes: 1 = bad input or failed run, 2 = bad usage (unknown flag, missing argument). */
export type ExitCode = 1 | 2;

/**
 * A user-facing CLI failure. The message is printed as it is after `tierwise: `.
 *
 * @example
 * throw new CliError('sales.csv: column "Date": row 5: "31/31/2020" is not a date');
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
