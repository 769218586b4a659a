/**
 * The built custom functions, called the way Excel calls them: 2-D arrays, "" for blank cells,
 * null for omitted arguments, error objects for error cells, serial numbers for dates.
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { abcClasses, pyramidTiers, quantileScores, scoreRfm } from '../../src/engine';
import { type AsyncFn, BUNDLE, type Fn, StubError, col, isError, loadBundle, rejected, thrown } from './bundle';

const { fns, associations } = loadBundle();
const { RFM_SCORE, RFM_SEGMENT, QUANTILE_SCORE, ABC_CLASS, PYRAMID, LABEL, CUTS, EXPLAIN } = fns as Record<string, Fn>;
const RFM_TABLE = fns.RFM_TABLE as unknown as AsyncFn;
const flat = (rows: unknown[][]): unknown[] => rows.map((r) => r[0]);

describe('registration', () => {
  it('associates every function exactly once', () => {
    expect(associations).toEqual({
      RFM_TABLE: 1, RFM_SCORE: 1, RFM_SEGMENT: 1, QUANTILE_SCORE: 1, ABC_CLASS: 1, PYRAMID: 1, LABEL: 1, CUTS: 1, EXPLAIN: 1,
    });
  });

  it('loads without a CustomFunctions runtime (a plain page) without throwing', () => {
    const context = vm.createContext({});
    expect(() => vm.runInContext(fs.readFileSync(BUNDLE, 'utf8'), context)).not.toThrow();
  });
});

describe('TIER.ABC_CLASS', () => {
  const values = [50, 30, 10, 5, 5];

  it('spills A/B/C in the shape of the input, as the engine classifies', () => {
    expect(ABC_CLASS(col(values), null, null, null)).toEqual(col(['A', 'A', 'B', 'C', 'C']));
    const engine = abcClasses(values).classes;
    expect(flat(ABC_CLASS(col(values), null, null, null))).toEqual(Array.from(engine, (k) => 'ABC'[k]));
  });

  it('keeps a row-shaped input row-shaped', () => {
    expect(ABC_CLASS([values], null, null, null)).toEqual([['A', 'A', 'B', 'C', 'C']]);
  });

  it('per row against a population gives the same classes', () => {
    const rows = values.map((v) => ABC_CLASS([[v]], col(values), null, null)[0][0]);
    expect(rows).toEqual(['A', 'A', 'B', 'C', 'C']);
  });

  it('gives blanks for blank cells and ignores blanks in the population', () => {
    expect(ABC_CLASS(col([50, '', 30, 10, 5, 5]), null, null, null)).toEqual(col(['A', '', 'A', 'B', 'C', 'C']));
    expect(ABC_CLASS([['']], col([50, '', 30, '', 10, 5, 5]), null, null)).toEqual([['']]);
    expect(ABC_CLASS([[10]], col([50, '', 30, '', 10, 5, 5]), null, null)).toEqual([['B']]);
  });

  it('reads numeric text', () => {
    expect(ABC_CLASS(col(['50', '$30', '10', '5', '5']), null, null, null)).toEqual(col(['A', 'A', 'B', 'C', 'C']));
  });

  it('an error cell costs its row only (error objects and error text)', () => {
    const out = ABC_CLASS(col([50, new StubError('#N/A'), 30, '#DIV/0!', 10, 5, 5]), null, null, null);
    expect(out[0][0]).toBe('A');
    expect(isError(out[1][0], '#N/A')).toBe(true);
    expect(isError(out[3][0], '#DIV/0!')).toBe(true);
    expect([out[2][0], out[4][0], out[5][0], out[6][0]]).toEqual(['A', 'B', 'C', 'C']);
  });

  it('returns input errors a function cannot return as #N/A', () => {
    expect(isError(ABC_CLASS(col([new StubError('#NAME?'), 1]), null, null, null)[0][0], '#N/A')).toBe(true);
  });

  it('text that is no number is #VALUE! for that cell', () => {
    const out = ABC_CLASS(col([50, 'abc', 30]), null, null, null);
    expect(isError(out[1][0], '#VALUE!')).toBe(true);
    expect((out[1][0] as StubError).message).toMatch(/"abc" is not a number/);
    expect(out[0][0]).toBe('A');
  });

  it('takes shares', () => {
    expect(ABC_CLASS(col(values), null, 0.5, 0.9)).toEqual(col(['A', 'B', 'B', 'C', 'C']));
  });

  it.each([
    [0, 0.95, /a_share must be a number between 0 and 1, got 0/],
    [0.8, 1, /b_share must be a number between 0 and 1, got 1/],
    [0.9, 0.8, /a_share \(0.9\) must be less than b_share \(0.8\)/],
  ])('rejects shares %p, %p with #VALUE!', (a, b, message) => {
    const e = thrown(() => ABC_CLASS(col(values), null, a, b));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(message);
  });

  it('rejects a population with no numbers', () => {
    const e = thrown(() => ABC_CLASS([[5]], col(['', 'x', new StubError('#N/A')]), null, null));
    expect(e.message).toBe('the population has no numbers');
  });

  it('gives blanks, not an error, for an all-blank input with no population', () => {
    expect(ABC_CLASS(col(['', '']), null, null, null)).toEqual(col(['', '']));
  });
});

describe('TIER.PYRAMID', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);

  it('spills tiers as the engine places them', () => {
    const engine = pyramidTiers(values).tiers;
    const names = ['Platinum', 'Gold', 'Iron', 'Lead'];
    expect(flat(PYRAMID(col(values), null, null))).toEqual(Array.from(engine, (k) => names[k]));
    expect(PYRAMID(col([5, 400, 20, 1]), null, null)).toEqual(col(['Lead', 'Platinum', 'Iron', 'Lead']));
  });

  it('per row: the top 1 % is Platinum, the next 19 % Gold, the next 30 % Iron', () => {
    const tier = (v: number) => PYRAMID([[v]], col(values), null)[0][0];
    expect([tier(100), tier(99), tier(81), tier(80), tier(51), tier(50), tier(1)]).toEqual(['Platinum', 'Gold', 'Gold', 'Iron', 'Iron', 'Lead', 'Lead']);
  });

  it('takes cuts as an array constant or a range', () => {
    expect(PYRAMID([[95]], col(values), [[0.1, 0.2, 0.5]])).toEqual([['Platinum']]);
    expect(PYRAMID([[95]], col(values), col([0.1, 0.2, 0.5]))).toEqual([['Platinum']]);
  });

  it('rejects bad cuts with #VALUE!', () => {
    expect(thrown(() => PYRAMID([[1]], null, [[0.1, 0.2]])).message).toMatch(/^cuts must be 3 ascending shares between 0 and 1, got 0.1,0.2$/);
    expect(thrown(() => PYRAMID([[1]], null, [[0.5, 0.2, 0.7]])).message).toMatch(/ascending/);
    expect(thrown(() => PYRAMID([[1]], null, [[0.1, 0.2, 1.5]])).message).toMatch(/between 0 and 1/);
  });
});

describe('TIER.QUANTILE_SCORE', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('scores as the engine does, ties equal', () => {
    expect(flat(QUANTILE_SCORE(col(values), null, null, null))).toEqual(Array.from(quantileScores(values).scores));
    const ties = [1, 1, 1, 1, 2, 3, 3, 9];
    const out = flat(QUANTILE_SCORE(col(ties), null, 4, null));
    expect(out).toEqual(Array.from(quantileScores(ties, { bins: 4 }).scores));
    expect(new Set(out.slice(0, 4)).size).toBe(1);
  });

  it('descending gives the top score to the smallest values', () => {
    expect(flat(QUANTILE_SCORE(col(values), null, 5, true))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('scores a single cell against a population', () => {
    expect(QUANTILE_SCORE([[6]], col(values), 5, false)).toEqual([[3]]);
    expect(QUANTILE_SCORE([[6]], col(values), 5, true)).toEqual([[3]]);
    expect(QUANTILE_SCORE([[100]], col(values), null, null)).toEqual([[5]]);
  });

  it.each([1, 11, 2.5])('rejects bins %p with the engine message', (bins) => {
    const e = thrown(() => QUANTILE_SCORE(col(values), null, bins, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe(`bins must be a whole number from 2 to 10, got ${bins}`);
  });
});

describe('TIER.RFM_SCORE and TIER.RFM_SEGMENT', () => {
  const block = [
    [1, 9, 900],
    [200, 1, 20],
    [30, 3, 100],
  ];

  it('score and segment rows as the engine does', () => {
    expect(RFM_SCORE(block, null, 3)).toEqual([[333], [111], [222]]);
    expect(RFM_SEGMENT(block, null, 3)).toEqual([['Champions'], ['Lost'], ['Loyal']]);
    const s = scoreRfm({ recency: [1, 200, 30], frequency: [9, 1, 3], monetary: [900, 20, 100] }, { bins: 3 });
    expect(flat(RFM_SCORE(block, null, 3))).toEqual(Array.from(s.code));
    expect(flat(RFM_SEGMENT(block, null, 3))).toEqual(s.segment);
  });

  it('scores one row against a population block', () => {
    expect(RFM_SCORE([[1, 9, 900]], block, 3)).toEqual([[333]]);
    expect(RFM_SEGMENT([[200, 1, 20]], block, 3)).toEqual([['Lost']]);
  });

  it('blank rows are blank, error rows are their error, bad text is #VALUE!', () => {
    const out = RFM_SCORE([...block, ['', '', ''], [5, '', 10], [5, new StubError('#N/A'), 10], [5, 'many', 10]], block, 3);
    expect(out.slice(0, 3)).toEqual([[333], [111], [222]]);
    expect(out[3][0]).toBe('');
    expect(out[4][0]).toBe('');
    expect(isError(out[5][0], '#N/A')).toBe(true);
    expect(isError(out[6][0], '#VALUE!')).toBe(true);
  });

  it('a 10-bin code has two digits per score', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i + 1, i + 1, i + 1]);
    expect(RFM_SCORE([[1, 20, 20]], rows, 10)).toEqual([[101010]]);
  });

  it('rejects a block that is not 3 columns wide', () => {
    expect(thrown(() => RFM_SCORE([[1, 2]], null, null)).message).toBe('rfm must be 3 columns wide (recency days, frequency, monetary), got 2');
    expect(thrown(() => RFM_SEGMENT([[1, 2, 3]], [[1, 2, 3, 4]], null)).message).toMatch(/population must be 3 columns wide/);
  });

  it('rejects a population column with no numbers', () => {
    expect(thrown(() => RFM_SCORE([[1, 2, 3]], [['', 1, 2]], null)).message).toBe("the population's recency column has no numbers");
  });
});

describe('TIER.RFM_TABLE', () => {
  const customers = col([12346, 12347, 12346, '', 12348, 12347]);
  const dates = col([40513, '2010-12-05', '12/7/2010 10:00', 40520, new StubError('#N/A'), 40516]);
  const amounts = col([100, '50.5', 20, 99, 10, '1,000']);

  it('spills a header row and one row per customer; bad rows are skipped', async () => {
    const out = await RFM_TABLE(customers, dates, amounts, null, null);
    expect(out[0]).toEqual(['Customer', 'Recency', 'Frequency', 'Monetary', 'R', 'F', 'M', 'RFM', 'Segment']);
    // latest usable transaction 2010-12-07 (serial 40519) → as-of 2010-12-08
    expect(out.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [12346, 1, 2, 120],
      [12347, 3, 2, 1050.5],
    ]);
    for (const row of out.slice(1)) {
      expect(row[7]).toBe((row[4] as number) * 100 + (row[5] as number) * 10 + (row[6] as number));
      expect(typeof row[8]).toBe('string');
    }
  });

  it('measures recency to as_of, a serial or date text; later rows are left out', async () => {
    const bySerial = await RFM_TABLE(customers, dates, amounts, 40523, null);
    const byText = await RFM_TABLE(customers, dates, amounts, '2010-12-11', null);
    expect(bySerial).toEqual(byText);
    expect(bySerial.slice(1).map((r) => r[1])).toEqual([4, 6]);
    const early = await RFM_TABLE(customers, dates, amounts, '2010-12-06', null);
    expect(early.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [12346, 5, 1, 100],
      [12347, 1, 2, 1050.5],
    ]);
  });

  it('takes bins', async () => {
    const out = await RFM_TABLE(customers, dates, amounts, null, 2);
    expect(out.slice(1).every((r) => [r[4], r[5], r[6]].every((s) => s === 1 || s === 2))).toBe(true);
  });

  it('rejects ranges of different lengths', async () => {
    const e = await rejected(() => RFM_TABLE(customers, dates.slice(1), amounts, null, null));
    expect(e.message).toBe('customers, dates and amounts must have the same number of rows, got 6, 5 and 6');
  });

  it('rejects an as_of that is no date, and bins out of range', async () => {
    expect((await rejected(() => RFM_TABLE(customers, dates, amounts, 'soon', null))).message).toMatch(/as_of must be a date/);
    expect((await rejected(() => RFM_TABLE(customers, dates, amounts, null, 12))).message).toMatch(/bins must be a whole number from 2 to 10/);
  });

  it('says so when no row is usable', async () => {
    expect((await rejected(() => RFM_TABLE(col(['', '']), col([1, 2]), col([1, 2]), null, null))).message).toMatch(/no usable transactions/);
  });

  it('reads serials in the workbook\'s date system, so date text and real dates mix in a 1904 workbook', async () => {
    // an Excel whose DATE(2000,1,1) answers as a 1904 workbook does (and counts the questions)
    let asked = 0;
    const excel1904 = {
      run: async (callback: (context: unknown) => Promise<unknown>) => {
        asked++;
        const probe = { value: undefined as unknown };
        const context = {
          workbook: { functions: { date: (y: number, m: number, d: number) => ({ load: () => ((probe.value = [y, m, d].join() === '2000,1,1' ? 35064 : NaN), probe) }) } },
          sync: async () => undefined,
        };
        return callback(context);
      },
    };
    const mac = loadBundle({ Excel: excel1904 }).fns.RFM_TABLE as unknown as AsyncFn;
    // 2010-12-01, 2010-12-05 and 2010-12-07 as 1904 serials (1,462 below the 1900 ones), as_of as text
    const serials1904 = col([40513 - 1462, 40517 - 1462, 40519 - 1462]);
    const out = await mac(col(['A', 'A', 'B']), serials1904, col([1, 2, 3]), '2010-12-11', null);
    expect(out.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['A', 6],
      ['B', 4],
    ]);
    // text dates beside real ones: the same days
    const mixed = await mac(col(['A', 'A', 'B']), col([40513 - 1462, '2010-12-05', 40519 - 1462]), col([1, 2, 3]), 40523 - 1462, null);
    expect(mixed).toEqual(out);
    expect(asked).toBe(1); // asked once, then remembered
    // without Excel (and in a 1900 workbook) the same text as_of would be 4 years off
    const off = await RFM_TABLE(col(['A', 'A', 'B']), serials1904, col([1, 2, 3]), '2010-12-11', null);
    expect(off.slice(1).map((r) => r[1])).toEqual([6 + 1462, 4 + 1462]);
  });

  it('answers in the 1900 system when Excel cannot be asked, and asks again next time', async () => {
    let asked = 0;
    const failing = {
      run: async () => {
        asked++;
        throw new Error('not now');
      },
    };
    const fn = loadBundle({ Excel: failing }).fns.RFM_TABLE as unknown as AsyncFn;
    expect(await fn(customers, dates, amounts, null, null)).toEqual(await RFM_TABLE(customers, dates, amounts, null, null));
    await fn(customers, dates, amounts, null, null);
    expect(asked).toBe(2);
  });
});

describe('TIER.LABEL', () => {
  it('labels keys in English (default) and Chinese, over a range', () => {
    expect(LABEL([['A']], null)).toEqual([['A — key customers']]);
    expect(LABEL([['Platinum', 'Champions', 'key']], 'zh-CN')).toEqual([['重要客户', '冠军客户', '关键客户']]);
    expect(LABEL([['gold'], ['']], 'en')).toEqual([['Gold'], ['']]);
  });

  it('takes keys qualified by their method, or a method to look in', () => {
    expect(LABEL([['rfm:New', 'abc:A']], 'zh-CN')).toEqual([['新客户', 'A类 · 关键客户']]);
    expect(LABEL([['New']], 'zh-CN', 'rfm')).toEqual([['新客户']]);
    expect((LABEL([['A']], null, 'pyramid')[0][0] as StubError).message).toMatch(/unknown tier "A"/);
    expect(thrown(() => LABEL([['A']], null, 'nope')).message).toMatch(/^unknown method "nope"/);
  });

  it('unknown keys are #VALUE! in their cell; an unknown language is #VALUE!', () => {
    const out = LABEL([['Gold'], ['Silver']], null);
    expect(out[0][0]).toBe('Gold');
    expect((out[1][0] as StubError).message).toMatch(/unknown tier "Silver"/);
    expect(thrown(() => LABEL([['Gold']], 'fr')).message).toBe('language must be "en" or "zh-CN", got "fr"');
  });
});

describe('TIER.EXPLAIN', () => {
  const values = col([850, 30, 30, 25, 20, 15, 10, 10, 5, 5]);
  it('explains each row with the model fitted to the population, agreeing with the per-row class', () => {
    const why = EXPLAIN(values, null, 'abc', null, null) as string[][];
    const classes = ABC_CLASS(values, null, null, null) as string[][];
    why.forEach((row, i) => expect(row[0].startsWith(`${classes[i][0]}: customers ranked above hold`)).toBe(true));
    expect(why[0][0]).toBe('A: customers ranked above hold 0% of value; with this customer 85% (> 80%, ≤ 95%)'.replace('A:', classes[0][0] + ':'));
    expect(EXPLAIN(col([50]), values, 'abc', 'a_share=0.9; b_share=0.97', 'zh-CN')[0][0]).toMatch(/^[ABC]：排名在前的客户占价值的 85%/);
  });
  it('takes RFM rows (3 columns) by default and names the segment', () => {
    const rfm = [[1, 9, 900], [200, 1, 20], [30, 3, 100]];
    const why = EXPLAIN(rfm, null, null, 'bins=3', null) as string[][];
    const segments = RFM_SEGMENT(rfm, null, 3) as string[][];
    why.forEach((row, i) => expect(row[0].endsWith(`→ ${segments[i][0]}`)).toBe(true));
    expect(why[0][0]).toBe('R 3 (recency 1 d < 30 d) · F 3 (9 purchases ≥ 9) · M 3 (900.00 ≥ 900.00) → 333 → Champions');
  });
  it('gives blanks for blank rows and #VALUE! for unknown options', () => {
    expect(EXPLAIN(col([5, '']), col([5, 1]), 'pyramid', null, 'en')[1][0]).toBe('');
    expect(thrown(() => EXPLAIN(values, null, 'abc', 'bins=3', null)).message).toBe('options: "bins=3" is not a parameter of abc (its parameters: a_share, b_share), write name=value');
    expect(thrown(() => EXPLAIN(values, null, 'abc', 'a_share=2', null)).message).toBe('a_share must be a number between 0 and 1, got "2"');
  });
});

describe('TIER.CUTS', () => {
  it('shows the cut points each method uses', () => {
    expect(CUTS(col([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), null, null)).toEqual([['Score', 'From'], [2, 3], [3, 5], [4, 7], [5, 9]]);
    expect(CUTS(col([50, 30, 10, 5, 5]), 'abc', null)).toEqual([['Class', 'From'], ['A', 30], ['B', 10]]);
    expect(CUTS(col(Array.from({ length: 100 }, (_, i) => i + 1)), 'Pyramid', null)).toEqual([
      ['Tier', 'From'], ['Platinum', 100], ['Gold', 81], ['Iron', 51],
    ]);
  });

  it('an unreached score has a blank cut; an unknown method is #VALUE!', () => {
    expect(CUTS(col([7, 7, 7]), 'quantile', 3)).toEqual([['Score', 'From'], [2, 7], [3, '']]);
    expect(thrown(() => CUTS(col([1]), 'nope', null)).message).toMatch(/^method must be one of quantile, abc, pyramid(, [a-z]+)*, got "nope"$/);
  });
});
