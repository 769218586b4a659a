// Offline check of the add-in manifest (the online one is `npm run validate:online`).
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--assets DIR]
// Prints one line per problem ("manifest.xml: <problem>") and exits 1, or "manifest.xml: OK (N checks)".
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Element order Office's schema requires for the children of <OfficeApp> (TaskPaneApp). */
const OFFICEAPP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'AllowSnapshot', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];
/** Element order for the children of a VersionOverrides <Host>. */
const HOST_ORDER = ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'];
/** Resource elements whose `id` a `resid` may name. */
const RESOURCE_TAGS = new Set(['bt:Image', 'bt:Url', 'bt:String', 'bt:ShortString', 'bt:LongString']);
/** Elements whose DefaultValue (and Override Value) must be an https URL. */
const URL_TAGS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Url', 'bt:Image']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * @typedef {{ tag: string, attrs: Record<string, string>, text: string, children: XmlNode[], parent: XmlNode | null }} XmlNode
 * @typedef {{ problems: string[], checks: number }} ValidationResult
 */

/**
 * Parses XML into a simple ordered tree (element name, attributes, text, children).
 * @example parseTree('<a x="1"><b>t</b></a>').children[0].attrs.x // → '1'
 * @param {string} xml
 * @returns {XmlNode} a synthetic root whose children are the document's top elements
 */
export function parseTree(xml) {
  const parser = new XMLParser({
    preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false,
    parseAttributeValue: false, trimValues: true, commentPropName: '#comment',
  });
  /** @type {XmlNode} */
  const root = { tag: '#root', attrs: {}, text: '', children: [], parent: null };
  /** @param {any[]} items @param {XmlNode} parent */
  const build = (items, parent) => {
    for (const item of items) {
      const tag = Object.keys(item).find((k) => k !== ':@');
      if (!tag || tag === '#comment' || tag.startsWith('?')) continue;
      if (tag === '#text') { parent.text += String(item[tag]); continue; }
      /** @type {XmlNode} */
      const node = { tag, attrs: item[':@'] ?? {}, text: '', children: [], parent };
      parent.children.push(node);
      build(item[tag], node);
    }
  };
  build(parser.parse(xml), root);
  return root;
}

/** @param {XmlNode} node @returns {XmlNode[]} every element below node, depth first */
function descendants(node) {
  const out = [];
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = /** @type {XmlNode} */ (stack.pop());
    out.push(n);
    stack.push(...[...n.children].reverse());
  }
  return out;
}

/**
 * Reads width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.
 * @example pngSize(readFileSync('assets/icon-16.png')) // → { width: 16, height: 16 }
 * @param {Buffer} bytes
 * @returns {{ width: number, height: number } | null}
 */
export function pngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Checks an add-in manifest offline: well-formed XML, required elements and order, resids,
 * https URLs, the custom-functions namespace, the shared runtime and the icon files.
 * @example validateManifest(readFileSync('manifest.xml', 'utf8'), { assetsDir: 'assets' })
 *   // → { problems: [], checks: 80 }
 * @param {string} xml manifest text
 * @param {{ assetsDir?: string }} [options] folder holding the files referenced under /assets/
 * @returns {ValidationResult}
 */
