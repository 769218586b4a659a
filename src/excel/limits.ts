/**
 * Excel's request limits and the budget the adapter keeps under them.
 */

/** Excel on the web refuses a request or response larger than this (bytes). */
export const PAYLOAD_LIMIT = 5_000_000;
/** Most cells one request may read or write. */
export const CELL_LIMIT = 5_000_000;
/** Bytes the adapter puts in one request: 97 % of the limit leaves room for the request envelope. */
export const REQUEST_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.97);
/** Cells the adapter reads or writes in one request. */
export const CELL_BUDGET = Math.floor(CELL_LIMIT * 0.9);

/**
 * Rows per request for rows of a given size, within both the byte and the cell budget.
 * @example rowsPerRequest(40, 4) // 121250
 */
export function rowsPerRequest(bytesPerRow: number, columns: number): number {
  const byBytes = Math.floor(REQUEST_BUDGET / Math.max(1, bytesPerRow));
  const byCells = Math.floor(CELL_BUDGET / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/**
 * True for Excel's refusal of a payload over its limit: `RequestPayloadSizeLimitExceeded` for a
 * request too large to send (a write), `ResponsePayloadSizeLimitExceeded` for an answer too large
 * to return (a read). Office.js defines both codes (CoreErrorCodes in `@microsoft/office-js`).
 * @example payloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded' }) // true
 */
export function payloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
