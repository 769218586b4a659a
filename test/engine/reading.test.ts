import {
  type Cell,
  classifyTable,
  dateColumn,
  decideDateOrder,
  decideDecimalMark,
  detectColumns,
  headerRole,
  isTotalLabel,
  keyColumn,
  localeDateOrder,
  looksHeaderless,
  markTotalRows,
  numberColumn,
  parseDateText,
  parseNumberWith,
  SKIP_REASONS,
  DuplicateIdError,
} from '../../src/engine';

describe('numbers with a decimal comma or a decimal point', () => {
  it.each([
    ['1.234,56', ',', 1234.56],
    ['1 234,56', ',', 1234.56],
    ['1\u00a0234,56', ',', 1234.56],
    ["1'234.56", '.', 1234.56],
    ['46,80', ',', 46.8],
    ['12,50 €', ',', 12.5],
    ['€ 1.200,00', ',', 1200],
    ['¥1,234', '.', 1234],
    ['£3.50', '.', 3.5],
    ['(35)', '.', -35],
    ['35-', '.', -35],
    ['12,5-', ',', -12.5],
    ['-1.234,5', ',', -1234.5],
  ] as const)('reads %p with mark %p', (text, mark, value) => {
    expect(parseNumberWith(text, mark)).toBeCloseTo(value, 10);
  });
  it.each([
    ['46,80', '.'],
    ['1,234.56', ','],
    ['12,3,4', ','],
    ['12,3,4', '.'],
    ['1.2.3', ','],
  ] as const)('rejects %p with mark %p', (text, mark) => {
    expect(parseNumberWith(text, mark)).toBeNaN();
  });
  it('decides the mark of a column from its values', () => {
    expect(decideDecimalMark(['46,80', '1.234,56', '7']).mark).toBe(',');
    expect(decideDecimalMark(['46.80', '1,234.56']).mark).toBe('.');
    expect(decideDecimalMark(['46,80', '1.234,56']).how).toBe('values');
    // 1.234 reads both ways: assumed, and counted as ambiguous
    const amb = decideDecimalMark(['1.234', '2.500']);
    expect(amb).toMatchObject({ mark: '.', how: 'assumed', ambiguous: 2, ambiguousExample: '1.234' });
    expect(decideDecimalMark(['1.234'], undefined, ',').mark).toBe(',');
    // 0.125 cannot be a thousands group
    expect(decideDecimalMark(['0.125']).how).toBe('values');
    expect(decideDecimalMark(['1.234'], ',')).toMatchObject({ mark: ',', how: 'flag' });
    expect(decideDecimalMark(['46,80', '12.5', '3,1'])).toMatchObject({ mark: ',', conflicting: 1, conflictExample: '12.5' });
  });
  it('a column with a decimal comma reads 50× right, not 50× too small', () => {
    const col = numberColumn(['1.234', '46,80', '12,3,4']);
    expect(Array.from(col.values).slice(0, 2)).toEqual([1234, 46.8]);
    expect(col.values[2]).toBeNaN();
    expect(col.decimal?.mark).toBe(',');
    expect(numberColumn(['1.234', '46,80'], { decimal: '.' }).values[1]).toBeNaN();
  });
});

