/**
 * The pane's state and events: preview the selection, edit columns and method, classify with a
 * progress bar and Cancel, show tier counts and skipped rows — in English or 简体中文.
 */
import { type ColumnMapping, type DateOrder, type DecimalFinding, type Method, decideDateOrder, decideDecimalMark, localeDateOrder } from '../engine';
import { CancelledError, CancelToken, type Progress, blockAddress } from '../excel';
import { describeCuts } from '../report';
import { type PaneKey, paneText } from '../i18n/pane-strings';
import { type Language, languageOf } from '../i18n/strings';
import { cutPointsText } from './cuts';
import { byId, el } from './dom';
import { type ExcelRunner, PaneError, type Preview, classifySelection, previewSelection } from './flow';
import { parseOptions } from './options';
import { mappingLevel, readingText, renderColumns, renderIssues, renderTierCounts } from './view';

/** What the pane needs from its host page. */
export interface PaneDeps {
  run: ExcelRunner;
  /** Office's display language ("en-US", "zh-CN" …). */
  displayLanguage?: string;
  /** Registers a callback for selection changes (Office's DocumentSelectionChanged). */
  onSelectionChange?: (handler: () => void) => void;
}

/** The running pane, for tests and the page. */
export interface Pane {
  refresh(): Promise<void>;
  classify(): Promise<void>;
  setLanguage(language: Language): void;
}

const PROGRESS_SPAN: Record<Progress['phase'], [number, number, PaneKey]> = {
  read: [0, 40, 'run.reading'],
  compute: [40, 50, 'run.computing'],
  write: [50, 95, 'run.writing'],
  finish: [95, 100, 'run.finishing'],
};

/**
 * Wires the pane in a document.
 * @example startPane(document, { run: Excel.run, displayLanguage: Office.context.displayLanguage })
 */
