/**
 * The pane's state and events: preview the selection, edit columns and method, classify with a
 * progress bar and Cancel, show tier counts and skipped rows — in English or 简体中文.
 */
import { type Bilingual, type ColumnMapping, type DateOrder, type DecimalFinding, METHOD_LIST, type MethodId, ParamError, decideDateOrder, decideDecimalMark, localeDateOrder, methodById, paramText, pick } from '../engine';
import { CancelledError, CancelToken, type Progress, blockAddress, sameArea } from '../excel';
import { type PaneKey, paneText } from '../i18n/pane-strings';
import { type Language, languageOf } from '../i18n/strings';
import { cutPointsText } from './cuts';
import { byId, el } from './dom';
import type { Computer } from './compute';
import { type ExcelRunner, PaneError, type Preview, type RunOutcome, classifySelection, glanceAtSelection, namedColumnIndexes, previewSelection, refreshOutput } from './flow';
import { parseOptions } from './options';
import { createRulesSheet, readRulesSheet } from './rules-sheet';
import { writeCallList } from './call-list-flow';
import type { LoopOptions, LoopOutcome } from './loop-flow';
import { mappingLevel, readingText, renderColumns, renderIssues, renderTierCounts, subtitleText } from './view';

/** What the pane needs from its host page. */
export interface PaneDeps {
  run: ExcelRunner;
  /** Office's display language ("en-US", "zh-CN" …). */
  displayLanguage?: string;
  /** Registers a callback for selection changes (Office's DocumentSelectionChanged). */
  onSelectionChange?: (handler: () => void) => void;
  /** Registers a callback for the pane being shown again (the full inspection runs then). */
  onShow?: (handler: () => void) => void;
  /** Runs engine → sheet plan (the page gives a Web Worker; this thread when absent). */
  compute?: Computer;
}

/** The running pane, for tests and the page. */
export interface Pane {
  refresh(): Promise<void>;
  classify(): Promise<void>;
  /** Refresh output: runs the recorded run again in place. */
  rerun(): Promise<void>;
  setLanguage(language: Language): void;
  /** Today's call list: the Call List sheet for the chosen date. */
  callList(): Promise<void>;
}