describe('date order per column', () => {
  it('reads every slash date of a column in the order its values show', () => {
    const col = dateColumn(['05/03/2024', '25/03/2024', '01/02/2024']);
    expect(col.dateOrder).toMatchObject({ order: 'dmy', how: 'values' });
    expect(parseDateText('05/03/2024', 'dmy')).toBe(col.values[0]);
    expect(col.values[2]).toBe(parseDateText('2024-02-01'));
  });
  it('assumes the fallback order when no value decides, and says so', () => {
    expect(decideDateOrder(['05/03/2024', '04/03/2024'], undefined, 'dmy')).toMatchObject({ order: 'dmy', how: 'assumed', ambiguous: 2 });
    expect(decideDateOrder(['05/03/2024'], 'mdy')).toMatchObject({ order: 'mdy', how: 'flag' });
    expect(decideDateOrder(['2024-03-05'])).toMatchObject({ order: 'ymd', how: 'iso' });
    expect(decideDateOrder([40000, 41000])).toMatchObject({ how: 'none' });
  });
  it('rejects dates that do not exist in the decided order', () => {
    const col = dateColumn(['25/03/2024', '03/25/2024', '31.02.2024']);
    expect(col.values[0]).toBe(parseDateText('2024-03-25'));
    expect(col.values[1]).toBeNaN();
    expect(col.values[2]).toBeNaN();
    expect(col.dateOrder).toMatchObject({ conflicting: 1, conflictExample: '03/25/2024' });
  });
  it('rejects impossible dates everywhere', () => {
    for (const t of ['2024-02-31', '2024-13-45', '31/02/2024', '2023-02-29']) expect(parseDateText(t)).toBeNaN();
    expect(parseDateText('2024-02-29')).not.toBeNaN();
  });
  it('knows the order locales write dates in', () => {
    expect(localeDateOrder('en-US')).toBe('mdy');
    expect(localeDateOrder('en-GB')).toBe('dmy');
    expect(localeDateOrder('de-DE')).toBe('dmy');
    expect(localeDateOrder('zh-CN')).toBe('ymd');
  });
});

describe('headers in many languages', () => {
  it.each([
    ['Factura', 'invoice'],
    ['Nº Factura', 'invoice'],
    ['Cliente', 'customer'],
    ['Fecha', 'date'],
    ['Importe', 'amount'],
    ['Client', 'customer'],
    ['N° client', 'customer'],
    ['Date de facture', 'date'],
    ['Montant', 'amount'],
    ['Kunde', 'customer'],
    ['Kunden-Nr.', 'customer'],
    ['Rechnungsnummer', 'invoice'],
    ['Rechnungsdatum', 'date'],
    ['Betrag', 'amount'],
    ['Umsatz', 'amount'],
    ['Código do cliente', 'customer'],
    ['Data', 'date'],
    ['Valor', 'amount'],
    ['Importo', 'amount'],
    ['Fattura', 'invoice'],
    ['Klantnummer', 'customer'],
    ['Factuurdatum', 'date'],
    ['Bedrag', 'amount'],
    ['顧客ID', 'customer'],
    ['得意先コード', 'customer'],
    ['売上金額', 'amount'],
    ['注文日', 'date'],
    ['伝票番号', 'invoice'],
    ['客戶編號', 'customer'],
    ['交易日期', 'date'],
    ['銷售額', 'amount'],
    ['Menge', 'quantity'],
    ['Einzelpreis', 'price'],
    ['Beschreibung', undefined],
  ])('reads the header %p as %p', (header, role) => {
    expect(headerRole(header)).toBe(role);
  });
  it('detects Factura,Cliente,Fecha,Importe as invoice, customer, date, amount', () => {
    const d = detectColumns(['Factura', 'Cliente', 'Fecha', 'Importe'], [[], [], [], []]);
    expect(d.mapping).toEqual({ invoice: 0, customer: 1, date: 2, amount: 3 });
    expect(d.how.customer).toBe('header');
  });
});

