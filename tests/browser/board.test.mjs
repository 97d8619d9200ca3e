// The walking skeleton in a real browser: the board loads from data/, a row opens its
// article, back and forward and reload restore the view, the canvas is sharp at dpr 2,
// and a broken export is reported without taking the page down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, clickWidget, screenshot, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const byId = new Map(sample.articles.map((a) => [a.id, a]));
const pinned = sample.articles.filter((a) => a.pinned);
const newestFirst = sample.articles.filter((a) => !a.pinned).sort((a, b) => b.number - a.number);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the board opens with every sample article and the pinned notice on top', async () => {
  const page = await newPage(env);
  const s = await open(page, env);
  assert.equal(s.route, 'list');
  assert.equal(s.data.articles, sample.articles.length);
  assert.equal(s.data.skipped, 0);
  assert.deepEqual(s.data.problems, []);
  assert.equal(s.data.exported_at, '2024-03-15T09:00:00+09:00');
  assert.equal(s.results.total, sample.articles.length);
  // 15 rows per page, as on the original board: the notice, then by number.
  const expected = [...pinned, ...newestFirst].slice(0, 15).map((a) => a.id);
  assert.deepEqual(s.results.ids, expected);
  assert.equal(s.glyphs_missing, 0, 'every character of the Korean board has a glyph');
  assert.equal(await page.title(), '뉴스룸 - 전북국제협력진흥원');
  assert.match(page.url(), /#\/$/);
  await screenshot(page, 'board-list');
  assert.deepEqual(page.errors, []);
});

test('clicking a row opens the article; back and forward move between them', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  const target = s.results.ids[3];
  await clickWidget(page, `row:${target}`);
  s = await waitForState(page, (x) => x.route === 'article', 'the article route');
  assert.equal(s.article.id, target);
  assert.equal(s.article.title, byId.get(target).title);
  assert.match(page.url(), new RegExp(`#/article/${target}$`));
  assert.equal(await page.title(), `${byId.get(target).title} - 뉴스룸 - 전북국제협력진흥원`);
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'article');

  await page.goBack();
  s = await waitForState(page, (x) => x.route === 'list', 'the list after browser back');
  assert.match(page.url(), /#\/$/);
  await page.goForward();
  s = await waitForState(page, (x) => x.route === 'article' && x.article?.id === target, 'the article after forward');

  // The page's own back button returns to the list too.
  await clickWidget(page, 'back');
  s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list after the back button');
  assert.equal(s.results.ids.length, 15);
  assert.deepEqual(page.errors, []);
});

test('a deep link opens the article and survives a reload', async () => {
  const page = await newPage(env);
  const seed = sample.articles.find((a) => a.views === 254 && a.published_at.startsWith('2023-12-20'));
  let s = await open(page, env, `#/article/${seed.id}`);
  assert.equal(s.route, 'article');
  assert.equal(s.article.id, seed.id);
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.article?.id === seed.id, 'the same article after reload');
  assert.equal(s.route, 'article');
  assert.equal(s.results.ids.length, 0, 'no list rows are drawn behind an article');
});

test('pages have their own URLs, and back returns to the previous page', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  const firstPage = s.results.ids;
  await clickWidget(page, 'page:2');
  s = await waitForState(page, (x) => x.page === 2, 'page 2');
  assert.match(page.url(), /#\/\?page=2$/);
  assert.equal(s.results.ids.length, 15);
  assert.equal(s.results.ids.filter((id) => firstPage.includes(id)).length, 0, 'page 2 shows other articles');
  await clickWidget(page, 'next');
  s = await waitForState(page, (x) => x.page === 3, 'page 3');
  assert.equal(s.results.ids.length, sample.articles.length - 30);
  await page.goBack();
  await waitForState(page, (x) => x.page === 2, 'page 2 again after back');
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  await waitForState(page, (x) => x.page === 2, 'page 2 after reload');
});

test('an article id that does not exist shows a message, not a crash', async () => {
  const page = await newPage(env);
  const s = await open(page, env, '#/article/999999');
  assert.equal(s.route, 'article');
  assert.equal(s.article, null);
  assert.ok(await page.evaluate(() => window.newsroom.locate('back')), 'the back button is offered');
  assert.deepEqual(page.errors, []);
});

test('the canvas backing store is CSS size × devicePixelRatio and follows resizes', async () => {
  const page = await newPage(env, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await open(page, env);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  let s = await size();
  assert.equal(s.dpr, 2);
  assert.deepEqual([s.cssW, s.cssH], [800, 600]);
  assert.deepEqual([s.w, s.h], [1600, 1200]);
  // Widgets are located in CSS pixels whatever the ratio.
  const first = (await state(page)).results.ids[0];
  const rect = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), first);
  assert.ok(rect.x >= 0 && rect.x + rect.w <= 800 && rect.y > 0 && rect.y < 600, JSON.stringify(rect));
  await screenshot(page, 'board-list-dpr2');

  await page.setViewportSize({ width: 640, height: 480 });
  const deadline = Date.now() + 5000;
  do { s = await size(); } while (s.w !== 1280 && Date.now() < deadline);
  assert.deepEqual([s.w, s.h], [1280, 960]);
  await clickWidget(page, `row:${first}`);
  await waitForState(page, (x) => x.route === 'article' && x.article?.id === first, 'a click at dpr 2 opens the row');
});

