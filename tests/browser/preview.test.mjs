// A local preview: the data team drops an export file on the page (or picks one, or gives
// window.newsroom.load a File) to check it before publishing. It is read in the page and
// never uploaded, shown as the board with its full report, and compared with the export
// being served (the report of newsroom-check --previous); 서버 자료로 돌아가기 shows the
// served board again. While it is shown, polling leaves it alone and no board image of it
// is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, open, root, buildSingleFile, state, waitForState, clickWidget, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const served = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));

// The served export as the data team changed it: one article removed, one added, a title
// edited, one article's views lowered, a jump, and a record without a title (skipped, an
// error naming its record, id and field).
function changedExport() {
  const doc = structuredClone(served);
  const articles = doc.articles;
  articles[1].title += ' (수정)';
  articles[2].views -= 5;
  articles[3].views += 10000;
  const added = { ...structuredClone(articles[4]), id: 99999, number: 99, title: '새로 추가된 보도자료' };
  articles.shift();
  articles.push(added);
  const bad = structuredClone(articles[5]);
  bad.id = 99998;
  delete bad.title;
  articles.push(bad);
  return doc;
}

// What the report and the change summary must say, counted here from the two files.
function expectedOf(doc) {
  const valid = doc.articles.filter((a) => typeof a.title === 'string' && a.title !== '');
  const before = new Map(served.articles.map((a) => [a.id, a]));
  const after = new Map(valid.map((a) => [a.id, a]));
  const fields = ['title', 'body', 'category', 'author', 'published_at', 'pinned'];
  const common = valid.filter((a) => before.has(a.id));
  const gains = common.map((a) => ({ id: a.id, gain: a.views - before.get(a.id).views }));
  const sum = (list) => list.reduce((total, a) => total + a.views, 0);
  return {
    articles: valid.length,
    added: valid.filter((a) => !before.has(a.id)).map((a) => a.id).sort((x, y) => x - y),
    removed: served.articles.filter((a) => !after.has(a.id)).map((a) => a.id).sort((x, y) => x - y),
    edited: common.filter((a) => fields.some((f) => JSON.stringify(a[f]) !== JSON.stringify(before.get(a.id)[f])) ||
      (a.attachments || []).length !== (before.get(a.id).attachments || []).length).map((a) => a.id).sort((x, y) => x - y),
    views_before: sum(served.articles),
    views_after: sum(valid),
    views_down: gains.filter((g) => g.gain < 0).map((g) => g.id),
    // Every other article gained nothing: the one large gain is the jump.
    jumps: gains.filter((g) => g.gain >= 500).map((g) => g.id),
    problem: { record: doc.articles.findIndex((a) => typeof a.title !== 'string'), id: '99998', field: 'title' },
  };
}

function checkPreview(s, file, expected) {
  const { data } = s;
  assert.equal(data.source, file);
  assert.equal(data.articles, expected.articles);
  assert.equal(data.skipped, 1);
  assert.equal(data.problems.length, 1);
  const [problem] = data.problems;
  assert.deepEqual({ record: problem.record, id: problem.id, field: problem.field }, expected.problem);
  assert.ok(data.preview, 'state().data.preview');
  assert.equal(data.preview.file, file);
  assert.equal(data.preview.served, 'data/articles.json');
  assert.equal(data.preview.usable, true);
  const { diff } = data.preview;
  assert.equal(diff.previous, 'data/articles.json');
  assert.deepEqual(diff.added_ids, expected.added);
  assert.deepEqual(diff.removed_ids, expected.removed);
  assert.deepEqual(diff.edited_ids, expected.edited);
  assert.equal(diff.added, expected.added.length);
  assert.equal(diff.removed, expected.removed.length);
  assert.equal(diff.edited, expected.edited.length);
  assert.equal(diff.views_before, expected.views_before);
  assert.equal(diff.views_after, expected.views_after);
  assert.deepEqual(diff.views_down.map((c) => c.id), expected.views_down);
  assert.deepEqual(diff.jumps.map((c) => c.id), expected.jumps);
}

