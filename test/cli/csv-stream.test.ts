/**
 * The streaming CSV reader reads exactly what the whole-file reader reads: the same headers,
 * sample, encoding, delimiter, header row, cells, row numbers and errors, over the reading
 * corpus (test/fixtures/files, examples, csv-spectrum) and random texts, with chunks so small that
 * every record, quoted field, CRLF and multi-byte character is cut somewhere. The coded columns
 * then coerce to the same typed columns as the plain cells.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { openCsv } from '../../src/cli/csv-source';
import { openCsvStream } from '../../src/cli/csv-stream-source';
import { type Cell, type ColumnCells, type NumberColumn, dateColumn, dateColumnOf, keyColumn, keyColumnOf, moneyProfile, numberColumn, numberColumnOf, plainCells, profileOf } from '../../src/engine';
import { EXAMPLES, tempDir } from './helpers';

const FILES = join(__dirname, '..', 'fixtures', 'files');
const SPECTRUM = join(dirname(require.resolve('csv-spectrum/package.json')), 'csvs');
const corpus: { file: string; encoding?: string; lenient?: boolean }[] = [
  ...readdirSync(FILES).filter((f) => /\.(csv|txt)$/.test(f)).map((f) => ({ file: join(FILES, f) })),
  { file: join(FILES, 'excel-macintosh.csv'), encoding: 'macintosh' },
  { file: join(FILES, 'stray-quote-lenient.csv'), lenient: true },
  { file: join(FILES, 'stray-quote.csv'), lenient: true },
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.csv')).map((f) => ({ file: join(EXAMPLES, f) })),
  ...readdirSync(SPECTRUM).filter((f) => f.endsWith('.csv')).map((f) => ({ file: join(SPECTRUM, f) })),
];

type Read = { error: string } | { headers: string[]; sample: Cell[][]; reading: unknown; rows: number; columns: Cell[][]; rowNumbers: number[] };

function outcome(f: () => Read): Read {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function wholeFile(file: string, opts: { encoding?: string; lenient?: boolean }): Read {
  return outcome(() => {
    const s = openCsv(file, undefined, opts);
    const all = s.headers.map((_, i) => i);
    const { columns, rows } = s.load(all);
    return { headers: s.headers, sample: s.sample, reading: s.reading, rows, columns: all.map((i) => Array.from(plainCells(columns.get(i) ?? []))), rowNumbers: Array.from({ length: rows }, (_, i) => s.rowNumber(i)) };
  });
}

function streamed(file: string, opts: { encoding?: string; lenient?: boolean }, chunkBytes: number | undefined, numeric: boolean, coded?: Map<number, ColumnCells>): Read {
  return outcome(() => {
    const s = openCsvStream(file, undefined, { ...opts, chunkBytes });
    const all = s.headers.map((_, i) => i);
    const { columns, rows } = s.load(all, numeric ? all : []);
    for (const [i, c] of columns) coded?.set(i, c);
    return { headers: s.headers, sample: s.sample, reading: s.reading, rows, columns: all.map((i) => Array.from(plainCells(columns.get(i) ?? []))), rowNumbers: Array.from({ length: rows }, (_, i) => s.rowNumber(i)) };
  });
}

/** Typed columns from coded cells equal those from plain cells, for every reading option. */
function expectSameTyped(plain: Cell[], coded: ColumnCells): void {
  // the money profile a reader may attach must be the one aggregation would find itself
  const strip = ({ money, runs, ...c }: NumberColumn): unknown => {
    if (money) expect(profileOf(money.decimals, money.bound, c.values.length)).toEqual(moneyProfile(c.values));
    // runs a reader may attach must spell out the values
    if (runs) expect(Array.from(runs.values).flatMap((v, r) => Array<number>(runs.lengths[r]).fill(v))).toEqual(Array.from(c.values));
    return { ...c, values: Array.from(c.values, (v) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v)) };
  };
  for (const decimal of [undefined, '.', ','] as const) {
    for (const fallbackDecimal of ['.', ','] as const) expect(strip(numberColumnOf(coded, { decimal, fallbackDecimal }))).toEqual(strip(numberColumn(plain, { decimal, fallbackDecimal })));
  }
  for (const dateOrder of [undefined, 'dmy', 'mdy', 'ymd'] as const) expect(strip(dateColumnOf(coded, { dateOrder, fallbackOrder: 'dmy' }))).toEqual(strip(dateColumn(plain, { dateOrder, fallbackOrder: 'dmy' })));
  const k = keyColumnOf(coded);
  expect({ codes: k.codes, keys: k.keys, reasons: k.reasons }).toEqual(keyColumn(plain));
}

