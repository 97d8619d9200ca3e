// Kiosk mode (?mode=kiosk) on an accelerated clock (window.newsroom.advanceClock): the
// attract loop rotates through its playlist with a progress bar, a touch hands control to
// a visitor, idle time returns to the loop with the list reset, old data is flagged, links
// become QR codes that decode to the link, the embed script mounts the viewer in a host
// page (in any encoding), bad options are named, and a simulated day leaves memory flat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, state, waitForState, screenshot, pixelAt, root } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
const articles = sample.articles;
const time = (a) => Date.parse(a.published_at);
const newestFirst = (a, b) => time(b) - time(a) || b.id - a.id;
const ids = (list, count = 20) => list.slice(0, count).map((a) => a.id);
const ACCENT = [0, 84, 166];       // light theme: the progress bar's fill
const WARNING = [176, 96, 0];      // light theme: the stale warning's background
const near = (a, b, tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

// The sample export, exported `hoursAgo` before now (the sample's own date is long past).
async function serveFresh(page, hoursAgo = 1) {
  const body = JSON.stringify({ ...sample, exported_at: new Date(Date.now() - hoursAgo * 3600e3).toISOString() });
  await page.route('**/data/articles.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
}

async function openKiosk(page, query, { fresh = true } = {}) {
  if (fresh) await serveFresh(page);
  await page.goto(`${env.base}?${query}`);
  await page.evaluate(() => window.newsroom.ready);
  return waitForState(page, (s) => s.kiosk?.current != null && s.article?.id === s.kiosk.current, 'the loop showing its first article');
}

const advance = (page, seconds) => page.evaluate((s) => window.newsroom.advanceClock(s), seconds);
const locate = (page, name) => page.evaluate((n) => window.newsroom.locate(n), name);

// Taps a widget like a visitor, scrolling the page down first while it is below the fold.
async function tapWidget(page, name) {
  const bottom = page.viewportSize().height - 60;  // above the status bar
  for (let i = 0; i < 40; i++) {
    const rect = await locate(page, name);
    if (rect && rect.y + rect.h <= bottom) {
      await page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2);
      return rect;
    }
    if (i >= 3) {
      await page.mouse.move(page.viewportSize().width / 2, 300);
      await page.mouse.wheel(0, 240);
    }
    await page.waitForTimeout(60);
  }
  throw new Error(`widget "${name}" was not drawn`);
}

async function waitForWidget(page, name, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const rect = await locate(page, name);
    if (rect) return rect;
    await page.waitForTimeout(30);
  }
  throw new Error(`widget "${name}" was not drawn`);
}

const touch = { viewport: { width: 1280, height: 900 }, hasTouch: true };

