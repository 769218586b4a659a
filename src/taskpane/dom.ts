/**
 * Tiny DOM helpers: elements with text set through `textContent` only (workbook text is never
 * parsed as HTML).
 */

/**
 * Creates an element with a class and text content.
 * @example el(document, 'td', 'num', '1,204')
 */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * The element with an id, or an error naming it.
 * @example byId<HTMLButtonElement>(document, 'classify').disabled = true
 */
export function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`the pane has no #${id}`);
  return node as T;
}
