// `npm start`: build (development), then either sideload into desktop Excel (Windows/macOS, via
// Microsoft's office-addin-debugging, which also runs the dev server) or run the dev server and
// print the steps to sideload into Excel on the web. `npm start -- --web` forces the web path.
// office-addin-debugging is fetched by npx on the machines that sideload, at a pinned version, not
// installed with the project: its dependency tree (Microsoft 365 toolkit CLI, native keytar) does
// not build on Linux CI without libsecret, and only desktop Excel machines need it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The office-addin-debugging release `npm start` / `npm stop` use for desktop sideloading. */
export const DEBUGGING_VERSION = '6.1.2';
const require = createRequire(import.meta.url);

/**
 * Absolute path of a package's bin script, to run it with this Node.
 * @example binPath('webpack-cli', 'bin/cli.js') // → '/…/node_modules/webpack-cli/bin/cli.js'
 * @param {string} pkg package name
 * @param {string} file path inside the package
 * @returns {string}
 */
export function binPath(pkg, file) {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/**
 * Whether desktop Excel can be sideloaded here (only Windows and macOS have it).
 * @example canSideloadDesktop('linux', []) // → false
 * @param {NodeJS.Platform} platform
 * @param {string[]} args command-line arguments (`--web` forces Excel on the web)
 * @returns {boolean}
 */
export function canSideloadDesktop(platform, args) {
  return (platform === 'win32' || platform === 'darwin') && !args.includes('--web');
}

/** Steps to sideload into Excel on the web, printed when desktop Excel is not available. */
export const WEB_STEPS = `
Tierwise dev server: https://localhost:3000/taskpane.html
To use it in Excel on the web:
  1. Trust the dev certificate once:  npx office-addin-dev-certs install
     (then open https://localhost:3000/taskpane.html in the browser; it must load without a warning)
  2. Open a workbook at https://excel.cloud.microsoft/ (or office.com → Excel).
  3. Home (or Insert) → Add-ins → More Add-ins → My Add-ins → Upload My Add-in
     → choose ${join(ROOT, 'dist', 'manifest.xml')}
  4. Home → Tierwise → Classify opens the pane; type =TIER. in a cell for the functions.
Stop with Ctrl+C.
`;

/**
 * Runs Node on a script synchronously with inherited output; exits the process if it fails.
 * @example runOrExit(binPath('webpack-cli', 'bin/cli.js'), ['--mode', 'development'])
 * @param {string} script
 * @param {string[]} args
 */
function runOrExit(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Starts Node on a script in the background and ends this process when it ends.
 * @example startChild(binPath('webpack-cli', 'bin/cli.js'), ['serve', '--mode', 'development'])
 * @param {string} script
 * @param {string[]} args
 */
function startChild(script, args) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const webpack = binPath('webpack-cli', 'bin/cli.js');
  console.log('== build (development)');
  runOrExit(webpack, ['--mode', 'development']);
  if (canSideloadDesktop(process.platform, args)) {
    console.log('== dev server + sideload into desktop Excel');
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const child = spawn(npx, ['--yes', `office-addin-debugging@${DEBUGGING_VERSION}`,
      'start', 'manifest.xml', 'desktop', '--app', 'excel',
      '--dev-server', 'npm run dev-server', '--dev-server-port', '3000',
    ], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('== dev server (no desktop Excel here: sideload into Excel on the web)');
    startChild(webpack, ['serve', '--mode', 'development']);
    console.log(WEB_STEPS);
  }
}
