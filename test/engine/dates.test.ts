import { civilDate, dayNumber, dayNumberToSerial, isValidDate, isoDate, serialToDayNumber } from '../../src/engine';
import fc from 'fast-check';

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2011, 12, 9)).toBe(15317);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
  });
  it('round-trips through the calendar for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (d) => {
        const { year, month, day } = civilDate(d);
        return isValidDate(year, month, day) && dayNumber(year, month, day) === d;
      }),
    );
  });
  it('formats ISO dates', () => {
    expect(isoDate(15317)).toBe('2011-12-09');
    expect(isoDate(15317.75)).toBe('2011-12-09');
  });
  it('knows leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2023, 4, 31)).toBe(false);
  });
});

describe('Excel serials', () => {
  it('reads the 1900 system, including the days before the fictitious 1900-02-29', () => {
    expect(serialToDayNumber(40886)).toBe(dayNumber(2011, 12, 9));
    expect(serialToDayNumber(1)).toBe(dayNumber(1900, 1, 1));
    expect(serialToDayNumber(59)).toBe(dayNumber(1900, 2, 28));
    expect(serialToDayNumber(61)).toBe(dayNumber(1900, 3, 1));
    expect(serialToDayNumber(60)).toBeNaN();
    expect(serialToDayNumber(0)).toBeNaN();
    expect(serialToDayNumber(2958466)).toBeNaN();
  });
  it('reads the 1904 system', () => {
    expect(serialToDayNumber(0, '1904')).toBe(dayNumber(1904, 1, 1));
    expect(serialToDayNumber(39424, '1904')).toBe(dayNumber(2011, 12, 9));
  });
  it('keeps the time of day as a fraction', () => {
    expect(serialToDayNumber(40886.5)).toBe(15317.5);
  });
  it('round-trips serials in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), fc.constantFrom<'1900' | '1904'>('1900', '1904'), (s, system) => {
        if (system === '1900' && s === 60) return true;
        const d = serialToDayNumber(s, system);
        return Number.isNaN(d) || dayNumberToSerial(d, system) === s;
      }),
    );
  });
});
