// Board images (web/js/images.js, src/io/board_image.h): after a load the board and its
// search index are kept in Cache Storage; the next visit shows them at once and then asks
// the server whether the export changed. A broken image is refused and the export imported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchWithDataCopy, newPage, open, state, waitForState, root } from './harness.mjs';

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
let env;
before(async () => { env = await launchWithDataCopy('newsroom-images-'); });
after(async () => { await env?.close(); });

// Every request the page makes for the export, with its status.
function exportRequests(page) {
  const seen = [];
  page.on('response', (response) => {
    if (response.url().includes('/data/articles.json')) seen.push(response.status());
  });
  return seen;
}
// The images stored: in the origin private file system (Chromium), one .board file each.
const storedImages = (page) => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory();
  const names = [];
  try {
    for await (const [name] of (await root.getDirectoryHandle('newsroom-images')).entries()) if (name.endsWith('.board')) names.push(name);
  } catch (error) { /* no folder: none */ }
  return names;
});
const search = async (page, text) => {
  await page.evaluate((q) => { location.hash = `#/?q=${encodeURIComponent(q)}`; }, text);
  return waitForState(page, (s) => s.query === text && !s.load.search_pending, `the search for ${text}`);
};

test('the second visit shows the board from its saved image, searches at once, and checks the export', async () => {
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  let s = await waitForState(page, (x) => x.data.image_saved, 'the board stored as an image');
  assert.equal(s.data.from_image, false, 'the first visit imports the export');
  assert.ok(s.data.image.bytes > 0);
  const first = await search(page, '협력');
  assert.ok(first.results.ids.length > 0);

  // Reload: the board comes from the image; the export is only asked whether it changed (304).
  const requests = exportRequests(page);
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.from_image && x.results.ids.length > 0, 'the board from the image');
  assert.equal(s.data.articles, 45);
  assert.equal(s.data.image_saved, true);
  assert.equal(s.data.source, 'data/articles.json');
  assert.equal(s.load.phase, 'none', 'nothing to import, nothing to index');
  const again = await search(page, '협력');
  assert.deepEqual(again.results.ids, first.results.ids, 'the same answers as the imported board');
  assert.equal(again.results.scanned, false, 'answered by the saved index');
  await waitForState(page, (x) => x.data.live.polls >= 1, 'the check after');
  assert.deepEqual(requests, [304], 'one conditional request, no download');
  assert.equal((await state(page)).data.from_image, true, 'the export did not change: the image stays');

  // The export changes on the server: the next visit shows the image, then the new export.
  writeFileSync(path.join(env.dataDir, 'articles.json'), JSON.stringify({ ...sample, articles: sample.articles.slice(2) }));
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.articles === 43 && x.data.live.polls >= 1, 'the new export after one check');
  assert.equal(s.data.from_image, false);
  s = await waitForState(page, (x) => x.data.image_saved, 'the new board stored in its turn');
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.from_image && x.data.articles === 43, 'the new image on the next visit');
  assert.deepEqual(page.errors, []);
});

test('a broken saved image is refused with its reason and the export imported; ?nocache and the button clear them', async () => {
  writeFileSync(path.join(env.dataDir, 'articles.json'), JSON.stringify(sample));
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  await waitForState(page, (x) => x.data.image_saved, 'the board stored as an image');
  // One byte of the stored image changes (a disk error, a browser bug).
  assert.equal((await storedImages(page)).length, 1);
  await page.evaluate(async () => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('newsroom-images');
    for await (const [name, handle] of folder.entries()) {
      if (!name.endsWith('.board')) continue;
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      bytes[bytes.length >> 1] ^= 0x40;
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
    }
  });
  const requests = exportRequests(page);
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  let s = await waitForState(page, (x) => x.data.articles === 45 && x.load.phase === 'none', 'the export imported');
  assert.equal(s.data.from_image, false);
  assert.match(s.data.image.refused, /checksum/);
  assert.deepEqual(requests, [200], 'the export downloaded instead');
  s = await waitForState(page, (x) => x.data.image_saved, 'a good image stored again');

  // ?nocache: the images are dropped before the page looks for one.
  await page.goto(`${env.base}?poll=0&nocache`);
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.articles === 45, 'the board');
  assert.equal(s.data.from_image, false);
  assert.deepEqual(await storedImages(page), []);

  // The data status's button drops them too: it is there when the board came from one.
  await page.goto(`${env.base}?poll=0`);
  await page.evaluate(() => window.newsroom.ready);
  await waitForState(page, (x) => x.data.image_saved, 'stored again');
  assert.equal(await page.evaluate(() => window.newsroom.locate('data-clear-images')), null, 'an imported board: no button');
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  await waitForState(page, (x) => x.data.from_image, 'the board from the image');
  await page.waitForFunction(() => window.newsroom.locate('data-clear-images') !== null);
  const rect = await page.evaluate(() => window.newsroom.locate('data-clear-images'));
  assert.ok(rect, 'the data status offers to clear saved boards');
  await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  await waitForState(page, (x) => !x.data.image_saved, 'the image dropped');
  assert.deepEqual(await storedImages(page), []);
  assert.deepEqual(page.errors, []);
});

