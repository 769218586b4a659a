import fc from 'fast-check';
import {
  coerceDate,
  coerceNumber,
  dateColumn,
  dayNumber,
  errorCode,
  inferDateOrder,
  isBlank,
  keyColumn,
  keyText,
  numberColumn,
  parseDateText,
  parseNumberText,
  SKIP_REASONS,
} from '../../src/engine';

const anyCell = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.constantFrom('#N/A', '#VALUE!', { error: '#REF!' }, { code: '#DIV/0!' }, '', '  '),
);

describe('numbers', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['  12 ', 12],
    ['-5', -5],
    ['(35.00)', -35],
    ['$1,200', 1200],
    ['-£3.5', -3.5],
    ['¥88', 88],
    ['12%', 0.12],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('parses %p', (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 10);
  });
  it.each(['abc', '1,23', '12abc', '', '1.2.3', '--1'])('rejects %p', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });
  it('says why a cell is not a number', () => {
    expect(coerceNumber('')).toEqual({ ok: false, reason: 'blank' });
    expect(coerceNumber(null)).toEqual({ ok: false, reason: 'blank' });
    expect(coerceNumber('#N/A')).toEqual({ ok: false, reason: 'error' });
    expect(coerceNumber({ error: '#REF!' })).toEqual({ ok: false, reason: 'error' });
    expect(coerceNumber(true)).toEqual({ ok: false, reason: 'boolean' });
    expect(coerceNumber('many')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(coerceNumber(Infinity)).toEqual({ ok: false, reason: 'not-a-number' });
    expect(coerceNumber(7)).toEqual({ ok: true, value: 7 });
  });
  it('never throws and never returns NaN or Infinity as a value', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const n = coerceNumber(cell);
        const d = coerceDate(cell);
        return (!n.ok || Number.isFinite(n.value)) && (!d.ok || Number.isFinite(d.value));
      }),
    );
  });
});

describe('dates', () => {
  const day = dayNumber(2011, 12, 9);
  it.each([
    ['2011-12-09', day],
    ['2011-12-09 12:50:00', day + (12 * 60 + 50) / 1440],
    ['2011-12-09T12:50:00Z', day + (12 * 60 + 50) / 1440],
    ['2011/12/9', day],
    ['20111209', day],
    ['2011年12月9日', day],
    ['12/9/2011', day],
    ['12/9/2011 1:30 PM', day + (13 * 60 + 30) / 1440],
  ])('parses %p', (text, value) => {
    expect(parseDateText(text)).toBeCloseTo(value, 8);
  });
  it('reads day-first slash dates when told or when obvious', () => {
    expect(parseDateText('9/12/2011', 'dmy')).toBe(day);
    expect(parseDateText('25/12/2011')).toBe(dayNumber(2011, 12, 25));
    expect(inferDateOrder(['3/4/2011', '25/4/2011'])).toBe('dmy');
    expect(inferDateOrder(['3/4/2011', '4/25/2011'])).toBe('mdy');
  });
  it.each(['2011-02-30', '2011-13-01', 'soon', '31/31/2020', '2011-12-09 25:00'])('rejects %p', (text) => {
    expect(parseDateText(text)).toBeNaN();
  });
  it('reads serials, Date objects and numeric text, and says why not', () => {
    expect(coerceDate(40886)).toEqual({ ok: true, value: day });
    expect(coerceDate(39424, { dateSystem: '1904' })).toEqual({ ok: true, value: day });
    expect(coerceDate(new Date(Date.UTC(2011, 11, 9)))).toEqual({ ok: true, value: day });
    expect(coerceDate('40886')).toEqual({ ok: true, value: day });
    expect(coerceDate(60)).toEqual({ ok: false, reason: 'date-out-of-range' });
    expect(coerceDate('')).toEqual({ ok: false, reason: 'blank' });
    expect(coerceDate('#N/A')).toEqual({ ok: false, reason: 'error' });
    expect(coerceDate(false)).toEqual({ ok: false, reason: 'boolean' });
    expect(coerceDate('tomorrow')).toEqual({ ok: false, reason: 'not-a-date' });
  });
});

describe('cells and columns', () => {
  it('recognises blanks, errors and key text', () => {
    expect(isBlank('  ')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(errorCode('#N/A')).toBe('#N/A');
    expect(errorCode({ code: '#DIV/0!' })).toBe('#DIV/0!');
    expect(errorCode('N/A')).toBeUndefined();
    expect(keyText(12346)).toBe('12346');
    expect(keyText(' C-01 ')).toBe('C-01');
    expect(keyText('#REF!')).toBe('');
  });
  it('builds number and date columns with a reason per rejected row', () => {
    const n = numberColumn([1, '2,000', '', '#N/A']);
    expect(Array.from(n.values.subarray(0, 2))).toEqual([1, 2000]);
    expect(n.values[2]).toBeNaN();
    expect(n.reasons && [SKIP_REASONS[n.reasons[2]], SKIP_REASONS[n.reasons[3]]]).toEqual(['blank', 'error']);
    const d = dateColumn(['2011-12-09', 40886, 'x']);
    expect(Array.from(d.values.subarray(0, 2))).toEqual([15317, 15317]);
    expect(d.reasons && SKIP_REASONS[d.reasons[2]]).toBe('not-a-date');
    expect(numberColumn([1, 2]).reasons).toBeNull();
  });
  it('infers the slash order of a whole date column', () => {
    const d = dateColumn(['1/2/2020', '13/2/2020']);
    expect(Array.from(d.values)).toEqual([dayNumber(2020, 2, 1), dayNumber(2020, 2, 13)]);
  });
  it('encodes keys, treating 12346 and "12346" as the same customer', () => {
    const k = keyColumn(['A', 12346, 'A', '', '12346']);
    expect(Array.from(k.codes)).toEqual([0, 1, 0, -1, 1]);
    expect(k.keys).toEqual(['A', '12346']);
  });
});
