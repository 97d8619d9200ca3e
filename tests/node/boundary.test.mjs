// Integers that cross between the page and the wasm module are named on both sides: the
// page's values must be the C++ enums' (src/platform/browser.h), or a touch would be read
// as another phase and an image as another status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const header = readFileSync(path.join(root, 'src/platform/browser.h'), 'utf8');
// The page script: web/newsroom.js and the parts it wires (web/js/*.js), read as one text.
const page = ['web/newsroom.js', ...readdirSync(path.join(root, 'web/js')).filter((name) => name.endsWith('.js'))
  .sort().map((name) => `web/js/${name}`)].map((file) => readFileSync(path.join(root, file), 'utf8')).join('\n');
const cmake = readFileSync(path.join(root, 'cmake/NewsroomSite.cmake'), 'utf8');

function cppEnum(name) {
  const body = header.match(new RegExp(`enum class ${name} : int \\{([^}]*)\\}`))[1];
  return Object.fromEntries([...body.matchAll(/(\w+) = (-?\d+)/g)].map((m) => [m[1], Number(m[2])]));
}
function jsEnum(name) {
  const body = page.match(new RegExp(`const ${name} = Object\\.freeze\\(\\{([^}]*)\\}\\)`))[1];
  return Object.fromEntries([...body.matchAll(/(\w+): (-?\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

test('the page and the engine give image statuses and touch phases the same numbers', () => {
  for (const name of ['ImageStatus', 'TouchPhase']) assert.deepEqual(jsEnum(name), cppEnum(name), name);
});

test('the page calls only exports that the build declares', () => {
  const declared = new Set(cmake.match(/set\(NEWSROOM_EXPORTS([^)]*)\)/)[1].split(/\s+/).filter(Boolean));
  const called = new Set([...page.matchAll(/Module\._(newsroom_\w+)/g)].map((m) => m[1]));
  for (const name of called) assert.ok(declared.has(name), `${name} is called but not exported`);
  for (const name of declared) assert.ok(called.has(name), `${name} is exported but never called`);
});

// Every effect the engine asks for (Effects::add in src/app and src/platform) has a handler
// in the page, and the page handles none that the engine never sends.
test('the page carries out every effect the engine sends, and only those', () => {
  const sources = ['src/app', 'src/platform'].flatMap((dir) => readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.cpp')).map((name) => readFileSync(path.join(root, dir, name), 'utf8'))).join('\n');
  const sent = new Set([...sources.matchAll(/\.add\("(\w+)"/g)].map((m) => m[1]));
  // add(kiosk_ ? "qr" : "article_action", ...): both names of a conditional
  for (const m of sources.matchAll(/\.add\(\w+ \? "(\w+)" : "(\w+)"/g)) sent.add(m[1]).add(m[2]);
  const table = page.match(/const effects = \{([\s\S]*?)\n    \};/)[1];
  const handled = new Set([...table.matchAll(/^      (\w+)(?:\(|:)/gm)].map((m) => m[1]));
  assert.ok(sent.size >= 15, `found ${sent.size} effects`);
  for (const name of sent) assert.ok(handled.has(name), `the engine sends ${name}, which the page does not handle`);
  for (const name of handled) assert.ok(sent.has(name), `the page handles ${name}, which the engine never sends`);
});
