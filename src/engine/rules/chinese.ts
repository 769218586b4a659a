/**
 * Simplified and traditional Chinese folded to one form for comparison (only when the user turns
 * it on). The tables are OpenCC's (Open Chinese Convert, via the opencc-js package): its Hong Kong
 * variant table (HKVariantsRev: 衞 → 衛, 枱 → 檯) then its traditional → simplified character table
 * (TSCharacters: 後 → 后, 學 → 学, 臺 → 台), applied **character by character** and repeated until
 * nothing changes. OpenCC's phrase tables are left out on purpose: a phrase is converted by its
 * neighbours (著書 → 著书 but 著书 → 着书), so the same word could fold two ways and a fold would not
 * be idempotent. Character by character, each character has one folded form: `foldChinese` is
 * idempotent, and two texts that differ only in simplified/traditional forms fold alike.
 * Characters simplified Chinese keeps apart but OpenCC maps together (乾 and 干 both → 干) fold alike.
 */
import { ConverterFactory, HK_VARIANTS_REV, TS_CHARACTERS } from './opencc-tables';

let convert: ((text: string) => string) | null = null;

/** The character-only converter, built on first use (the tables are parsed then). */
function converter(): (text: string) => string {
  if (!convert) {
    convert = ConverterFactory([HK_VARIANTS_REV], [TS_CHARACTERS]);
  }
  return convert;
}

/** Most passes of the tables (chains such as 薴 → 苧 → 苎 need two; the test checks every table entry). */
const MAX_PASSES = 4;

/** True when the text has a character from the CJK blocks the tables cover (a quick skip for other text). */
function hasHan(text: string): boolean {
  return /[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/.test(text);
}

/**
 * Text with traditional (and Hong Kong variant) Chinese characters replaced by their simplified
 * form, character by character (CJK compatibility ideographs first become their unified form).
 *
 * @example
 * foldChinese("後來的學校"); // "后来的学校"
 * foldChinese("后来的学校"); // "后来的学校"
 * foldChinese("臺北 ABC"); // "台北 ABC"
 */
export function foldChinese(text: string): string {
  if (!hasHan(text)) return text;
  let s = text.normalize('NFC');
  const c = converter();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = c(s);
    if (next === s) break;
    s = next;
  }
  return s;
}
