// A 390×844 phone with touch: the list becomes cards, a finger drag scrolls (and keeps
// going after a flick), a tap opens the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, state, waitForState, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function touchDrag(page, from, to, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('on a phone the list is cards; a drag scrolls, a tap opens', async () => {
  const page = await newPage(env, phone);
  let s = await open(page, env);
  const canvas = await page.evaluate(() => [document.getElementById('canvas').width, innerWidth, devicePixelRatio]);
  assert.deepEqual(canvas, [390 * 3, 390, 3]);
  const first = s.results.ids[0];
  const card = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), first);
  assert.ok(card.w > 390 * 0.85, `a card spans the screen (${card.w}px)`);
  assert.ok(card.h > 40, 'a card holds the title over a meta line');
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'phone-cards');

  const visibleBefore = s.results.ids;
  await touchDrag(page, { x: 200, y: 700 }, { x: 200, y: 250 });
  await page.waitForTimeout(400);
  s = await state(page);
  assert.equal(s.route, 'list', 'a drag is not a tap: no article opened');
  const moved = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), visibleBefore[visibleBefore.length - 1]);
  assert.ok(!moved || moved.y < 700, 'the rows moved up under the finger');
  assert.notDeepEqual(s.results.ids, visibleBefore, 'other cards came into view');

  // Let the flick come to rest, then tap the middle card.
  let rect = null;
  let target = null;
  for (let settled = 0; settled < 3;) {
    await page.waitForTimeout(150);
    s = await state(page);
    const next = s.results.ids[Math.floor(s.results.ids.length / 2)];
    const box = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), next);
    settled = next === target && rect && Math.abs(box.y - rect.y) < 0.5 ? settled + 1 : 0;
    target = next;
    rect = box;
  }
  await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
  s = await waitForState(page, (x) => x.route === 'article' && x.article?.id === target, 'the tapped article');
  await screenshot(page, 'phone-article');
});

test('on a phone the sort is a menu above the cards', async () => {
  const page = await newPage(env, phone);
  await open(page, env);
  const menu = await page.evaluate(() => window.newsroom.locate('sort-menu'));
  assert.ok(menu, 'the sort menu is drawn');
  await page.touchscreen.tap(menu.x + menu.w / 2, menu.y + menu.h / 2);
  let item = null;
  for (let tries = 0; !item && tries < 50; tries++) {
    await page.waitForTimeout(50);
    item = await page.evaluate(() => window.newsroom.locate('sort-option:views'));
  }
  assert.ok(item, 'the menu lists 조회 많은순');
  assert.equal(await page.evaluate(() => window.newsroom.locate('sort-option:relevance')), null, 'no relevance without a search');
  await screenshot(page, 'phone-sort-menu');
  await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
  const s = await waitForState(page, (x) => x.filters.sort !== 'newest', 'another sort');
  assert.equal(s.filters.sort, 'views');
});

test('on a phone, scrolling to the end of the cards loads the next page below them', async () => {
  const page = await newPage(env, phone);
  let s = await open(page, env);
  assert.equal(s.page, 1);
  assert.equal(await page.evaluate(() => window.newsroom.locate('page:2')), null, 'no page numbers on a phone');
  const first = s.results.ids[0];
  const seen = new Set(s.results.ids);  // every card drawn at some point
  for (let tries = 0; s.page === 1 && tries < 12; tries++) {
    await touchDrag(page, { x: 200, y: 760 }, { x: 200, y: 120 }, 6);
    await page.waitForTimeout(300);
    s = await state(page);
    s.results.ids.forEach((id) => seen.add(id));
  }
  assert.ok(seen.size <= s.filters.per_page, 'page 1 alone holds no more than a page of cards');
  assert.ok(s.page >= 2, 'the next page was added (a flick may carry on into a third)');
  assert.match(await page.evaluate(() => location.hash), new RegExp(`page=${s.page}`), 'the address says how much is shown');
  assert.ok(!s.results.ids.includes(first), 'the view stayed down where the visitor was');
  // Cards of page 2 come into view below those of page 1.
  for (let tries = 0; tries < 6 && seen.size <= s.filters.per_page; tries++) {
    await touchDrag(page, { x: 200, y: 760 }, { x: 200, y: 300 }, 6);
    await page.waitForTimeout(300);
    s = await state(page);
    s.results.ids.forEach((id) => seen.add(id));
  }
  assert.ok(seen.size > s.filters.per_page, `cards of the second page are drawn (${seen.size} seen)`);
  await screenshot(page, 'phone-load-more');
  assert.deepEqual(page.errors, []);
});
