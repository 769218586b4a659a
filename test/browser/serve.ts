/**
 * Browser-test plumbing: bundle the Office stub with webpack, serve `dist/` on localhost.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import webpack from 'webpack';

const ROOT = resolve(__dirname, '../..');

/**
 * Bundles `office-stub.ts` (with the in-memory host) into one browser script and returns its text.
 * @example const js = await bundleStub('/tmp/stub');
 */
export function bundleStub(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: join(__dirname, 'office-stub.ts'),
    output: { path: outDir, filename: 'office-stub.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: join(ROOT, 'tsconfig.json'), transpileOnly: true, compilerOptions: { module: 'es2020' } } } }],
    },
  });
  return new Promise((done, fail) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats || stats.hasErrors()) return fail(error ?? new Error(stats?.toString('errors-only')));
      readFile(join(outDir, 'office-stub.js'), 'utf8').then(done, fail);
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

/**
 * Serves a folder on 127.0.0.1 (a random port); resolves with the server and its base URL.
 * @example const { server, url } = await serve('dist'); // url = "http://127.0.0.1:41234/"
 */
export function serve(folder: string): Promise<{ server: Server; url: string }> {
  const root = resolve(folder);
  const server = createServer((req, res) => {
    const path = resolve(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    done({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}
