// Nothing a file can do stops the board: the limits of src/io/limits.h as the page meets
// them, on the first load and in live updates (docs/export-format.md, "Limits").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithDataCopy, newPage, open, state, root } from './harness.mjs';

const sample = readFileSync(path.join(root, 'data/articles.json'));
let env;
before(async () => { env = await launchWithDataCopy('newsroom-limits-'); });
after(async () => { await env?.close(); });

const put = (name, bytes) => writeFileSync(path.join(env.dataDir, name), bytes);
// Random syllables over the whole Hangul block: text no vocabulary of ours resembles.
function hangul(chars, seed = 7) {
  const codes = new Uint16Array(chars);
  let x = seed;
  for (let i = 0; i < chars; ++i) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    codes[i] = i % 9 === 8 ? 0x20 : 0xAC00 + (x >>> 8) % 11172;
  }
  return new TextDecoder('utf-16le').decode(codes);
}
const article = (id, extra = {}) => ({ id, title: `글 ${id}`, published_at: '2024-03-14T09:00:00+09:00', ...extra });
const bigExport = () => JSON.stringify({ format: 'newsroom-export', version: 1,
  articles: [article(1), article(2, { body: hangul(4_200_000) }), article(3)] });  // 12.6 MB in one record
// A poll that does not end is the failure this file is about: fail the test instead of hanging it.
const pollNow = (page) => page.evaluate(() => Promise.race([window.newsroom.pollNow().then(() => 'done'),
  new Promise((resolve) => setTimeout(() => resolve('still waiting after 90 s'), 90000))]));

test('one article of 12 MB loads, on the first visit and as a live update, and later checks still run', async () => {
  put('big.json', bigExport());
  const page = await newPage(env);
  let s = await open(page, env, '?data=data/big.json&poll=0');
  assert.equal(s.data.usable, true);
  assert.equal(s.data.articles, 3);
  const cut = s.data.problems.find((p) => p.field === 'body');
  assert.ok(cut && /bytes are kept/.test(cut.message), 'the body past the limit is cut, and the report says so');
  await page.close();

  put('articles.json', sample);
  const live = await newPage(env);
  s = await open(live, env, '?poll=0');
  assert.equal(s.data.articles, 45);
  put('articles.json', bigExport());
  assert.equal(await pollNow(live), 'done');
  s = await state(live);
  assert.equal(s.data.articles, 3);
  assert.equal(s.data.live.swaps, 1);
  put('articles.json', sample);
  assert.equal(await pollNow(live), 'done', 'the next check is not blocked');
  assert.equal((await state(live)).data.articles, 45);
  assert.deepEqual(live.errors, []);
});

test('nine million empty records polled live leave the board on screen and the page running', async () => {
  put('articles.json', sample);
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  put('articles.json', `{"articles":[${'{},'.repeat(9_000_000)}{}]}`);  // 27 MB
  assert.equal(await pollNow(page), 'done');
  let s = await state(page);
  assert.equal(s.data.showing_previous, true);
  assert.equal(s.data.articles, 45);
  assert.equal(s.data.problem_count, 27_000_003);  // each counted, the first thousand listed
  assert.ok(s.data.unlisted.length > 0);
  assert.match(s.data.live.last_error, /data\/articles\.json: /);
  assert.ok(s.memory.heap_bytes < 1024 * 1024 * 1024, `the heap stays small: ${s.memory.heap_bytes}`);
  // A good export afterwards is swapped in and drawn.
  const withOneMore = JSON.parse(sample);
  withOneMore.articles.unshift(article(9001, { title: '다시 살아난 게시판' }));
  put('articles.json', JSON.stringify(withOneMore));
  assert.equal(await pollNow(page), 'done');
  s = await state(page);
  assert.equal(s.data.articles, 46);
  const drawn = s.drawn;
  await page.mouse.move(300, 300);
  await page.mouse.move(310, 320);
  await page.waitForFunction((before) => window.newsroom.state().drawn > before, drawn, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
});

test('a Content-Length past the export limit is refused in words before anything is allocated', async () => {
  put('articles.json', sample);
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  for (const length of [2 ** 31, 2 ** 32, 2 ** 32 + 10, 2 ** 40]) {
    await page.route('**/data/huge.json', (route) => route.fulfill({
      status: 200, headers: { 'content-type': 'application/json', 'content-length': String(length) }, body: '[]' }));
    const data = await page.evaluate(() => window.newsroom.load('data/huge.json'));
    assert.equal(data.usable, false, `Content-Length ${length}`);
    assert.match(data.problems[0].message, /over the limit of 512 MB for an export/);
    const s = await state(page);
    assert.equal(s.data.showing_previous, true);
    assert.equal(s.data.articles, 45);
    await page.unroute('**/data/huge.json');
  }
  assert.deepEqual(page.errors, []);
});

test('a live check whose server stops sending is abandoned, named, and the next one runs', async () => {
  put('articles.json', sample);
  const page = await newPage(env);
  await page.addInitScript(() => { window.newsroomLimits = { stallMs: 1500 }; });
  await open(page, env, '?poll=0');
  await page.route('**/data/articles.json', () => {});  // the request is never answered
  assert.equal(await pollNow(page), 'done');
  let s = await state(page);
  assert.match(s.data.live.last_error, /abandoned: no data came for 1\.5 s/);
  assert.equal(s.data.articles, 45);
  await page.unroute('**/data/articles.json');
  const withOneMore = JSON.parse(sample);
  withOneMore.articles.unshift(article(9002, { title: '다음 확인은 막히지 않는다' }));
  put('articles.json', JSON.stringify(withOneMore));
  assert.equal(await pollNow(page), 'done');
  s = await state(page);
  assert.equal(s.data.articles, 46);
  assert.equal(s.data.live.last_error, null);
});
