#!/usr/bin/env node
'use strict';
// The tierwise command. The TypeScript sources are in src/cli/; `npm run build:cli` compiles them
// to dist-cli/ (npm runs it on install through "prepare").
let cli;
try {
  cli = require('../dist-cli/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist-cli')) {
    process.stderr.write('tierwise: the CLI is not built yet; run `npm run build:cli` first\n');
    process.exit(1);
  }
  throw e;
}
// `tierwise … | head` closes stdout early: stop quietly instead of an EPIPE stack trace
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
cli.main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
