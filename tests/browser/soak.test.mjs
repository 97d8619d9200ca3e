// Weeks of uptime, compressed: hundreds of live swaps (two exports alternating in a temp
// data folder, each swap found by the page's own conditional poll) with navigations and
// unchanged checks in between. After a warm-up, the wasm heap does not grow and the bytes
// malloc holds stay within a small, stated tolerance; state().frame keeps counting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, root } from './harness.mjs';

const SWAPS = 200;          // after the warm-up
const WARM_UP = 20;
const CHECKPOINT = 50;      // swaps between memory readings (even: export A on screen at each)
const TOLERANCE = 64 * 1024;  // bytes malloc may hold above the first reading (allocator slack)

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
// Export B: 20 more articles and every title changed, so the swap replaces real text.
const other = {
  ...sample,
  articles: [
    ...Array.from({ length: 20 }, (_, i) => ({
      id: 3000 + i, number: 200 + i, category: i % 2 ? '보도자료' : '교류소식', title: `교체 시험 글 ${i} 카자흐스탄 연수`,
      author: '시험', published_at: `2024-03-${String(1 + i).padStart(2, '0')}T10:00:00+09:00`, views: 10 * i,
      body: '바뀐 게시판의 본문입니다. '.repeat(40),
    })),
    ...sample.articles.map((a) => ({ ...a, title: `${a.title} (개정)` })),
  ],
};
const exports = [JSON.stringify(sample), JSON.stringify(other)];
// Views visited in turn: the same few, so that per-view memory (scroll positions) is bounded.
const routes = ['#/', '#/?page=2', '#/article/1862', '#/?q=%EC%B9%B4%EC%9E%90%ED%9D%90', '#/analytics', '#/?cat=%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C&page=2'];

let env;
let dataDir;
before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-soak-'));
  writeFileSync(path.join(dataDir, 'articles.json'), exports[0]);
  env = await launch({ data: dataDir });
});
after(async () => {
  await env?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test(`memory stays flat over ${SWAPS} live swaps with navigations`, async (t) => {
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  let swaps = 0;
  async function cycle() {
    const next = exports[(swaps + 1) % 2];
    writeFileSync(path.join(dataDir, 'articles.json'), next);
    await page.evaluate(() => window.newsroom.pollNow());  // changed: swapped
    ++swaps;
    await page.evaluate((hash) => { location.hash = hash; }, routes[swaps % routes.length]);
    await page.evaluate(() => window.newsroom.pollNow().then(() => new Promise((resolve) => requestAnimationFrame(resolve))));  // unchanged: 304
  }
  // A reading on the same board and view each time: export A, the list's first page.
  async function reading() {
    await page.evaluate(() => { location.hash = '#/'; });
    const s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0 && x.page === 1, 'the list');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return state(page);
  }

  while (swaps < WARM_UP) await cycle();
  const readings = [await reading()];
  while (swaps < WARM_UP + SWAPS) {
    await cycle();
    if ((swaps - WARM_UP) % CHECKPOINT === 0 || swaps === WARM_UP + SWAPS) readings.push(await reading());
  }
  const last = readings.at(-1);
  assert.equal(last.data.live.swaps, WARM_UP + SWAPS, 'every change was swapped in');
  assert.equal(last.data.live.polls, 2 * (WARM_UP + SWAPS));
  assert.equal(last.data.articles, (WARM_UP + SWAPS) % 2 ? 65 : 45);
  const used = readings.map((r) => r.memory.used_bytes);
  const heap = readings.map((r) => r.memory.heap_bytes);
  t.diagnostic(`used_bytes at checkpoints: ${used.join(', ')}`);
  t.diagnostic(`heap_bytes at checkpoints: ${heap.join(', ')}`);
  t.diagnostic(`frames: ${readings.map((r) => r.frame).join(', ')}`);
  assert.ok(heap.every((h) => h === heap[0]), `the wasm heap does not grow after warm-up (${heap.join(', ')})`);
  assert.ok(Math.max(...used) - used[0] <= TOLERANCE,
    `malloc'd bytes stay within ${TOLERANCE} of ${used[0]} (${used.join(', ')})`);
  for (let i = 1; i < readings.length; ++i) assert.ok(readings[i].frame > readings[i - 1].frame, 'frames keep counting');
  assert.deepEqual(page.errors, []);
});
