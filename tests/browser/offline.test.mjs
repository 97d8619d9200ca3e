// Offline: the service worker keeps the app and the last good export, so a kiosk survives
// network loss and a reboot without network; and the single-file build opens from file://
// with no server at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithDataCopy, newPage, open, state, waitForState, clickWidget, screenshot, root, buildSingleFile } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
let env;
let dataDir;
before(async () => {
  env = await launchWithDataCopy('newsroom-offline-');
  dataDir = env.dataDir;
});
after(async () => { await env?.close(); });

// The saved copy the service worker would answer with: its article count, or null.
const savedArticles = (page) => page.evaluate(async () => {
  const cache = await caches.open('newsroom-data');
  const response = await cache.match(new URL('data/articles.json', location.href).href);
  if (!response) return null;
  try { return (await response.json()).articles.length; } catch (error) { return 'broken'; }
});

test('network loss and a reboot without network: the last good board, marked as saved data', async () => {
  const page = await newPage(env, { serviceWorkers: 'allow' });
  await open(page, env, '?poll=0#/article/1840');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => (await (await caches.open('newsroom-data')).keys()).length > 0);
  assert.equal(await savedArticles(page), 45, 'the good export is saved');

  // A broken export is refused and never replaces the saved copy.
  writeFileSync(path.join(dataDir, 'articles.json'), '{"articles": [');
  await page.evaluate(() => window.newsroom.pollNow());
  assert.equal((await state(page)).data.showing_previous, true);
  assert.equal(await savedArticles(page), 45, 'still the good one');

  // The network goes away (the server stops, the browser is offline); the kiosk reloads.
  await env.stopServer();
  await page.context().setOffline(true);
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  let s = await waitForState(page, (x) => x.article?.id === 1840, 'the same article');
  assert.equal(s.data.usable, true);
  assert.equal(s.data.articles, 45, 'the last good board');
  assert.ok(s.data.live.saved_at, 'state() says the data is a saved copy');
  assert.equal(s.font_loaded, true);
  assert.equal(s.glyphs_missing, 0);
  await waitForState(page, (x) => x.frame > s.frame + 1, 'a frame');
  assert.ok(await page.evaluate(() => window.newsroom.locate('data-saved')), 'the status panel says so');
  await screenshot(page, 'offline-saved-data');

  // A reboot: a new window of the same browser profile, still without network.
  const kiosk = await page.context().newPage();
  kiosk.errors = [];
  kiosk.on('pageerror', (error) => kiosk.errors.push(error.message));
  await kiosk.goto(`${env.base}?poll=0`);
  await kiosk.evaluate(() => window.newsroom.ready);
  s = await waitForState(kiosk, (x) => x.results.ids.length > 0, 'the list from saved data');
  assert.equal(s.data.articles, 45);
  assert.ok(s.data.live.saved_at);
  // Checking while offline is a failed check; the board stays.
  await kiosk.evaluate(() => window.newsroom.pollNow());
  s = await state(kiosk);
  assert.match(s.data.live.last_error, /articles\.json/);
  assert.equal(s.data.articles, 45);

  // The network comes back with a new good export: swapped in, no longer "saved".
  writeFileSync(path.join(dataDir, 'articles.json'), JSON.stringify({ ...sample, articles: sample.articles.slice(1) }));
  await env.startServer();
  await page.context().setOffline(false);
  await kiosk.evaluate(() => window.newsroom.pollNow());
  s = await state(kiosk);
  assert.equal(s.data.articles, 44);
  assert.equal(s.data.live.saved_at, null);
  assert.equal(s.data.live.last_error, null);
  await page.waitForFunction(async () => {
    const response = await (await caches.open('newsroom-data')).match(new URL('data/articles.json', location.href).href);
    return response && (await response.json()).articles.length === 44;
  });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(kiosk.errors, []);
});

test('the single-file build opens from file:// with no server and shows the board', async () => {
  const single = buildSingleFile('newsroom-single-');
  try {
    const page = await newPage(env);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(single.url);
    await page.evaluate(() => window.newsroom.ready);
    let s = await waitForState(page, (x) => x.results.ids.length > 0, 'the board');
    assert.equal(s.data.usable, true);
    assert.equal(s.data.articles, 45);
    assert.equal(s.data.source, 'articles.json');
    assert.equal(s.font_loaded, true);
    assert.equal(s.glyphs_missing, 0, 'the embedded font draws the Korean text');
    assert.equal(s.data.live.poll_seconds, 0, 'nothing to poll');
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), [],
      'nothing is asked of any server');
    const id = s.results.ids[1];
    await clickWidget(page, `row:${id}`);
    s = await waitForState(page, (x) => x.article?.id === id, 'an article opened by a click');
    assert.match(await page.evaluate(() => location.hash), new RegExp(`#/article/${id}$`));
    await screenshot(page, 'single-file');
    assert.deepEqual(page.errors, []);
  } finally {
    single.remove();
  }
});
