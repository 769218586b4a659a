/**
 * The two OpenCC tables the simplified/traditional fold uses, and opencc-js's converter factory.
 * In Node (CLI, tests) they come from the package's traditional → simplified preset (UMD); the
 * browser bundles replace this module with `opencc-tables.web.ts`, which imports only these two
 * tables and the converter core (webpack.config.js), so the add-in carries no other dictionary.
 */
import { ConverterFactory, Locale } from 'opencc-js/t2cn';

/** OpenCC's HKVariantsRev: Hong Kong variant forms → OpenCC's traditional forms ("衞 衛|…"). */
export const HK_VARIANTS_REV: string = Locale.from.hk[0][1];
/** OpenCC's TSCharacters: traditional → simplified characters ("後 后|學 学|…"). */
export const TS_CHARACTERS: string = Locale.to.cn[0][1];
export { ConverterFactory };
