/** The `named` parameter kind: values optionally named after a column (`R=0.2`), numbers or words. */
import { type ParamSpec, criterionValues, measureOfName, methodById, namedColumns, namedEntries, paramProblem, paramText, parseParamText } from '../../../src/engine';

const WEIGHTS: ParamSpec = { name: 'weights', flag: 'weights', kind: 'named', default: ['R=0.2', 'F=0.3', 'M=0.5'], min: 0, label: { en: 'w', zh: '权' }, help: { en: 'w', zh: '权' } };
const DIRECTIONS: ParamSpec = { name: 'directions', flag: 'directions', kind: 'named', default: [], choices: ['high', 'low'], label: { en: 'd', zh: '向' }, help: { en: 'd', zh: '向' } };

describe('named parameters', () => {
  it('reads named and plain entries from text', () => {
    expect(parseParamText(WEIGHTS, 'R=0.2, F=0.3，M=0.5')).toEqual(['R=0.2', 'F=0.3', 'M=0.5']);
    expect(parseParamText(WEIGHTS, '2;3;5')).toEqual(['2', '3', '5']);
    expect(parseParamText(DIRECTIONS, 'R=LOW,F=high')).toEqual(['r=low', 'f=high']);
    expect(parseParamText(WEIGHTS, '')).toEqual([]);
    expect(namedEntries(['R=0.2', '0.3', '"Sales, net"=1'])).toEqual([{ name: 'R', value: '0.2' }, { value: '0.3' }, { name: '"Sales, net"', value: '1' }]);
    expect(paramText(WEIGHTS, ['R=0.2', 'F=0.3'])).toBe('R=0.2, F=0.3');
  });

  it('refuses negative or non-numeric weights, unknown words and empty names, in both languages', () => {
    expect(() => parseParamText(WEIGHTS, 'R=-1')).toThrow('weights must be a list of values, each a number ≥ 0, optionally named (R=…, F=…), got "R=-1"');
    expect(paramProblem(WEIGHTS, ['R=x'])?.zh).toBe('weights 须为一组值，每个为≥ 0 的数，可带名称（R=…, F=…），当前为 R=x');
    expect(paramProblem(WEIGHTS, ['=1'])).not.toBeNull();
    expect(paramProblem(WEIGHTS, 0.2)).not.toBeNull();
    expect(() => parseParamText(DIRECTIONS, 'R=down')).toThrow('directions must be a list of values, each one of high, low, optionally named (R=…, F=…), got "R=down"');
    expect(paramProblem(DIRECTIONS, ['low', 'R=high'])).toBeNull();
  });
});

describe('AOV as a measure name', () => {
  it('is a measure, so the adapters do not look for an "AOV" column', () => {
    expect(measureOfName(' aov ')).toBe('aov');
    expect(namedColumns(methodById('matrix'), {})).toEqual([]);
    expect(namedColumns(methodById('matrix'), { x: ['Margin'], y: ['AOV'] })).toEqual(['Margin']);
  });

  it('is monetary / frequency; a column that was not loaded is named in the message', () => {
    const m = { n: 2, value: Float64Array.of(5, 6), frequency: Float64Array.of(2, 0), monetary: Float64Array.of(5, 6) };
    expect(Array.from(criterionValues(m, 'AOV', 'matrix'))).toEqual([2.5, NaN]);
    expect(() => criterionValues(m, 'Margin', 'grade')).toThrow('grade: the column "Margin" was not found in the input (name a column of the table, or R, F, M, AOV, value)');
  });
});
