// A click is taken however fast it comes: a press and its release that arrive together with
// the move that brought the pointer there (a touchpad's tap-to-click; page.mouse.click()
// with no move before it), on a page that went idle and draws no frames.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, state, waitForState } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Waits until the page has stopped drawing (docs/architecture.md: an idle page draws
// nothing), so that no frame has seen the pointer before the click.
async function idle(page) {
  let last = await state(page);
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(300);
    const now = await state(page);
    if (now.drawn === last.drawn && now.frame > last.frame) return now;
    last = now;
  }
  throw new Error('the page never went idle');
}

// Press and release in one go where the widget is: the pointer arrives with the press.
async function quickClick(page, name) {
  const rect = await page.evaluate((n) => window.newsroom.locate(n), name);
  assert.ok(rect, `widget "${name}" is drawn`);
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
}

test('a quick click on an idle page opens a row, switches a tab and turns a page', async () => {
  const page = await newPage(env);
  let s = await open(page, env, '#/?per=10');  // ten rows a page: 보도자료 (15) has two
  // Each click lands somewhere the pointer has never been.
  const row = s.results.ids[3];
  await idle(page);
  await quickClick(page, `row:${row}`);
  s = await waitForState(page, (x) => x.route === 'article' && x.article?.id === row, 'the row opened');

  await page.goBack();
  s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list again');
  const category = Object.keys(s.facets.categories).find((name) => s.facets.categories[name] > 10);
  assert.ok(category, 'a category with a second page');
  await idle(page);
  await quickClick(page, `tab:${category}`);
  s = await waitForState(page, (x) => x.filters.categories.join() === category && x.results.ids.length > 0,
    `the tab ${category}`);
  assert.ok(s.pages >= 2, `${category} has two pages or more`);

  await idle(page);
  await quickClick(page, 'page:2');
  s = await waitForState(page, (x) => x.page === 2 && x.results.ids.length > 0, 'page 2');
  assert.deepEqual(s.filters.categories, [category]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('quick clicks one after another each count, idle or not', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  await idle(page);
  await quickClick(page, 'page:2');
  s = await waitForState(page, (x) => x.page === 2 && x.results.ids.length > 0, 'page 2');
  await quickClick(page, 'page:3');  // the page is awake now, the pointer elsewhere
  s = await waitForState(page, (x) => x.page === 3 && x.results.ids.length > 0, 'page 3');
  const row = s.results.ids[1];
  await quickClick(page, `row:${row}`);
  await waitForState(page, (x) => x.article?.id === row, 'the row on page 3 opened');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
