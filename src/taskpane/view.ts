/**
 * Rendering pieces of the pane from data: the column dropdowns, the tier counts, the skipped
 * rows, the cut points. All workbook text goes through `textContent`.
 */
import { columnLetters } from '../excel';
import { type ColumnMapping, type DateOrderFinding, type DecimalFinding, METHOD_LIST, ROLES, type Role, pick } from '../engine';
import { type PaneKey, paneText } from '../i18n/pane-strings';
import type { Language } from '../i18n/strings';
import type { SheetPlan } from '../report';
import { el } from './dom';

/**
 * The pane's subtitle: the methods of the registry by their short names, in menu order.
 * @example subtitleText('en') // "Customer tiers: RFM, ABC, Pyramid, …"
 * @example subtitleText('zh-CN') // "客户分层：RFM、ABC、金字塔、……"
 */
export function subtitleText(language: Language): string {
  return paneText(language, 'pane.subtitle', { methods: METHOD_LIST.map((m) => pick(m.short, language)).join(language === 'zh-CN' ? '、' : ', ') });
}

/** Roles offered in the column dropdowns: every role (quantity × unit price stands in for an amount). */
export const PANE_ROLES = ROLES;
/** A role offered in the pane. */
export type PaneRole = Role;

/**
 * What a column mapping makes of the table: a transaction log (customer, date and an amount or
 * quantity × unit price), a customer table (customer and a value), or nothing usable yet.
 * @example mappingLevel({ customer: 6, date: 4, quantity: 3, price: 5 }) // "transactions"
 */
export function mappingLevel(mapping: ColumnMapping): 'transactions' | 'customers' | null {
  if (mapping.customer === undefined) return null;
  const amount = mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.price !== undefined);
  if (mapping.date !== undefined && amount) return 'transactions';
  if (mapping.value !== undefined || mapping.amount !== undefined) return 'customers';
  return null;
}

/**
 * Fills the column grid: one labelled dropdown per role listing the table's headers.
 * @example renderColumns(document, grid, 'en', ['Customer', 'Date'], { customer: 0 }, onChange)
 */
export function renderColumns(
  doc: Document,
  grid: HTMLElement,
  language: Language,
  headers: readonly string[],
  mapping: ColumnMapping,
  onChange: (role: PaneRole, column: number | undefined) => void,
): void {
  grid.replaceChildren();
  for (const role of PANE_ROLES) {
    const wrap = el(doc, 'div');
    const id = `col-${role}`;
    const label = el(doc, 'label', '', paneText(language, `role.${role}` as PaneKey));
    label.htmlFor = id;
    const select = el(doc, 'select');
    select.id = id;
    select.append(new Option(paneText(language, 'cols.none'), ''));
    headers.forEach((h, i) => select.append(new Option(`${columnLetters(i)} · ${h === '' ? '—' : h}`, String(i))));
    const current = mapping[role];
    select.value = current === undefined ? '' : String(current);
    select.addEventListener('change', () => onChange(role, select.value === '' ? undefined : Number(select.value)));
    wrap.append(label, select);
    grid.append(wrap);
  }
}

/**
 * Fills the tier table: a colour swatch, the label and the customers per tier.
 * @example renderTierCounts(document, tbody, plan.tierCounts)
 */
export function renderTierCounts(doc: Document, body: HTMLElement, counts: SheetPlan['tierCounts']): void {
  body.replaceChildren(
    ...counts.map((t) => {
      const row = el(doc, 'tr');
      const name = el(doc, 'td');
      const swatch = el(doc, 'span', 'swatch');
      swatch.style.background = t.fill;
      swatch.setAttribute('aria-hidden', 'true');
      name.append(swatch, doc.createTextNode(t.label));
      row.append(name, el(doc, 'td', 'num', t.customers.toLocaleString('en-US')));
      return row;
    }),
  );
}

/**
 * Fills the skipped-rows list (the lines the plan gives, then "… and N more").
 * @example renderIssues(document, heading, list, 'en', plan.issues)
 */
export function renderIssues(doc: Document, heading: HTMLElement, list: HTMLElement, language: Language, issues: SheetPlan['issues']): void {
  heading.textContent = issues.total === 0 ? paneText(language, 'issues.none') : paneText(language, 'issues.heading', { count: issues.total.toLocaleString('en-US') });
  const items = issues.lines.map((l) => el(doc, 'li', '', l.message));
  if (issues.total > issues.lines.length) items.push(el(doc, 'li', 'muted', paneText(language, 'issues.more', { count: (issues.total - issues.lines.length).toLocaleString('en-US') })));
  list.replaceChildren(...items);
}

/**
 * The line that says how dates and numbers were read: the date order and the decimal mark, and
 * whether the values showed them or they were assumed (Excel dates and numbers need neither).
 * @example readingText('en', { order: 'dmy', how: 'values', ambiguous: 0, conflicting: 0 }, undefined) // "Read as: dates day first (dd/mm/yyyy) (from the values); Excel numbers"
 */
export function readingText(language: Language, dateOrder: DateOrderFinding | undefined, decimal: DecimalFinding | undefined): string {
  const dates =
    dateOrder && dateOrder.how !== 'none'
      ? paneText(language, 'sel.dates', { order: paneText(language, `order.${dateOrder.order}` as PaneKey), how: paneText(language, `how.${dateOrder.how}` as PaneKey) })
      : paneText(language, 'sel.excelDates');
  const numbers = decimal
    ? paneText(language, 'sel.numbers', { mark: paneText(language, decimal.mark === ',' ? 'mark.comma' : 'mark.point'), how: paneText(language, `how.${decimal.how}` as PaneKey) })
    : paneText(language, 'sel.excelNumbers');
  return paneText(language, 'sel.reading', { dates, numbers });
}