describe('columns from the values', () => {
  const invoices = ['F1', 'F1', 'F2', 'F3', 'F3', 'F4'];
  const customers = ['C1', 'C1', 'C2', 'C1', 'C1', 'C2'];
  const dates = ['2024-01-01', '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-03', '2024-01-04'];
  const amounts = ['1,50', '2,25', '3,00', '4,10', '5,00', '6,90'];
  it('takes the column invoices nest in as the customer', () => {
    const d = detectColumns(['column 1', 'column 2', 'column 3', 'column 4'], [invoices, customers, dates, amounts]);
    expect(d.mapping).toEqual({ invoice: 0, customer: 1, date: 2, amount: 3 });
    expect(d.how).toEqual({ invoice: 'values', customer: 'values', date: 'values', amount: 'values' });
  });
  it('refuses to pick between two key columns that do not nest', () => {
    const other = ['X', 'Y', 'Y', 'X', 'Z', 'Z'];
    const d = detectColumns(['a', 'b', 'c', 'd'], [other, customers, dates, amounts]);
    expect(d.mapping.customer).toBeUndefined();
    expect(d.customerCandidates).toEqual([0, 1]);
    expect(d.problems.join()).toMatch(/ambiguous: "a", "b"/);
  });
  it('tells a header-less first row from headers', () => {
    expect(looksHeaderless(['F1', 'C1', '05/03/2024', '46,80'])).toBe(true);
    expect(looksHeaderless(['Factura', 'Cliente', 'Fecha', 'Importe'])).toBe(false);
    expect(looksHeaderless(['a', 'b'])).toBe(false);
    // text on top of a column of numbers is a header, whatever the other cells are
    expect(looksHeaderless(['ref', '12.5'], [[1, 2], [3.5, 4]])).toBe(false);
    expect(looksHeaderless(['F1', '12.5'], [['F2', 'F3'], [3.5, 4]])).toBe(true);
  });
});

describe('rows that are not customers', () => {
  it('knows total labels in several languages', () => {
    for (const t of ['Total', 'TOTAL:', 'Grand Total', 'Subtotal', 'Sub-total', '合计', '总计', '小计', 'Gesamtsumme', 'Total général', 'Totale']) expect(isTotalLabel(t)).toBe(true);
    for (const t of ['Totalcare Ltd', 'C-01', '']) expect(isTotalLabel(t)).toBe(false);
  });
  it('skips labelled totals and blank-id rows holding the sum above them', () => {
    const k = keyColumn(['a', 'b', '', 'c', 'Total', '', 'd']);
    const n = markTotalRows(k, new Float64Array([1, 2, 3, 4, 10, 5, 7]), [['a', 'b', '', 'c', 'Total', '', 'd']]);
    expect(n).toBe(2);
    expect(Array.from(k.codes)).toEqual([0, 1, -1, 2, -1, -1, 4]);
    expect(SKIP_REASONS[k.reasons?.[2] ?? 0]).toBe('total-row');
    expect(SKIP_REASONS[k.reasons?.[5] ?? 0]).toBe('blank');
  });
  it('a total row in a customer table is skipped with the reason "total row"', () => {
    const r = classifyTable({ customer: ['a', 'b', 'c', '合计'], value: [50, 30, 20, 100] }, { method: 'abc' });
    expect(r.classification.keys).toEqual(['a', 'b', 'c']);
    expect(r.classification.skipped.byReason['total-row']).toBe(1);
    expect(r.reading.totalRows).toBe(1);
  });
  it('sums repeated ids of a customer table into one customer, or refuses them', () => {
    const t = { customer: ['10003', '10004', '10003', '10003'] as Cell[], value: [10, 5, 20, 30] as Cell[] };
    const r = classifyTable(t, { method: 'abc' });
    expect(r.classification.keys).toEqual(['10003', '10004']);
    expect(Array.from(r.classification.value)).toEqual([60, 5]);
    expect(r.reading.duplicates).toEqual({ customers: 1, rows: 2 });
    expect(Array.from(r.rowOfCustomer ?? [])).toEqual([0, 1]);
    expect(() => classifyTable(t, { method: 'abc', duplicates: 'error' })).toThrow(DuplicateIdError);
  });
  it('quotes the offending value in the skip log', () => {
    const r = classifyTable({ customer: ['a', 'b', 'c'], date: ['2024-01-01', '2024-01-02', 'soon'], amount: ['1', '12,3,4', '3'] }, { method: 'abc' });
    expect(r.classification.skipped.rows.map((x) => [x.column, x.value])).toEqual([
      ['amount', '12,3,4'],
      ['date', 'soon'],
    ]);
  });
});
