// The offline manifest check (scripts/validate-manifest.mjs): the real manifest passes, and each kind
// of broken manifest fails with a message that names the problem. The validator is an ES module, which
// Jest (CommonJS here) cannot import, so each check runs its exported function in a child Node process.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXCEL_API_MINIMUM } from '../src/excel/requirements';

const ROOT = resolve(__dirname, '..');
const VALIDATOR = join(ROOT, 'scripts', 'validate-manifest.mjs');
const ASSETS = join(ROOT, 'assets');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface Result {
  problems: string[];
  checks: number;
}

/**
 * Runs `validateManifest(xml, { assetsDir })` from the validator module in a child Node process.
 * @example validate(MANIFEST).problems // → []
 */
function validate(xml: string, assetsDir: string = ASSETS): Result {
  const script = [
    `import { validateManifest } from ${JSON.stringify(pathToFileURL(VALIDATOR).href)};`,
    `let xml = '';`,
    `process.stdin.setEncoding('utf8').on('data', (d) => { xml += d; }).on('end', () => {`,
    `  process.stdout.write(JSON.stringify(validateManifest(xml, { assetsDir: ${JSON.stringify(assetsDir)} })));`,
    `});`,
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: xml, encoding: 'utf8' });
  return JSON.parse(out) as Result;
}

/**
 * The real manifest with `from` replaced by `to`; throws if `from` is not in it, so a test never
 * passes because its mutation silently did nothing.
 * @example mutate('lifetime="long"', 'lifetime="short"')
 */
function mutate(from: string | RegExp, to: string): string {
  const changed = MANIFEST.replace(from, to);
  if (changed === MANIFEST) throw new Error(`mutation target not found: ${String(from)}`);
  return changed;
}

