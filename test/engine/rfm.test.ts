import fc from 'fast-check';
import { checkCoverage, DEFAULT_SEGMENT_RULES, rfmCode, scoreLevel, scoreRfm, segmentLookup, SEGMENT_TIERS } from '../../src/engine';

describe('RFM scores and segments', () => {
  it('scores recency descending and names the segment', () => {
    const s = scoreRfm({ recency: [1, 200, 30], frequency: [9, 1, 3], monetary: [900, 20, 100] }, { bins: 3 });
    expect(Array.from(s.r)).toEqual([3, 1, 2]);
    expect(Array.from(s.code)).toEqual([333, 111, 222]);
    expect(s.segment).toEqual(['Champions', 'Lost', 'Loyal']);
    expect(s.cuts.recency).toEqual([30, 200]);
  });
  it('writes the code as R·100 + F·10 + M, with two digits each for 10 bins', () => {
    expect(rfmCode(5, 4, 5, 5)).toBe(545);
    expect(rfmCode(10, 9, 7, 10)).toBe(100907);
  });
  it('takes cut points from a population when given one', () => {
    const population = { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] };
    const s = scoreRfm({ recency: [1], frequency: [4], monetary: [4] }, { bins: 2, population });
    expect(Array.from(s.code)).toEqual([222]);
  });
  it('leaves customers with a missing measure unscored', () => {
    const s = scoreRfm({ recency: [1, NaN], frequency: [1, 2], monetary: [5, 6] }, { bins: 2 });
    expect(s.segment[1]).toBe('');
    expect(s.code[1]).toBe(0);
  });
  it('maps scores to the 1…5 level scale for any number of bins', () => {
    expect([1, 2, 3, 4, 5].map((s) => scoreLevel(s, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3].map((s) => scoreLevel(s, 3))).toEqual([1, 3, 5]);
    expect(scoreLevel(10, 10)).toBe(5);
    expect(scoreLevel(1, 10)).toBe(1);
  });
});

describe('segment rule table', () => {
  it('the default table covers all 125 cells for 5 bins and every rule is reachable', () => {
    const c = checkCoverage(DEFAULT_SEGMENT_RULES, 5);
    expect(c.uncovered).toEqual([]);
    expect(c.unreachable).toEqual([]);
    expect(c.complete).toBe(true);
  });
  it.each([2, 3, 4, 6, 7, 8, 9, 10])('the default table leaves no cell uncovered with %i bins', (bins) => {
    expect(checkCoverage(DEFAULT_SEGMENT_RULES, bins).uncovered).toEqual([]);
  });
  it('every default segment has a tier definition', () => {
    const keys = new Set(SEGMENT_TIERS.map((t) => t.key));
    DEFAULT_SEGMENT_RULES.forEach((r) => expect(keys.has(r.segment)).toBe(true));
  });
  it('reports uncovered cells, overlaps and rules that can never match in an edited table', () => {
    const rules = [
      { segment: 'Best', r: [4, 5], f: [4, 5], m: [4, 5] },
      { segment: 'Shadowed', r: [5, 5], f: [5, 5], m: [5, 5] },
      { segment: 'Empty', r: [3, 2], f: [1, 5], m: [1, 5] },
      { segment: 'Rest', r: [1, 5], f: [1, 5], m: [2, 5] },
    ] as const;
    const c = checkCoverage(rules, 5);
    expect(c.uncovered).toHaveLength(25);
    expect(c.uncovered).toContainEqual([3, 3, 1]);
    expect(c.unreachable).toEqual([1, 2]);
    expect(c.overlapping.find((o) => o.cell.join() === '5,5,5')?.rules).toEqual([0, 1, 3]);
    expect(c.complete).toBe(false);
  });
  it('looks segments up per cell, first match winning', () => {
    const seg = segmentLookup(DEFAULT_SEGMENT_RULES, 5);
    expect(seg(5, 5, 5)).toBe('Champions');
    expect(seg(1, 5, 5)).toBe("Can't lose them");
    expect(seg(5, 1, 3)).toBe('New');
    expect(seg(1, 1, 1)).toBe('Lost');
  });
  it('property: every customer with three scores gets a segment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 50 }), fc.double({ min: -10, max: 1e5, noNaN: true })), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.integer({ min: 2, max: 10 }),
        (rows, bins) => {
          const s = scoreRfm({ recency: rows.map((r) => r[0]), frequency: rows.map((r) => r[1]), monetary: rows.map((r) => r[2]) }, { bins });
          return s.segment.every((x) => x !== '');
        },
      ),
    );
  });
});
