// Search in the page: Korean typed through the real text input, 초성, tabs, sorting,
// and the hash that carries all of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, clickWidget, screenshot, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const matching = (needle) => sample.articles.filter((a) => a.title.includes(needle) || a.body.includes(needle));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('typing Korean into the search box narrows the list as you type', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  assert.equal(s.results.total, sample.articles.length);
  await clickWidget(page, 'search');
  await page.keyboard.type('카자흐');
  const expected = matching('카자흐').length;
  assert.ok(expected > 0 && expected < sample.articles.length);
  s = await waitForState(page, (x) => x.query === '카자흐' && x.results.total === expected, 'the 카자흐 results');
  assert.equal(s.filters.sort, 'relevance');
  const matchIds = new Set(matching('카자흐').map((a) => a.id));
  assert.ok(s.results.ids.every((id) => matchIds.has(id)), 'only matches are listed (no notice pinned on top of a search)');
  assert.match(decodeURIComponent(new URL(page.url()).hash), /q=카자흐/);
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'search-kazakh');

  // Backspace edits in the input (not swallowed by the canvas) and widens the result.
  await page.keyboard.press('Backspace');
  s = await waitForState(page, (x) => x.query === '카자', 'the query after Backspace');
  assert.equal(s.results.total, matching('카자').length);

  // The link reopens the same result.
  const link = page.url();
  const other = await newPage(env);
  await other.goto(link);
  await other.evaluate(() => window.newsroom.ready);
  const t = await waitForState(other, (x) => x.results.ids.length > 0, 'the linked result');
  assert.equal(t.query, '카자');
  assert.equal(t.results.total, s.results.total);
});

test('a 초성 query finds titles by their initial consonants', async () => {
  const page = await newPage(env);
  await open(page, env);
  await clickWidget(page, 'search');
  await page.keyboard.type('ㅋㅈㅎㅅㅌ');
  const s = await waitForState(page, (x) => x.query === 'ㅋㅈㅎㅅㅌ' && x.results.ids.length > 0, '초성 results');
  const titles = s.results.ids.map((id) => sample.articles.find((a) => a.id === id).title);
  assert.ok(titles.every((t) => t.includes('카자흐스탄')), titles.join(' | '));
  assert.equal(s.results.total, sample.articles.filter((a) => a.title.includes('카자흐스탄')).length);
});

test('category tabs filter with counts, and sorting by 조회 orders the rows', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  const press = sample.articles.filter((a) => a.category === '보도자료');
  assert.equal(s.facets.categories['보도자료'], press.length);
  await clickWidget(page, 'tab:보도자료');
  s = await waitForState(page, (x) => x.filters.categories[0] === '보도자료' && x.results.ids.length > 0, 'the 보도자료 tab');
  assert.equal(s.results.total, press.length);
  assert.equal(s.results.ids.length, Math.min(15, press.length));
  assert.ok(s.results.ids.every((id) => press.some((a) => a.id === id)));

  await clickWidget(page, 'sort:views');
  s = await waitForState(page, (x) => x.filters.sort === 'views', 'sorted by views');
  const views = s.results.ids.map((id) => sample.articles.find((a) => a.id === id).views);
  assert.deepEqual(views, [...views].sort((a, b) => b - a));
  assert.equal(views[0], Math.max(...press.map((a) => a.views)));
  assert.match(page.url(), /sort=views/);
  await screenshot(page, 'tab-sorted-by-views');

  // Back undoes the sort, then the tab.
  await page.goBack();
  await waitForState(page, (x) => x.filters.sort === 'newest' && x.filters.categories[0] === '보도자료', 'back to the tab');
  await page.goBack();
  await waitForState(page, (x) => x.filters.categories.length === 0 && x.results.total === sample.articles.length, 'back to all');
});

test('an empty result says what to remove, and one click brings the board back', async () => {
  const page = await newPage(env);
  await open(page, env, '#/?q=%EC%97%86%EB%8A%94%EB%A7%90%EC%9E%85%EB%8B%88%EB%8B%A4');  // 없는말입니다
  let s = await waitForState(page, (x) => x.query === '없는말입니다', 'the empty search');
  assert.equal(s.results.total, 0);
  await clickWidget(page, 'clear-search');
  s = await waitForState(page, (x) => x.query === '' && x.results.ids.length > 0, 'the board again');
  assert.equal(s.results.total, sample.articles.length);
});

test('an article opened from a result steps to the previous and next rows of that result', async () => {
  const page = await newPage(env);
  await open(page, env, '#/?cat=%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C&sort=views');  // 보도자료 by views
  let s = await waitForState(page, (x) => x.results.ids.length > 2, 'the sorted tab');
  const [first, second, third] = s.results.ids;
  await clickWidget(page, `row:${second}`);
  await waitForState(page, (x) => x.article?.id === second, 'the second row opened');
  await clickWidget(page, 'next');
  s = await waitForState(page, (x) => x.article?.id === third, 'next in the result');
  await clickWidget(page, 'prev');
  await waitForState(page, (x) => x.article?.id === second, 'previous in the result');
  await clickWidget(page, 'prev');
  await waitForState(page, (x) => x.article?.id === first, 'the first row');
  await clickWidget(page, 'back');
  s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list again');
  assert.equal(s.filters.sort, 'views', 'back returns to the same sorted list');
  assert.deepEqual(s.filters.categories, ['보도자료']);
});
