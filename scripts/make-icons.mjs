// Generates the add-in icons in assets/: a three-tier pyramid (deep blue base, teal middle,
// light teal top) on a transparent background. Run with `npm run icons`; output is committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;

/** Icon files written by this script, name → edge length in pixels. */
export const ICONS = {
  'icon-16.png': 16,
  'icon-32.png': 32,
  'icon-64.png': 64,
  'icon-80.png': 80,
  'logo-128.png': 128,
};

/** The three tiers, top to bottom: vertical band in unit coordinates and RGB colour. */
const TIERS = [
  { y0: 0.1, y1: 0.34, rgb: [0x3c, 0xc6, 0xb4] },
  { y0: 0.41, y1: 0.63, rgb: [0x14, 0x8f, 0x95] },
  { y0: 0.7, y1: 0.92, rgb: [0x1a, 0x3d, 0x7c] },
];
const APEX_Y = 0.02;
const BASE_Y = 0.92;
const BASE_HALF_WIDTH = 0.45;

/**
 * Colour of the point (x, y) in unit coordinates, or null when it is background.
 * @example pointColor(0.5, 0.8) // → [26, 61, 124] (bottom tier)
 * @param {number} x
 * @param {number} y
 * @returns {number[] | null}
 */
export function pointColor(x, y) {
  for (const tier of TIERS) {
    if (y < tier.y0 || y > tier.y1) continue;
    const halfWidth = ((y - APEX_Y) / (BASE_Y - APEX_Y)) * BASE_HALF_WIDTH;
    return Math.abs(x - 0.5) <= halfWidth ? tier.rgb : null;
  }
  return null;
}

/**
 * Renders the icon as a PNG of `size`×`size` pixels, anti-aliased by 4×4 supersampling.
 * @example renderIcon(16).subarray(1, 4).toString() // → 'PNG'
 * @param {number} size edge length in pixels
 * @returns {Buffer} PNG file bytes
 */
export function renderIcon(size) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = pointColor((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; hits++; }
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = hits ? Math.round(r / hits) : 0;
      png.data[i + 1] = hits ? Math.round(g / hits) : 0;
      png.data[i + 2] = hits ? Math.round(b / hits) : 0;
      png.data[i + 3] = Math.round((255 * hits) / (n * n));
    }
  }
  return PNG.sync.write(png);
}

/**
 * Writes every icon in ICONS into `dir`.
 * @example writeIcons('assets') // → ['assets/icon-16.png', …]
 * @param {string} dir output folder
 * @returns {string[]} paths written
 */
export function writeIcons(dir) {
  mkdirSync(dir, { recursive: true });
  return Object.entries(ICONS).map(([name, size]) => {
    const file = join(dir, name);
    writeFileSync(file, renderIcon(size));
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of writeIcons(join(root, 'assets'))) console.log(`wrote ${file}`);
}
