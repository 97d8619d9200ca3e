// Text reaches the browser in the encoding it was written in (UTF-8) only when it says so
// or cannot be misread: a script served without a charset is decoded in the encoding of
// the page that loads it. web/embed.js runs in other people's pages (EUC-KR on many
// Korean sites) from servers we do not control, so it must be ASCII; our own server names
// the charset of every text type it sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The first non-ASCII character of a file, with its line, or null.
function firstNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at < 0) return null;
  return `line ${text.slice(0, at).split('\n').length}: ${JSON.stringify(text.slice(at, at + 12))}`;
}

// The site's scripts: every .js under web/, and the service worker.
function siteScripts() {
  const scripts = readdirSync(path.join(root, 'web'), { recursive: true })
    .filter((name) => name.endsWith('.js'))
    .map((name) => `web/${name.split(path.sep).join('/')}`);
  return [...scripts, 'sw.js'];
}

async function withServer(site, body) {
  const server = await startServer({ port: 0, host: '127.0.0.1', site });
  try {
    return await body(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const contentType = async (url) => (await fetch(url, { method: 'HEAD' })).headers.get('content-type');

test('web/embed.js is pure ASCII, so a host page in any encoding reads its text right', () => {
  assert.equal(firstNonAscii(path.join(root, 'web/embed.js')), null, 'non-ASCII in web/embed.js (use \\uXXXX)');
});

test('every script of the site is ASCII or served as UTF-8', async () => {
  const scripts = siteScripts();
  assert.ok(scripts.includes('web/embed.js') && scripts.includes('web/newsroom.js'), scripts.join(', '));
  await withServer(root, async (base) => {
    assert.equal(await contentType(`${base}web/embed.js`), 'text/javascript; charset=utf-8');
    for (const script of scripts) {
      const where = firstNonAscii(path.join(root, script));
      if (where) assert.match(await contentType(base + script), /; charset=utf-8$/, `${script} (${where})`);
    }
  });
});

test('the server names the charset of every text type it sends', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-charset-'));
  const names = ['a.html', 'a.js', 'a.mjs', 'a.css', 'a.json', 'a.jsonl', 'a.svg', 'a.txt', 'a.webmanifest'];
  for (const name of names) writeFileSync(path.join(dir, name), '뉴스룸\n');
  try {
    await withServer(dir, async (base) => {
      for (const name of names) assert.match(await contentType(base + name), /; charset=utf-8$/, name);
      assert.equal(await contentType(`${base}a.svg`), 'image/svg+xml; charset=utf-8');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