test('an image the data team published beside the export is used on the first visit, and checked', async () => {
  const exportFile = path.join(env.dataDir, 'articles.json');
  writeFileSync(exportFile, JSON.stringify(sample));
  const when = new Date('2026-11-30T09:00:00Z');
  utimesSync(exportFile, when, when);
  execFileSync(path.join(root, 'build/native/src/tools/newsroom-check'),
    [exportFile, '--image', path.join(env.dataDir, 'articles.board')]);
  const page = await newPage(env);
  const requests = exportRequests(page);
  const images = [];
  page.on('response', (response) => { if (response.url().endsWith('/data/articles.board')) images.push(response.status()); });
  const downloaders = [];
  page.on('worker', (worker) => { if (worker.url().endsWith('/web/js/image-download.js')) downloaders.push(worker.url()); });
  await open(page, env, '?poll=0&image=data/articles.board');
  let s = await waitForState(page, (x) => x.data.from_image && x.data.live.polls >= 1, 'the published image, checked');
  assert.equal(s.data.articles, 45);
  assert.equal(s.load.index_progress, 1, 'search complete at once');
  assert.deepEqual(requests, [304], 'the export is only asked whether it changed since the image');
  assert.equal(downloaders.length, 1, 'downloaded by a worker');
  await waitForState(page, (x) => x.data.image_saved, 'kept as this visitor\'s saved image');
  const found = (await search(page, '협력')).results.total;

  // The next visit reads the image kept then: the published one is not downloaded again.
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.from_image && x.data.live.polls >= 1, 'the kept image, checked');
  assert.equal(s.data.articles, 45);
  assert.deepEqual(images, [200], 'the published image was downloaded once');
  assert.equal((await search(page, '협력')).results.total, found, 'the same search results');

  // Where no worker can download it (its script refused here), the page does.
  const alone = await newPage(env);
  await alone.route('**/web/js/image-download.js', (route) => route.abort());
  await open(alone, env, '?poll=0&image=data/articles.board');
  s = await waitForState(alone, (x) => x.data.from_image && x.data.live.polls >= 1, 'the published image, read by the page');
  assert.equal(s.data.articles, 45);
  assert.equal((await search(alone, '협력')).results.total, found, 'the same search results');
  assert.deepEqual(alone.errors, []);
  await alone.close();

  // A published image the server does not have is no error: the export is imported.
  const gone = await newPage(env);
  await open(gone, env, '?poll=0&image=data/gone.board');
  s = await waitForState(gone, (x) => x.data.articles === 45 && x.load.index_progress === 1, 'the export, imported');
  assert.equal(s.data.from_image, false);
  assert.deepEqual(gone.errors, []);
  await gone.close();

  // The export is replaced but the image is not: the image is shown, then the export imported.
  writeFileSync(exportFile, JSON.stringify({ ...sample, articles: sample.articles.slice(3) }));
  const other = await newPage(env);
  await open(other, env, '?poll=0&image=data/articles.board');
  s = await waitForState(other, (x) => x.data.articles === 42 && x.data.live.polls >= 1, 'the newer export');
  assert.equal(s.data.from_image, false);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

test('where the browser cannot write files in its private file system, images live in Cache Storage', async () => {
  writeFileSync(path.join(env.dataDir, 'articles.json'), JSON.stringify(sample));
  const page = await newPage(env);
  await page.addInitScript(() => { delete FileSystemFileHandle.prototype.createWritable; });
  await open(page, env, '?poll=0');
  await waitForState(page, (x) => x.data.image_saved, 'the board stored as an image');
  assert.ok(await page.evaluate(async () => (await (await caches.open('newsroom-images')).keys()).length > 1),
    'its parts and meta in Cache Storage');
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  const s = await waitForState(page, (x) => x.data.from_image && x.results.ids.length > 0, 'the board from the image');
  assert.equal(s.data.articles, 45);
  assert.deepEqual(page.errors, []);
});
