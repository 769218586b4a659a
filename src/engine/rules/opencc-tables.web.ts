/**
 * The browser twin of `opencc-tables.ts` (swapped in by webpack.config.js): the same two OpenCC
 * tables and converter factory, imported one by one from opencc-js's ES modules so the bundles
 * carry only them (about 22 KB gzipped instead of the whole preset's 52 KB).
 */
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** OpenCC's HKVariantsRev: Hong Kong variant forms → OpenCC's traditional forms ("衞 衛|…"). */
export const HK_VARIANTS_REV: string = HKVariantsRev;
/** OpenCC's TSCharacters: traditional → simplified characters ("後 后|學 学|…"). */
export const TS_CHARACTERS: string = TSCharacters;
export { ConverterFactory };
