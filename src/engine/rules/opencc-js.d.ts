/**
 * The part of opencc-js (Open Chinese Convert) the rules use: its traditional → simplified preset.
 * Declared here because the project resolves modules the node10 way, which does not read the
 * package's `exports` map (Node and webpack do: UMD for `require`, ES modules for `import`).
 */
declare module 'opencc-js/t2cn' {
  /** A dictionary as OpenCC serialises it: "from to|from to|…". */
  type Dict = string;
  /** Converts text with groups of dictionaries applied in turn (longest match within a group). */
  export function ConverterFactory(...groups: readonly (readonly Dict[])[]): (text: string) => string;
  /** The preset's dictionaries: `from.hk[0]` = [HKVariantsRevPhrases, HKVariantsRev], `to.cn[0]` = [TSPhrases, TSCharacters]. */
  export const Locale: {
    from: Readonly<Record<string, readonly (readonly Dict[])[]>>;
    to: Readonly<Record<string, readonly (readonly Dict[])[]>>;
  };
}
