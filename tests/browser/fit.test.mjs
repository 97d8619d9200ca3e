// Nothing runs off the screen: on phones 320–430 CSS px wide, with eight years of articles
// (eight year chips), every widget of the list lies inside the viewport and the search
// box's hint is whole; on a desktop a title longer than its column ends in "…" and
// hovering it shows the whole title.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithDataCopy, newPage, open, state, waitForState, screenshot, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
// Every other article four years earlier: the sample's 2021–2024 becomes 2017–2024.
const articles = sample.articles.map((a, i) => (i % 2
  ? { ...a, published_at: `${Number(a.published_at.slice(0, 4)) - 4}${a.published_at.slice(4)}` }
  : a));
// The newest article gets a title far longer than the table's title column.
const newest = articles.reduce((best, a) => (Date.parse(a.published_at) > Date.parse(best.published_at) ? a : best));
const longTitle = '2024년 중앙아시아 지역 국제개발협력 사업 설명회와 카자흐스탄·우즈베키스탄 현지 기업 초청 수출상담회 및 ' +
  '전북 중소기업 해외 판로 개척을 위한 온라인 화상 상담회 개최 결과와 후속 지원 계획 안내';
newest.title = longTitle;

let env;
before(async () => {
  env = await launchWithDataCopy('newsroom-fit-');
  writeFileSync(path.join(env.dataDir, 'articles.json'), JSON.stringify({ ...sample, articles }));
});
after(async () => { await env?.close(); });

const phone = (width) => ({ viewport: { width, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

// The list's widgets by the names the views record (docs/testing.md).
function widgetNames(s) {
  return ['search', 'search-hint', 'field', 'tab:all', 'year:all', 'attachments-only', 'sort-menu', 'per-page',
    'to-analytics', 'text-smaller', 'text-larger', 'load-more', 'data-source',
    ...Object.keys(s.facets.categories).map((c) => `tab:${c}`),
    ...Object.keys(s.facets.years).map((y) => `year:${y}`),
    ...s.results.ids.flatMap((id) => [`row:${id}`, `card-title:${id}`, `card-meta:${id}`])];
}

for (const width of [320, 390, 430]) {
  test(`at ${width} CSS px every widget of the list is on the screen and the search hint is whole`, async () => {
    const page = await newPage(env, phone(width));
    const s = await open(page, env);
    assert.ok(Object.keys(s.facets.years).length >= 8, `eight years on the board (${Object.keys(s.facets.years)})`);
    const rects = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, window.newsroom.locate(n)])),
      widgetNames(s));
    await screenshot(page, `fit-${width}`);
    for (const year of Object.keys(s.facets.years)) assert.ok(rects[`year:${year}`], `the chip of ${year} is drawn`);
    for (const category of Object.keys(s.facets.categories)) assert.ok(rects[`tab:${category}`], `the tab ${category} is drawn`);
    const outside = Object.entries(rects)
      .filter(([, r]) => r && (r.x < -0.5 || r.x + r.w > width + 0.5))
      .map(([name, r]) => `${name} [${r.x.toFixed(1)}, ${(r.x + r.w).toFixed(1)}]`);
    assert.deepEqual(outside, [], `drawn past the edge of a ${width} px screen`);
    // The hint lies whole inside the box: a shorter one where the long one would be cut.
    const { search, 'search-hint': hint } = rects;
    assert.ok(search && hint, 'the search box shows its hint');
    assert.ok(rects['data-source'], 'the status bar names the data');
    assert.ok(hint.x >= search.x && hint.x + hint.w <= search.x + search.w,
      `the hint [${hint.x}, ${hint.x + hint.w}] fits the box [${search.x}, ${search.x + search.w}]`);
    assert.equal(s.glyphs_missing, 0);
  });
}

test('on a desktop a title longer than its column ends in "…" and hovering shows it whole', async () => {
  const page = await newPage(env);
  let s = await open(page, env);
  assert.ok(s.results.ids.includes(newest.id), 'the long title is on the first page');
  assert.ok(s.results.cut.includes(newest.id), 'the long title is cut with "…"');
  assert.ok(s.results.cut.length < s.results.ids.length, `titles that fit are not cut (${s.results.cut})`);
  assert.equal(s.tooltip, null, 'no tooltip before the hover');
  const row = await page.evaluate((id) => window.newsroom.locate(`row:${id}`), newest.id);
  // Over the title column: past the number and category columns, left of the author's.
  await page.mouse.move(row.x + row.w * 0.3, row.y + row.h / 2);
  s = await waitForState(page, (x) => x.tooltip !== null, 'the tooltip over the cut title');
  assert.equal(s.tooltip, longTitle, 'the tooltip holds the whole title');
  const tip = await page.evaluate(() => window.newsroom.locate('title-tooltip'));
  assert.ok(tip && tip.w > 0 && tip.h > 0, 'the tooltip is drawn');
  assert.ok(tip.x >= 0 && tip.x + tip.w <= 1280, 'the tooltip is on the screen');
  await screenshot(page, 'fit-title-tooltip');
  // Away from the title, the tooltip goes.
  await page.mouse.move(5, 5);
  await waitForState(page, (x) => x.tooltip === null, 'the tooltip gone');
});