test('?data= loads another export; bad records are reported and good ones still shown', async () => {
  const page = await newPage(env);
  const exportWithProblems = {
    format: 'newsroom-export', version: 1, exported_at: '2024-01-01T00:00:00+09:00',
    articles: [
      { id: 1, title: '정상 게시물', published_at: '2023-05-01 10:00', views: '1,254', category: '보도자료' },
      { id: 2, title: '날짜가 잘못된 게시물', published_at: '0000-00-00 00:00:00' },
      { id: 3, title: '조회수가 음수', published_at: '2023-05-02 10:00', views: -3 },
    ],
  };
  await page.route('**/exports/problems.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(exportWithProblems) }));
  const s = await open(page, env, '?data=exports/problems.json');
  assert.equal(s.data.source, 'exports/problems.json');
  assert.equal(s.data.articles, 2);
  assert.equal(s.data.skipped, 1);
  const dateProblem = s.data.problems.find((p) => p.record === 1);
  assert.equal(dateProblem.field, 'published_at');
  assert.equal(dateProblem.id, '2');
  assert.ok(s.data.problems.some((p) => p.record === 2 && p.field === 'views'));
  assert.deepEqual(s.results.ids, [3, 1]);
  const frame = s.frame;
  await waitForState(page, (x) => x.frame > frame + 5, 'the page to keep drawing');
  await screenshot(page, 'data-problems');
  assert.deepEqual(page.errors, []);
});

test('an export that cannot be fetched or parsed leaves a running page with a clear report', async () => {
  const page = await newPage(env);
  let s = await open(page, env, '?data=missing.json');
  assert.equal(s.data.usable, false);
  assert.match(s.data.problems[0].message, /HTTP 404/);
  assert.equal(s.data.articles, 0);

  await page.route('**/exports/truncated.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"articles": [{"id": 1, "title": "잘' }));
  await page.goto(env.base + '?data=exports/truncated.json');
  await page.evaluate(() => window.newsroom.ready);
  s = await state(page);
  assert.equal(s.data.usable, false);
  assert.match(s.data.problems[0].message, /byte \d+/);
  const frame = s.frame;
  await waitForState(page, (x) => x.frame > frame + 5, 'the page to keep drawing');
  assert.deepEqual(page.errors, []);
});

test('a manifest splits the archive over several files, merged into one board', async () => {
  const page = await newPage(env);
  const part = (ids, year) => ({
    format: 'newsroom-export', version: 1, exported_at: `${year}-12-31T18:00:00+09:00`,
    articles: ids.map((id) => ({ id, title: `${year}년 소식 ${id}`, published_at: `${year}-06-0${id % 9 + 1} 10:00`, views: id })),
  });
  await page.route('**/archive/manifest.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ format: 'newsroom-manifest', version: 1,
      exports: ['2022.json', { url: 'parts/2023.json' }, 'missing-2024.json'] }),
  }));
  await page.route('**/archive/2022.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(part([1, 2, 3], 2022)) }));
  await page.route('**/archive/parts/2023.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(part([3, 4], 2023)) }));
  const s = await open(page, env, '?data=archive/manifest.json');
  assert.equal(s.data.format, 'newsroom-manifest');
  assert.equal(s.data.source, 'archive/manifest.json');
  assert.equal(s.data.articles, 4, 'id 3 is in both files: the later one wins');
  assert.equal(s.data.exported_at, '2023-12-31T18:00:00+09:00');
  assert.ok(s.data.problems.some((p) => p.file === 'missing-2024.json' && /HTTP 404/.test(p.message)));
  assert.ok(s.data.problems.some((p) => p.file === 'parts/2023.json' && p.id === '3' && p.severity === 'warning'));
  assert.deepEqual(page.errors, []);
});

test('back from an article returns to the list scrolled where it was', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 600 } });
  let s = await open(page, env, '#/?per=50');
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 900);
  await page.waitForTimeout(300);
  s = await waitForState(page, (x) => x.results.ids[0] !== sample.articles.find((a) => a.pinned).id, 'the list scrolled down');
  const anchor = s.results.ids[3];
  const before = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), anchor);
  await clickWidget(page, `row:${anchor}`);
  await waitForState(page, (x) => x.article?.id === anchor, 'the article');
  await clickWidget(page, 'back');
  await waitForState(page, (x) => x.route === 'list' && x.results.ids.includes(anchor), 'the list again');
  await page.waitForTimeout(100);
  const after = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), anchor);
  assert.ok(Math.abs(after.y - before.y) < 2, `the row is where it was (${before.y} -> ${after.y})`);
});

test('an idle page draws nothing and keeps its loop; input draws again at once', async () => {
  const page = await newPage(env);
  await open(page, env);
  // A second after the last change nothing is drawn, while the loop (the heartbeat) runs.
  const quiet = await waitForState(page, (s) => s.load.phase === 'none', 'the load to end');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const a = await state(page);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const b = await state(page);
  assert.ok(b.frame > a.frame + 10, `the loop goes on (${a.frame} -> ${b.frame})`);
  assert.equal(b.drawn, a.drawn, 'an idle page draws no frame');
  assert.ok(quiet.drawn > 0);

  // The mouse over a row: drawn again, and the row answers (hovered, then opened).
  const row = await page.evaluate(() => window.newsroom.locate(`row:${window.newsroom.state().results.ids[1]}`));
  await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);
  const moved = await waitForState(page, (s) => s.drawn > b.drawn, 'a frame after the mouse moved', 2000);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  const opened = await waitForState(page, (s) => s.route === 'article', 'the article after the click', 2000);
  assert.equal(opened.article.id, moved.results.ids[1]);
  assert.deepEqual(page.errors, []);
});
