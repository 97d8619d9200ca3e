// Image attachments are previewed under the article when they are on this site; images
// elsewhere are never fetched (a preview must not tell another server who reads what),
// and textures are given back once the article is left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, waitForState, clickWidget, screenshot, pixelAt, state } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('same-origin photos are previewed under the article; a click opens the file', async () => {
  const page = await newPage(env);
  const requested = [];
  page.on('request', (request) => requested.push(decodeURIComponent(request.url())));
  await open(page, env, '#/article/1719');
  const s = await waitForState(page, (x) => x.article?.previews.length === 2 && x.article.previews.every((p) => p.status === 'shown'),
    'both photos shown');
  for (const preview of s.article.previews) {
    assert.match(preview.url, /^data\/attachments\/1719\/.+\.jpg$/, 'resolved against the export\'s folder');
    assert.deepEqual([preview.width, preview.height], [960, 640]);
  }
  assert.ok(requested.some((url) => url.endsWith('/data/attachments/1719/교류단_단체사진.jpg')));
  assert.equal(s.image_textures, 2);
  assert.equal(s.glyphs_missing, 0);

  // Drawn at the picture's shape, within the column; the middle is the photo, not the page.
  const rect = await page.evaluate(() => window.newsroom.locate('preview:0'));
  assert.ok(rect, 'the first preview is drawn');
  assert.ok(Math.abs(rect.w / rect.h - 1.5) < 0.02, `3:2 like the photo (${rect.w}×${rect.h})`);
  assert.ok(rect.w <= 960, 'never larger than the picture');
  const files = await page.evaluate(() => [0, 1].map((i) => window.newsroom.locate(`attachment:${i}`)));
  assert.ok(files[1].y >= files[0].y + files[0].h, 'each attachment on a line of its own');
  const background = await pixelAt(page, 1240, 450);
  const photo = await pixelAt(page, Math.round(rect.x + rect.w / 2), Math.round(rect.y + rect.h * 0.1));
  assert.notDeepEqual(photo, background, 'photo pixels are drawn');
  await screenshot(page, 'article-previews');

  const opened = page.context().waitForEvent('page');
  await clickWidget(page, 'preview:0');
  const tab = await opened;
  await tab.waitForLoadState();
  assert.ok(decodeURIComponent(tab.url()).endsWith('/data/attachments/1719/교류단_단체사진.jpg'));
  await tab.close();
  await page.bringToFront();

  // Leaving the article gives the textures back.
  await clickWidget(page, 'back');
  await waitForState(page, (x) => x.route === 'list');
  await page.waitForTimeout(2500);
  assert.equal((await state(page)).image_textures, 0, 'no texture kept for an article no longer shown');
  assert.deepEqual(page.errors, []);
});

test('images elsewhere are not fetched, and a missing one costs only its preview', async () => {
  const page = await newPage(env);
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  const articles = [{
    id: 1, title: '사진 세 장', published_at: '2024-03-01 10:00', body: '본문',
    attachments: [
      { name: '다른곳.jpg', url: 'https://photos.example.org/a.jpg', size: 1000 },
      { name: '없는사진.png', url: 'attachments/1/none.png' },
      { name: '공고문.pdf', url: 'attachments/1/a.pdf' },
    ],
  }];
  await page.route('**/exports/photos.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ articles }) }));
  await open(page, env, '?data=exports/photos.json#/article/1');
  const s = await waitForState(page, (x) => x.article?.previews.length === 2 && x.article.previews.every((p) => p.status !== 'loading'),
    'both previews settled');
  assert.deepEqual(s.article.previews.map((p) => [p.url, p.status]), [
    ['https://photos.example.org/a.jpg', 'refused'],
    ['exports/attachments/1/none.png', 'failed'],
  ]);
  assert.ok(!requested.some((url) => url.includes('photos.example.org')), 'nothing was asked of the other server');
  assert.equal(s.image_textures, 0);
  assert.ok(await page.evaluate(() => window.newsroom.locate('attachment:2')), 'the PDF is still listed as a link');
  assert.deepEqual(page.errors, []);
});
