/**
 * A rule table as text: RFC 4180 CSV (comma, or tab when the header line holds a tab and no
 * comma; double quotes around fields that hold a delimiter, a quote or a line break). Small on
 * purpose: rule tables have tens of rows.
 */

/**
 * Parses CSV text into rows of fields as written (a leading BOM is dropped; fully blank
 * lines are kept as empty rows so row numbers stay those of the file).
 *
 * @example
 * parseCsvText('Class,Stage\n"Type 1","中学, 大学"\n'); // [["Class", "Stage"], ["Type 1", "中学, 大学"]]
 */
export function parseCsvText(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delim = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && src[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * One CSV field, quoted when it holds a comma, a quote, a line break or surrounding spaces.
 *
 * @example
 * csvText("中学, 大学"); // '"中学, 大学"'
 */
export function csvText(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Rows of fields as CSV text (comma separated, `\n` line ends).
 *
 * @example
 * gridToCsv([["Class", "Stage"], ["Type 1", "中学, 大学"]]); // 'Class,Stage\nType 1,"中学, 大学"\n'
 */
export function gridToCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvText).join(',')).join('\n') + '\n';
}
