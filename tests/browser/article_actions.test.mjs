// The article's 링크 복사 · 페이스북 · X · 인쇄, as the original page offers them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, waitForState, clickWidget, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const seed = sample.articles.find((a) => a.views === 254 && a.published_at.startsWith('2023-12-20'));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('링크 복사 puts the article link on the clipboard', async () => {
  const page = await newPage(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await open(page, env, `#/article/${seed.id}`);
  await clickWidget(page, 'copy-link');
  await page.waitForFunction(() => window.newsroom.lastAction()?.action === 'copy-link');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, new RegExp(`#/article/${seed.id}$`));
});

test('sharing to X and Facebook opens their share addresses with this article', async () => {
  const page = await newPage(env);
  await page.context().route(/(twitter|facebook)\.com/, (route) => route.fulfill({ body: 'share' }));
  await open(page, env, `#/article/${seed.id}`);
  const [xPopup] = await Promise.all([page.context().waitForEvent('page'), clickWidget(page, 'share-x')]);
  const x = new URL(xPopup.url());
  assert.equal(x.origin + x.pathname, 'https://twitter.com/intent/tweet');
  assert.equal(x.searchParams.get('text'), seed.title);
  assert.match(x.searchParams.get('url'), new RegExp(`#/article/${seed.id}$`));
  const [fbPopup] = await Promise.all([page.context().waitForEvent('page'), clickWidget(page, 'share-facebook')]);
  const fb = new URL(fbPopup.url());
  assert.equal(fb.origin + fb.pathname, 'https://www.facebook.com/sharer/sharer.php');
  assert.match(fb.searchParams.get('u'), new RegExp(`#/article/${seed.id}$`));
});

test('인쇄 builds a clean printable page from the article, with its text as text', async () => {
  const page = await newPage(env);
  await open(page, env, `#/article/${seed.id}`);
  await page.evaluate(() => { window.print = () => {}; });
  const [popup] = await Promise.all([page.context().waitForEvent('page'), clickWidget(page, 'print')]);
  await popup.waitForLoadState();
  await popup.evaluate(() => { window.print = () => {}; });
  assert.equal(await popup.locator('h1').textContent(), seed.title);
  const paragraphs = await popup.locator('p').allTextContents();
  assert.equal(paragraphs.length, seed.body.split('\n\n').length);
  assert.equal(paragraphs[0], seed.body.split('\n\n')[0]);
  const foot = await popup.locator('.foot').textContent();
  assert.match(foot, /출처: 프레시안/);
  assert.match(foot, /첨부파일: 사진1\.jpg/);
  assert.match(await popup.locator('.meta').textContent(), /작성자 관리자 · 등록일 23-12-20 13:14 · 조회 254/);
});

test('markup in an export stays text on the printed page', async () => {
  const page = await newPage(env);
  const hostile = { articles: [{ id: 7, title: '<script>alert(1)</script> 제목', published_at: '2024-01-01',
    body_format: 'text', body: '<img src=x onerror=alert(2)> 본문' }] };
  await page.route('**/exports/hostile.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) }));
  await open(page, env, '?data=exports/hostile.json#/article/7');
  const html = await page.evaluate(() => window.newsroom.printable(7));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; 제목'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt; 본문'));
  assert.ok(!/<script|<img/i.test(html));
});
