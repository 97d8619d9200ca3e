// Live data: the export is replaced while the page runs. A changed file is swapped in
// between frames (the open article stays, the list keeps its query); an unchanged one
// answers 304; a broken one leaves the old board on screen with the problem named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { launchWithDataCopy, newPage, open, state, waitForState, clickWidget, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
let env;
let dataDir;

// The sample with changes: `add` articles in front, `drop` ids removed, `retitle` {id: title}.
function writeExport({ add = [], drop = [], retitle = {} } = {}) {
  const articles = sample.articles.filter((a) => !drop.includes(a.id))
    .map((a) => (retitle[a.id] ? { ...a, title: retitle[a.id] } : a));
  writeFileSync(path.join(dataDir, 'articles.json'), JSON.stringify({ ...sample, articles: [...add, ...articles] }));
}
const fresh = (id, title) => ({
  id, number: 100 + id % 100, category: '보도자료', title, author: '홍보팀', published_at: '2024-03-14T09:00:00+09:00',
  views: 1, body: `${title} 본문입니다.`,
});

before(async () => {
  env = await launchWithDataCopy('newsroom-live-');
  dataDir = env.dataDir;
});
after(async () => { await env?.close(); });

test('a replaced export is swapped in: the new article appears, the open article stays, 304 when unchanged', async () => {
  writeExport();
  const page = await newPage(env);
  const conditional = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/data/articles.json')) {
      conditional.push([response.request().headers()['if-none-match'] || null, response.status()]);
    }
  });
  const first = await open(page, env, '?poll=0#/article/1862');
  assert.equal(first.article.id, 1862);
  assert.equal(first.data.articles, 45);

  // Nothing changed: a conditional request answered 304, no swap.
  await page.evaluate(() => window.newsroom.pollNow());
  let s = await state(page);
  assert.equal(s.data.live.polls, 1);
  assert.equal(s.data.live.swaps, 0);
  assert.equal(s.data.live.last_error, null);
  assert.ok(s.data.live.last_checked, 'the check time is reported');
  const last = conditional.at(-1);
  assert.ok(last[0], 'the poll sent If-None-Match');
  assert.equal(last[1], 304);

  // The data team drops a new export: one more article, the open one retitled.
  writeExport({ add: [fresh(2001, '실시간으로 들어온 새 소식')], retitle: { 1862: '제목이 바뀐 교류 소식' } });
  await page.evaluate(() => window.newsroom.pollNow());
  s = await state(page);
  assert.equal(s.data.live.swaps, 1);
  assert.equal(s.data.articles, 46);
  assert.equal(s.route, 'article', 'the open article stays open');
  assert.equal(s.article.id, 1862);
  assert.equal(s.article.title, '제목이 바뀐 교류 소식', 'and shows the new export\'s text');
  const frame = s.frame;
  await waitForState(page, (x) => x.frame > frame + 2, 'frames after the swap');

  await clickWidget(page, 'back');
  s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list');
  assert.ok(s.results.ids.includes(2001), 'the new article is on the list');
  assert.equal(s.results.total, 46);
  assert.deepEqual(page.errors, []);
});

test('a swap that removes the open article returns to the list with its query; filters that still exist stay', async () => {
  writeExport();
  const page = await newPage(env);
  await open(page, env, '?poll=0#/?q=%EC%B9%B4%EC%9E%90%ED%9D%90&cat=%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C');
  let s = await waitForState(page, (x) => x.results.ids.length > 0, 'the filtered list');
  const id = s.results.ids[0];
  await clickWidget(page, `row:${id}`);
  await waitForState(page, (x) => x.article?.id === id, 'the article');

  writeExport({ drop: [id] });
  await page.evaluate(() => window.newsroom.pollNow());
  s = await waitForState(page, (x) => x.route === 'list', 'back on the list');
  assert.equal(s.query, '카자흐', 'the list keeps its query');
  assert.deepEqual(s.filters.categories, ['보도자료'], 'and its category, still on the board');
  assert.ok(!s.results.ids.includes(id));
  assert.equal(s.data.articles, 44);
  assert.equal(await page.evaluate(() => location.hash), s.hash, 'the URL follows');
  assert.deepEqual(page.errors, []);
});

