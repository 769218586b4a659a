// ESLint flat config: typescript-eslint recommended for src/ and test/, ESLint recommended for the
// Node scripts, and the layering rule from ../shared/DESIGN.md: src/engine/ is pure TypeScript (no Office,
// no DOM, no Node APIs, no imports from other src folders).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Other src/ folders the engine must not depend on (dependency arrows only point at the engine). */
const OTHER_SRC_FOLDERS = ['report', 'excel', 'cli', 'functions', 'taskpane', 'i18n'];

export default defineConfig(
  { ignores: ['dist/**', 'dist-cli/**', 'coverage/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommended],
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['webpack.config.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'fs', message: 'src/engine is pure: no Node APIs.' },
          { name: 'path', message: 'src/engine is pure: no Node APIs.' },
          { name: 'exceljs', message: 'src/engine is pure: file formats belong in src/cli.' },
        ],
        patterns: [
          { regex: '^node:', message: 'src/engine is pure: no Node APIs.' },
          { regex: '^(fs|path|exceljs)/', message: 'src/engine is pure: no Node APIs or file formats.' },
          {
            regex: `^(\\.\\./)+(${OTHER_SRC_FOLDERS.join('|')})(/|$)|(^|/)src/(${OTHER_SRC_FOLDERS.join('|')})(/|$)`,
            message: 'src/engine may not import from other src folders (see ../shared/DESIGN.md §2).',
          },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['Excel', 'Office', 'OfficeExtension', 'CustomFunctions'].map((name) => ({
          name, message: 'src/engine knows nothing about Office; use src/excel or src/functions.',
        })),
        ...['window', 'document'].map((name) => ({ name, message: 'src/engine is pure: no DOM.' })),
        ...['process', 'Buffer', 'require'].map((name) => ({ name, message: 'src/engine is pure: no Node APIs.' })),
      ],
      // Type positions (`r: Excel.Range`) are not variable references, so no-restricted-globals misses them.
      'no-restricted-syntax': ['error', {
        selector: 'TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension|CustomFunctions)$/]',
        message: 'src/engine knows nothing about Office types; use src/excel or src/functions.',
      }],
    },
  },
);
