/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code`).
 */

/** Error codes the host raises, as Excel does. */
export type HostErrorCode =
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidReference'
  | 'InvalidSelection'
  | 'EmptyChartSeries'
  | 'GeneralException'
  | 'ApiNotFound';

/**
 * An error as Excel reports it.
 * @example throw new HostError('ItemNotFound', 'The requested resource doesn't exist.')
 */
export class HostError extends Error {
  /** Where the request failed, as Office.js reports it in `debugInfo.errorLocation` (e.g. "Workbook.getSelectedRange"). */
  debugInfo: { code: HostErrorCode; message: string; errorLocation?: string };

  constructor(
    readonly code: HostErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/**
 * The error Office.js raises when a property is read before `load()` + `sync()`.
 * @example throw notLoaded('values')
 */
export function notLoaded(property: string): HostError {
  return new HostError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
