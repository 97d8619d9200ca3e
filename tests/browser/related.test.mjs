// 관련 기사 under each article (issue 18, point 8): up to five other articles of the board,
// the same after a reload, each opening like a row; articles sharing a tag come first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, waitForState, clickWidget, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const byId = new Map(sample.articles.map((a) => [a.id, a]));
const sharesTag = (a, b) => (a.tags ?? []).some((tag) => (b.tags ?? []).includes(tag));
const sharesTagOrCategory = (a, b) => sharesTag(a, b) || a.category === b.category;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Tall enough that the list under the body is on the screen without scrolling.
const tall = { viewport: { width: 1280, height: 1600 } };

async function related(page, id) {
  await page.evaluate((hash) => { window.location.hash = hash; }, `#/article/${id}`);
  const s = await waitForState(page, (x) => x.article?.id === id && Array.isArray(x.article.related),
    `article ${id} with its related list`);
  return s.article.related;
}

test('an article lists up to five related ones, never itself, the same after a reload', async () => {
  const page = await newPage(env, tall);
  await open(page, env);
  // An article that shares tags with several others.
  const seed = sample.articles.find((a) => sample.articles.filter((b) => b !== a && sharesTag(a, b)).length >= 2);
  assert.ok(seed, 'the sample has an article sharing tags with two others');
  const ids = await related(page, seed.id);
  assert.ok(ids.length >= 1 && ids.length <= 5, `1 to 5 related articles: ${ids}`);
  assert.ok(!ids.includes(seed.id), 'not the article itself');
  assert.equal(new Set(ids).size, ids.length, 'each once');
  for (const id of ids) assert.ok(byId.has(id), `${id} is an article of the board`);
  assert.ok(sharesTag(seed, byId.get(ids[0])), `the first (${ids[0]}) shares a tag with ${seed.id}`);

  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  const again = await waitForState(page, (x) => x.article?.id === seed.id && x.article.related.length > 0,
    'the same article after the reload');
  assert.deepEqual(again.article.related, ids, 'the same related articles after a reload');

  // Each is a link in the list's style, on the screen, top to bottom above 이전 글.
  const rects = await page.evaluate((n) => Array.from({ length: n }, (_, i) => window.newsroom.locate(`related:${i}`)),
    ids.length);
  for (const [i, rect] of rects.entries()) {
    assert.ok(rect && rect.w > 0 && rect.h > 0, `related:${i} is drawn`);
    assert.ok(rect.y + rect.h <= 1600, `related:${i} is on the screen`);
    if (i > 0) assert.ok(rect.y >= rects[i - 1].y + rects[i - 1].h - 1, `related:${i} under related:${i - 1}`);
  }
  assert.equal(await page.evaluate(() => window.newsroom.locate('related:5')), null, 'five at most');
  // The screen-reader mirror lists them too, as links in the same order.
  const mirrored = await page.evaluate(() => [...document.querySelectorAll('#newsroom-mirror ul a')]
    .map((a) => Number(a.getAttribute('href').replace('#/article/', ''))));
  assert.deepEqual(mirrored, ids, 'the mirror links the related articles');

  await clickWidget(page, 'related:0');
  const opened = await waitForState(page, (x) => x.article?.id === ids[0], 'the first related article opened');
  assert.equal(opened.route, 'article');
  assert.ok(!opened.article.related.includes(ids[0]), 'which lists others, not itself');
  await page.goBack();
  await waitForState(page, (x) => x.article?.id === seed.id, 'back to the article');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('related articles favour a shared tag, across the whole sample', async () => {
  const page = await newPage(env);
  await open(page, env);
  let withSharers = 0, firstSharesTag = 0;
  for (const article of sample.articles) {
    const ids = await related(page, article.id);
    assert.ok(ids.length <= 5 && !ids.includes(article.id), `article ${article.id}: ${ids}`);
    const sharers = sample.articles.filter((b) => b !== article && sharesTag(article, b));
    if (sharers.length === 0) continue;
    withSharers += 1;
    assert.ok(ids.length > 0, `article ${article.id} shares a tag with ${sharers.map((b) => b.id)}: some are related`);
    const first = byId.get(ids[0]);
    assert.ok(sharesTagOrCategory(article, first),
      `the first related to ${article.id} (${article.tags}, ${article.category}) is ${first.id} (${first.tags}, ${first.category})`);
    if (sharesTag(article, first)) firstSharesTag += 1;
  }
  assert.ok(withSharers >= 10, `the sample has articles sharing tags (${withSharers})`);
  // Words can outweigh a common tag now and then; a shared tag leads nearly always.
  assert.ok(firstSharesTag >= 0.8 * withSharers, `the first shares a tag for ${firstSharesTag} of ${withSharers}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
