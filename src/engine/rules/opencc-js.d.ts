/**
 * The parts of opencc-js (Open Chinese Convert) the rules use. Declared here because the project
 * resolves modules the node10 way, which does not read the package's `exports` map (Node and
 * webpack do: UMD for `require`, ES modules for `import`).
 */
declare module 'opencc-js/t2cn' {
  /** Converts text with groups of dictionaries ("from to|from to|…") applied in turn (longest match within a group). */
  export function ConverterFactory(...groups: readonly (readonly string[])[]): (text: string) => string;
  /** The preset's dictionaries: `from.hk[0]` = [HKVariantsRevPhrases, HKVariantsRev], `to.cn[0]` = [TSPhrases, TSCharacters]. */
  export const Locale: {
    from: Readonly<Record<string, readonly (readonly string[])[]>>;
    to: Readonly<Record<string, readonly (readonly string[])[]>>;
  };
}

declare module 'opencc-js/core' {
  /** Converts text with groups of dictionaries ("from to|from to|…") applied in turn (longest match within a group). */
  export function ConverterFactory(...groups: readonly (readonly string[])[]): (text: string) => string;
}

declare module 'opencc-js/dict/HKVariantsRev' {
  const dict: string;
  export default dict;
}

declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
