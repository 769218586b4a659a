/**
 * **Today's call list**: the recorded table classified again as it is now (no output written),
 * the playbook read from the Playbook sheet (the user's cadences, labels and actions), the owner,
 * stage and last-contact columns found by their headers, and the due customers written to a
 * Call List sheet for the date, coloured by tier, in priority order.
 */
import { type CallColumns, type CallEntry, type Cell, ContactDateError, callCandidates, callColumns, callList, classifyTable, dayNumber, plainCells, isoDate, mergePlaybook, playbookRowOf } from '../engine';
import { LOOP_NAMES, SOURCE_NAME, readLoopSheets, writeOwnSheet } from '../excel';
import { type Language, t } from '../i18n/strings';
import { callListTable, readPlaybookSheet } from '../report';
import { type ExcelRunner, PaneError, readTable } from './flow';
import { localToday } from './loop-flow';

/** What the call list needs. */
export interface CallListRequest {
  /** The list's date, YYYY-MM-DD (default: today). */
  date?: string;
  /** Calls per owner (default 20). */
  perRep?: number;
  /** The language of the sheet (headers, actions, reasons). */
  language: Language;
}

/** What the call list wrote. */
export interface CallListOutcome {
  sheet: string;
  date: string;
  entries: CallEntry[];
  /** The optional columns found (owner, stage, last contact). */
  columns: CallColumns;
  owners: number;
}

function dayOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
  if (!Number.isFinite(day) || isoDate(day) !== text) throw new PaneError('error.callDate', `"${text}" is not a date (YYYY-MM-DD)`);
  return day;
}

/**
 * Writes the call list of the last classified table for a date.
 * @example const out = await writeCallList(Excel.run, { language: 'en', date: '2026-11-29' }); out.sheet // "Call List 2026-11-29"
 */
export async function writeCallList(run: ExcelRunner, request: CallListRequest): Promise<CallListOutcome> {
  const date = request.date ?? localToday();
  const today = dayOf(date);
  const perRep = request.perRep ?? 20;
  if (!Number.isInteger(perRep) || perRep < 1) throw new PaneError('error.perRep', `calls per owner must be a whole number ≥ 1, got ${perRep}`);
  return run(async (context) => {
    const source = context.workbook.names.getItemOrNullObject(SOURCE_NAME).getRangeOrNullObject().load('rowIndex');
    await context.sync();
    if (source.isNullObject) throw new PaneError('error.noRecordedRun', 'no call list yet: classify a table first');
    let found: CallColumns = {};
    let headers: readonly string[] = [];
    const tableRead = await readTable(context, { mapping: {}, options: { method: 'abc' }, language: request.language }, 'recorded', (h) => {
      headers = h;
      found = callColumns(h);
      return [found.owner, found.stage, found.contact].filter((i): i is number => i !== undefined);
    });
    // the tiers as they are now (in this thread: the call list writes no classification)
    const result = classifyTable(tableRead.columns, tableRead.options);
    const c = { ...tableRead, result, customerCells: plainCells(tableRead.columns.customer) };
    const [ownerCells, stageCells, contactCells] = (() => {
      const out: (Cell[] | undefined)[] = [];
      let k = 0;
      for (const i of [found.owner, found.stage, found.contact]) out.push(i === undefined ? undefined : c.also[k++]);
      return out;
    })();
    let candidates: ReturnType<typeof callCandidates>;
    try {
      candidates = callCandidates(c.result, {
        customer: c.customerCells,
        owner: ownerCells,
        stage: stageCells,
        contact: contactCells,
        contactHeader: found.contact === undefined ? undefined : headers[found.contact],
        rowName: (r) => `row ${c.area.row + r + 2}`,
        dateSystem: c.options.dateSystem,
      });
    } catch (e) {
      if (!(e instanceof ContactDateError)) throw e;
      throw new PaneError('error.contactDate', e.message, { column: e.column, row: c.area.row + e.index + 2, value: e.value });
    }
    // the playbook: the user's rows of this method over the defaults
    const classification = c.result.classification;
    const sheets = c.loopSheets ?? { playbook: null, history: null, calls: null, names: new Set<string>() };
    const { playbook: cells } = await readLoopSheets(context, { playbook: sheets.playbook, history: null });
    const read = cells && sheets.playbook ? readPlaybookSheet(cells, classification.method, sheets.playbook.name) : null;
    const playbook = mergePlaybook(read?.recognised ? read.edits : [], classification.tiers.map(playbookRowOf));
    // without an owner column, each tier's owner or team in the playbook makes the calls
    if (found.owner === undefined) {
      const ownerOf = new Map(playbook.map((p) => [p.key, p.owner]));
      for (const cand of candidates) cand.owner = cand.tier === null ? null : (ownerOf.get(cand.tier) ?? null);
    }
    const entries = callList(candidates, classification.tiers, playbook, { date: today, perRep });
    const table = callListTable(entries, playbook, request.language);
    const sheet = await writeOwnSheet(context, {
      name: t(request.language, 'sheet.calls', { date }),
      definedName: LOOP_NAMES.calls,
      previous: sheets.calls,
      table,
      tierColumn: 'tier',
      colorRules: classification.tiers.map((tier) => ({ tier: tier.key, fill: tier.color, fontColor: tier.textColor })),
      dateSystem: c.options.dateSystem,
    });
    return { sheet, date, entries, columns: found, owners: new Set(entries.map((e) => e.owner)).size };
  });
}
