#!/usr/bin/env node
// Measures the two candidate encoding detectors (jschardet, chardet) on the file corpus and on
// generated samples: for each, whether decoding with the detected encoding gives back the text.
// Prints a table and the score per detector and input size. Needs both packages installed.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const detectors = {};
try {
  const j = require('jschardet');
  detectors.jschardet = (b) => j.detect(b)?.encoding ?? null;
  // the candidates the CLI lets it choose from (the encodings the issue names, and their kin)
  detectors['jschardet (allowlist)'] = (b) => j.detect(b, { detectEncodings: ['GB18030', 'Big5', 'CP932', 'EUC-JP', 'EUC-KR', 'Windows-1252'] })?.encoding ?? null;
  detectors['jschardet (allowlist + MacRoman)'] = (b) => j.detect(b, { detectEncodings: ['GB18030', 'Big5', 'CP932', 'EUC-JP', 'EUC-KR', 'Windows-1252', 'MacRoman'] })?.encoding ?? null;
} catch { /* absent */ }
try { const c = require('chardet'); detectors.chardet = (b) => c.detect(b); } catch { /* absent */ }
// what the CLI itself does (BOM, UTF-8, then jschardet on the file's head), when built
try {
  const { decodeCsvBytes } = require(join(root, 'dist-cli/cli/csv-encoding.js'));
  detectors['CLI decodeCsvBytes'] = (b) => {
    try {
      const e = decodeCsvBytes(b).encoding;
      return { GB18030: 'gb18030', Big5: 'cp950', Shift_JIS: 'cp932' }[e] ?? e;
    } catch {
      return null;
    }
  };
} catch { /* not built */ }

// samples: text in a known encoding, short (one line) to long (the corpus files)
const texts = {
  gbk: ['张伟,2024-01-02,12.50\n王芳,2024-01-03,8.00\n', '客户名称,订单日期,金额\n李娜,2024-02-01,3.00\n刘洋,2024-02-09,99.00\n陈静,2024-03-01,5.5\n杨磊,2024-03-02,7\n'],
  big5: ['陳美玲,2024-01-02,12.50\n林志明,2024-01-03,8.00\n', '客戶,交易日期,金額\n黃淑芬,2024-02-01,3\n張家豪,2024-02-02,4\n李雅婷,2024-02-03,5\n'],
  shift_jis: ['佐藤商店,2024-01-02,12.50\n鈴木工業,2024-01-03,8.00\n', '顧客名,注文日,売上金額\n高橋物産,2024-02-01,3\n田中食品,2024-02-02,4\n渡辺電機,2024-02-03,5\n'],
  'windows-1252': ['Müller GmbH;01.02.2024;12,50\nGröße AG;02.02.2024;8,00\n', 'Kunde;Datum;Betrag\nCafé Noël;01.02.2024;1.234,50\nSeñora Peña;02.02.2024;3,00\nZoë Brontë;03.02.2024;4,00\nFaçade SA;04.02.2024;5,00\n'],
};
const cases = [];
for (const [enc, list] of Object.entries(texts)) for (const t of list) cases.push({ name: `${enc} ${t.length} chars`, enc, text: t, bytes: iconv.encode(t, enc) });
const corpus = { 'german-export.csv': 'windows-1252', 'chinese-gbk.csv': 'gbk', 'big5.csv': 'big5', 'shift-jis.csv': 'shift_jis', 'excel-macintosh.csv': 'macintosh' };
const dir = join(root, 'test/fixtures/files');
for (const f of readdirSync(dir)) {
  if (!corpus[f]) continue;
  const bytes = readFileSync(join(dir, f));
  cases.push({ name: f, enc: corpus[f], text: iconv.decode(bytes, corpus[f]), bytes });
}
const ok = (label, c) => {
  if (!label || !iconv.encodingExists(label)) return false;
  const fix = /^gb2312$/i.test(label) ? 'gb18030' : label;
  return iconv.decode(c.bytes, fix) === c.text;
};
const score = {};
console.log(['case', ...Object.keys(detectors)].join(' | '));
for (const c of cases) {
  const row = [c.name];
  for (const [name, detect] of Object.entries(detectors)) {
    const t0 = process.hrtime.bigint();
    const label = detect(c.bytes);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const good = ok(label, c);
    score[name] = (score[name] ?? 0) + (good ? 1 : 0);
    row.push(`${label} ${good ? 'ok' : 'WRONG'} (${ms.toFixed(1)} ms)`);
  }
  console.log(row.join(' | '));
}
console.log(`right: ${Object.entries(score).map(([k, v]) => `${k} ${v}/${cases.length}`).join(', ')}`);