export function startPane(doc: Document, deps: PaneDeps): Pane {
  let language: Language = languageOf(deps.displayLanguage);
  let preview: Preview | null = null;
  let mapping: ColumnMapping = {};
  let method: Method = 'rfm';
  let token: CancelToken | null = null;
  let lastStatus: { key: PaneKey; params: Record<string, string | number>; kind: '' | 'error' | 'warning' } | null = null;
  let finalCuts: { text: string; rows: number } | null = null;

  const $ = <T extends HTMLElement>(id: string): T => byId<T>(doc, id);
  const text = (key: PaneKey, params: Record<string, string | number> = {}): string => paneText(language, key, params);
  const radios = (): HTMLButtonElement[] => Array.from(doc.querySelectorAll<HTMLButtonElement>('#method [role="radio"]'));

  function setStatus(key: PaneKey | null, params: Record<string, string | number> = {}, kind: '' | 'error' | 'warning' = ''): void {
    lastStatus = key ? { key, params, kind } : null;
    const status = $('status');
    status.className = `status ${kind}`.trim();
    status.textContent = key ? text(key, params) : '';
  }

  function fields() {
    return {
      method,
      bins: $<HTMLInputElement>('bins').value,
      aShare: $<HTMLInputElement>('a-share').value,
      bShare: $<HTMLInputElement>('b-share').value,
      cuts: $<HTMLInputElement>('cuts-input').value,
      asOf: $<HTMLInputElement>('as-of').value,
    };
  }

  function renderSelection(): void {
    const info = $('sel-info');
    const note = $('sel-note');
    const level = $('sel-level');
    if (!preview) {
      $('sel-address').textContent = '—';
      info.textContent = text('sel.none');
      note.hidden = true;
      level.hidden = true;
      $('columns').replaceChildren();
      return;
    }
    const { area, adjusted, detection, sample } = preview;
    const address = `${area.sheetName}!${blockAddress(area)}`;
    $('sel-address').textContent = address;
    $('sel-address').title = address;
    info.textContent = text('sel.rows', { rows: sample.dataRows.toLocaleString('en-US'), columns: area.columns });
    note.hidden = adjusted === null;
    note.textContent = adjusted ? text(adjusted === 'expanded' ? 'sel.expanded' : 'sel.trimmed') : '';
    const lvl = currentLevel();
    level.hidden = false;
    level.className = lvl ? 'badge' : 'badge bad';
    level.textContent = lvl ? text(`sel.level.${lvl}` as PaneKey) : `${text('sel.level.none')}: ${detection.problems.join('; ')}`;
    // the date order and decimal mark the sample shows (the run reads them from all rows)
    const cellsOf = (i: number | undefined) => (i === undefined ? undefined : sample.sample[i]);
    const dates = cellsOf(mapping.date);
    const numbers = cellsOf(mapping.amount ?? mapping.value ?? mapping.price);
    $('sel-reading').hidden = false;
    // text with digits is what has an order or a mark to decide ("n/a" has neither)
    const hasText = (cells: readonly unknown[] | undefined): boolean => cells !== undefined && cells.some((c) => typeof c === 'string' && /\d/.test(c));
    $('sel-reading').textContent = readingText(
      language,
      dates && hasText(dates) ? decideDateOrder(dates, chosenDateOrder(), localeDateOrder()) : undefined,
      numbers && hasText(numbers) ? decimalThatMatters(decideDecimalMark(numbers)) : undefined,
    );
    renderColumns(doc, $('columns'), language, sample.headers, mapping, (role, column) => {
      if (column === undefined) delete mapping[role];
      else mapping[role] = column;
      finalCuts = null;
      renderSelection();
      renderMethod();
    });
  }

  /** A decimal mark worth saying: shown by the values, or assumed for values that read both ways. */
  function decimalThatMatters(d: DecimalFinding): DecimalFinding | undefined {
    return d.how !== 'assumed' || d.ambiguous > 0 ? d : undefined;
  }

  /** The pane's choice of date order, or undefined for "decided from the values". */
  function chosenDateOrder(): DateOrder | undefined {
    const v = $<HTMLSelectElement>('date-order').value;
    return v === 'dmy' || v === 'mdy' || v === 'ymd' ? v : undefined;
  }

  function currentLevel(): 'transactions' | 'customers' | null {
    return mappingLevel(mapping);
  }

  function renderMethod(): void {
    const customersOnly = currentLevel() === 'customers';
    if (customersOnly && method === 'rfm') method = 'abc';
    for (const r of radios()) {
      const checked = r.dataset.method === method;
      r.setAttribute('aria-checked', String(checked));
      r.tabIndex = checked ? 0 : -1;
      r.disabled = r.dataset.method === 'rfm' && customersOnly;
    }
    doc.querySelectorAll<HTMLElement>('[data-params]').forEach((p) => (p.hidden = p.dataset.params !== method));
    renderCuts();
  }

  function renderCuts(): void {
    const cuts = $('cuts');
    if (finalCuts) {
      cuts.replaceChildren(finalCuts.text, el(doc, 'span', 'note', text('cuts.final', { rows: finalCuts.rows.toLocaleString('en-US') })));
      return;
    }
    const parsed = parseOptions(fields());
    if (!preview || !parsed.ok) {
      cuts.textContent = parsed.ok ? text('cuts.pending') : text('error.params', { detail: parsed.problem });
      return;
    }
    const described = cutPointsText(preview.sample.sample, mapping, { ...parsed.options, dateSystem: preview.dateSystem }, language);
    if (!described) {
      cuts.textContent = text('cuts.pending');
      return;
    }
    const sampled = preview.sample.sample[0]?.length ?? 0;
    cuts.replaceChildren(described);
    if (sampled < preview.sample.dataRows) cuts.append(el(doc, 'span', 'note', text('cuts.sample', { rows: sampled })));
  }

  function applyLanguage(): void {
    doc.documentElement.lang = language;
    doc.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
      node.textContent = text(node.dataset.i18n as PaneKey);
    });
    $<HTMLSelectElement>('language').value = language;
    renderSelection();
    renderMethod();
    if (lastStatus) setStatus(lastStatus.key, lastStatus.params, lastStatus.kind);
  }

  function showProgress(p: Progress): void {
    const [from, to, key] = PROGRESS_SPAN[p.phase];
    const pct = Math.round(from + ((to - from) * p.done) / Math.max(1, p.total));
    const bar = $('progress-bar');
    bar.style.width = `${pct}%`;
    bar.setAttribute('aria-valuenow', String(pct));
    $('progress-label').textContent = text(key);
  }

  async function refresh(): Promise<void> {
    if (token) return;
    try {
      preview = await previewSelection(deps.run);
      mapping = { ...preview.detection.mapping };
      method = currentLevel() === 'customers' ? 'abc' : 'rfm';
      finalCuts = null;
      setStatus(null);
    } catch (error) {
      preview = null;
      reportError(error);
    }
    renderSelection();
    renderMethod();
  }

  function reportError(error: unknown): void {
    if (error instanceof CancelledError) setStatus('run.cancelled', {}, 'warning');
    else if (error instanceof PaneError) setStatus(error.key, {}, 'error');
    else setStatus('error.generic', { detail: error instanceof Error ? error.message : String(error) }, 'error');
  }

  async function classify(): Promise<void> {
    if (token) return;
    const parsed = parseOptions(fields());
    if (!parsed.ok) {
      setStatus('error.params', { detail: parsed.problem }, 'error');
      return;
    }
    token = new CancelToken();
    const button = $<HTMLButtonElement>('classify');
    button.disabled = true;
    $('progress').hidden = false;
    $('results').hidden = true;
    setStatus(null);
    showProgress({ phase: 'read', done: 0, total: 1 });
    try {
      const out = await classifySelection(deps.run, {
        mapping,
        options: { ...parsed.options, ...(chosenDateOrder() ? { dateOrder: chosenDateOrder() } : {}) },
        language,
        cellBytes: preview?.sample.cellBytes,
        area: preview?.area,
        token,
        onProgress: showProgress,
        yieldToUi: () => new Promise((resolve) => setTimeout(resolve, 0)),
      });
      const { plan, render } = out;
      $('sel-reading').textContent = readingText(language, out.result.reading.dateOrder, out.result.reading.decimal);
      renderTierCounts(doc, $('tier-rows'), plan.tierCounts);
      renderIssues(doc, $('issues-h'), $('issues'), language, plan.issues);
      $('results').hidden = false;
      finalCuts = { text: describeCuts(out.result.classification.cuts, language), rows: out.result.inputRows };
      renderCuts();
      const customers = plan.customers.rows.toLocaleString('en-US');
      if (render.mode === 'beside') {
        setStatus('run.wroteBeside', { customers, address: render.besideAddress ?? '', summary: render.summarySheet });
      } else if (plan.besideInput) {
        setStatus('run.fellBack', { customers: render.customersSheet ?? '', summary: render.summarySheet }, 'warning');
      } else {
        setStatus('run.wroteSheet', { customers: render.customersSheet ?? '', summary: render.summarySheet });
      }
      const done = $('status');
      done.textContent = `${text('run.done', { customers })}${language === 'zh-CN' ? '' : ' '}${done.textContent ?? ''}`;
    } catch (error) {
      reportError(error);
    } finally {
      token = null;
      button.disabled = false;
      $('progress').hidden = true;
    }
  }

  function setLanguage(next: Language): void {
    language = next;
    applyLanguage();
  }

  // events
  $('refresh').addEventListener('click', () => void refresh());
  $('classify').addEventListener('click', () => void classify());
  $('cancel').addEventListener('click', () => token?.cancel());
  $<HTMLSelectElement>('date-order').addEventListener('change', () => renderSelection());
  $<HTMLSelectElement>('language').addEventListener('change', (e) => setLanguage((e.target as HTMLSelectElement).value === 'zh-CN' ? 'zh-CN' : 'en'));
  for (const id of ['bins', 'a-share', 'b-share', 'cuts-input', 'as-of']) $(id).addEventListener('input', () => ((finalCuts = null), renderCuts()));
  $('method').addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLButtonElement>('[role="radio"]');
    if (!target || target.disabled) return;
    method = target.dataset.method as Method;
    finalCuts = null;
    renderMethod();
  });
  $('method').addEventListener('keydown', (e) => {
    if (!['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(e.key)) return;
    e.preventDefault();
    const enabled = radios().filter((r) => !r.disabled);
    const at = enabled.findIndex((r) => r.dataset.method === method);
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
    const next = enabled[(at + step + enabled.length) % enabled.length];
    method = next.dataset.method as Method;
    finalCuts = null;
    renderMethod();
    next.focus();
  });
  deps.onSelectionChange?.(() => void refresh());

  applyLanguage();
  return { refresh, classify, setLanguage };
}