test('a broken export leaves the old board on screen and the status panel names the problem', async () => {
  writeExport();
  const page = await newPage(env);
  await open(page, env, '?poll=0&lang=en#/article/1906');
  writeFileSync(path.join(dataDir, 'articles.json'), '{"format": "newsroom-export", "articles": [');
  await page.evaluate(() => window.newsroom.pollNow());
  let s = await state(page);
  assert.equal(s.data.usable, false);
  assert.equal(s.data.showing_previous, true);
  assert.equal(s.data.articles, 45, 'the old board stays');
  assert.equal(s.data.board_source, 'data/articles.json');
  assert.equal(s.article.id, 1906, 'the open article stays');
  assert.match(s.data.live.last_error, /^data\/articles\.json: .+/, 'state() names the source and the problem');
  assert.equal(s.data.live.last_error, `data/articles.json: ${s.data.problems[0].message}`);
  await page.waitForFunction(() => window.newsroom.locate('data-kept-previous'), null, { timeout: 5000 });  // the status panel says so
  assert.equal(s.data.live.swaps, 0);

  // The same broken file is not imported again; a fixed one is swapped in.
  await page.evaluate(() => window.newsroom.pollNow());
  s = await state(page);
  assert.equal(s.data.showing_previous, true);
  assert.equal(s.data.live.polls, 2);
  assert.match(s.data.live.last_error, /^data\/articles\.json: /, 'the refused export stays named');
  writeExport({ add: [fresh(2002, 'Fixed export')] });
  await page.evaluate(() => window.newsroom.pollNow());
  s = await state(page);
  assert.equal(s.data.usable, true);
  assert.equal(s.data.showing_previous, false);
  assert.equal(s.data.articles, 46);
  assert.equal(s.data.live.last_error, null);
  assert.equal(s.data.live.swaps, 1);
  await waitForState(page, (x) => x.frame > s.frame + 1, 'a frame');
  assert.equal(await page.evaluate(() => window.newsroom.locate('data-kept-previous')), null);
  assert.deepEqual(page.errors, []);
});

test('?poll=SECONDS polls by itself; a missing file is a failed check, not a new board', async () => {
  writeExport();
  const page = await newPage(env);
  let s = await open(page, env, '?poll=1');
  assert.equal(s.data.live.poll_seconds, 1);
  writeExport({ add: [fresh(2003, '저절로 들어온 소식')] });
  s = await waitForState(page, (x) => x.data.live.swaps === 1, 'the swap by the timer', 8000);
  assert.equal(s.data.articles, 46);
  assert.ok(s.data.live.polls >= 1);
  rmSync(path.join(dataDir, 'articles.json'));
  s = await waitForState(page, (x) => x.data.live.last_error !== null, 'a failed check', 8000);
  assert.match(s.data.live.last_error, /articles\.json: HTTP 404/);
  assert.equal(s.data.articles, 46, 'the board stays');
  assert.equal(s.data.usable, true);
  await page.waitForFunction(() => window.newsroom.locate('data-check-failed'), null, { timeout: 5000 });
  writeExport();
  await waitForState(page, (x) => x.data.articles === 45 && x.data.live.last_error === null, 'back to normal', 8000);
  assert.deepEqual(page.errors, []);
});

