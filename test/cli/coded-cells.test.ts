import fc from 'fast-check';
import { DictBuilder, NumberBuilder } from '../../src/cli/column-builders';
import { type DictCells, cellAt, classifyTable, decideDateOrder, decideDecimalMark, keyColumnOf, markTotalRows, moneyProfile, numberColumn, numberColumnOf, plainText, profileOf } from '../../src/engine';

function dict(cells: string[]): DictCells {
  const b = new DictBuilder(2);
  for (const c of cells) b.addText(c);
  return b.cells();
}

describe('coded columns read like the cells they stand for', () => {
  it('keeps each distinct text once, the empty text too (a column with many blank cells)', () => {
    // a blank customer cell on every other row, as in Online Retail: one value for all the blanks
    const cells = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? '' : String(12000 + (i % 37))));
    const d = dict(cells);
    expect(d.values).toHaveLength(38);
    expect(d.values.filter((v) => v === '')).toHaveLength(1);
    expect(Array.from(d.counts)[d.values.indexOf('')]).toBe(1000);
    const n = new NumberBuilder(2);
    for (const c of cells) n.addText(c === '' ? '' : `n/${c}`);
    expect(n.cells().text).toHaveLength(38);
  });

  it('gives back the text of plain numbers', () => {
    expect(plainText(-12.5, 2)).toBe('-12.50');
    expect(plainText(-0, 0)).toBe('-0');
    expect(plainText(0.1, 1)).toBe('0.1');
  });

  it('parses plain number text to exactly Number(text) and keeps every other text, under both decimal marks', () => {
    const text = fc.oneof(
      fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.option(fc.stringMatching(/^[0-9]{1,6}$/))).map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f === null ? '' : `.${f}`}`),
      fc.constantFrom('', '007', '1.234', '0.123', '12,50', '1.234,56', '(35)', '1e3', '+5', '.5', '5.', '-', 'x'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), (cells) => {
        const b = new NumberBuilder(1);
        for (const c of cells) b.addText(c);
        const coded = b.cells();
        expect(cells.map((_, i) => cellAt(coded, i))).toEqual(cells);
        for (const decimal of [undefined, '.', ','] as const) {
          for (const fallbackDecimal of ['.', ','] as const) {
            const want = numberColumn(cells, { decimal, fallbackDecimal });
            const got = numberColumnOf(coded, { decimal, fallbackDecimal });
            expect(Array.from(got.values)).toEqual(Array.from(want.values));
            expect(got.reasons).toEqual(want.reasons);
            expect(got.decimal).toEqual(want.decimal);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('knows the money profile of plain amounts as moneyProfile finds it (decimals, sum of magnitudes)', () => {
    const plain = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999 }), fc.stringMatching(/^[0-9]{0,6}$/)).map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f === '' ? '' : `.${f}`}`);
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 50 }), (cells) => {
        const b = new NumberBuilder(1);
        for (const c of cells) b.addText(c);
        const col = numberColumnOf(b.cells());
        expect(col.money).toBeDefined();
        const known = col.money as { decimals: number; bound: number };
        expect(profileOf(known.decimals, known.bound, col.values.length)).toEqual(moneyProfile(col.values));
      }),
      { numRuns: 500 },
    );
    // wider than 12 digits, or any text row: no profile (aggregation finds it itself)
    const wide = new NumberBuilder(1);
    wide.addText('1234567890123.5');
    expect(numberColumnOf(wide.cells()).money).toBeUndefined();
    const text = new NumberBuilder(1);
    text.addText('1,234.50');
    expect(numberColumnOf(text.cells()).money).toBeUndefined();
  });

  it('weights distinct values by their counts when deciding the decimal mark and the date order', () => {
    expect(decideDecimalMark(['1,5', '2.5'], undefined, '.', [3, 2]).mark).toBe(',');
    expect(decideDecimalMark(['1,5', '2.5']).mark).toBe('.');
    expect(decideDateOrder(['25/03/2024', '03/25/2024'], undefined, 'mdy', [1, 5]).order).toBe('mdy');
  });

  it('shares the reader\'s codes as key codes, and copies them before marking a total row', () => {
    const cells = dict(['a', 'b', 'Total']);
    const k = keyColumnOf(cells);
    expect(k.codes).toBe(cells.codes);
    expect(markTotalRows(k, new Float64Array([1, 2, 3]), [cells])).toBe(1);
    expect(Array.from(k.codes)).toEqual([0, 1, -1]);
    expect(Array.from(cells.codes)).toEqual([0, 1, 2]);
    expect(cellAt(cells, 2)).toBe('Total');
  });

  it('classifies a table of coded columns as the same table of plain cells', () => {
    const customer = ['a', ' a', 'b', '', 'c', 'Total'];
    const date = ['05/03/2024', '25/03/2024', '2024-03-01', '2024-03-02', 'soon', '2024-03-03'];
    const amount = ['1,5', '2', '-1', '3', '4', '9'];
    const plain = classifyTable({ customer, date, amount }, { method: 'abc' });
    const a = new NumberBuilder(1);
    amount.forEach((x) => a.addText(x));
    const coded = classifyTable({ customer: dict(customer), date: dict(date), amount: a.cells() }, { method: 'abc' });
    expect(JSON.stringify(coded)).toBe(JSON.stringify(plain));
  });
});
