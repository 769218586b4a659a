/**
 * The pane's state and events: preview the selection, edit columns and method, classify with a
 * progress bar and Cancel, show tier counts and skipped rows — in English or 简体中文.
 */
import { type ColumnMapping, METHOD_LIST, type MethodId, letterIndex, methodById, namedColumns, paramText, pick } from '../engine';
import { CancelledError, CancelToken, type Progress, blockAddress } from '../excel';
import { type PaneKey, paneText } from '../i18n/pane-strings';
import { type Language, languageOf } from '../i18n/strings';
import { cutPointsText } from './cuts';
import { byId, el } from './dom';
import { type ExcelRunner, PaneError, type Preview, classifySelection, previewSelection } from './flow';
import { parseOptions } from './options';
import { mappingLevel, renderColumns, renderIssues, renderTierCounts } from './view';

/**
 * The column a name in a `columns` parameter means: a header (case and surrounding spaces
 * ignored) or a column letter of the selection; -1 when none.
 * @example headerIndex(["Customer", "Margin"], "margin") // 1
 */
export function headerIndex(headers: readonly unknown[], name: string): number {
  const want = name.trim().toLowerCase();
  const byName = headers.findIndex((h) => String(h ?? '').trim().toLowerCase() === want);
  if (byName >= 0) return byName;
  const letter = letterIndex(name.trim());
  return letter >= 0 && letter < headers.length ? letter : -1;
}

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
  let method: MethodId = 'rfm';
  /** What the user typed per method and parameter flag (kept when switching methods). */
  const typed: Partial<Record<MethodId, Record<string, string>>> = {};
  let token: CancelToken | null = null;
  let lastStatus: { key: PaneKey; params: Record<string, string | number>; kind: '' | 'error' | 'warning' } | null = null;
  let finalCuts: { text: string; rows: number } | null = null;

  const $ = <T extends HTMLElement>(id: string): T => byId<T>(doc, id);
  const text = (key: PaneKey, params: Record<string, string | number> = {}): string => paneText(language, key, params);
  const chooser = (): HTMLSelectElement => $<HTMLSelectElement>('method');

  function setStatus(key: PaneKey | null, params: Record<string, string | number> = {}, kind: '' | 'error' | 'warning' = ''): void {
    lastStatus = key ? { key, params, kind } : null;
    const status = $('status');
    status.className = `status ${kind}`.trim();
    status.textContent = key ? text(key, params) : '';
  }

  function paramTexts(id: MethodId): Record<string, string> {
    const m = methodById(id);
    const texts = (typed[id] ??= {});
    for (const p of m.params) texts[p.flag] ??= paramText(p, p.default, { percent: true });
    return texts;
  }

  function fields() {
    return { method, params: paramTexts(method), asOf: $<HTMLInputElement>('as-of').value };
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
    renderColumns(doc, $('columns'), language, sample.headers, mapping, (role, column) => {
      if (column === undefined) delete mapping[role];
      else mapping[role] = column;
      finalCuts = null;
      renderSelection();
      renderMethod();
    });
  }

  function currentLevel(): 'transactions' | 'customers' | null {
    return mappingLevel(mapping);
  }

  /** The first method a table of this level can use when the chosen one cannot. */
  function usableMethod(): void {
    if (currentLevel() === 'customers' && methodById(method).needsTransactions) {
      method = (METHOD_LIST.find((m) => !m.needsTransactions)?.id ?? method) as MethodId;
    }
  }

  function renderMethod(): void {
    const customersOnly = currentLevel() === 'customers';
    usableMethod();
    const select = chooser();
    const options = METHOD_LIST.map((m) => {
      const o = el(doc, 'option', '', pick(m.label, language) + (m.needsTransactions && customersOnly ? ` — ${text('method.needsTransactions')}` : ''));
      o.value = m.id;
      o.disabled = m.needsTransactions && customersOnly;
      return o;
    });
    select.replaceChildren(...options);
    select.value = method;
    const current = methodById(method);
    $('method-about').textContent = pick(current.description, language);
    const texts = paramTexts(method);
    const inputs = current.params.map((p) => {
      const id = `param-${p.flag}`;
      const label = el(doc, 'label', '', pick(p.label, language));
      label.htmlFor = id;
      const input = p.kind === 'choice' ? el(doc, 'select', '', '') : el(doc, 'input', '', '');
      input.id = id;
      if (input instanceof HTMLSelectElement) {
        input.replaceChildren(...(p.choices ?? []).map((c) => Object.assign(el(doc, 'option', '', c), { value: c })));
      } else if (p.kind === 'integer') {
        input.type = 'number';
        if (p.min !== undefined) input.min = String(p.min);
        if (p.max !== undefined) input.max = String(p.max);
        input.step = '1';
      } else {
        input.type = 'text';
        input.inputMode = p.kind === 'columns' ? 'text' : 'decimal';
      }
      input.value = texts[p.flag];
      input.title = pick(p.help, language);
      input.dataset.flag = p.flag;
      input.addEventListener(p.kind === 'choice' ? 'change' : 'input', () => {
        texts[p.flag] = input.value;
        finalCuts = null;
        renderCuts();
      });
      const cell = el(doc, 'div', '', '');
      cell.append(label, input);
      return cell;
    });
    $('params').replaceChildren(...inputs);
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
      cuts.textContent = parsed.ok ? text('cuts.pending') : text('error.params', { detail: pick(parsed.problem, language) });
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
      usableMethod();
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
      setStatus('error.params', { detail: pick(parsed.problem, language) }, 'error');
      return;
    }
    const extra: Record<string, number> = {};
    for (const name of namedColumns(methodById(method), parsed.options)) {
      const headers = preview?.sample.headers ?? [];
      const index = headerIndex(headers, name);
      if (index < 0) {
        setStatus('error.noSuchColumn', { name, headers: headers.map((h) => `"${String(h)}"`).join(', ') }, 'error');
        return;
      }
      extra[name] = index;
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
        extra,
        options: parsed.options,
        language,
        cellBytes: preview?.sample.cellBytes,
        area: preview?.area,
        token,
        onProgress: showProgress,
        yieldToUi: () => new Promise((resolve) => setTimeout(resolve, 0)),
      });
      const { plan, render } = out;
      renderTierCounts(doc, $('tier-rows'), plan.tierCounts);
      renderIssues(doc, $('issues-h'), $('issues'), language, plan.issues);
      $('results').hidden = false;
      finalCuts = { text: out.result.classification.describe(language), rows: out.result.inputRows };
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
  $<HTMLSelectElement>('language').addEventListener('change', (e) => setLanguage((e.target as HTMLSelectElement).value === 'zh-CN' ? 'zh-CN' : 'en'));
  $('as-of').addEventListener('input', () => ((finalCuts = null), renderCuts()));
  chooser().addEventListener('change', () => {
    method = chooser().value as MethodId;
    finalCuts = null;
    renderMethod();
  });
  deps.onSelectionChange?.(() => void refresh());

  applyLanguage();
  return { refresh, classify, setLanguage };
}