describe('scripts/validate-manifest.mjs', () => {
  it('accepts the real manifest', () => {
    const result = validate(MANIFEST);
    expect(result.problems).toEqual([]);
    expect(result.checks).toBeGreaterThan(50);
  });

  it('rejects XML that is not well-formed', () => {
    const result = validate(mutate('</Permissions>', '</Permission>'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^XML is not well-formed: .*\(line \d+, column \d+\)$/);
  });

  it('rejects a resid that names no resource', () => {
    const result = validate(mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nope"/>'));
    expect(result.problems).toContain('resid "Functions.Nope" on <Namespace> has no matching resource');
  });

  it('rejects an http URL', () => {
    const result = validate(
      mutate('DefaultValue="https://localhost:3000/taskpane.html"/>\n        <bt:Url id="GetStarted',
        'DefaultValue="http://localhost:3000/taskpane.html"/>\n        <bt:Url id="GetStarted'),
    );
    expect(result.problems).toEqual(['URL "http://localhost:3000/taskpane.html" must be an absolute https URL']);
  });

  it('rejects an http AppDomain', () => {
    const result = validate(mutate('<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>http://localhost:3000</AppDomain>'));
    expect(result.problems).toEqual(['URL "http://localhost:3000" must be an absolute https URL']);
  });

  it('rejects a custom functions namespace longer than 32 characters', () => {
    const long = 'T'.repeat(33);
    const result = validate(mutate('id="Functions.Namespace" DefaultValue="TIER"', `id="Functions.Namespace" DefaultValue="${long}"`));
    expect(result.problems).toEqual([`custom functions namespace "${long}" must be 1 to 32 characters (is 33)`]);
  });

  it('rejects a namespace that is not alphanumeric', () => {
    const result = validate(mutate('id="Functions.Namespace" DefaultValue="TIER"', 'id="Functions.Namespace" DefaultValue="TIER.X"'));
    expect(result.problems).toEqual(['custom functions namespace "TIER.X" must be alphanumeric']);
  });

  it('rejects a manifest without the SharedRuntime requirement', () => {
    const result = validate(mutate(/\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, ''));
    expect(result.problems).toEqual([
      'SharedRuntime requirement (<Requirements><Sets><Set Name="SharedRuntime">) is missing',
    ]);
  });

  it('declares the ExcelApi version the add-in needs (src/excel/requirements.ts), and rejects a manifest without it', () => {
    const declared = /<Set Name="ExcelApi" MinVersion="([^"]+)"\/>/.exec(MANIFEST)?.[1];
    expect(declared).toBe(EXCEL_API_MINIMUM);
    expect(validate(mutate(/\s*<Set Name="ExcelApi" MinVersion="[^"]*"\/>/, '')).problems).toEqual([
      'ExcelApi requirement (<Requirements><Sets><Set Name="ExcelApi" MinVersion>) is missing',
    ]);
  });

  it('has no <TaskpaneId> under the long-lived runtime, and rejects one', () => {
    expect(MANIFEST).not.toContain('<TaskpaneId>');
    const result = validate(mutate('<SourceLocation resid="Taskpane.Url"/>\n                  </Action>', '<TaskpaneId>Tierwise.Taskpane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>\n                  </Action>'));
    expect(result.problems).toEqual(["<TaskpaneId>Tierwise.Taskpane</TaskpaneId> must be removed: the shared runtime's pane is opened without one"]);
  });

  it('rejects a short-lived runtime', () => {
    const result = validate(mutate('lifetime="long"', 'lifetime="short"'));
    expect(result.problems).toEqual(['<Runtime> must have lifetime="long" for a shared runtime']);
  });

  it('rejects a missing required element and a non-GUID Id', () => {
    expect(validate(mutate(/\s*<SupportUrl [^>]*\/>/, '')).problems).toEqual(['required element <SupportUrl> is missing']);
    expect(validate(mutate(/<Id>[^<]*<\/Id>/, '<Id>tierwise</Id>')).problems).toEqual(['<Id> "tierwise" is not a GUID']);
  });

  it('rejects elements out of schema order', () => {
    const support = /\s*<SupportUrl [^>]*\/>/.exec(MANIFEST)?.[0] ?? '';
    const moved = mutate(support, '').replace('<IconUrl ', `${support.trim()}\n  <IconUrl `);
    expect(validate(moved).problems).toEqual(['<IconUrl> must come before <SupportUrl> in <OfficeApp>']);
  });

  it('rejects duplicate resource ids', () => {
    const result = validate(mutate('<bt:Image id="Icon.32x32"', '<bt:Image id="Icon.16x16"'));
    expect(result.problems).toContain('resource id "Icon.16x16" is defined more than once');
    expect(result.problems).toContain('resid "Icon.32x32" on <bt:Image> has no matching resource');
  });

  describe('icons', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tierwise-assets-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('rejects a missing icon file', () => {
      for (const name of ['icon-16.png', 'icon-32.png', 'icon-64.png']) copyFileSync(join(ASSETS, name), join(dir, name));
      expect(validate(MANIFEST, dir).problems).toEqual(['icon assets/icon-80.png does not exist']);
    });

    it('rejects an icon whose size differs from its name, and a non-PNG', () => {
      copyFileSync(join(ASSETS, 'icon-32.png'), join(dir, 'icon-16.png'));
      copyFileSync(join(ASSETS, 'icon-32.png'), join(dir, 'icon-32.png'));
      copyFileSync(join(ASSETS, 'icon-64.png'), join(dir, 'icon-64.png'));
      writeFileSync(join(dir, 'icon-80.png'), 'GIF89a not a png');
      expect(validate(MANIFEST, dir).problems).toEqual([
        'icon assets/icon-16.png is 32x32, expected 16x16',
        'icon assets/icon-80.png is not a PNG',
      ]);
    });
  });

  describe('command line', () => {
    it('prints OK with the number of checks and exits 0', () => {
      const run = spawnSync(process.execPath, [VALIDATOR, join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toMatch(/^manifest\.xml: OK \(\d+ checks\)$/);
    });

    it('prints one line per problem and exits 1', () => {
      const dir = mkdtempSync(join(tmpdir(), 'tierwise-manifest-'));
      try {
        const file = join(dir, 'manifest.xml');
        writeFileSync(file, mutate('lifetime="long"', 'lifetime="short"').replace('DefaultValue="TIER"', 'DefaultValue="TIER_"'));
        const run = spawnSync(process.execPath, [VALIDATOR, file, '--assets', ASSETS], { encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stderr.trim().split('\n')).toEqual([
          'manifest.xml: <Runtime> must have lifetime="long" for a shared runtime',
          'manifest.xml: custom functions namespace "TIER_" must be alphanumeric',
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
