// The screen-reader mirror (the hidden #newsroom-mirror): in English with ?lang=en, every
// word it says itself is English (the articles' own text may be Korean), and on
// #/analytics it gives the key figures and each chart's numbers as tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, state, waitForState, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Every string of the export's data (titles, categories, authors, the board's names) and of
// the open article as the page reads it (its paragraphs): these may be Korean.
function dataStrings(extra = []) {
  const strings = new Set();
  const collect = (value) => {
    if (typeof value === 'string') strings.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(sample.board);
  for (const a of sample.articles) collect([a.title, a.category, a.author, a.source, a.tags]);
  collect(extra);
  return [...strings].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

// The mirror's text with every piece of the data taken out: what is left are its own words.
async function ownWords(page, extra) {
  const texts = await page.locator('#newsroom-mirror').evaluate((m) => {
    const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) out.push(walker.currentNode.textContent);
    return out;
  });
  const data = dataStrings(extra);
  return texts.map((text) => data.reduce((left, s) => left.split(s).join(' '), text));
}

function assertEnglish(words, where) {
  const korean = words.filter((w) => HANGUL.test(w));
  assert.deepEqual(korean, [], `the mirror's own words are English (${where})`);
}

const mirrorHas = (page, selector) => page.waitForFunction((s) => document.querySelector(`#newsroom-mirror ${s}`), selector);

test('with ?lang=en the mirror of the list, an article and the analytics says nothing in Korean but the data', async () => {
  const page = await newPage(env);
  let s = await open(page, env, '?lang=en');
  await mirrorHas(page, 'ol > li');
  const list = await ownWords(page);
  assertEnglish(list, 'the list');
  // Each row says its views in English ('조회' before).
  const first = await page.locator('#newsroom-mirror ol > li > span').first().textContent();
  assert.match(first, /Views [\d,]+\)$/);

  const id = s.results.ids[0];
  await page.evaluate((to) => { location.hash = `#/article/${to}`; }, id);
  s = await waitForState(page, (x) => x.article?.id === id, 'the article');
  const article = await page.evaluate((to) => window.newsroom.article(to), id);
  await page.waitForFunction((title) => document.querySelector('#newsroom-mirror h1')?.textContent === title, article.title);
  assertEnglish(await ownWords(page, article), 'an article');

  await page.evaluate(() => { location.hash = '#/analytics'; });
  s = await waitForState(page, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  await mirrorHas(page, 'table');
  assertEnglish(await ownWords(page), 'the analytics');
});

// The mirror's tables as {caption: [[cells...], ...]}.
const tables = (page) => page.locator('#newsroom-mirror table').evaluateAll((all) => Object.fromEntries(all.map((t) => [
  t.querySelector('caption').textContent,
  [...t.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
])));
const number = (text) => Number(text.replace(/,/g, ''));

test('the analytics mirror holds the key figures and each chart\'s numbers as tables', async () => {
  const page = await newPage(env);
  await open(page, env, '?lang=en#/analytics');
  const s = await waitForState(page, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  await mirrorHas(page, 'table');
  const t = await tables(page);
  const a = s.analytics;
  const figures = Object.fromEntries(t['Key figures'].slice(1));
  assert.equal(number(figures.Articles), a.articles);
  assert.equal(number(figures['Total views']), a.views_total);
  assert.equal(Number(figures['Median views']), Math.round(a.views_median * 10) / 10);
  assert.equal(Number(figures['Mean views']).toFixed(1), a.views_mean.toFixed(1));

  const months = t['Views and articles by month'];
  assert.deepEqual(months[0], ['Month', 'Views', 'Articles']);
  assert.deepEqual(Object.fromEntries(months.slice(1).map(([m, v]) => [m, number(v)])), a.views_by_month);
  assert.deepEqual(Object.fromEntries(months.slice(1).map(([m, , n]) => [m, number(n)])), a.articles_by_month);
  const categories = t['Views by category'];
  assert.deepEqual(Object.fromEntries(categories.slice(1).map(([c, v]) => [c, number(v)])), a.views_by_category);
  const authors = t['Views by author'];
  assert.deepEqual(Object.fromEntries(authors.slice(1).map(([name, v]) => [name, number(v)])), a.views_by_author);
  const top = t['Top 10 by views'].slice(1);
  assert.deepEqual(top.map(([title]) => title), a.top.map((id) => sample.articles.find((x) => x.id === id).title));
  const histogram = t['Distribution of views (log scale)'].slice(1);
  assert.deepEqual(histogram.map(([, n]) => number(n)), a.histogram.map(([, , n]) => n));
  const age = t['Views against age'].slice(1);
  assert.equal(age.reduce((sum, [, , n]) => sum + number(n), 0), a.articles, 'the age chart\'s cells hold every article');

  // In Korean, the same tables in Korean words.
  const korean = await newPage(env);
  await open(korean, env, '#/analytics');
  await waitForState(korean, (x) => x.route === 'analytics' && x.analytics, 'the analytics view');
  await mirrorHas(korean, 'table');
  const k = await tables(korean);
  assert.equal(number(Object.fromEntries(k['주요 수치'].slice(1))['총 조회']), a.views_total);
});