// Every request the page makes: none may carry the file (no POST or PUT, no address naming it).
function watchRequests(page) {
  const requests = [];
  page.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
  return requests;
}
function assertNothingSent(requests, names) {
  assert.deepEqual(requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'), [], 'only GETs');
  for (const name of names) assert.deepEqual(requests.filter((r) => r.url.includes(name)), [], `no request names ${name}`);
}

test('a dropped file and a File given to load() become the board with their report and change summary', async () => {
  const doc = changedExport();
  const expected = expectedOf(doc);
  assert.equal(expected.added.length, 1);
  assert.equal(expected.removed.length, 1);
  assert.equal(expected.edited.length, 1);
  assert.equal(expected.views_down.length, 1);
  assert.equal(expected.jumps.length, 1);
  const text = JSON.stringify(doc);

  const page = await newPage(env);
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  const requests = watchRequests(page);
  let s = await open(page, env, '?poll=1');  // polled every second: a preview must be left alone
  assert.equal(s.data.source, 'data/articles.json');
  assert.equal(s.data.preview, null);
  await waitForState(page, (x) => x.data.image_saved, 'the served board stored as an image');

  // (1) Dropped anywhere on the page: the drop hint while dragging, then the preview.
  const hinted = await page.evaluate(({ text: bytes, name }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'application/json' }));
    const canvas = document.getElementById('canvas');
    const fire = (type) => canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    fire('dragenter');
    const over = fire('dragover');  // false: the page took it (the browser does not open the file)
    const shown = !document.getElementById('newsroom-drop-hint').classList.contains('hidden');
    const dropped = fire('drop');
    const hidden = document.getElementById('newsroom-drop-hint').classList.contains('hidden');
    return { over, shown, dropped, hidden };
  }, { text, name: 'dropped-export.json' });
  assert.deepEqual(hinted, { over: false, shown: true, dropped: false, hidden: true });
  s = await waitForState(page, (x) => x.data.source === 'dropped-export.json' && x.data.preview, 'the dropped file shown');
  checkPreview(s, 'dropped-export.json', expected);
  assert.ok(await page.evaluate(() => window.newsroom.article(99999)), 'the added article is on the board');
  assert.ok(await page.evaluate(() => window.newsroom.locate('preview-back')), 'the preview bar is drawn');
  assert.ok(await page.evaluate(() => window.newsroom.locate('preview-summary')));
  const mirror = await page.evaluate(() => document.getElementById('newsroom-mirror').textContent);
  assert.ok(mirror.includes('dropped-export.json'), 'the screen-reader mirror names the preview');
  await screenshot(page, 'preview-dropped');

  // Polling leaves the preview alone (no check, no swap), and no image of it is stored.
  const polls = s.data.live.polls;
  await page.waitForTimeout(2500);
  s = await state(page);
  assert.equal(s.data.source, 'dropped-export.json');
  assert.equal(s.data.live.polls, polls, 'no poll during the preview');
  assert.equal(s.data.image_saved, false);

  // (2) A File given to load(), while the dropped one is shown: compared with the served
  // export again (not with the dropped file).
  const data = await page.evaluate((bytes) => window.newsroom.load(new File([bytes], 'loaded-export.json')), text);
  checkPreview({ data }, 'loaded-export.json', expected);

  // (3) One click back: the served board, its source, no preview; the view is kept.
  await clickWidget(page, 'preview-back');
  s = await waitForState(page, (x) => x.data.preview === null && x.data.source === 'data/articles.json',
    'the served board again');
  assert.equal(s.data.articles, served.articles.length);
  assert.deepEqual(s.data.problems, []);
  assert.equal(await page.evaluate(() => window.newsroom.article(99999)), null);
  assert.equal(await page.evaluate(() => window.newsroom.locate('preview-back')), null, 'the bar is gone');
  await waitForState(page, (x) => x.data.live.polls > polls, 'polling again');

  // (4) Nothing was sent anywhere.
  assertNothingSent(requests, ['dropped-export', 'loaded-export']);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(consoleErrors, []);

  // The board image kept for the next visit is the served export's, never the preview's.
  await page.reload();
  await page.evaluate(() => window.newsroom.ready);
  s = await waitForState(page, (x) => x.data.articles === served.articles.length, 'the served board after a reload');
  assert.equal(s.data.source, 'data/articles.json');
  assert.equal(await page.evaluate(() => window.newsroom.article(99999)), null);
  await page.context().close();
});

test('the data status bar picks a file to preview, and the bar fits a phone in English', async () => {
  const doc = changedExport();
  const expected = expectedOf(doc);
  const page = await newPage(env, { viewport: { width: 390, height: 780 }, deviceScaleFactor: 2, hasTouch: true });
  const requests = watchRequests(page);
  await open(page, env, '?lang=en');
  const chooser = page.waitForEvent('filechooser');
  const button = await clickWidget(page, 'data-pick-file');
  assert.ok(button.x >= 0 && button.x + button.w <= 390, 'the pick button is on screen');
  await (await chooser).setFiles({ name: 'picked.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const s = await waitForState(page, (x) => x.data.source === 'picked.json' && x.data.preview, 'the picked file shown');
  checkPreview(s, 'picked.json', expected);
  const back = await page.evaluate(() => window.newsroom.locate('preview-back'));
  assert.ok(back && back.x >= 0 && back.x + back.w <= 390 && back.y >= 0, 'the way back fits the phone');
  await screenshot(page, 'preview-phone-en');
  await clickWidget(page, 'preview-back');
  await waitForState(page, (x) => x.data.preview === null && x.data.source === 'data/articles.json', 'served again');
  assertNothingSent(requests, ['picked']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the single-file build previews a file and goes back to its own embedded export', async () => {
  const single = buildSingleFile('newsroom-single-preview-');
  try {
    const page = await newPage(env);
    await page.goto(single.url);
    await page.evaluate(() => window.newsroom.ready);
    const doc = changedExport();
    const data = await page.evaluate((bytes) => window.newsroom.load(new File([bytes], 'usb-check.json')), JSON.stringify(doc));
    assert.equal(data.source, 'usb-check.json');
    assert.equal(data.preview.served, 'articles.json');
    assert.equal(data.preview.diff.removed, 1);
    const back = await page.evaluate(() => window.newsroom.backToServed());
    assert.equal(back.source, 'articles.json');
    assert.equal(back.preview, null);
    assert.equal(back.articles, served.articles.length);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    single.remove();
  }
});
