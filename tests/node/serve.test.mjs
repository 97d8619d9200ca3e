// scripts/serve.mjs answers the live poll's conditional requests: ETag and Last-Modified
// on every file, 304 for If-None-Match or (without it) If-Modified-Since, 200 once the
// file changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

test('the server answers conditional requests for live data', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-serve-'));
  const file = path.join(dir, 'articles.json');
  writeFileSync(file, '{"articles": []}');
  utimesSync(file, new Date('2024-03-15T00:00:00Z'), new Date('2024-03-15T00:00:00Z'));
  const server = await startServer({ port: 0, host: '127.0.0.1', site: dir, data: dir });
  const url = `http://127.0.0.1:${server.address().port}/data/articles.json`;
  try {
    const first = await fetch(url);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    const modified = first.headers.get('last-modified');
    assert.ok(etag);
    assert.equal(modified, 'Fri, 15 Mar 2024 00:00:00 GMT');
    assert.equal((await fetch(url, { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await fetch(url, { headers: { 'if-modified-since': modified } })).status, 304);
    assert.equal((await fetch(url, { headers: { 'if-modified-since': 'Thu, 14 Mar 2024 00:00:00 GMT' } })).status, 200);
    assert.equal((await fetch(url, { headers: { 'if-none-match': '"other"', 'if-modified-since': modified } })).status, 200,
      'If-None-Match decides when both are sent');

    writeFileSync(file, '{"articles": [], "changed": true}');
    const changed = await fetch(url, { headers: { 'if-none-match': etag, 'if-modified-since': modified } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.match(await changed.text(), /changed/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
