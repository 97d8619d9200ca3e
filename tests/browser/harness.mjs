// Shared set-up for the browser tests: the built site served locally (scripts/serve.mjs),
// Debian's Chromium driven by playwright-core, and helpers that talk to window.newsroom.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.NEWSROOM_SITE || path.join(root, 'build/web/site');
export const screenshotDir = process.env.NEWSROOM_SCREENSHOTS || path.join(root, 'build/browser-screenshots');

// The flags that make headless Chromium render WebGL2 in software and stay off the network.
export const chromiumArgs = [
  '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic',
];

// Playwright gives every launch a fresh temporary profile (the --user-data-dir of a
// manual run) and removes it on close. `data` serves /data/ from another folder (a temp
// dir whose files a test replaces while the page runs); `env.stopServer()` takes the
// network away (connections refused) and `env.startServer()` brings it back on the same port.
// The server makes the page cross-origin isolated (the threaded build) unless `isolation` is false.
export async function launch({ data = path.join(root, 'data'), isolation = true } = {}) {
  let server = await startServer({ port: 0, host: '127.0.0.1', site: siteDir, data, isolation });
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
  mkdirSync(screenshotDir, { recursive: true });
  const stop = () => new Promise((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections?.();
    server.close(() => resolve());
    server = null;
  });
  return {
    base: `http://127.0.0.1:${port}/`,
    browser,
    stopServer: stop,
    async startServer() {
      if (!server) server = await startServer({ port, host: '127.0.0.1', site: siteDir, data, isolation });
    },
    async close() {
      await browser.close();
      await stop();
    },
  };
}

// As launch(), with /data/ served from a temporary copy of the sample data that a test
// may replace while the page runs (`env.dataDir`); close() removes it.
export async function launchWithDataCopy(prefix) {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const file of ['manifest.json', 'articles.json']) cpSync(path.join(root, 'data', file), path.join(dataDir, file));
  const env = await launch({ data: dataDir });
  const close = env.close;
  return Object.assign(env, {
    dataDir,
    async close() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

// A page in its own context (viewport, devicePixelRatio, touch), with its errors collected:
// `page.errors` must stay empty in a healthy run. The service worker (sw.js) is blocked
// unless a test asks for it (`serviceWorkers: 'allow'`): requests it makes would bypass
// page.route().
// The single-file build of the built site with the sample data (scripts/build_single.mjs),
// in a temporary folder: its file:// address, and remove() to delete the folder.
export function buildSingleFile(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const out = path.join(dir, 'newsroom-offline.html');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/build_single.mjs'), '--site', siteDir,
      '--data', path.join(root, 'data/articles.json'), '--out', out]);
  } catch (error) {
    remove();
    throw error;
  }
  return { url: pathToFileURL(out).href, remove };
}

export async function newPage(env, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1,
                                     serviceWorkers = 'block', ...rest } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor, serviceWorkers, ...rest });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

export async function open(page, env, suffix = '') {
  await page.goto(env.base + suffix);
  await page.evaluate(() => window.newsroom.ready);
  return state(page);
}

export const state = (page) => page.evaluate(() => window.newsroom.state());

// Polls state() until `predicate` holds (the app answers within a few frames).
export async function waitForState(page, predicate, what = 'the expected state', timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await state(page);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(30);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last).slice(0, 800)}`);
}

// Waits for a named widget to be drawn, then clicks the middle of it like a visitor.
export async function clickWidget(page, name) {
  const deadline = Date.now() + 10000;
  let rect = null;
  while (Date.now() < deadline) {
    rect = await page.evaluate((n) => window.newsroom.locate(n), name);
    if (rect) break;
    await page.waitForTimeout(30);
  }
  if (!rect) throw new Error(`widget "${name}" was not drawn`);
  await page.mouse.move(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await page.waitForTimeout(50);  // a frame to hover, as a person would
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
  return rect;
}

// One screen pixel [r, g, b] (CSS pixels), from a 1×1 screenshot: a WebGL canvas cannot
// be read back with drawImage. PNG: IDAT chunks, inflated, a filter byte, then RGB(A).
export async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Array.from(inflateSync(Buffer.concat(chunks)).subarray(1, 4));
}

// The pixels of a screen rectangle (CSS pixels, deviceScaleFactor 1): { width, height,
// at(x, y) -> [r, g, b] }. The PNG's rows are unfiltered here (None, Sub, Up, Average, Paeth).
export async function pixelsIn(page, clip) {
  const png = await page.screenshot({ clip });
  const chunks = [];
  let width = 0, height = 0, channels = 3;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IHDR') {
      width = png.readUInt32BE(at + 8);
      height = png.readUInt32BE(at + 12);
      channels = png[at + 17] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  return { width, height, at: (x, y) => Array.from(out.subarray((y * width + x) * channels, (y * width + x) * channels + 3)) };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