export function validateManifest(xml, options = {}) {
  /** @type {string[]} */
  const problems = [];
  let checks = 0;
  /** @param {boolean} ok @param {string} message */
  const check = (ok, message) => { checks++; if (!ok) problems.push(message); return ok; };

  const wellFormed = XMLValidator.validate(xml);
  if (!check(wellFormed === true, wellFormed === true ? '' :
    `XML is not well-formed: ${wellFormed.err.msg} (line ${wellFormed.err.line}, column ${wellFormed.err.col})`)) {
    return { problems, checks };
  }
  const doc = parseTree(xml);
  const app = doc.children.find((n) => n.tag === 'OfficeApp');
  if (!check(app !== undefined, 'root element <OfficeApp> is missing')) return { problems, checks };
  const officeApp = /** @type {XmlNode} */ (app);
  const all = descendants(officeApp);
  /** @param {XmlNode} parent @param {string} tag */
  const child = (parent, tag) => parent.children.find((n) => n.tag === tag);
  /** @param {string} tag @param {XmlNode} [parent] */
  const top = (tag, parent = officeApp) => {
    const node = child(parent, tag);
    check(node !== undefined, `required element <${tag}> is missing`);
    return node;
  };

  check(officeApp.attrs['xsi:type'] === 'TaskPaneApp', '<OfficeApp> must have xsi:type="TaskPaneApp"');

  // Required top-level elements and their values.
  const id = top('Id');
  if (id) check(GUID.test(id.text.trim()), `<Id> "${id.text}" is not a GUID`);
  const version = top('Version');
  if (version) check(/^\d+(\.\d+){0,3}$/.test(version.text.trim()), `<Version> "${version.text}" is not n.n.n.n`);
  const provider = top('ProviderName');
  if (provider) check(provider.text.trim() !== '', '<ProviderName> is empty');
  const locale = top('DefaultLocale');
  if (locale) check(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale.text.trim()), `<DefaultLocale> "${locale.text}" is not a locale`);
  for (const tag of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const node = top(tag);
    if (node) check(Boolean(node.attrs.DefaultValue), `<${tag}> has no DefaultValue`);
  }
  const hosts = top('Hosts');
  if (hosts) {
    check(hosts.children.some((h) => h.tag === 'Host' && h.attrs.Name === 'Workbook'),
      '<Hosts> has no <Host Name="Workbook"/>');
  }
  const settings = top('DefaultSettings');
  if (settings) {
    const source = child(settings, 'SourceLocation');
    check(Boolean(source?.attrs.DefaultValue), '<DefaultSettings> has no <SourceLocation DefaultValue>');
  }
  const permissions = top('Permissions');
  if (permissions) {
    check(permissions.text.trim() === 'ReadWriteDocument',
      `<Permissions> is "${permissions.text.trim()}", expected ReadWriteDocument`);
  }
  check(all.some((n) => n.tag === 'Set' && n.attrs.Name === 'SharedRuntime' && n.parent?.parent?.tag === 'Requirements'
    && n.parent.parent.parent === officeApp), 'SharedRuntime requirement (<Requirements><Sets><Set Name="SharedRuntime">) is missing');
  // the Excel API version the add-in's calls need (src/excel/requirements.ts says which and why)
  const excelApi = all.find((n) => n.tag === 'Set' && n.attrs.Name === 'ExcelApi' && n.parent?.parent?.tag === 'Requirements'
    && n.parent.parent.parent === officeApp);
  if (check(Boolean(excelApi), 'ExcelApi requirement (<Requirements><Sets><Set Name="ExcelApi" MinVersion>) is missing') && excelApi) {
    check(/^1\.\d+$/.test(excelApi.attrs.MinVersion ?? ''), `ExcelApi MinVersion "${excelApi.attrs.MinVersion ?? ''}" is not 1.n`);
  }

  // Element order: Office rejects manifests whose elements are out of schema order.
  /** @param {XmlNode} parent @param {string[]} order @param {string} where */
  const checkOrder = (parent, order, where) => {
    const known = parent.children.map((n) => n.tag).filter((t) => order.includes(t));
    for (let i = 1; i < known.length; i++) {
      check(order.indexOf(known[i - 1]) <= order.indexOf(known[i]),
        `<${known[i]}> must come before <${known[i - 1]}> in ${where}`);
    }
  };
  checkOrder(officeApp, OFFICEAPP_ORDER, '<OfficeApp>');

  // VersionOverrides: shared runtime and custom functions.
  const overrides = top('VersionOverrides');
  const workbookHost = overrides && all.find((n) => n.tag === 'Host' && n.attrs['xsi:type'] === 'Workbook');
  if (check(Boolean(workbookHost), '<VersionOverrides> has no <Host xsi:type="Workbook">') && workbookHost) {
    checkOrder(workbookHost, HOST_ORDER, '<Host xsi:type="Workbook">');
    const runtime = descendants(workbookHost).find((n) => n.tag === 'Runtime' && n.parent?.tag === 'Runtimes');
    if (check(Boolean(runtime), '<Runtimes><Runtime> is missing (shared runtime)') && runtime) {
      check(runtime.attrs.lifetime === 'long', '<Runtime> must have lifetime="long" for a shared runtime');
      // "Configure your Office Add-in to use a shared runtime" (learn.microsoft.com): with a
      // long-lived runtime, a ShowTaskpane action must not carry a <TaskpaneId>
      for (const node of descendants(workbookHost).filter((n) => n.tag === 'TaskpaneId')) {
        check(false, `<TaskpaneId>${node.text}</TaskpaneId> must be removed: the shared runtime's pane is opened without one`);
      }
    }
  }
  const cf = all.find((n) => n.tag === 'ExtensionPoint' && n.attrs['xsi:type'] === 'CustomFunctions');
  /** @type {XmlNode | undefined} */
  let namespace;
  if (check(Boolean(cf), 'custom functions <ExtensionPoint xsi:type="CustomFunctions"> is missing') && cf) {
    for (const tag of ['Script', 'Page', 'Metadata']) {
      const part = child(cf, tag);
      check(Boolean(part && child(part, 'SourceLocation')?.attrs.resid),
        `custom functions <${tag}><SourceLocation resid> is missing`);
    }
    namespace = child(cf, 'Namespace');
    check(Boolean(namespace?.attrs.resid), 'custom functions <Namespace resid> is missing');
  }

  // Resources: unique ids, every resid resolves.
  /** @type {Map<string, XmlNode>} */
  const resources = new Map();
  for (const node of all.filter((n) => RESOURCE_TAGS.has(n.tag) && n.attrs.id !== undefined)) {
    check(!resources.has(node.attrs.id), `resource id "${node.attrs.id}" is defined more than once`);
    check(node.attrs.id.length <= 32, `resource id "${node.attrs.id}" is longer than 32 characters`);
    resources.set(node.attrs.id, node);
  }
  for (const node of all.filter((n) => n.attrs.resid !== undefined)) {
    check(resources.has(node.attrs.resid), `resid "${node.attrs.resid}" on <${node.tag}> has no matching resource`);
  }
  const namespaceResource = namespace && resources.get(namespace.attrs.resid);
  if (namespaceResource) {
    const value = namespaceResource.attrs.DefaultValue ?? '';
    check(value.length > 0 && value.length <= 32,
      `custom functions namespace "${value}" must be 1 to 32 characters (is ${value.length})`);
    check(/^[A-Za-z0-9]*$/.test(value), `custom functions namespace "${value}" must be alphanumeric`);
  }

  // URLs: https everywhere.
  /** @type {string[]} */
  const urls = [];
  for (const node of all) {
    const isUrlElement = URL_TAGS.has(node.tag) && node.attrs.resid === undefined;
    const isUrlOverride = (node.tag === 'Override' || node.tag === 'bt:Override') && node.parent !== null
      && URL_TAGS.has(node.parent.tag);
    if (isUrlElement) {
      const value = node.attrs.DefaultValue ?? '';
      check(value !== '', `<${node.tag}> has no DefaultValue URL`);
      if (value) urls.push(value);
    }
    if (isUrlOverride && node.attrs.Value) urls.push(node.attrs.Value);
    if (node.tag === 'AppDomain') urls.push(node.text.trim());
  }
  for (const url of urls) {
    let parsed = null;
    try { parsed = new URL(url); } catch { /* reported below */ }
    check(parsed !== null && parsed.protocol === 'https:', `URL "${url}" must be an absolute https URL`);
  }

  // Icons under /assets/: the file exists, is a PNG, and is as large as its name says.
  const assetsDir = options.assetsDir;
  if (assetsDir) {
    const icons = [...new Set(urls.map((u) => /\/assets\/([^/?#]+\.png)(?:[?#].*)?$/i.exec(u)?.[1]).filter(Boolean))];
    for (const name of /** @type {string[]} */ (icons)) {
      const file = join(assetsDir, name);
      if (!check(existsSync(file), `icon assets/${name} does not exist`)) continue;
      const size = pngSize(readFileSync(file));
      if (!check(size !== null, `icon assets/${name} is not a PNG`) || !size) continue;
      const expected = Number(/-(\d+)\.png$/i.exec(name)?.[1]);
      if (Number.isFinite(expected)) {
        check(size.width === expected && size.height === expected,
          `icon assets/${name} is ${size.width}x${size.height}, expected ${expected}x${expected}`);
      }
    }
  }
  return { problems, checks };
}

/**
 * Validates a manifest file; icons are looked up in `assets/` beside it unless told otherwise.
 * @example validateManifestFile('manifest.xml').problems // → []
 * @param {string} path manifest file
 * @param {{ assetsDir?: string }} [options]
 * @returns {ValidationResult}
 */
export function validateManifestFile(path, options = {}) {
  const xml = readFileSync(path, 'utf8');
  return validateManifest(xml, { assetsDir: options.assetsDir ?? join(dirname(resolve(path)), 'assets') });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const assetsAt = args.indexOf('--assets');
  const assetsDir = assetsAt >= 0 ? args.splice(assetsAt, 2)[1] : undefined;
  const path = args[0] ?? 'manifest.xml';
  const name = basename(path);
  if (!existsSync(path)) {
    console.error(`${name}: file not found (${path})`);
    process.exit(1);
  }
  const { problems, checks } = validateManifestFile(path, { assetsDir });
  for (const problem of problems) console.error(`${name}: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(`${name}: OK (${checks} checks)`);
}
