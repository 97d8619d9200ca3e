// The two wasm modules: index-simd.wasm (simdjson's westmere kernel on wasm SIMD) where the
// browser validates wasm SIMD, index.wasm otherwise or with ?build=plain; both run with the
// one index.js and must show the same board and answer searches the same. A site without the
// SIMD module (built by the plain preset only) falls back to the plain one.
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

test('Chromium gets the SIMD module; ?build=plain the plain one; both show the same board and results', async () => {
  const simdPage = await newPage(env);
  const simd = await seen(simdPage, '');
  assert.equal(simd.first.build, 'simd');
  assert.equal(simd.first.json_kernel, 'westmere');
  const plainPage = await newPage(env);
  const plain = await seen(plainPage, '?build=plain');
  assert.equal(plain.first.build, 'plain');
  assert.equal(plain.first.json_kernel, 'fallback');

  assert.equal(simd.first.data.articles, 45);
  assert.deepEqual(plain.first.data, simd.first.data, 'the same report');
  assert.deepEqual(plain.first.results, simd.first.results, 'the same first page');
  assert.ok(simd.search.results.total > 0 && simd.search.results.total < 45, 'the search narrows the list');
  assert.deepEqual(plain.search.results, simd.search.results, 'the same search result');
  assert.deepEqual([...simdPage.errors, ...plainPage.errors], []);
});

test('a site without index-simd.wasm falls back to index.wasm and says so on the console', async () => {
  const page = await newPage(env);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.route('**/index-simd.wasm', (route) => route.fulfill({ status: 404, body: 'not built' }));
  const s = await open(page, env, '');
  assert.equal(s.build, 'plain');
  assert.equal(s.data.articles, 45);
  assert.ok(warnings.some((text) => /index-simd\.wasm could not be used .*HTTP 404.*loading index\.wasm/.test(text)),
    `the fallback is named: ${JSON.stringify(warnings)}`);
  assert.deepEqual(page.errors, []);
});
