/**
 * Errors the engine raises for invalid options or unusable input. Adapters turn them into
 * `#VALUE!` (custom functions), a message in the pane, or one line on stderr (CLI).
 */

/** Machine-readable cause of a {@link TierwiseError}. */
export type TierwiseErrorCode =
  | 'bins'
  | 'share'
  | 'cuts'
  | 'length'
  | 'shape'
  | 'empty'
  | 'date'
  | 'column'
  | 'option';

/**
 * An error with a stable code and a message that names the problem for the user.
 *
 * @example
 * throw new TierwiseError('bins', 'bins must be a whole number from 2 to 10, got 12');
 */
export class TierwiseError extends Error {
  constructor(
    readonly code: TierwiseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TierwiseError';
  }
}

/**
 * Checks a bins option (2…10, whole number) and returns it.
 *
 * @example
 * checkBins(5); // 5
 * checkBins(11); // throws TierwiseError('bins', …)
 */
export function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) {
    throw new TierwiseError('bins', `bins must be a whole number from 2 to 10, got ${String(bins)}`);
  }
  return bins;
}