test('the attract loop opens the latest articles in turn, with a progress bar, and wraps', async () => {
  const page = await newPage(env, touch);
  let s = await openKiosk(page, 'mode=kiosk&rotate=20&theme=light');
  const latest = ids([...articles].sort(newestFirst));
  assert.equal(s.mode, 'kiosk');
  assert.deepEqual(s.kiosk.playlist, latest);
  assert.equal(s.kiosk.playlist_kind, 'latest');
  assert.equal(s.kiosk.playing, true);
  assert.equal(s.route, 'article');
  assert.equal(s.article.id, latest[0]);
  assert.deepEqual(s.kiosk.options, { rotate: 20, idle: 90, scale: 1.5, count: 20, stale: 72 });
  assert.equal(s.kiosk.problems.length, 0);
  // No keyboard at a kiosk: the search box is neither drawn nor its <input> shown.
  assert.equal(await locate(page, 'search'), null);
  assert.equal(await page.evaluate(() => document.getElementById('newsroom-search').hidden), true);
  assert.ok(await locate(page, 'kiosk:hint'), 'the invitation to touch is drawn');

  // Halfway through the article's time the bar is filled halfway.
  await advance(page, 10);
  s = await waitForState(page, (x) => x.kiosk.progress >= 0.5, 'half the time gone');
  assert.equal(s.article.id, latest[0], 'no change before `rotate` seconds');
  const bar = await locate(page, 'kiosk:progress');
  assert.ok(bar && bar.w > 600, `a wide progress bar (${JSON.stringify(bar)})`);
  const y = Math.round(bar.y + bar.h / 2);
  assert.ok(near(await pixelAt(page, Math.round(bar.x + bar.w * 0.3), y), ACCENT), 'filled up to the elapsed part');
  assert.ok(!near(await pixelAt(page, Math.round(bar.x + bar.w * 0.85), y), ACCENT), 'empty after it');
  await screenshot(page, 'kiosk-attract');

  await advance(page, 10);
  s = await waitForState(page, (x) => x.article?.id === latest[1], 'the second article after 20 s');
  assert.equal(s.kiosk.position, 1);
  assert.ok(s.kiosk.progress < 0.5, 'the bar starts again');
  assert.ok(!near(await pixelAt(page, Math.round(bar.x + bar.w * 0.3), y), ACCENT), 'the bar emptied');
  assert.equal(s.hash, `#/article/${latest[1]}`);

  // 19 more turns: past the end, back to the first.
  const historyBefore = await page.evaluate(() => history.length);
  await advance(page, 20 * 19);
  s = await waitForState(page, (x) => x.article?.id === latest[0] && x.kiosk.position === 0, 'wrapped to the first');
  assert.equal(s.kiosk.rotations, 20);
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'rotations add no history entries');
  assert.equal(s.glyphs_missing, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('playlists: most viewed, pinned, a category, and the count', async () => {
  const page = await newPage(env, touch);
  const cases = [
    ['playlist=views&count=5', ids([...articles].sort((a, b) => b.views - a.views || newestFirst(a, b)), 5), 'views'],
    ['playlist=pinned', ids(articles.filter((a) => a.pinned).sort(newestFirst)), 'pinned'],
    [`playlist=${encodeURIComponent('category:보도자료')}&count=8`,
      ids(articles.filter((a) => a.category === '보도자료').sort(newestFirst), 8), 'category'],
  ];
  for (const [query, expected, kind] of cases) {
    assert.ok(expected.length > 0, `${kind}: the sample has such articles`);
    const s = await openKiosk(page, `mode=kiosk&${query}`);
    assert.deepEqual(s.kiosk.playlist, expected, query);
    assert.equal(s.kiosk.playlist_kind, kind);
    assert.equal(s.article.id, expected[0]);
    assert.deepEqual(s.kiosk.problems, []);
  }
  // A category the export does not have: said so, and the latest are shown.
  const s = await openKiosk(page, `mode=kiosk&playlist=${encodeURIComponent('category:없는분류')}`);
  assert.deepEqual(s.kiosk.playlist, ids([...articles].sort(newestFirst)));
  assert.match(s.kiosk.problems.join('\n'), /playlist=category:없는분류: no article in that category; showing the latest/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a touch hands control to the visitor; after `idle` seconds the list resets and the loop returns', async () => {
  const page = await newPage(env, touch);
  let s = await openKiosk(page, 'mode=kiosk&rotate=15&idle=60');
  const playlist = s.kiosk.playlist;
  await page.touchscreen.tap(640, 400);
  s = await waitForState(page, (x) => x.kiosk.playing === false, 'paused by the touch');
  assert.equal(s.article.id, playlist[0], 'the touched article stays on screen');
  assert.equal(s.route, 'article');
  await advance(page, 40);  // far past `rotate`: no rotation while the visitor has control
  s = await waitForState(page, (x) => x.kiosk.paused_for >= 40, 'time passing');
  assert.equal(s.article.id, playlist[0]);
  assert.ok(s.kiosk.idle_in > 15 && s.kiosk.idle_in <= 20, `idle_in ${s.kiosk.idle_in}`);

  // The visitor browses with touch-sized targets: back to the list, a category, another article.
  const back = await tapWidget(page, 'back');
  assert.ok(back.h >= 48, `목록 is touch-sized (${back.h} px)`);
  s = await waitForState(page, (x) => x.route === 'list' && x.results.ids.length > 0, 'the list');
  assert.equal(await locate(page, 'search'), null, 'no search box for the visitor either');
  assert.equal(await page.evaluate(() => document.getElementById('newsroom-search').hidden), true);
  assert.equal(await locate(page, 'to-analytics'), null, 'no analytics at a kiosk');
  const tab = await tapWidget(page, 'tab:보도자료');
  assert.ok(tab.h >= 48, `category tabs are touch-sized (${tab.h} px)`);
  s = await waitForState(page, (x) => x.filters.categories[0] === '보도자료' && x.results.ids.length > 0, 'the category');
  const other = s.results.ids.find((id) => id !== playlist[0]);
  const row = await tapWidget(page, `row:${other}`);
  assert.ok(row.h >= 48, `rows are touch-sized (${row.h} px)`);
  s = await waitForState(page, (x) => x.article?.id === other, 'another article opened by the visitor');
  assert.equal(s.kiosk.playing, false);
  assert.ok(s.kiosk.idle_in > 59, 'each touch restarts the idle wait');
  await screenshot(page, 'kiosk-visitor');

  // 60 s without input: filters back to the defaults, the loop from its start.
  await advance(page, (await state(page)).kiosk.idle_in - 3);
  await page.waitForTimeout(100);
  assert.equal((await state(page)).kiosk.playing, false, 'not before `idle` seconds');
  await advance(page, 4);
  s = await waitForState(page, (x) => x.kiosk.playing, 'back to the loop');
  assert.equal(s.kiosk.resets, 1);
  assert.equal(s.article.id, playlist[0]);
  assert.deepEqual(s.filters.categories, []);
  assert.equal(s.query, '');
  assert.equal(s.filters.sort, 'newest');
  assert.equal(s.page, 1);
  await advance(page, 15);
  await waitForState(page, (x) => x.article?.id === playlist[1], 'rotating again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"자료 기준" is always shown; past `stale` hours it turns into a warning', async () => {
  const page = await newPage(env, touch);
  let s = await openKiosk(page, 'mode=kiosk&stale=24&theme=light');
  assert.equal(s.kiosk.stale, false);
  assert.ok(s.kiosk.data_age_hours > 0.9 && s.kiosk.data_age_hours < 1.5, `about an hour old (${s.kiosk.data_age_hours})`);
  const fresh = await waitForWidget(page, 'kiosk:freshness');
  const y = Math.round(fresh.y + fresh.h / 2);
  assert.ok(!near(await pixelAt(page, Math.round(fresh.x + 2), y), WARNING), 'no warning while fresh');
  // Also while a visitor browses.
  await page.touchscreen.tap(640, 400);
  await waitForState(page, (x) => !x.kiosk.playing, 'paused');
  assert.ok(await waitForWidget(page, 'kiosk:freshness'), 'freshness shown to the visitor too');

  await advance(page, 23 * 3600);
  s = await waitForState(page, (x) => x.kiosk.data_age_hours > 24 && x.kiosk.playing, 'a day later, back in the loop');
  assert.equal(s.kiosk.stale, true);
  const stale = await waitForWidget(page, 'kiosk:freshness');
  assert.ok(stale.w > fresh.w * 1.5, 'the warning says how old the data is');
  assert.ok(near(await pixelAt(page, Math.round(stale.x + 2), Math.round(stale.y + stale.h / 2)), WARNING), 'warning colours');
  await screenshot(page, 'kiosk-stale');
  // Two years on it says "2년", not "17533시간": past two days the age is told in days, then
  // months and years, so the line is no wider than a day's "24시간".
  await advance(page, 2 * 365.25 * 86400);
  s = await waitForState(page, (x) => x.kiosk.data_age_hours > 2 * 365 * 24, 'two years later');
  await page.waitForTimeout(100);  // a frame drawn with that age
  const years = await waitForWidget(page, 'kiosk:freshness');
  assert.ok(years.w < stale.w, `"2년" is narrower than "24시간" (${years.w} vs ${stale.w})`);
  await screenshot(page, 'kiosk-stale-years');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an export without exported_at is flagged: nobody can tell how old it is', async () => {
  const page = await newPage(env, touch);
  const { exported_at: _, ...undated } = sample;
  await page.route('**/data/articles.json', (route) => route.fulfill({ body: JSON.stringify(undated), contentType: 'application/json' }));
  const s = await openKiosk(page, 'mode=kiosk&theme=light', { fresh: false });
  assert.equal(s.data.exported_at, null);
  assert.equal(s.kiosk.data_age_hours, null);
  const rect = await waitForWidget(page, 'kiosk:freshness');
  assert.ok(near(await pixelAt(page, Math.round(rect.x + 2), Math.round(rect.y + rect.h / 2)), WARNING), 'warning colours');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Decodes the QR code drawn in the `qr` widget from a screenshot of it, with jsQR.
async function decodeQr(page) {
  const rect = await waitForWidget(page, 'qr');
  const png = await page.screenshot({ clip: { x: rect.x, y: rect.y, width: rect.w, height: rect.h } });
  await page.addScriptTag({ path: path.join(root, 'node_modules/jsqr/dist/jsQR.js') });
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    const code = window.jsQR(pixels.data, image.width, image.height);
    return code ? code.data : null;
  }, png.toString('base64'));
}

test('links never navigate in a kiosk: a touch shows a QR code that decodes to the link', async () => {
  const page = await newPage(env, touch);
  await openKiosk(page, 'mode=kiosk');
  await page.touchscreen.tap(640, 400);
  await waitForState(page, (x) => !x.kiosk.playing, 'paused');
  await page.evaluate(() => { location.hash = '#/article/1840'; });
  await waitForState(page, (x) => x.article?.id === 1840, 'an article with a source link');
  const popups = [];
  page.context().on('page', (p) => popups.push(p.url()));

  await tapWidget(page, 'source');
  let s = await waitForState(page, (x) => x.kiosk.qr, 'a QR code');
  assert.equal(s.kiosk.qr, 'https://www.jjan.kr/article/20240227580214');
  const rect = await locate(page, 'qr');
  assert.ok(rect.w >= 250 && Math.abs(rect.w - rect.h) < 1, `a large square code (${rect.w}×${rect.h})`);
  assert.equal(await decodeQr(page), 'https://www.jjan.kr/article/20240227580214');
  assert.ok(await locate(page, 'qr:url'), 'the address is written under the code');
  await screenshot(page, 'kiosk-qr');
  const close = await tapWidget(page, 'qr-close');
  assert.ok(close.h >= 48, 'close is touch-sized');
  s = await waitForState(page, (x) => x.kiosk.qr === null, 'closed');

  // Attachments (relative to the site) and share buttons become QR codes too.
  await page.evaluate(() => { location.hash = '#/article/1906'; });
  await waitForState(page, (x) => x.article?.id === 1906, 'an article with attachments');
  await tapWidget(page, 'attachment:0');
  s = await waitForState(page, (x) => x.kiosk.qr, 'an attachment QR');
  assert.ok(s.kiosk.qr.startsWith(env.base), `absolute address on this site (${s.kiosk.qr})`);
  await tapWidget(page, 'qr-close');
  await waitForState(page, (x) => x.kiosk.qr === null, 'closed');
  await tapWidget(page, 'share-x');
  s = await waitForState(page, (x) => x.kiosk.qr, 'a share QR');
  const share = new URL(s.kiosk.qr);
  assert.equal(share.origin + share.pathname, 'https://twitter.com/intent/tweet');
  assert.equal(share.searchParams.get('url'), `${env.base}#/article/1906`, 'the article\'s public address, without the kiosk options');
  assert.equal(await decodeQr(page), s.kiosk.qr);
  await tapWidget(page, 'qr-close');
  await waitForState(page, (x) => x.kiosk.qr === null, 'closed');
  assert.equal(await locate(page, 'copy-link'), null, 'no clipboard at a kiosk');
  assert.equal(await locate(page, 'print'), null, 'no printing at a kiosk');
  assert.deepEqual(popups, [], 'nothing opened');
  assert.equal(page.url().startsWith(env.base), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad options are named, the defaults used, and the kiosk keeps running', async () => {
  const page = await newPage(env, touch);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  let s = await openKiosk(page, 'mode=kiosk&rotate=fast&idle=5&scale=99&playlist=random&count=0&theme=blue');
  assert.deepEqual(s.kiosk.options, { rotate: 15, idle: 90, scale: 1.5, count: 20, stale: 72 });
  assert.equal(s.kiosk.playlist_kind, 'latest');
  const problems = s.kiosk.problems.join('\n');
  for (const option of ['rotate=fast', 'idle=5', 'scale=99', 'playlist=random', 'count=0', 'theme=blue']) {
    assert.match(problems, new RegExp(`^${option}: expected .*default|^${option}: expected .*system`, 'm'), option);
    assert.ok(warnings.some((w) => w.includes(option)), `${option} on the console`);
  }
  assert.ok(await waitForWidget(page, 'kiosk:options'), 'the status bar offers the list of setting problems');
  const first = s.article.id;
  await advance(page, 15);
  s = await waitForState(page, (x) => x.article?.id !== first, 'rotating with the default 15 s');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('embed.js mounts the viewer into a host page element with the options', async () => {
  const page = await newPage(env);
  // The host page on the test server (Chromium keeps pages of other origins off loopback
  // addresses, so a public host page cannot be simulated here).
  const host = `${env.base}host/lobby.html`;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><body style="margin:0"><h1>Lobby</h1>
      <div id="screen" data-newsroom="${env.base}" data-mode="kiosk" data-rotate="20" data-playlist="views"
           data-count="3" data-lang="en" style="width:800px;height:500px"></div>
      <script src="${env.base}web/embed.js"></script></body></html>`,
  }));
  await page.goto(host);
  const frameInfo = await page.evaluate(() => {
    const frame = document.querySelector('#screen iframe');
    const r = frame.getBoundingClientRect();
    return { src: frame.src, title: frame.title, fullscreen: frame.allowFullscreen, w: r.width, h: r.height };
  });
  const src = new URL(frameInfo.src);
  assert.equal(src.origin + src.pathname, env.base);
  assert.deepEqual(Object.fromEntries(src.searchParams), { mode: 'kiosk', rotate: '20', playlist: 'views', count: '3', lang: 'en' });
  assert.equal(frameInfo.title, 'Newsroom');
  assert.equal(frameInfo.fullscreen, true);
  assert.deepEqual([frameInfo.w, frameInfo.h], [800, 500]);

  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => window.newsroom);
  await frame.evaluate(() => window.newsroom.ready);
  const deadline = Date.now() + 10000;
  let s;
  while (Date.now() < deadline) {
    s = await frame.evaluate(() => window.newsroom.state());
    if (s.kiosk?.current != null && s.article) break;
    await page.waitForTimeout(50);
  }
  assert.equal(s.mode, 'kiosk');
  assert.equal(s.lang, 'en');
  assert.equal(s.kiosk.options.rotate, 20);
  assert.deepEqual(s.kiosk.playlist, ids([...articles].sort((a, b) => b.views - a.views || newestFirst(a, b)), 3));
  assert.deepEqual(await frame.evaluate(() => [document.getElementById('canvas').width, innerWidth]), [800, 800]);
  await screenshot(page, 'kiosk-embedded');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('embed.js on an EUC-KR host page, from a server that sends no charset, titles the frame 뉴스룸', async () => {
  const page = await newPage(env);
  const host = `${env.base}host/euc-kr.html`;
  await page.route(host, (route) => route.fulfill({
    contentType: 'text/html; charset=euc-kr',
    body: `<!doctype html><html><head><meta charset="euc-kr"><title>Lobby</title></head><body style="margin:0">
      <div id="screen" data-newsroom="${env.base}" data-mode="kiosk" style="width:640px;height:400px"></div>
      <script src="${env.base}web/embed.js"></script></body></html>`,
  }));
  // A plain static server: the built script as is, typed without a charset, so the
  // browser decodes it in the host page's encoding.
  const script = `${env.base}web/embed.js`;
  await page.route(script, async (route) => {
    const built = await route.fetch();
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: await built.body() });
  });
  const served = page.waitForResponse(script);
  await page.goto(host);
  assert.equal((await served).headers()['content-type'], 'text/javascript');
  assert.equal(await page.evaluate(() => document.characterSet), 'EUC-KR');
  await page.waitForSelector('#screen iframe');
  assert.equal(await page.getAttribute('#screen iframe', 'title'), '뉴스룸');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a simulated day: thousands of rotations and hundreds of idle resets leave memory flat', async () => {
  const page = await newPage(env, { viewport: { width: 960, height: 640 }, hasTouch: true });
  await openKiosk(page, 'mode=kiosk&rotate=15&idle=60');
  // One cycle: the loop turns 27 times (45 s of clock a frame: three turns, a new article
  // drawn each frame), a visitor touches the screen (every 20th opens an article with two
  // photos), then 61 s without input bring the loop back.
  const frames = 9, step = 45, perCycle = (frames * step) / 15;
  const seconds = frames * step + 61;
  const cycles = Math.ceil((24 * 3600) / seconds);
  async function cycle(i) {
    await page.evaluate(async ({ frames, step }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      for (let f = 0; f < frames; f++) {
        window.newsroom.advanceClock(step);
        await frame();
      }
    }, { frames, step });
    await page.touchscreen.tap(480, 300);
    await waitForState(page, (x) => !x.kiosk.playing, 'a visitor', 5000);
    let textures = 0;
    if (i % 20 === 0) {
      await page.evaluate(() => location.replace('#/article/1719'));
      textures = (await waitForState(page, (x) => x.article?.previews.length === 2 &&
        x.article.previews.every((p) => p.status === 'shown'), 'the photos', 10000)).image_textures;
    }
    await advance(page, 61);
    await waitForState(page, (x) => x.kiosk.playing, 'back to the loop', 5000);
    return textures;
  }
  const warmup = 10;
  for (let i = 0; i < warmup; i++) await cycle(i);
  const sample = () => page.evaluate(() => ({ heap: Module.HEAPU8.length, state: window.newsroom.state(), history: history.length }));
  const before = await sample();
  let maxTextures = 0;
  for (let i = warmup; i < cycles; i++) maxTextures = Math.max(maxTextures, await cycle(i));
  await page.waitForTimeout(2500);  // previews not drawn for 2 s give their textures back
  const end = await sample();
  const s = end.state;
  console.log(`soak: ${cycles} cycles, ${s.kiosk.rotations} rotations, ${s.kiosk.resets} resets, ` +
    `${(s.kiosk.clock_offset / 3600).toFixed(1)} h simulated, heap ${before.heap} -> ${end.heap} bytes, ` +
    `frames ${before.state.frame} -> ${s.frame}, textures max ${maxTextures}, at the end ${s.image_textures}`);
  assert.ok(s.kiosk.clock_offset >= 24 * 3600, 'a whole day simulated');
  assert.ok(s.kiosk.rotations >= cycles * perCycle, `thousands of rotations (${s.kiosk.rotations})`);
  assert.equal(s.kiosk.resets, cycles);
  assert.equal(end.heap, before.heap, 'the wasm heap did not grow after warm-up');
  // Photos of the article the visitor touched and of 1719, for at most 2 s after leaving.
  assert.ok(maxTextures >= 2 && maxTextures <= 4, `photos were shown to visitors, a few at a time (${maxTextures})`);
  assert.equal(s.image_textures, 0, 'and their textures given back');
  assert.ok(s.frame > before.state.frame + (cycles - warmup) * frames, 'the heartbeat kept going');
  assert.equal(end.history, before.history, 'no history entries pile up');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
