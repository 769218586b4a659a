/**
 * Sheet names that follow Excel's rules: at most 31 characters, none of \ / ? * [ ] :, not
 * starting or ending with an apostrophe, unique case-insensitively.
 */

/**
 * A valid sheet name from any text.
 * @example cleanSheetName("Q1/Q2 [draft]") // "Q1_Q2 _draft_"
 */
export function cleanSheetName(text: string): string {
  const cleaned = text.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/**
 * A name not among `taken`: the base, else "base (2)", "base (3)" … (cut to fit 31 characters).
 * @example uniqueSheetName("Customers", ["customers"]) // "Customers (2)"
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
