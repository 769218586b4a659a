/**
 * The browser set-up the pane's browser tests share: build the add-in, bundle the in-memory host
 * as office.js, serve `dist/` on 127.0.0.1, launch Debian's Chromium, and open the pane on a
 * fixture in a display language (every other address is refused).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleStub, serve } from './serve';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Where the browser tests write the README's screenshots. */
export const IMAGES = join(ROOT, 'docs/images');

const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`\n\n!!!!!!!! BROWSER TEST SKIPPED: ${CHROMIUM} is missing. Install it with\n!!!!!!!!   apt-get install -y --no-install-recommends chromium\n\n`);
}

/** `describe` where Chromium is installed (and always on CI, where its absence must fail), else `describe.skip`. */
export const describeIfBrowser = available || process.env.CI ? describe : describe.skip;

/** Opens the built pane on a fixture of the test host (`office-stub.ts`) in Office's display language. */
export type OpenPane = (fixture: string, displayLanguage: string, viewport?: { width: number; height: number }) => Promise<Page>;

/**
 * Registers the set-up (beforeAll) and tear-down (afterAll) in the calling `describe`, and returns
 * the function that opens the pane. The page fails the test on any page error.
 * @example const open = usePaneBrowser(); const page = await open('customers', 'zh-CN');
 */
export function usePaneBrowser(): OpenPane {
  let browser: Browser;
  let server: Server;
  let url: string;
  let stub: string;

  beforeAll(async () => {
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
    stub = await bundleStub(mkdtempSync(join(tmpdir(), 'tierwise-stub-')));
    ({ server, url } = await serve(join(ROOT, 'dist')));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    mkdirSync(IMAGES, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  return async (fixture, displayLanguage, viewport = { width: 380, height: 860 }) => {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => (route.request().url() === OFFICE_JS ? route.fallback() : route.abort()));
    await page.addInitScript(([f, l]) => Object.assign(window, { __fixture: f, __displayLanguage: l }), [fixture, displayLanguage]);
    await page.goto(`${url}taskpane.html`);
    await page.waitForFunction(() => (document.getElementById('sel-address')?.textContent ?? '—') !== '—');
    expect(errors).toEqual([]);
    return page;
  };
}
