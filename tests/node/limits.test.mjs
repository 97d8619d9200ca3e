// The page refuses an export over the size limit before the importer sees it: its number
// must be the importer's (src/io/limits.h), or the page and the checker would disagree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the page and the importer state the same export size limit', () => {
  const header = readFileSync(path.join(root, 'src/io/limits.h'), 'utf8');
  const page = readFileSync(path.join(root, 'web/js/downloads.js'), 'utf8');  // the page's downloads
  const cpp = header.match(/kExportBytes = size_t\{(\d+)\} << (\d+);/);
  const js = page.match(/kExportBytesAtMost = (\d+) << (\d+);/);
  assert.ok(cpp && js, 'both state the limit');
  assert.equal(Number(js[1]) * 2 ** Number(js[2]), Number(cpp[1]) * 2 ** Number(cpp[2]));
  // The same words: the checker's message (src/io/import_report.cpp) and the page's.
  const words = ' MB for an export: split it into several files listed by a manifest';
  assert.ok(readFileSync(path.join(root, 'src/io/import_report.cpp'), 'utf8').includes(words));
  assert.ok(page.includes(words));
});