test('a manifest is polled with each of its files: one changed file swaps the merged board', async () => {
  const archive = path.join(dataDir, 'archive');
  mkdirSync(archive, { recursive: true });
  const part = (name, articles) => writeFileSync(path.join(archive, name), JSON.stringify({ ...sample, articles }));
  writeFileSync(path.join(archive, 'manifest.json'),
    JSON.stringify({ format: 'newsroom-manifest', version: 1, exports: ['part-1.json', 'part-2.json'] }));
  part('part-1.json', sample.articles.slice(0, 20));
  part('part-2.json', sample.articles.slice(20));
  const page = await newPage(env);
  const answers = [];
  page.on('response', (response) => {
    if (response.url().includes('/data/archive/')) answers.push([response.url().split('/').pop(), response.status()]);
  });
  let s = await open(page, env, '?poll=0&data=data/archive/manifest.json');
  assert.equal(s.data.articles, 45);
  answers.length = 0;
  await page.evaluate(() => window.newsroom.pollNow());
  assert.deepEqual(answers, [['manifest.json', 304], ['part-1.json', 304], ['part-2.json', 304]],
    'the manifest and each file are asked for conditionally');
  assert.equal((await state(page)).data.live.swaps, 0);

  part('part-2.json', [fresh(2004, '분할 보관 파일에 추가된 글'), ...sample.articles.slice(20)]);
  await page.evaluate(() => window.newsroom.pollNow());
  s = await state(page);
  assert.equal(s.data.live.swaps, 1);
  assert.equal(s.data.articles, 46);
  assert.equal(s.data.source, 'data/archive/manifest.json');
  assert.ok(await page.evaluate(() => window.newsroom.article(2004)), 'the new article is on the board');
  assert.deepEqual(page.errors, []);
});

test('polling defaults: every 300 s, every 60 s in kiosk mode, a bad ?poll= falls back with a warning', async () => {
  writeExport();
  const page = await newPage(env);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  assert.equal((await open(page, env, '')).data.live.poll_seconds, 300);
  assert.equal((await open(page, env, '?mode=kiosk')).data.live.poll_seconds, 60);
  assert.equal((await open(page, env, '?mode=kiosk&poll=0')).data.live.poll_seconds, 0);
  assert.equal((await open(page, env, '?poll=soon')).data.live.poll_seconds, 300);
  assert.ok(warnings.some((text) => text.includes('?poll=soon')), 'the bad value is named');
  assert.deepEqual(page.errors, []);
});

test('a large export is swapped in while it downloads; the same bytes sent again change nothing', async () => {
  // Exports past 4 MB are imported as they download, on a poll as on the first load.
  const generator = path.join(root, 'build/native/src/tools/newsroom-gen');
  assert.ok(existsSync(generator), `${generator} is missing: build the native preset first (scripts/test.sh does)`);
  const file = path.join(dataDir, 'large.json');
  const generate = (count, seed) => execFileSync(generator, ['--count', String(count), '--seed', String(seed), '--out', file]);
  generate(2500, 21);
  const page = await newPage(env);
  let s = await open(page, env, '?poll=0&data=data/large.json');
  assert.equal(s.data.articles, 2500);
  // Streamed imports begun from here on (the first load may or may not stream: it depends
  // on whether the runtime was up before the download ended).
  const before = s.load.streams;
  const streams = async () => (await state(page)).load.streams - before;

  // The same bytes with a new date: read again (the server says it changed), found the same
  // by their digest, and dropped: no swap, nothing left loading.
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  await page.evaluate(() => window.newsroom.pollNow());
  s = await state(page);
  assert.equal(s.data.live.swaps, 0);
  assert.equal(s.load.phase, 'none');
  assert.equal(await streams(), 1, 'it was read as it came');
  assert.equal(s.load.streamed, false, 'and its import dropped');

  // A new export: streamed in, then swapped.
  generate(2600, 22);
  await page.evaluate(() => window.newsroom.pollNow());
  s = await waitForState(page, (x) => x.data.articles === 2600, 'the new board', 30000);
  assert.equal(s.data.live.swaps, 1);
  assert.equal(await streams(), 2, 'the new export was imported while it downloaded');
  assert.equal(s.data.live.last_error, null);
  assert.deepEqual(page.errors, []);
  rmSync(file);
});
