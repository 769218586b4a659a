import { change, migrationMatrix } from '../../src/functions/migration';

const err = (v: unknown): string => (v as { code?: string; message?: string }).message ?? '';

describe('TIER.MIGRATION', () => {
  it('matches by customer with two columns; totals are the tier counts', () => {
    const out = migrationMatrix([['C1', 'A'], ['C2', 'B'], ['C3', 'C']], [['C1', 'B'], ['C3', 'A'], ['C4', 'C']], null, null);
    expect(out[0]).toEqual(['Previous \\ Current', 'A', 'B', 'C', 'Gone', 'Total']);
    expect(out[1]).toEqual(['A', 0, 1, 0, 0, 1]);
    expect(out[2]).toEqual(['B', 0, 0, 0, 1, 1]);
    expect(out[3]).toEqual(['C', 1, 0, 0, 0, 1]);
    expect(out[4]).toEqual(['New', 0, 0, 1, 0, 1]);
    expect(out[5]).toEqual(['Total', 1, 1, 1, 1, 4]);
  });

  it('guesses the tier order of the method holding every key; Chinese headers', () => {
    const out = migrationMatrix([['Gold'], ['Lead']], [['Platinum'], ['Lead']], null, 'zh-CN');
    expect(out[0]).toEqual(['之前 \\ 现在', 'Platinum', 'Gold', 'Iron', 'Lead', '消失', '合计']);
    expect(out[2]).toEqual(['Gold', 1, 0, 0, 0, 0, 1]);
  });

  it('says what is wrong with the shapes', () => {
    expect(() => migrationMatrix([['A'], ['B']], [['A']])).toThrow();
    let thrown: unknown;
    try {
      migrationMatrix([['A', 'B', 'C']], [['A', 'B', 'C']]);
    } catch (e) {
      thrown = e;
    }
    expect(err(thrown)).toContain('got 3 columns');
    expect(() => migrationMatrix([['C1', 'A'], ['C1', 'B']], [['C1', 'A']])).toThrow();
  });
});

describe('TIER.CHANGE', () => {
  it('gives ↑ ↓ = new gone row by row', () => {
    expect(change([['B'], ['A'], [''], ['C'], ['']], [['A'], ['A'], ['C'], [''], ['']])).toEqual([['↑'], ['='], ['new'], ['gone'], ['']]);
    expect(change([['Gold'], ['Iron']], [['Iron'], ['Platinum']])).toEqual([['↓'], ['↑']]);
  });

  it('uses the method order when given (RFM segments)', () => {
    expect(change([['Lost']], [['Champions']], 'rfm')).toEqual([['↑']]);
  });

  it('matches by customer with two columns, one result per current row', () => {
    expect(change([['x', 'C'], ['y', 'A']], [['y', 'B'], ['z', 'A'], ['x', 'A']], 'abc')).toEqual([['↓'], ['new'], ['↑']]);
  });
});
