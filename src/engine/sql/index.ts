/** SQL generation: the engine's rules as one statement per method, for DuckDB, PostgreSQL and warehouse engines. */
export * from './customers';
export * from './dialect';
export * from './rank-rules';
export * from './statements';
export * from './generate';
export * from './timeline';
export * from './keys';
