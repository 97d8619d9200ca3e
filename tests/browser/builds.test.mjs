// The three wasm builds: index-threads (wasm SIMD and threads: a large export imported and
// indexed on a worker) where the page is cross-origin isolated, as scripts/serve.mjs makes it;
// index-simd.wasm (simdjson's westmere kernel on wasm SIMD) where the browser validates wasm
// SIMD, or with ?build=simd; index.wasm otherwise or with ?build=plain. All must show the same
// board and answer searches the same. A page that is not isolated (a host without the headers,
// an iframe in a page that is not) runs the SIMD build; a site without the SIMD module (built
// by the plain preset only) falls back to the plain one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, waitForState } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// The board and a search's result as a visitor sees them: the articles, their order, the counts.
async function seen(page, suffix) {
  const first = await open(page, env, suffix);
  await page.evaluate(() => { location.hash = '#/?q=%EA%B5%90%EB%A5%98'; });  // 교류
  const search = await waitForState(page, (s) => s.query === '교류' && !s.load.search_pending && s.results.ids.length > 0,
    'the search for 교류');
  return { first, search };
}

test('an isolated page gets the threaded module; ?build=simd and ?build=plain the others; all show the same', async () => {
  const threadsPage = await newPage(env);
  const threads = await seen(threadsPage, '');
  assert.equal(threads.first.build, 'threads');
  assert.equal(threads.first.json_kernel, 'westmere');
  assert.equal(await threadsPage.evaluate(() => crossOriginIsolated), true);
  const simdPage = await newPage(env);
  const simd = await seen(simdPage, '?build=simd');
  assert.equal(simd.first.build, 'simd');
  assert.equal(simd.first.json_kernel, 'westmere');
  assert.deepEqual(threads.first.data, simd.first.data, 'the same report');
  assert.deepEqual(threads.first.results, simd.first.results, 'the same first page');
  assert.deepEqual(threads.search.results, simd.search.results, 'the same search result');
  const plainPage = await newPage(env);
  const plain = await seen(plainPage, '?build=plain');
  assert.equal(plain.first.build, 'plain');
  assert.equal(plain.first.json_kernel, 'fallback');

  assert.equal(simd.first.data.articles, 45);
  assert.deepEqual(plain.first.data, simd.first.data, 'the same report');
  assert.deepEqual(plain.first.results, simd.first.results, 'the same first page');
  assert.ok(simd.search.results.total > 0 && simd.search.results.total < 45, 'the search narrows the list');
  assert.deepEqual(plain.search.results, simd.search.results, 'the same search result');
  assert.deepEqual([...threadsPage.errors, ...simdPage.errors, ...plainPage.errors], []);
});

test('a page that is not cross-origin isolated runs the SIMD build, on its own thread', async () => {
  const plainHost = await launch({ isolation: false });
  try {
    const page = await newPage(plainHost);
    const s = await open(page, plainHost, '');
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.equal(s.build, 'simd');
    assert.equal(s.data.articles, 45);
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(!requested.some((name) => /index-threads/.test(name)), 'nothing of the threaded build is fetched');
    assert.deepEqual(page.errors, []);
  } finally {
    await plainHost.close();
  }
});

test('a site without index-simd.wasm falls back to index.wasm and says so on the console', async () => {
  // (?build=simd: on this isolated page the threaded build would be picked first)
  const page = await newPage(env);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.route('**/index-simd.wasm', (route) => route.fulfill({ status: 404, body: 'not built' }));
  const s = await open(page, env, '?build=simd');
  assert.equal(s.build, 'plain');
  assert.equal(s.data.articles, 45);
  assert.ok(warnings.some((text) => /index-simd\.wasm could not be used .*HTTP 404.*loading index\.wasm/.test(text)),
    `the fallback is named: ${JSON.stringify(warnings)}`);
  assert.deepEqual(page.errors, []);
});
