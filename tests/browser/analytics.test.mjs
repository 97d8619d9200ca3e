// #/analytics: the figures and charts of the current result, checked against numbers this
// test computes itself from data/articles.json; clicks on charts filter (and stay here),
// a top article opens, and each chart's numbers download as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, clickWidget, screenshot, root } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8')).articles;

// Seoul calendar month of an ISO date with an offset, computed here with Date arithmetic.
const seoulMonth = (iso) => new Date(Date.parse(iso) + 9 * 3600 * 1000).toISOString().slice(0, 7);

function expected(articles) {
  const byCategory = {};
  const byMonth = {};
  for (const a of articles) {
    byCategory[a.category] = (byCategory[a.category] || 0) + a.views;
    const month = seoulMonth(a.published_at);
    byMonth[month] = (byMonth[month] || 0) + a.views;
  }
  // Months without articles appear with 0 between the first and the last.
  const months = Object.keys(byMonth).sort();
  for (let [y, m] = months[0].split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= months.at(-1); m === 12 ? (y++, m = 1) : m++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    byMonth[key] ??= 0;
  }
  const views = articles.map((a) => a.views).sort((x, y) => x - y);
  const mid = Math.floor(views.length / 2);
  return {
    articles: articles.length,
    views_total: views.reduce((s, v) => s + v, 0),
    views_median: views.length % 2 ? views[mid] : (views[mid - 1] + views[mid]) / 2,
    views_by_category: byCategory,
    views_by_month: byMonth,
  };
}

function assertAnalytics(actual, articles, what) {
  const want = expected(articles);
  assert.equal(actual.articles, want.articles, `${what}: articles`);
  assert.equal(actual.views_total, want.views_total, `${what}: total views`);
  assert.equal(actual.views_median, want.views_median, `${what}: median`);
  assert.deepEqual(actual.views_by_category, want.views_by_category, `${what}: views by category`);
  assert.deepEqual(actual.views_by_month, want.views_by_month, `${what}: views by month`);
}

test('the analytics of the whole board, then of one category chosen by clicking its bar', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 1400 } });
  let s = await open(page, env);
  await clickWidget(page, 'to-analytics');
  s = await waitForState(page, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  assert.equal(await page.evaluate(() => location.hash), '#/analytics');
  assertAnalytics(s.analytics, sample, 'whole board');
  assert.equal(s.glyphs_missing, 0);
  const top = [...sample].sort((a, b) => b.views - a.views || Date.parse(b.published_at) - Date.parse(a.published_at));
  assert.deepEqual(s.analytics.top, top.slice(0, 10).map((a) => a.id), 'the top 10 in order');
  await screenshot(page, 'analytics');

  await clickWidget(page, 'bar:category:보도자료');
  s = await waitForState(page, (x) => x.filters.categories[0] === '보도자료' && x.analytics?.articles !== sample.length,
    'the category filter');
  assert.equal(s.route, 'analytics', 'a click filters and stays on the analysis');
  assertAnalytics(s.analytics, sample.filter((a) => a.category === '보도자료'), '보도자료');

  // A month of that category: one more click.
  const month = Object.entries(s.analytics.views_by_month).find(([, views]) => views > 0)[0];
  await clickWidget(page, `bar:months:${month}`);
  s = await waitForState(page, (x) => x.filters.from === month, 'the month filter');
  assert.equal(s.filters.to, month);
  assertAnalytics(s.analytics, sample.filter((a) => a.category === '보도자료' && seoulMonth(a.published_at) === month), `보도자료 ${month}`);
  assert.match(await page.evaluate(() => location.hash), /^#\/analytics\?cat=/);

  // The list shows the same result.
  await clickWidget(page, 'to-list');
  s = await waitForState(page, (x) => x.route === 'list', 'the list');
  assert.equal(s.results.total, sample.filter((a) => a.category === '보도자료' && seoulMonth(a.published_at) === month).length);
  assert.deepEqual(page.errors, []);
});

