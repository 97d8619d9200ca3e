// A page we ship asks for nothing that fails and logs no error: the list, an article with
// image previews, the analytics view and the kiosk, each loaded cold from the shipped
// data (data/manifest.json names data/articles.json), as a visitor's browser would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, waitForState } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Everything a page's browser would put in red: console errors, failed requests and
// answers of 400 or more (Chromium logs "Failed to load resource" for each of those).
function watch(page) {
  const trouble = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') trouble.push(`console: ${message.text()}`); });
  page.on('requestfailed', (request) => trouble.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    requests.push(new URL(response.url()).pathname);
    if (response.status() >= 400) trouble.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { trouble, requests };
}

// Loads `suffix` cold, waits for `predicate`, then a little more for late requests (previews).
async function visit(suffix, predicate, what) {
  const page = await newPage(env);
  const seen = watch(page);
  await page.goto(env.base + suffix);
  await page.evaluate(() => window.newsroom.ready);
  const s = await waitForState(page, predicate, what);
  await page.waitForTimeout(500);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { ...seen, state: s };
}

test('the list loads the shipped data without a request that fails', async () => {
  const { trouble, requests, state } = await visit('', (s) => s.results.ids.length > 0, 'the list');
  assert.deepEqual(trouble, []);
  assert.equal(state.data.source, 'data/articles.json');
  assert.equal(state.data.articles, 45);
  assert.ok(requests.includes('/data/manifest.json'), 'the data folder\'s index was read');
  assert.equal(requests.filter((p) => p === '/data/articles.json').length, 1, 'the export is downloaded once');
});

test('an article with image previews, the analytics view and the kiosk keep the console clean', async () => {
  const article = await visit('#/article/1719', (s) => s.article?.previews.length === 2 &&
    s.article.previews.every((p) => p.status === 'shown'), 'the article with both previews shown');
  assert.deepEqual(article.trouble, []);
  const analytics = await visit('#/analytics', (s) => s.analytics?.articles === 45, 'the analytics view');
  assert.deepEqual(analytics.trouble, []);
  const kiosk = await visit('?mode=kiosk', (s) => s.kiosk?.current != null && s.article?.id === s.kiosk.current,
    'the kiosk showing its first article');
  assert.deepEqual(kiosk.trouble, []);
});