const PROGRESS_SPAN: Record<Progress['phase'], [number, number, PaneKey]> = {
  read: [0, 30, 'run.reading'],
  compute: [30, 60, 'run.computing'],
  write: [60, 95, 'run.writing'],
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
  /** True after a selection change: the preview describes the previous selection. */
  let stale = false;
  /**
   * The Rules sheet as last read, for the cut points shown before a run (undefined: not read yet;
   * `text` null: the workbook has no Rules sheet, so the built-in table applies).
   */
  let rulesSheet: { text: string | null } | { problem: Bilingual } | undefined;

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
    // a table parameter (the rule table) comes from its sheet, not from an input
    $('rules-box').hidden = !current.params.some((p) => p.kind === 'table');
    const inputs = current.params.filter((p) => p.kind !== 'table').map((p) => {
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
        input.inputMode = p.kind === 'columns' || p.kind === 'named' ? 'text' : 'decimal';
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
    // a table parameter (the rule table) comes from its sheet: the preview uses the user's table
    const tableParam = methodById(method).params.find((p) => p.kind === 'table');
    if (tableParam && rulesSheet) {
      if ('problem' in rulesSheet) {
        cuts.textContent = text('error.params', { detail: pick(rulesSheet.problem, language) });
        return;
      }
      if (rulesSheet.text !== null) parsed.options[tableParam.name] = rulesSheet.text;
    }
    let extra: Record<string, number>;
    try {
      extra = namedColumnIndexes(parsed.options, preview.sample.headers);
    } catch (error) {
      if (!(error instanceof PaneError)) throw error;
      cuts.textContent = text(error.key, { ...error.params });
      return;
    }
    const described = cutPointsText(preview.sample.sample, mapping, { ...parsed.options, dateSystem: preview.dateSystem }, language, extra);
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
    doc.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((node) => {
      node.title = text(node.dataset.i18nTitle as PaneKey);
    });
    $('subtitle').textContent = subtitleText(language);
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
    // a long fit (the k-means k table) reports its steps
    $('progress-label').textContent = p.phase === 'compute' && p.total > 1 ? text('run.computingSteps', { done: p.done, total: p.total }) : text(key);
  }

  async function refresh(): Promise<void> {
    if (token) return;
    stale = false;
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
    rulesSheet = undefined;
    renderSelection();
    renderMethod();
    await loadRulesSheet();
  }

  /**
   * Reads the Rules sheet for the cut-point preview when the method takes a rule table (one small
   * request; nothing for other methods), then shows the cut points again.
   */
  async function loadRulesSheet(): Promise<void> {
    if (!preview || !methodById(method).params.some((p) => p.kind === 'table')) return;
    try {
      rulesSheet = { text: await readRulesSheet(deps.run) };
    } catch (error) {
      if (!(error instanceof ParamError)) return;
      rulesSheet = { problem: error.problem };
    }
    if (!finalCuts) renderCuts();
  }

  /** A selection change: only the address and size are read (the full inspection waits for Refresh or Classify). */
  async function glance(): Promise<void> {
    if (token) return;
    try {
      const g = await glanceAtSelection(deps.run);
      stale = true;
      $('sel-address').textContent = g.address;
      $('sel-address').title = g.address;
      $('sel-info').textContent = text('sel.changed');
      $('sel-note').hidden = true;
      setStatus(null);
    } catch (error) {
      stale = true;
      reportError(error);
    }
  }

  function reportError(error: unknown): void {
    if (error instanceof CancelledError) setStatus('run.cancelled', {}, 'warning');
    else if (error instanceof PaneError) setStatus(error.key, { ...error.params }, 'error');
    else if (error instanceof ParamError) setStatus('error.params', { detail: pick(error.problem, language) }, 'error');
    else setStatus('error.generic', { detail: error instanceof Error ? error.message : String(error) }, 'error');
  }

  async function classify(): Promise<void> {
    if (token) return;
    if (stale || !preview) {
      // the full inspection of a changed selection; the columns chosen stay when it is the same table
      const kept = { mapping, method, area: preview?.area ?? null };
      await refresh();
      if (!preview) return;
      if (!kept.area || !sameArea(kept.area, preview.area)) {
        setStatus('sel.changedTable', {}, 'warning');
        return;
      }
      mapping = kept.mapping;
      method = kept.method;
      renderSelection();
      renderMethod();
    }
    const parsed = parseOptions(fields());
    if (!parsed.ok) {
      setStatus('error.params', { detail: pick(parsed.problem, language) }, 'error');
      return;
    }
    const tableParam = methodById(method).params.find((p) => p.kind === 'table');
    if (tableParam) {
      try {
        const sheetText = await readRulesSheet(deps.run);
        rulesSheet = { text: sheetText };
        if (sheetText !== null) parsed.options[tableParam.name] = sheetText;
      } catch (error) {
        if (error instanceof ParamError) {
          rulesSheet = { problem: error.problem };
          setStatus('error.params', { detail: pick(error.problem, language) }, 'error');
        } else reportError(error);
        return;
      }
    }
    // the columns the method names (features, the rule table's columns) are found by flow, by the headers
    await execute((t) =>
      classifySelection(deps.run, {
        loop: loopOptions(),
        mapping,
        options: { ...parsed.options, ...(chosenDateOrder() ? { dateOrder: chosenDateOrder() } : {}) },
        language,
        cellBytes: preview?.sample.cellBytes,
        headers: preview?.sample.headers,
        area: preview?.area,
        token: t,
        onProgress: showProgress,
        yieldToUi,
        compute: deps.compute,
      }),
    );
  }

  const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  /** Refresh output: the recorded run again, in place (after the user's data changed). */
  async function rerun(): Promise<void> {
    if (token) return;
    await execute((t) => refreshOutput(deps.run, { token: t, onProgress: showProgress, yieldToUi, compute: deps.compute, loop: loopOptions() }));
  }

  /** How the run takes part in the loop: the history shown or hidden as the box says. */
  function loopOptions(): LoopOptions {
    return { historyVisible: $<HTMLInputElement>('show-history').checked };
  }

  /** The loop's lines after a run: the comparison, the playbook, the history's bounds. */
  function loopLines(loop: LoopOutcome | null): string {
    if (!loop) return '';
    const lines: string[] = [];
    if (loop.previous && loop.totals) lines.push(text('loop.compared', { date: loop.previous.date, ...loop.totals }));
    else lines.push(text('loop.first'));
    if (loop.playbookAdded > 0) {
      lines.push(loop.playbookCreated ? text('loop.playbookNew', { sheet: loop.playbookSheet ?? '', rows: loop.playbookAdded }) : text('loop.playbookAdded', { rows: loop.playbookAdded }));
    }
    if (!loop.recorded) lines.push(text('loop.notRecorded'));
    if (loop.historyMessage) lines.push(pick(loop.historyMessage, language));
    return lines.join(language === 'zh-CN' ? '' : ' ');
  }

  /** Runs a classification with the progress bar and Cancel, then shows its results. */
  async function execute(start: (token: CancelToken) => Promise<RunOutcome>): Promise<void> {
    token = new CancelToken();
    const buttons = [$<HTMLButtonElement>('classify'), $<HTMLButtonElement>('rerun'), $<HTMLButtonElement>('call-list')];
    buttons.forEach((b) => (b.disabled = true));
    $('progress').hidden = false;
    $('results').hidden = true;
    setStatus(null);
    showProgress({ phase: 'read', done: 0, total: 1 });
    try {
      const out = await start(token);
      const { plan, render } = out;
      $('sel-reading').textContent = readingText(language, out.digest.reading.dateOrder, out.digest.reading.decimal);
      renderTierCounts(doc, $('tier-rows'), plan.tierCounts);
      renderIssues(doc, $('issues-h'), $('issues'), language, plan.issues);
      $('results').hidden = false;
      finalCuts = { text: out.digest.describe, rows: out.digest.inputRows };
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
      if (render.chartsLeftOut) {
        done.textContent += `${language === 'zh-CN' ? '' : ' '}${text('run.chartsLeftOut')}`;
        done.className = 'status warning';
      }
      // the loop: the comparison with the last run, the playbook, the history's bounds
      const loop = loopLines(out.loop);
      if (loop) done.textContent += `${language === 'zh-CN' ? '' : ' '}${loop}`;
      // the method's own check (the rules' coverage report): its headline; the details are on the summary sheet
      if (out.digest.auditHeadline) done.textContent += `${language === 'zh-CN' ? '' : ' '}${out.digest.auditHeadline}`;
    } catch (error) {
      reportError(error);
    } finally {
      token = null;
      buttons.forEach((b) => (b.disabled = false));
      $('progress').hidden = true;
    }
  }

  /** Writes a Rules sheet with example rules for the selected table. */
  async function makeRulesSheet(): Promise<void> {
    if (token) return;
    try {
      const made = await createRulesSheet(deps.run);
      setStatus('rules.created', { sheet: made.sheet, rules: made.rules });
      finalCuts = null;
      await loadRulesSheet();
    } catch (error) {
      reportError(error);
    }
  }

  /** Today's call list for the chosen date and cap, from the last classified table. */
  async function callList(): Promise<void> {
    if (token) return;
    const buttons = [$<HTMLButtonElement>('classify'), $<HTMLButtonElement>('rerun'), $<HTMLButtonElement>('call-list')];
    buttons.forEach((b) => (b.disabled = true));
    setStatus(null);
    try {
      const dateText = $<HTMLInputElement>('call-date').value;
      const perRepText = $<HTMLInputElement>('per-rep').value.trim();
      const perRep = perRepText === '' ? 20 : Number(perRepText);
      if (!Number.isInteger(perRep) || perRep < 1) throw new PaneError('error.perRep', 'calls per owner must be a whole number ≥ 1');
      const out = await writeCallList(deps.run, { date: dateText === '' ? undefined : dateText, perRep, language });
      const names = (['owner', 'stage', 'contact'] as const).filter((k) => out.columns[k] !== undefined).map((k) => text(k === 'owner' ? 'loop.colOwner' : k === 'stage' ? 'loop.colStage' : 'loop.colContact'));
      setStatus('loop.callsDone', {
        sheet: out.sheet,
        count: out.entries.length.toLocaleString('en-US'),
        owners: out.owners > 1 ? text('loop.callsOwners', { owners: out.owners }) : '',
      });
      const status = $('status');
      status.textContent += `${language === 'zh-CN' ? '' : ' '}${names.length > 0 ? text('loop.callsColumns', { columns: names.join(language === 'zh-CN' ? '、' : ', ') }) : text('loop.callsNoColumns')}`;
    } catch (error) {
      reportError(error);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  function setLanguage(next: Language): void {
    language = next;
    applyLanguage();
  }

  // events
  $('refresh').addEventListener('click', () => void refresh());
  $('classify').addEventListener('click', () => void classify());
  $('rerun').addEventListener('click', () => void rerun());
  $('rules-sheet').addEventListener('click', () => void makeRulesSheet());
  $('call-list').addEventListener('click', () => void callList());
  $('cancel').addEventListener('click', () => token?.cancel());
  $<HTMLSelectElement>('date-order').addEventListener('change', () => renderSelection());
  $<HTMLSelectElement>('language').addEventListener('change', (e) => setLanguage((e.target as HTMLSelectElement).value === 'zh-CN' ? 'zh-CN' : 'en'));
  $('as-of').addEventListener('input', () => ((finalCuts = null), renderCuts()));
  chooser().addEventListener('change', () => {
    method = chooser().value as MethodId;
    finalCuts = null;
    renderMethod();
    if (rulesSheet === undefined) void loadRulesSheet();
  });
  deps.onSelectionChange?.(() => void glance());
  deps.onShow?.(() => void refresh());

  applyLanguage();
  return { refresh, classify, rerun, setLanguage, callList };
}