test('a search, the views histogram and the CSV of each chart', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 2600 } });
  let s = await open(page, env, '#/analytics?q=카자흐스탄');
  s = await waitForState(page, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  const matching = sample.filter((a) => (a.title + a.body).includes('카자흐스탄'));
  assertAnalytics(s.analytics, matching, 'search 카자흐스탄');

  // Clicking the fullest bin of the histogram filters to that view range.
  const [low, high] = s.analytics.histogram.reduce((best, bin) => (bin[2] > best[2] ? bin : best));
  await clickWidget(page, `bar:views:${low}`);
  s = await waitForState(page, (x) => x.filters.views_min === low, 'the views filter');
  assert.equal(s.filters.views_max, high);
  assertAnalytics(s.analytics, matching.filter((a) => a.views >= low && a.views < high), `views ${low}–${high}`);

  await clickWidget(page, 'csv:months');
  const download = await page.evaluate(() => window.newsroom.lastAction());
  assert.equal(download.action, 'download');
  assert.equal(download.file, 'newsroom-months.csv');
  assert.ok(download.bom, 'a byte-order mark, so that spreadsheets read Hangul');
  const lines = download.text.trim().split('\r\n');
  assert.equal(lines[0], '월,게시물,조회');
  const fromCsv = Object.fromEntries(lines.slice(1).map((line) => { const [m, , v] = line.split(','); return [m, Number(v)]; }));
  assert.deepEqual(fromCsv, s.analytics.views_by_month);

  await clickWidget(page, 'csv:articles');
  const table = await page.evaluate(() => window.newsroom.lastAction());
  assert.equal(table.text.trim().split('\r\n').length, 1 + s.analytics.articles, 'a line per analysed article');
  assert.deepEqual(page.errors, []);
});

test('a top article opens from its bar, and back returns to the analysis', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 1600 } });
  let s = await open(page, env, '#/analytics?cat=공지사항');
  s = await waitForState(page, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  const first = s.analytics.top[0];
  await clickWidget(page, `bar:top:${first}`);
  s = await waitForState(page, (x) => x.route === 'article', 'the article');
  assert.equal(s.article.id, first);
  await clickWidget(page, 'back');
  s = await waitForState(page, (x) => x.route === 'analytics', 'back on the analysis');
  assert.deepEqual(s.filters.categories, ['공지사항']);
  assert.deepEqual(page.errors, []);
});

test('a manifest of dated exports shows the views gained between them and flags a jump', async () => {
  const page = await newPage(env, { viewport: { width: 1280, height: 3200 } });
  const snapshot = (exportedAt, bump) => ({
    exported_at: exportedAt,
    articles: sample.map((a) => ({ ...a, views: a.views + (bump[a.id] ?? 0) })),
  });
  const quiet = Object.fromEntries(sample.map((a, i) => [a.id, 5 + (i % 7)]));
  const leap = sample[20].id;
  const march = snapshot('2024-03-15T09:00:00+09:00', {});
  const april = snapshot('2024-04-15T09:00:00+09:00', { ...quiet, [leap]: 9000 });
  const files = { 'exports/manifest.json': { format: 'newsroom-manifest', exports: ['2024-03.json', '2024-04.json'] },
    'exports/2024-03.json': march, 'exports/2024-04.json': april };
  for (const [name, body] of Object.entries(files)) {
    await page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) }));
  }
  await open(page, env, '?data=exports/manifest.json#/analytics');
  const s = await waitForState(page, (x) => x.analytics?.trends, 'the trends');
  const gained = Object.values({ ...quiet, [leap]: 9000 }).reduce((sum, v) => sum + v, 0);
  assert.deepEqual(s.analytics.trends.gains, [gained]);
  assert.equal(s.analytics.trends.rising[0].id, leap);
  assert.deepEqual(s.analytics.trends.jumps.map((j) => j.id), [leap], 'the leap is flagged');
  assert.ok(await page.evaluate((id) => window.newsroom.locate(`jump:${id}`), leap), 'and shown');
  assert.equal(s.glyphs_missing, 0);
  await screenshot(page, 'analytics-trends');
  assert.deepEqual(page.errors, []);
});
