// What visitors of the original board expect, made better: badges, text size that is
// remembered, and the keyboard shortcuts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, clickWidget, screenshot, root, pixelAt } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const exportedAt = Date.parse(sample.exported_at);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('"new" marks the last 7 days before the export, "hot" the most viewed', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 2600 } });  // all 45 rows on screen
  await open(page, env, '#/?per=50');
  const s = await waitForState(page, (x) => x.results.ids.length === sample.articles.length, 'all rows on one page');
  const expectedNew = sample.articles.filter((a) => Date.parse(a.published_at) >= exportedAt - 7 * 86400e3).map((a) => a.id);
  assert.ok(expectedNew.length > 0);
  assert.deepEqual([...s.results.new].sort(), [...expectedNew].sort());
  const top3 = [...sample.articles].sort((a, b) => b.views - a.views).slice(0, 3).map((a) => a.id);
  assert.deepEqual([...s.results.hot].sort(), [...top3].sort());
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'badges');
});

test('가+ makes the text larger, and the page remembers it', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  assert.equal(s.text_scale, 1);
  const before = await page.evaluate(() => window.newsroom.locate(`row:${window.newsroom.state().results.ids[0]}`));
  await clickWidget(page, 'text-larger');
  s = await waitForState(page, (x) => x.text_scale > 1, 'a larger text size');
  assert.equal(s.glyphs_missing, 0);
  await page.waitForTimeout(100);
  const after = await page.evaluate(() => window.newsroom.locate(`row:${window.newsroom.state().results.ids[0]}`));
  assert.ok(after.h > before.h, `rows grow with the text (${before.h} -> ${after.h})`);
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.frame > 2, 'a frame after reload');
  assert.equal(s.text_scale, 1.149999976158142 /* 1.15 as a float */);
  await clickWidget(page, 'text-smaller');
  await waitForState(page, (x) => x.text_scale === 1, 'back to the normal size');
});

test('"/" jumps to the search box, Escape clears it and leaves an article', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  await page.mouse.click(5, 300);  // somewhere on the canvas, not the box
  await page.keyboard.press('/');
  await page.keyboard.type('포럼');
  s = await waitForState(page, (x) => x.query === '포럼', 'typed after /');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'newsroom-search');
  await page.keyboard.press('Escape');
  s = await waitForState(page, (x) => x.query === '' && x.results.ids.length > 0, 'cleared by Escape');

  await clickWidget(page, `row:${s.results.ids[2]}`);
  await waitForState(page, (x) => x.route === 'article', 'an article');
  await page.keyboard.press('Escape');
  await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list after Escape');
});

test('a hidden DOM mirror gives screen readers the list and the article as text and links', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  const mirror = page.locator('#newsroom-mirror');
  assert.equal(await mirror.locator('h1').textContent(), '뉴스룸');
  const links = await mirror.locator('ol > li > a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.equal(links.length, 15);
  const first = sample.articles.find((a) => a.id === s.results.ids[0]);
  assert.deepEqual(links[0], [first.title, `#/article/${first.id}`]);
  // Following a mirror link is following the board's own link.
  await page.getByRole('link', { name: first.title }).evaluate((a) => a.click());
  s = await waitForState(page, (x) => x.article?.id === first.id, 'the article from the mirror link');
  await page.waitForFunction((title) => document.querySelector('#newsroom-mirror h1')?.textContent === title, first.title);
  const paragraphs = await mirror.locator('article > p').count();
  assert.ok(paragraphs >= first.body.split('\n\n').length);
  const box = await mirror.boundingBox();
  assert.ok(!box || box.width <= 1, 'the mirror is not seen');
});

test('the theme follows the system, and ?theme= overrides it', async () => {
  const pixel = (page) => pixelAt(page, 1240, 450);  // a blank spot beside the column
  const dark = await newPage(env, { colorScheme: 'dark' });
  let s = await open(dark, env);
  assert.equal(s.theme, 'dark');
  await dark.waitForTimeout(100);
  assert.ok((await pixel(dark)).every((c) => c < 80), 'a dark page');
  assert.equal(s.glyphs_missing, 0);
  await screenshot(dark, 'dark-theme');

  const forced = await newPage(env, { colorScheme: 'dark' });
  s = await open(forced, env, '?theme=light');
  assert.equal(s.theme, 'light');
  await forced.waitForTimeout(100);
  assert.ok((await pixel(forced)).every((c) => c > 200), 'a light page');
});

test('arrow keys move through the rows and Enter opens one', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  await page.mouse.click(1262, 700);  // focus the page, away from any row
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(40);
  }
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(40);
  await page.keyboard.press('Enter');
  s = await waitForState(page, (x) => x.route === 'article', 'the article opened with Enter');
  const list = await newPage(env);
  const t = await open(list, env);
  assert.equal(s.article.id, t.results.ids[1], 'down, down, down, up: the second row');
});

test('?lang=en shows the interface in English from one table of strings', async () => {
  const page = await newPage(env);
  let s = await open(page, env, '?lang=en');
  assert.equal(s.lang, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('#newsroom-search').getAttribute('aria-label'), 'Search the newsroom');
  assert.match(await page.locator('#newsroom-mirror > p').nth(1).textContent(), /^45 articles, page 1 of 3$/);
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'english');
  const korean = await newPage(env);
  s = await open(korean, env);
  assert.equal(s.lang, 'ko');
  assert.match(await korean.locator('#newsroom-mirror > p').nth(1).textContent(), /^전체 45건, 1\/3 페이지$/);
});
