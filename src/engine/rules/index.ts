/** Classification by an editable rule table over any columns, with a coverage report. */
export * from './apply';
export * from './chinese';
export * from './condition';
export * from './coverage';
export * from './csv-text';
export * from './explain';
export * from './fold';
export * from './match';
export * from './report-text';
export * from './table';
export * from './example';
