/** Messages about unusable input judge the cells as the run read them (date order, decimal mark). */
import { run, tempDir, writeTemp } from './helpers';

describe('messages about unusable cells', () => {
  it('a decimal-comma amount is not blamed when the dates are what fails', async () => {
    const f = writeTemp(tempDir(), 'de.csv', 'Kunde;Betrag;Datum\nA;46,80;bald\nB;12,00;nie\n');
    const r = await run('classify', f, '--method', 'abc');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "Datum": row 2: "bald" is not a date/);
  });
  it('a date that only reads in the other order is named', async () => {
    const f = writeTemp(tempDir(), 'us.csv', 'Customer,Date,Amount\nA,03/25/2024,1\nB,04/26/2024,2\nC,05/27/2024,3\n');
    const r = await run('classify', f, '--method', 'abc', '--date-order', 'dmy');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "Date": row 2: "03\/25\/2024" is not a date/);
  });
});
