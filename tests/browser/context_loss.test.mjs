// WebGL context loss (a GPU reset on a screen that runs for weeks): the page keeps
// running while the context is gone, and once it is restored draws the same view again,
// text included (the font atlas is uploaded again), and still answers clicks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, state, waitForState, clickWidget, pixelAt, pixelsIn, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const frames = async (page, count) => {
  const start = (await state(page)).frame;
  await waitForState(page, (x) => x.frame >= start + count, `${count} more frames`);
};

// The pixels of a widget that differ clearly from the page's background: its text.
async function inkIn(page, rect, background) {
  const clip = { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.w), height: Math.round(rect.h) };
  const pixels = await pixelsIn(page, clip);
  const ink = [];
  for (let y = 0; y < pixels.height; ++y) {
    for (let x = 0; x < pixels.width; ++x) {
      if (pixels.at(x, y).some((v, c) => Math.abs(v - background[c]) > 60)) ink.push([clip.x + x, clip.y + y]);
    }
  }
  return ink;
}

test('a lost WebGL context is restored: frames go on, text is drawn again, clicks still work', async () => {
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  const s0 = await waitForState(page, (x) => x.results.ids.length > 0, 'the list');
  const id = s0.results.ids[2];
  await frames(page, 3);
  const rect = await page.evaluate((name) => window.newsroom.locate(name), `row:${id}`);
  const background = await pixelAt(page, 1270, 300);
  const inkBefore = await inkIn(page, rect, background);
  assert.ok(inkBefore.length >= 50, `the row's text is drawn (${inkBefore.length} inked pixels)`);
  const [tx, ty] = inkBefore[Math.floor(inkBefore.length / 2)];
  assert.notDeepEqual(await pixelAt(page, tx, ty), background, 'a text pixel');
  const clip = { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.w), height: Math.round(rect.h) };
  const before = await page.screenshot({ clip });

  await page.evaluate(() => {
    window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.loseContext.loseContext();
  });
  let s = await waitForState(page, (x) => x.gl.lost === 1, 'the loss is seen');
  await frames(page, 5);  // the loop keeps running without a context
  assert.equal((await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').isContextLost())), true);

  await page.evaluate(() => window.loseContext.restoreContext());
  s = await waitForState(page, (x) => x.gl.restored === 1, 'the restore is seen');
  await frames(page, 5);
  assert.deepEqual(await inkIn(page, rect, background), inkBefore, 'the same text is drawn at the same places');
  assert.notDeepEqual(await pixelAt(page, tx, ty), background, 'the text pixel is drawn again');
  assert.ok((await page.screenshot({ clip })).equals(before), 'the row looks exactly as before the loss');
  await screenshot(page, 'context-restored');

  // Input still works, and text never drawn before the loss (new glyphs) is drawn too.
  await clickWidget(page, `row:${id}`);
  s = await waitForState(page, (x) => x.article?.id === id, 'the article opened by a click');
  await frames(page, 3);
  const back = await page.evaluate(() => window.newsroom.locate('back'));
  assert.ok((await inkIn(page, back, background)).length >= 10, 'the article page is drawn');
  assert.equal(s.glyphs_missing, 0);
  assert.deepEqual(s.gl, { lost: 1, restored: 1 });
  assert.deepEqual(page.errors, []);
});

test('the context can be lost and restored again and again', async () => {
  const page = await newPage(env);
  await open(page, env, '?poll=0');
  await page.evaluate(() => {
    window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
  });
  for (let round = 1; round <= 3; ++round) {
    await page.evaluate(() => window.loseContext.loseContext());
    await waitForState(page, (x) => x.gl.lost === round, `loss ${round}`);
    await page.evaluate(() => window.loseContext.restoreContext());
    await waitForState(page, (x) => x.gl.restored === round, `restore ${round}`);
    await frames(page, 2);
  }
  await clickWidget(page, 'page:2');
  await waitForState(page, (x) => x.page === 2 && x.results.ids.length > 0, 'page 2 by a click');
  assert.deepEqual(page.errors, []);
});

test('image previews are asked for again after a restore and drawn', async () => {
  const page = await newPage(env);
  await open(page, env, '?poll=0#/article/1719');
  const shown = (x) => x.article?.previews.length === 2 && x.article.previews.every((p) => p.status === 'shown');
  await waitForState(page, shown, 'both photos shown');
  const rect = await page.evaluate(() => window.newsroom.locate('preview:0'));
  const background = await pixelAt(page, 1270, 300);
  const middle = [Math.round(rect.x + rect.w / 2), Math.round(rect.y + rect.h * 0.1)];
  const photo = await pixelAt(page, ...middle);
  assert.notDeepEqual(photo, background);

  await page.evaluate(() => {
    window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.loseContext.loseContext();
  });
  await waitForState(page, (x) => x.gl.lost === 1, 'the loss');
  await page.evaluate(() => window.loseContext.restoreContext());
  const s = await waitForState(page, (x) => x.gl.restored === 1 && shown(x) && x.image_textures === 2, 'the photos again');
  await frames(page, 3);
  assert.deepEqual(await pixelAt(page, ...middle), photo, 'the photo is drawn again');
  assert.equal(s.image_textures, 2, 'no texture of the lost context is counted');
  assert.deepEqual(page.errors, []);
});
