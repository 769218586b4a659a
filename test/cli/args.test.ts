import { formatFor, parseArgs } from '../../src/cli/args';
import { letterIndex, resolveColumn } from '../../src/cli/column-spec';
import { CliError } from '../../src/cli/errors';

const classify = (...rest: string[]) => {
  const c = parseArgs(['classify', 'in.csv', ...rest]);
  if (c.kind !== 'classify') throw new Error('expected classify');
  return c.args;
};

describe('parseArgs', () => {
  it('reads every flag, in --flag value and --flag=value form', () => {
    const a = classify(
      '--method', 'abc', '--customer', 'Cust', '--date=D', '--amount', '3', '--invoice', 'A', '--quantity', 'Q', '--price', 'P',
      '--value', 'V', '--as-of', '2011-12-10', '--sheet', 'S', '--out', 'x.csv', '--force', '--returns', 'drop',
      '--a-share', '0.7', '--b-share', '0.9', '--lang', 'zh-CN', '--quiet', '--explain',
    );
    expect(a).toEqual({
      input: 'in.csv', method: 'abc', params: { aShare: 0.7, bShare: 0.9 },
      columns: { customer: 'Cust', date: 'D', amount: '3', invoice: 'A', quantity: 'Q', price: 'P', value: 'V' },
      asOf: '2011-12-10', sheet: 'S', out: 'x.csv', format: 'csv', force: true, returns: 'drop',
      lang: 'zh-CN', quiet: true, explain: true, reading: { lenient: false },
    });
  });

  it('takes each method\'s parameters from the registry', () => {
    expect(classify('--bins', '4').params).toEqual({ bins: 4 });
    expect(classify('-m', 'pyramid', '--pyramid-cuts', '0.05,0.25,0.6').params).toEqual({ pyramidCuts: [0.05, 0.25, 0.6] });
    expect(classify('-m', 'abc').params).toEqual({});
  });

  it('reads --abc-rule reach|within from the registry and refuses anything else', () => {
    expect(classify('-m', 'abc', '--abc-rule', 'within').params).toEqual({ abcRule: 'within' });
    expect(classify('-m', 'abc', '--abc-rule=reach').params).toEqual({ abcRule: 'reach' });
    expect(() => classify('-m', 'abc', '--abc-rule', 'above')).toThrow(/--abc-rule must be one of reach, within, got "above"/);
    expect(classify('--raw-csv').rawCsv).toBe(true);
  });

  it('defaults to RFM, JSON on stdout, English', () => {
    expect(classify()).toMatchObject({ method: 'rfm', format: 'json', force: false, lang: 'en', out: undefined });
  });

  it('knows help and version', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs([])).toEqual({ kind: 'help' });
    expect(parseArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['--method', 'nope'], /--method must be one of rfm, abc, pyramid/],
    [['--bins', '11'], /--bins must be a whole number from 2 to 10, got "11"/],
    [['--method', 'abc', '--bins', '4'], /--bins applies to --method rfm, not abc/],
    [['--as-of', '10/12/2011'], /--as-of must be a date as YYYY-MM-DD/],
    [['-m', 'abc', '--a-share', '0.96'], /--a-share \(0.96\) must be less than --b-share/],
    [['-m', 'abc', '--a-share', '80'], /--a-share must be a number between 0 and 1, got "80"/],
    [['-m', 'pyramid', '--pyramid-cuts', '0.5,0.2,0.7'], /--pyramid-cuts must be 3 ascending shares between 0 and 1, got "0.5,0.2,0.7"/],
    [['-m', 'pyramid', '--pyramid-cuts', '0.1,0.2'], /--pyramid-cuts must be 3 ascending shares/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['--out'], /--out needs a value/],
    [['--out', 'x.txt'], /cannot tell the output format/],
  ])('rejects %j with a usage error', (flags, message) => {
    let err: unknown;
    try {
      classify(...flags);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toMatch(message);
    expect((err as CliError).exitCode).toBe(2);
  });

  it('takes the format from --format over the extension', () => {
    expect(formatFor('json', 'x.xlsx')).toBe('json');
    expect(formatFor(undefined, 'X.XLSX')).toBe('xlsx');
  });
});

describe('column specs', () => {
  const headers = ['InvoiceNo', 'Customer ID', 'Date', 'A'];
  it('resolve a header (case-insensitive), a 1-based number or a letter', () => {
    expect(resolveColumn('customer id', headers, 'customer')).toBe(1);
    expect(resolveColumn('3', headers, 'date')).toBe(2);
    expect(resolveColumn('B', headers, 'customer')).toBe(1);
    expect(resolveColumn('A', headers, 'amount')).toBe(3); // a header named "A" wins over the letter
    expect(letterIndex('AA')).toBe(26);
  });
  it('say which columns exist when none matches', () => {
    expect(() => resolveColumn('Revenue', headers, 'amount')).toThrow(/--amount "Revenue": no such column \(the columns are "InvoiceNo", "Customer ID", "Date", "A"/);
  });
});
