// Tags: the export's tags show under the article as chips; a click lists that tag's articles
// (#/?tag=), whose count, and every tag's facet count, equal counts made here from the
// export; the list's tag chip lifts the filter; the analysis groups views by tag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, clickWidget, screenshot, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const unique = (list) => [...new Set(list || [])];
const counts = {};
for (const a of sample.articles) for (const tag of unique(a.tags)) counts[tag] = (counts[tag] || 0) + 1;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('a tag route lists as many articles as the export gives that tag, and every tag is counted', async () => {
  assert.ok(Object.keys(counts).length >= 5, 'the sample carries tags');
  const page = await newPage(env);
  const s = await open(page, env);
  assert.deepEqual(s.facets.tags, counts, 'the facet counts of the whole board');
  for (const [tag, count] of Object.entries(counts)) {
    await page.evaluate((hash) => { location.hash = hash; }, `#/?tag=${encodeURIComponent(tag)}`);
    const t = await waitForState(page, (x) => x.filters.tag === tag, `the list of #${tag}`);
    assert.equal(t.results.total, count, `articles tagged ${tag}`);
    assert.equal(t.facets.tags[tag], count);
  }
  assert.deepEqual(page.errors, []);
});

test('an article shows its tags; a click on one lists that tag, and its chip lifts the filter', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 3000 } });
  await open(page, env);
  const article = sample.articles.reduce((best, a) => (unique(a.tags).length > unique(best.tags).length ? a : best));
  const tags = unique(article.tags);
  assert.ok(tags.length >= 2);
  await page.evaluate((id) => { location.hash = `#/article/${id}`; }, article.id);
  const s = await waitForState(page, (x) => x.article && x.article.id === article.id, 'the article');
  assert.deepEqual(s.article.tags, tags);
  const rects = await page.evaluate((names) => names.map((n) => window.newsroom.locate(n)), tags.map((t) => `tag:${t}`));
  const title = await page.evaluate(() => window.newsroom.locate('article-title'));
  rects.forEach((r, i) => {
    assert.ok(r, `the chip of ${tags[i]} is drawn`);
    assert.ok(r.y > title.y + title.h, `${tags[i]} is under the article`);
  });
  await screenshot(page, 'tags-article');

  const tag = tags[tags.length - 1];
  await clickWidget(page, `tag:${tag}`);
  const listed = await waitForState(page, (x) => x.route === 'list' && x.filters.tag === tag, `the list of #${tag}`);
  assert.equal(listed.results.total, counts[tag]);
  assert.equal(listed.query, '');
  assert.deepEqual(listed.filters.categories, []);
  const hash = await page.evaluate(() => location.hash);
  assert.ok(decodeURIComponent(hash).includes(`tag=${tag}`), `the address names the tag: ${hash}`);
  const expected = sample.articles.filter((a) => unique(a.tags).includes(tag)).map((a) => a.id);
  assert.ok(listed.results.ids.length > 0);
  for (const id of listed.results.ids) assert.ok(expected.includes(id), `${id} carries ${tag}`);

  await clickWidget(page, 'tag-filter');
  const all = await waitForState(page, (x) => x.filters.tag === '', 'the tag lifted');
  assert.equal(all.results.total, sample.articles.length);
  // Back returns to the tag's list, then to the article.
  await page.goBack();
  await waitForState(page, (x) => x.filters.tag === tag && x.route === 'list', 'back to the tag');
  await page.goBack();
  await waitForState(page, (x) => x.article && x.article.id === article.id, 'back to the article');
  assert.deepEqual(page.errors, []);
});

test('the analysis groups views by tag: the ten tags with the most views, as the export sums them', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 4000 } });
  await open(page, env, '#/analytics');
  const s = await waitForState(page, (x) => x.analytics, 'the analysis');
  const totals = {};
  for (const a of sample.articles) {
    for (const tag of unique(a.tags)) {
      totals[tag] = totals[tag] || { views: 0, articles: 0 };
      totals[tag].views += a.views;
      totals[tag].articles += 1;
    }
  }
  const ranked = Object.entries(totals).sort(([x, a], [y, b]) =>
    b.views - a.views || b.articles - a.articles || (x < y ? -1 : x > y ? 1 : 0)).slice(0, 10);
  assert.deepEqual(Object.keys(s.analytics.views_by_tag).sort(), ranked.map(([t]) => t).sort());
  for (const [tag, total] of ranked) assert.deepEqual(s.analytics.views_by_tag[tag], total, tag);
  assert.ok(await page.evaluate(() => window.newsroom.locate('csv:tags')), 'the chart is drawn with its CSV button');
  await screenshot(page, 'tags-analytics');
  assert.deepEqual(page.errors, []);
});
