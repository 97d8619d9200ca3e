// A large export loads in slices while it downloads: the page shows a progress bar with
// the count (and the percentage when the size is known), keeps drawing and answers input
// while it reads, never holds the whole file, lists the board as soon as it is read, and
// searches once its index is built (docs/architecture.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, root, state, waitForState, clickWidget, screenshot } from './harness.mjs';

const articles = 40000;
const dataDir = path.join(root, 'build/browser-data/large');
const exportFile = path.join(dataDir, 'large.json');
let env;

before(async () => {
  const generator = path.join(root, 'build/native/src/tools/newsroom-gen');
  assert.ok(existsSync(generator), `${generator} is missing: build the native preset first (scripts/test.sh does)`);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(exportFile)) {
    execFileSync(generator, ['--count', String(articles), '--seed', '3', '--out', exportFile]);
  }
  env = await launch({ data: dataDir });
});
after(async () => { await env?.close(); });

test('a large export shows its progress, answers a click while importing, then lists and searches', async () => {
  const page = await newPage(env);
  await page.goto(`${env.base}?data=data/large.json`);
  const size = statSync(exportFile).size;

  // The import is under way while the download still is (the test server compresses on
  // the fly, so the size is not known: the bar says how many articles and bytes so far).
  const importing = await waitForState(page, (s) => s.load.phase === 'importing' && s.load.articles > 0,
    'the import in progress', 60000);
  assert.ok(importing.load.streamed, 'the export is read while it downloads');
  assert.equal(importing.build, 'threads', 'the isolated page reads it on a worker (tests/browser/builds.test.mjs: the others)');
  const downloaded = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/data/large.json')));
  assert.ok(!downloaded, 'articles were read before the download ended');
  assert.equal(importing.load.total, 0, 'a size the server did not say is not made up');
  assert.ok(importing.load.done > 0 && importing.load.done < size);
  assert.ok(await page.evaluate(() => window.newsroom.locate('load:progress')), 'the progress bar is drawn');
  await screenshot(page, 'large-importing');

  // A click during the import is answered at once: 가+ makes the text larger.
  const before = importing.text_scale;
  await clickWidget(page, 'text-larger');
  const clicked = await state(page);
  assert.ok(clicked.text_scale > before, 'the click changed the text size');
  assert.ok(clicked.load.phase === 'importing' || clicked.load.phase === 'indexing' || clicked.data.articles === 0,
    `the click was answered before the import ended (phase ${clicked.load.phase})`);
  const later = await waitForState(page, (s) => s.load.phase === 'importing' && s.load.done > importing.load.done,
    'the import moving on', 30000).catch(() => null);
  if (later) assert.ok(later.load.articles > importing.load.articles, 'the count of articles grows');

  // The file is never held whole: what the import holds stays a small part of it.
  let held = Math.max(importing.load.held, later ? later.load.held : 0);
  for (let s = await state(page); s.load.phase === 'importing'; s = await state(page)) {
    held = Math.max(held, s.load.held);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(held > 0 && held < size / 4, `the import held at most ${held} bytes of the ${size}`);

  // Read: the list is there (newest first), and a search is asked at once.
  const listed = await page.evaluate(async () => {
    await window.newsroom.ready;
    const s = window.newsroom.state();
    location.hash = '#/?q=%ED%98%91%EB%A0%A5';  // 협력
    return s;
  });
  assert.equal(listed.data.articles, articles);
  assert.equal(listed.results.total, articles);
  assert.ok(listed.results.ids.length > 0, "rows are drawn");

  // No false "nothing found" and no waiting for the index: where the index is still being
  // built (here it is often done by then; the unit tests of SearchIndex and AppState cover
  // that path on every run), the first answer is read in the text, and the index's is the same.
  const early = await waitForState(page, (s) => s.query === "협력" && !s.load.search_pending && s.results.total > 0,
    'the first result', 60000);
  if (early.load.phase === 'indexing') {
    assert.equal(early.results.scanned, true, 'answered before the index, by reading the text');
    assert.ok(early.load.index_progress < 1);
  }
  const searched = await waitForState(page, (s) => s.query === "협력" && !s.load.search_pending && s.load.phase === 'none',
    'the search index and the result', 120000);
  assert.ok(searched.results.total > 0 && searched.results.total < articles, `협력 finds some articles (${searched.results.total})`);
  assert.equal(searched.results.total, early.results.total, 'the index finds what the text gave');
  assert.equal(searched.results.scanned, false);
  assert.equal(searched.load.index_progress, 1);
  assert.deepEqual(page.errors, []);
});

test("a large board's image, saved or published, is read by workers straight into memory, and by the page when they cannot run", async () => {
  const page = await newPage(env);
  const readers = [];
  page.on('request', (request) => { if (request.url().endsWith('/web/js/image-reader.js')) readers.push(request.url()); });
  await page.goto(`${env.base}?data=data/large.json&poll=0`);
  await waitForState(page, (s) => s.data.image_saved, 'the board stored as an image', 180000);
  const query = '#/?q=%ED%98%91%EB%A0%A5&author=%ED%99%8D%EB%B3%B4%ED%8C%80';  // 협력, by 홍보팀
  const answers = async (on = page) => {
    await on.evaluate((hash) => { location.hash = hash; }, query);
    const answered = (x) => x.query === '협력' && !x.load.search_pending && x.load.phase === 'none';
    const first = await waitForState(on, answered, 'the search', 60000);
    // results.ids are the rows drawn: a frame after the answer, they are the answer's.
    const s = await waitForState(on, (x) => answered(x) && x.frame > first.frame + 1, 'the answer drawn');
    return { total: s.results.total, ids: s.results.ids, facets: s.facets };
  };
  const imported = await answers();
  assert.ok(imported.total > 0 && Object.keys(imported.facets.tags).length > 0, 'the search finds tagged articles');
  assert.equal(readers.length, 0, 'no image read on the first visit');

  // The image (over 100 MB: many parts) read back by the readers, in parts committed in order.
  const reload = async () => {
    await page.reload();
    await page.evaluate(() => window.newsroom.ready);
    const s = await waitForState(page, (x) => x.data.from_image && x.data.articles === articles, 'the board from its image', 60000);
    assert.ok(s.data.image.bytes > 100 << 20, `an image of ${s.data.image.bytes} bytes`);
    assert.ok(!s.data.image.refused, `refused: ${s.data.image.refused}`);
  };
  await reload();
  assert.ok(readers.length >= 1, 'the readers were started');
  assert.deepEqual(await answers(), imported, 'the same answers as the imported board');

  // Where the readers cannot run (their script refused here), the page reads the parts itself.
  await page.route('**/web/js/image-reader.js', (route) => route.abort());
  await reload();
  assert.deepEqual(await answers(), imported, 'the same answers again');
  assert.deepEqual(page.errors, []);

  // The same board published beside the export (newsroom-check --image), on a first visit: a
  // worker downloads it, straight into the shared memory of the threaded build, or handing
  // each part over to the page of a single-threaded one (its memory not shared).
  const image = path.join(dataDir, 'large.board');
  if (!existsSync(image) || statSync(image).mtimeMs < statSync(exportFile).mtimeMs) {
    execFileSync(path.join(root, 'build/native/src/tools/newsroom-check'), [exportFile, '--image', image]);
  }
  for (const build of ['', '&build=plain']) {
    const visitor = await newPage(env);
    const downloads = [];
    visitor.on('response', (response) => { if (response.url().endsWith('/data/large.board')) downloads.push(response.status()); });
    await visitor.goto(`${env.base}?data=data/large.json&poll=0&image=data/large.board${build}`);
    const s = await waitForState(visitor, (x) => x.data.from_image && x.data.articles === articles, `the published board${build}`, 60000);
    assert.equal(s.load.index_progress, 1, 'search complete at once');
    assert.deepEqual(downloads, [200]);
    assert.deepEqual(await answers(visitor), imported, `the same answers from the published image${build}`);
    assert.deepEqual(visitor.errors, []);
    await visitor.context().close();
  }
});
