import { parseCsv, sniffDelimiter } from '../../src/cli/csv-read';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks (RFC 4180)', () => {
    const t = parseCsv('id,name,note\r\n1,"Smith, J","say ""hi"""\r\n2,"two\nlines",x\r\n');
    expect(t.headers).toEqual(['id', 'name', 'note']);
    expect(t.rows).toBe(2);
    expect(t.columns[1]).toEqual(['Smith, J', 'two\nlines']);
    expect(t.columns[2]).toEqual(['say "hi"', 'x']);
  });

  it('drops a BOM, skips blank lines, fills short records and keeps trailing empty fields', () => {
    const t = parseCsv('\uFEFFa,b,c\n1,2\n\n3,4,\n5,6,7');
    expect(t.headers).toEqual(['a', 'b', 'c']);
    expect(t.columns[2]).toEqual(['', '', '7']);
    expect(t.columns[0]).toEqual(['1', '3', '5']);
  });

  it('materialises only the kept columns and stops at maxRows', () => {
    const t = parseCsv('a,b,c\n1,2,3\n4,5,6\n7,8,9\n', { keep: [2], maxRows: 2 });
    expect(t.columns[0]).toBeUndefined();
    expect(t.columns[2]).toEqual(['3', '6']);
    expect(t.rows).toBe(2);
  });

  it('sniffs semicolon and tab delimiters, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;"2,5";3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a,b\n"x;y",2\n')).toBe(',');
  });
});
