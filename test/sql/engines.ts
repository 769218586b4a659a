/**
 * Real SQL engines for the tests: DuckDB in-process (the optional `@duckdb/node-api`) and a
 * throwaway PostgreSQL cluster (Debian's `postgresql`), started as a non-root user on a free port
 * and stopped by its PID. Each returns undefined, after printing SKIPPED, when it is absent.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Rows of a query, every value as text (null for SQL NULL). */
export type TextRows = (string | null)[][];

/** An engine the tests run SQL on. */
export interface SqlEngine {
  name: string;
  /** PostgreSQL: the connection URL. */
  url?: string;
  /** Creates table `name` from a header + rows CSV file with these column types. */
  load: (name: string, columns: [string, string][], csvPath: string) => Promise<void>;
  /** Runs a statement that returns no rows (CREATE VIEW …). */
  run: (sql: string) => Promise<void>;
  /** Runs a query and returns its rows as text. */
  query: (sql: string) => Promise<TextRows>;
  close: () => Promise<void>;
}

/** DuckDB in this process, or undefined (SKIPPED printed) when the optional dependency is absent. */
export async function openDuckDb(): Promise<SqlEngine | undefined> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch {
    console.warn('SKIPPED: @duckdb/node-api (optional dependency) is not installed; the DuckDB SQL tests did not run.');
    return undefined;
  }
  const instance = await api.DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  return {
    name: 'duckdb',
    async load(name, columns, csvPath) {
      const types = columns.map(([c, t]) => `'${c}': '${t}'`).join(', ');
      await con.run(`CREATE OR REPLACE TABLE "${name}" AS SELECT * FROM read_csv('${csvPath}', header = true, columns = {${types}}, nullstr = '')`);
    },
    async run(sql) {
      await con.run(sql);
    },
    async query(sql) {
      const reader = await con.runAndReadAll(sql);
      return reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
    },
    async close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const NOBODY = 65534;

/** A value of `COPY … TO STDOUT` (text format) as it was: backslash escapes undone (\t, \n, \r, \v, \f, \b, \\). */
function unescapeCopyText(v: string): string {
  const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', v: '\v', f: '\f', b: '\b', '\\': '\\' };
  return v.includes('\\') ? v.replace(/\\(.)/g, (_m, c: string) => escapes[c] ?? c) : v;
}

/** The cluster's owner: `nobody` when the tests run as root (PostgreSQL refuses root), else the current user. */
function owner(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
}

/**
 * A throwaway PostgreSQL cluster on a free port, or undefined (SKIPPED printed) when Debian's
 * `postgresql` binaries are absent. `close` stops the server by its PID and removes the cluster.
 */
export async function startPostgres(): Promise<SqlEngine | undefined> {
  const bin = postgresBin();
  if (!bin || !existsSync('/usr/bin/psql')) {
    console.warn('SKIPPED: PostgreSQL binaries (/usr/lib/postgresql/*/bin, Debian package postgresql) are absent; the PostgreSQL SQL tests did not run.');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'tierwise', '--no-sync', '-E', 'UTF8', '--locale', 'C'], { stdio: 'pipe', cwd: dir, ...owner() });
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'];
  const server: ChildProcess = spawn(join(bin, 'postgres'), args, { stdio: 'ignore', cwd: dir, ...owner() });
  const psql = (sqlArgs: string[]): string =>
    execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'tierwise', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...sqlArgs], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  for (let i = 0; ; i++) {
    try {
      psql(['-c', 'SELECT 1']);
      break;
    } catch (e) {
      if (i > 100) throw new Error(`PostgreSQL did not start on port ${port}: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  let n = 0;
  return {
    name: 'postgres',
    url: `postgres://tierwise@127.0.0.1:${port}/postgres`,
    async load(name, columns, csvPath) {
      const types = columns.map(([c, t]) => `"${c}" ${t}`).join(', ');
      psql(['-c', `DROP TABLE IF EXISTS "${name}"; CREATE TABLE "${name}" (${types})`]);
      psql(['-c', `\\copy "${name}" FROM '${csvPath}' WITH (FORMAT csv, HEADER true, NULL '')`]);
    },
    async run(sql) {
      psql(['-c', sql]);
    },
    async query(sql) {
      // COPY (…) TO STDOUT writes every value as text, NULL as \N
      const file = join(tmpdir(), `tierwise-pg-query-${process.pid}-${n++}.sql`);
      writeFileSync(file, `COPY (${sql}) TO STDOUT WITH (FORMAT text)\n`);
      try {
        const out = psql(['-f', file]);
        return out
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => line.split('\t').map((v) => (v === '\\N' ? null : unescapeCopyText(v))));
      } finally {
        rmSync(file, { force: true });
      }
    },
    async close() {
      if (server.pid !== undefined && server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        // SIGINT to the postmaster's own PID: a fast shutdown
        process.kill(server.pid, 'SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