describe('streaming CSV reader = whole-file reader', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThan(30);
  });

  it.each(corpus.map((c) => [`${c.file.split('/').slice(-2).join('/')}${c.encoding ? ` --encoding ${c.encoding}` : ''}${c.lenient ? ' --lenient' : ''}`, c] as const))('%s', (_name, c) => {
    const want = wholeFile(c.file, c);
    // byte-sized chunks on the small files; the big ones are still cut thousands of times
    const chunks = statSync(c.file).size < 16384 ? [1, 2, 3, 7, 64, undefined] : [7, 61, 4096, undefined];
    for (const chunk of chunks) {
      for (const numeric of [false, true]) {
        const coded = new Map<number, ColumnCells>();
        const got = streamed(c.file, c, chunk, numeric, coded);
        expect(got).toEqual(want);
        if ('columns' in want && chunk === 7) want.columns.forEach((plain, i) => expectSameTyped(plain, coded.get(i) as ColumnCells));
      }
    }
  });

  it('reads a record cut by chunk ends inside a quoted field, a multi-byte character and a CRLF', () => {
    const dir = tempDir();
    const file = join(dir, 'cut.csv');
    // 60 bytes of padding, then a record whose quoted field (with a line break), 张 (3 bytes) and CRLF straddle byte 64
    const pad = `id,name,amount\r\n${'x'.repeat(40)},p,1\r\n`;
    const text = `${pad}7,"a\r\nb, ""c""",张伟\r\n8,"€",-0.50\r\n`;
    writeFileSync(file, text);
    for (const at of [60, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78]) {
      const s = openCsvStream(file, undefined, { chunkBytes: at });
      const { columns, rows } = s.load([0, 1, 2], [2]);
      expect(rows).toBe(3);
      expect(Array.from(plainCells(columns.get(1) as ColumnCells))).toEqual(['p', 'a\r\nb, "c"', '€']);
      expect(Array.from(plainCells(columns.get(2) as ColumnCells))).toEqual(['1', '张伟', '-0.50']);
      expect(Array.from(plainCells(columns.get(0) as ColumnCells))).toEqual(['x'.repeat(40), '7', '8']);
    }
  });

  it('reads GB18030 and UTF-16 files in chunks through the streaming decoder', () => {
    const dir = tempDir();
    const text = `客户,日期,金额\n${Array.from({ length: 300 }, (_, i) => `张${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5`).join('\n')}\n`;
    for (const [name, bytes] of [
      ['gbk.csv', iconv.encode(text, 'gb18030')],
      ['le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/,/g, '\t'), 'utf-16le')])],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      for (const chunk of [5, 333, undefined]) expect(streamed(file, {}, chunk, true)).toEqual(wholeFile(file, {}));
    }
  });

  it('a big file whose start is ASCII and whose encoding shows further on: decided on the whole file, as the whole-file reader does', () => {
    const dir = tempDir();
    const ascii = (rows: number, width: number): string => Array.from({ length: rows }, (_, i) => `c${i % 97},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5,${'x'.repeat(width)}`).join('\n');
    const cases: [string, Buffer, string][] = [
      // GB18030 past the first 256 KiB (the sample is in the ASCII start)
      ['late-gbk.csv', Buffer.concat([Buffer.from('cust,date,amount,note\n'), Buffer.from(ascii(12000, 8) + '\n'), iconv.encode('张伟,2024-02-01,3.5,备注\n李娜,2024-02-02,4,好\n', 'gb18030')]), 'GB18030'],
      // UTF-8 past the first 256 KiB: still UTF-8
      ['late-utf8.csv', Buffer.from(`cust,date,amount,note\n${ascii(12000, 8)}\n张伟,2024-02-01,3.5,备注\n`), 'UTF-8'],
      // rows so long that the sample runs past the ASCII start, into GB18030 text
      ['long-rows.csv', Buffer.concat([Buffer.from(`cust,date,amount,note\n${ascii(450, 600)}\n`), iconv.encode(`${'张伟,2024-02-01,3.5,备注\n'.repeat(100)}`, 'gb18030'), Buffer.from(`${ascii(100, 600)}\n`)]), 'GB18030'],
      // … into text that is UTF-8 there but not further on: the sample is read in the encoding of the whole file
      ['long-rows-mixed.csv', Buffer.concat([Buffer.from(`cust,date,amount,note\n${ascii(450, 600)}\n${'张伟,2024-02-01,3.5,备注\n'.repeat(100)}${ascii(1000, 600)}\n`), iconv.encode('李娜,2024-02-02,4,好\n', 'gb18030')]), ''],
    ];
    for (const [name, bytes, encoding] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      expect(bytes.length).toBeGreaterThan(256 * 1024);
      const want = wholeFile(file, {});
      if (encoding) expect(want).toMatchObject({ reading: { encoding: { name: encoding } } });
      else expect(want).not.toMatchObject({ reading: { encoding: { name: 'UTF-8' } } });
      for (const chunk of [4096, undefined]) expect(streamed(file, {}, chunk, true)).toEqual(want);
    }
  });

  it('logs of ids, dates and amounts (read by the builders\' own scans) with near-misses, quotes, short and long records, every chunk cut', () => {
    const dir = tempDir();
    const file = join(dir, 'log.csv');
    const id = fc.oneof(
      { weight: 3, arbitrary: fc.nat({ max: 2e9 }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('', '0', '00', '007', '123456789', '1234567890', '-5', 'C123', '12a', '"17"', ' 17', '2024-03-05') },
    );
    const date = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('-', '/', '.')).map(([y, m, d, sep]) => [y, String(m).padStart(2, '0'), String(d).padStart(2, '0')].join(sep)) },
      { weight: 1, arbitrary: fc.constantFrom('', '2024-03/05', '2024-3-05', '2024-03-055', '2024-03-5', '20240305', '2024-03-05 10:00', '05/03/2024', '2024-0a-05', '"2024-03-05"') },
    );
    const amount = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -99999, max: 999999 }), fc.nat({ max: 999 }), fc.integer({ min: 0, max: 3 })).map(([w, f, d]) => (d === 0 ? String(w) : `${w}.${String(f).padStart(3, '0').slice(0, d)}`)) },
      { weight: 1, arbitrary: fc.constantFrom('', '-0', '0.5', '.5', '5.', '1,234.5', '46,80', '007', '1e5', ' 3', '12345678901234567', 'N/A', '"9.99"') },
    );
    const record = fc.tuple(id, date, amount, fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2)).map(([a, b, c, shape]) => (shape === 0 ? [a, b, c] : shape === 1 ? [a, b] : [a, b, c, 'extra']).join(','));
    const breaks = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(record, breaks), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), fc.boolean(), (rows, chunk, lastBreak, sorted) => {
        // sorted by the date text: runs of equal dates, codes that never go down
        if (sorted) rows.sort(([a], [b]) => (a.split(',')[1] < b.split(',')[1] ? -1 : a.split(',')[1] > b.split(',')[1] ? 1 : 0));
        const body = rows.map(([r, b]) => r + b).join('');
        writeFileSync(file, `customer,date,amount\n${lastBreak ? body : body.replace(/[\r\n]+$/, '')}`);
        const want = wholeFile(file, {});
        for (const numeric of [false, true]) {
          const coded = new Map<number, ColumnCells>();
          expect(streamed(file, {}, chunk, numeric, coded)).toEqual(want);
          // the distinct texts in order of first appearance, as the codes say
          for (const [i, cells] of coded) {
            const texts = (want as { columns: Cell[][] }).columns[i];
            if ('kind' in cells && cells.kind === 'dict') expect(cells.values).toEqual([...new Set(texts)]);
            // and they coerce as the plain cells do (dates in order filled a run per date)
            expectSameTyped(texts, cells);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('random texts: quotes, doubled quotes, line breaks, blank lines, BOM, multi-byte text, numbers', () => {
    const dir = tempDir();
    const file = join(dir, 'random.csv');
    const field = fc.oneof(
      fc.constantFrom('', ' ', '1', '-0', '0.5', '12.50', '1.234', '1,234.5', '46,80', '007', '2024-03-05', '05/03/2024', '25/03/2024', 'Total', '张伟', '€', '#N/A', '"', '""', '"a,b"', '"x\ny"', '"\r\n"', '"q""q"', 'a"b'),
      fc.string({ maxLength: 4 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join(','));
    const breaks = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(record, breaks), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 40 }), (rows, bom, lenient, chunk) => {
        const text = (bom ? '\uFEFF' : '') + rows.map(([r, b]) => r + b).join('');
        writeFileSync(file, text);
        const want = wholeFile(file, { lenient });
        const got = streamed(file, { lenient }, chunk, true);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
