// The browser benchmark (issue 8): the built site served locally with gzip (scripts/serve.mjs),
// opened cold (a fresh browser context per run: no HTTP cache) in Debian's headless Chromium
// (playwright-core, the browser tests' flags), for the sample data and synthetic exports.
//
//   node scripts/bench_browser.mjs [--sizes sample,10k,100k] [--runs N] [--build threads|simd|plain] [--out FILE]
//   cmake --build --preset web --target bench-browser          (the same, defaults)
//
// Per size it prints navigation → first frame and → ready (median of runs), bytes per
// resource, index.wasm raw and gzipped, JS heap + wasm memory after load and at its peak
// during the load, CPU time of the frames while scrolling the list and while typing a query
// (window.newsroom.frameTimes(), docs/testing.md), and, in the same page and run, a plain
// JavaScript reference on the same export: TextDecoder + JSON.parse for the import,
// articles.filter(title/body includes) for the search, with the ratios app / JS.
// Figures go to the terminal and to build/bench/browser.json (the text and the goals by
// scripts/bench_report.mjs, which prints a saved result again). Not a test: it always exits
// 0 when it could measure, whatever the figures.
//
// Synthetic exports: build/native/src/tools/newsroom-gen --count N --seed 1, cached in
// build/bench/ (the tool is built first when missing), each with a precompressed FILE.gz.
// The sample is the page's default load (`/`, data/ served live as scripts/serve.sh does);
// the others `?data=data/<file>`, each also with its published board image beside it
// (newsroom-check --image, written once), opened on a first visit in a fresh context
// (`&image=data/<file>.board`: issue 17).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { chromiumArgs } from '../tests/browser/harness.mjs';
import { report } from './bench_report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const siteDir = process.env.NEWSROOM_SITE || path.join(root, 'build/web/site');
const benchDir = path.join(root, 'build/bench');
const genTool = path.join(root, 'build/native/src/tools/newsroom-gen');
const checkTool = path.join(root, 'build/native/src/tools/newsroom-check');

// --- command line -------------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node scripts/bench_browser.mjs [--sizes sample,10k,100k] [--runs N] [--build threads|simd|plain] [--out FILE]');
  process.exit(0);
}
const sizes = option('sizes', 'sample,10k,100k').split(',').map((s) => s.trim()).filter(Boolean);
const runs = Math.max(1, Number(option('runs', 3)) || 3);
// threads: what Chromium picks on the isolated page scripts/serve.mjs serves (index-threads);
// simd: ?build=simd (index-simd.wasm, the single-threaded SIMD build); plain: ?build=plain.
const build = ['simd', 'plain'].includes(option('build', 'threads')) ? option('build', 'threads') : 'threads';
const outFile = path.resolve(option('out', path.join(benchDir, 'browser.json')));
const QUERIES = ['협력', '국제', '전북'];
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

// --- figures --------------------------------------------------------------------------------
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const percentile = (values, p) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] : null;
};
const spread = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : null });

// --- data -------------------------------------------------------------------------------------
// A size: a count (10000, 10k), and -he for high-entropy text (newsroom-gen --text high-entropy).
function sizeCount(label) {
  const m = /^(\d+)(k?)(-he)?$/i.exec(label);
  if (!m) throw new Error(`unknown size "${label}" (sample, 10k, 100k, 100k-he, or a count)`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
}
const highEntropy = (label) => /-he$/i.test(label);

// A synthetic export and its FILE.gz beside it: deployed as a static host serves large
// files (precompressed once, sent with their Content-Length; scripts/serve.mjs).
async function syntheticExport(label) {
  const file = path.join(benchDir, `synthetic-${label}.json`);
  if (!existsSync(file)) generate(label, file);
  const gz = `${file}.gz`;
  if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(file).mtimeMs) {
    log(`compressing ${path.relative(root, file)} (gzip -6, once)`);
    await pipeline(createReadStream(file), createGzip({ level: 6 }), createWriteStream(gz));
  }
  return file;
}

function nativeTool(tool) {
  if (!existsSync(tool)) {
    log(`building ${path.basename(tool)} (native preset)`);
    const env = { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' };
    execFileSync('cmake', ['--preset', 'native'], { cwd: root, stdio: 'inherit', env });
    execFileSync('cmake', ['--build', '--preset', 'native', '--target', path.basename(tool), '-j2'], { cwd: root, stdio: 'inherit', env });
  }
  return tool;
}

// The board image a data team would publish beside the export (newsroom-check --image), once.
function publishedImage(file) {
  const image = file.replace(/\.json$/, '.board');
  if (!existsSync(image) || statSync(image).mtimeMs < statSync(file).mtimeMs) {
    log(`writing ${path.relative(root, image)} (newsroom-check --image, once)`);
    execFileSync(nativeTool(checkTool), [file, '--image', image], { stdio: 'ignore' });
  }
  return image;
}

function generate(label, file) {
  nativeTool(genTool);
  log(`generating ${path.relative(root, file)}`);
  const text = highEntropy(label) ? ['--text', 'high-entropy'] : [];
  execFileSync(genTool, ['--count', String(sizeCount(label)), '--seed', '1', ...text, '--out', file], { stdio: 'inherit' });
}

// The renderer processes and their peak resident memory (VmHWM), from /proc (Linux).
async function rendererPids(cdp) {
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } catch {
    return [];
  }
}
// CPU time (user + system, ms, 10 ms ticks) of a renderer's main thread (its first thread), so
// that figures can be read beside wall-clock times when the machine is shared.
const TICK_MS = 10;
function mainThreadCpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;  // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}
function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// --- one cold run -------------------------------------------------------------------------------
async function coldRun(browser, browserCdp, target) {
  const before = new Set(await rendererPids(browserCdp));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Long tasks of the main thread (≥ 50 ms), observed from before the page's own scripts.
  await page.addInitScript(() => {
    window.__benchLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* not supported */ }
  });
  const cdp = await context.newCDPSession(page);
  const url = target.base + target.path;
  await page.goto(url, { waitUntil: 'commit' });
  const newPids = async () => (await rendererPids(browserCdp)).filter((pid) => !before.has(pid));

  // Memory every ~50 ms until ready. A sample waits while the page's main thread is busy (the
  // import runs in one piece), so wasm memory, which never shrinks, carries the import's peak.
  const samples = [];
  const deadline = Date.now() + 15 * 60 * 1000;
  let ready = false;
  while (!ready) {
    if (Date.now() > deadline) throw new Error(`${target.label}: not ready after 15 minutes`);
    try {
      const [heap, probe] = await Promise.all([
        cdp.send('Runtime.getHeapUsage'),
        cdp.send('Runtime.evaluate', {
          expression: `({ wasm: (window.Module && Module.HEAPU8) ? (Module.wasmMemory || { buffer: Module.HEAPU8.buffer }).buffer.byteLength : 0,
                          ready: performance.getEntriesByName('newsroom:ready').length > 0 })`,
          returnByValue: true,
        }),
      ]);
      const { wasm, ready: isReady } = probe.result.value || {};
      samples.push({ t: Date.now(), jsHeap: heap.usedSize, buffers: heap.backingStorageSize ?? null, wasm: wasm || 0 });
      ready = Boolean(isReady);
    } catch { /* the document is still being replaced */ }
    if (!ready) await sleep(50);
  }
  // The page's renderer among the new ones (a spare one may have started too): the one whose
  // main thread runs a 300 ms busy loop in the page.
  const cpuAtReady = new Map((await newPids()).map((p) => [p, mainThreadCpu(p)]));
  await page.evaluate(() => { const end = performance.now() + 300; while (performance.now() < end); });
  const pid = [...cpuAtReady.keys()].map((p) => [p, (mainThreadCpu(p) ?? 0) - (cpuAtReady.get(p) ?? 0)])
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  const cpuToReady = pid ? cpuAtReady.get(pid) : null;
  await sleep(300);  // the frames right after ready, then the after-load figures
  const heap = await cdp.send('Runtime.getHeapUsage');
  const load = await page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    const entry = (e) => ({ name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
      start: e.startTime, responseEnd: e.responseEnd });
    return {
      firstFrame: mark('newsroom:first-frame'), ready: mark('newsroom:ready'),
      document: { ...entry(nav), name: 'document' },
      resources: performance.getEntriesByType('resource').map(entry),
      wasm: (Module.wasmMemory || { buffer: Module.HEAPU8.buffer }).buffer.byteLength,  // a worker may have grown it
      loadFrames: window.newsroom.frameTimes(),
      longTasks: window.__benchLongTasks || [],
      state: window.newsroom.state().data,
      dataSource: window.newsroom.state().data.source,
    };
  });
  // A large board is listed at ready while its search index is still being built (in
  // slices, between frames): wait for it (memory sampled on the way), so that the scroll
  // and typing figures below are the steady state's.
  for (;;) {
    const probe = await page.evaluate(() => ({ phase: window.newsroom.state().load.phase, now: performance.now(),
                                               wasm: (Module.wasmMemory || { buffer: Module.HEAPU8.buffer }).buffer.byteLength }));
    if (probe.phase === 'none') {
      load.searchReady = probe.now;
      load.indexFrames = await page.evaluate(() => window.newsroom.frameTimes());  // from ready on
      break;
    }
    const used = await cdp.send('Runtime.getHeapUsage');
    samples.push({ jsHeap: used.usedSize, buffers: used.backingStorageSize ?? null, wasm: probe.wasm });
    await sleep(100);
  }
  const rss = (await newPids()).map(peakRss).filter((x) => x != null);
  const dataEntry = load.resources.find((r) => new URL(r.name).pathname.endsWith('/' + load.dataSource.replace(/^.*\//, '')));
  const afterLoad = { jsHeap: heap.usedSize, buffers: heap.backingStorageSize ?? null, wasm: load.wasm };
  const total = (s) => s.jsHeap + s.wasm;
  const everything = (s) => s.jsHeap + s.wasm + (s.buffers ?? 0);
  const peak = samples.concat([afterLoad]).reduce((best, s) => (total(s) > total(best) ? s : best));
  const peakAll = samples.concat([afterLoad]).reduce((best, s) => (everything(s) > everything(best) ? s : best));

  // Scrolling: the wheel over the middle of the canvas, 50 rows a page, down then up (~3 s).
  await page.evaluate(() => { location.hash = '#/?per=50'; });
  await page.waitForFunction(() => window.newsroom.state().filters.per_page === 50 &&
    window.newsroom.state().results.ids.length > 0);
  await page.mouse.move(640, 500);
  await sleep(200);
  await page.evaluate(() => window.newsroom.frameTimes());
  for (let i = 0; i < 60; ++i) {
    await page.mouse.wheel(0, i < 30 ? 120 : -120);
    await sleep(50);
  }
  await sleep(100);
  const scrollFrames = await page.evaluate(() => window.newsroom.frameTimes());

  // Typing: each query character by character into the search input, with pauses, as a person.
  const box = await page.evaluate(() => window.newsroom.locate('search'));
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  await sleep(50);
  await page.mouse.down();
  await sleep(50);
  await page.mouse.up();
  await sleep(200);
  await page.evaluate(() => { window.newsroom.frameTimes(); window.newsroom.searchTimes(); });
  const typedFrames = [];
  const typedSearches = [];  // every search call while typing: prefixes, the words, the clears
  const searches = [];
  for (const query of QUERIES) {
    const chars = [...query];
    for (let i = 0; i < chars.length; ++i) {
      if (i === chars.length - 1) {
        const drained = await page.evaluate(() => ({ searches: window.newsroom.searchTimes(), frames: window.newsroom.frameTimes() }));
        typedFrames.push(...drained.frames);
        typedSearches.push(...drained.searches);
      }
      await page.keyboard.type(chars[i]);
      await sleep(250);
    }
    const applied = await page.evaluate(() => ({ times: window.newsroom.searchTimes(), state: window.newsroom.state() }));
    typedSearches.push(...applied.times);
    searches.push({ q: query, ms: applied.times.length ? Math.max(...applied.times) : null, total: applied.state.results.total,
      query: applied.state.query });
    await page.keyboard.press('Escape');  // clears the input (a search for everything)
    await sleep(250);
  }
  const rest = await page.evaluate(() => ({ searches: window.newsroom.searchTimes(), frames: window.newsroom.frameTimes() }));
  typedFrames.push(...rest.frames);
  typedSearches.push(...rest.searches);

  // The plain-JavaScript reference, in the same page: the same bytes fetched again, decoded,
  // parsed, then filtered for the same words; the page idle meanwhile (the search box left,
  // so nothing is drawn: the page's frames do not slow the reference down).
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await sleep(1500);
  const fetched = await page.evaluate(async (dataUrl) => {
    const t0 = performance.now();
    const response = await fetch(dataUrl, { cache: 'no-store' });
    window.__benchBuffer = await response.arrayBuffer();
    return performance.now() - t0;
  }, new URL(load.dataSource, url).href);
  // Each step in its own evaluate, so that the main thread's CPU time can be read around it.
  const cpuAround = async (fn, arg) => {
    const before = pid ? mainThreadCpu(pid) : null;
    const value = await page.evaluate(fn, arg);
    return { value, cpu: pid && before != null ? mainThreadCpu(pid) - before : null };
  };
  const decoded = await cpuAround(() => {
    const t = performance.now();
    window.__benchText = new TextDecoder().decode(window.__benchBuffer);
    delete window.__benchBuffer;
    return performance.now() - t;
  });
  const parsed = await cpuAround(() => {
    const t = performance.now();
    const data = JSON.parse(window.__benchText);
    delete window.__benchText;
    window.__benchArticles = Array.isArray(data) ? data : data.articles;
    return performance.now() - t;
  });
  const filtered = await cpuAround((queries) => queries.map((q) => {
    const s = performance.now();
    const count = window.__benchArticles.filter((a) => a.title.includes(q) || a.body.includes(q)).length;
    return { q, ms: performance.now() - s, count };
  }), QUERIES);
  const js = { fetch: fetched, decode: decoded.value, parse: parsed.value, search: filtered.value,
    cpuDecode: decoded.cpu, cpuParse: parsed.cpu, cpuFilters: filtered.cpu };
  await page.evaluate(() => { delete window.__benchArticles; });

  // The second visit (issue 17): the board stored as an image after the first, the same
  // page opened again in the same browser profile: navigation → ready, whether search was
  // complete at ready, and the wasm memory then (the image and the board).
  const second = await secondVisit(page, url, cdp);
  await context.close();
  await sleep(1000);  // the closed page's renderer gives its memory back first, as before a visit
  const published = target.image ? await publishedVisit(browser, url + `&image=data/${target.image}`) : null;

  if (errors.length) log(`${target.label}: page errors: ${errors.join(' | ')}`);
  return {
    firstFrame: load.firstFrame, ready: load.ready, searchReady: load.searchReady, cpuToReady, dataResponseEnd: dataEntry?.responseEnd ?? null,
    appImport: dataEntry ? load.ready - dataEntry.responseEnd : null,
    articles: load.state.articles, document: load.document, resources: load.resources,
    memory: { afterLoad, peak, peakAll, samples: samples.length, rendererPeakRss: rss.length ? Math.max(...rss) : null },
    loadFrames: load.loadFrames, indexFrames: load.indexFrames || [], longTasks: load.longTasks, scrollFrames, typedFrames, typedSearches, searches, js, errors,
    second, published,
  };
}

async function secondVisit(page, url, cdp) {
  const deadline = Date.now() + 120000;
  let first;
  await page.evaluate(() => window.newsroom.frameTimes());  // from here: the turns that write the image
  for (;;) {
    first = await page.evaluate(() => window.newsroom.state().data);
    if (first.image_saved || first.image.error || Date.now() > deadline) break;
    await sleep(200);
  }
  if (!first.image_saved) return { error: first.image.error || 'the image was not stored in 2 minutes' };
  const writeFrames = await page.evaluate(() => window.newsroom.frameTimes());
  // The reference above left about a gigabyte of parsed JSON for the collector: a visitor's
  // reload does not start with it, so it is collected before the page is opened again (else
  // the second visit pays for the reference's garbage: 1.7 s against 1.05 s, stop 27).
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(500);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('newsroom:ready').length > 0, null, { timeout: 120000, polling: 20 });
  return page.evaluate(() => {
    const s = window.newsroom.state();
    return { ready: performance.getEntriesByName('newsroom:ready')[0].startTime, fromImage: s.data.from_image,
             searchAtReady: s.load.index_progress === 1, imageBytes: s.data.image.bytes, articles: s.data.articles,
             wasm: (Module.wasmMemory || { buffer: Module.HEAPU8.buffer }).buffer.byteLength,
             refused: s.data.image.refused };
  }).then((second) => ({ ...second, writeFrames }));
}

// A first visit with the image the data team published beside the export, in a context of
// its own (nothing saved): navigation → ready, whether the board came from the image and
// search was complete at ready, and the page's memory then.
async function publishedVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('newsroom:ready').length > 0, null, { timeout: 120000, polling: 20 });
    return await page.evaluate(() => {
      const s = window.newsroom.state();
      return { ready: performance.getEntriesByName('newsroom:ready')[0].startTime, fromImage: s.data.from_image,
               searchAtReady: s.load.index_progress === 1, refused: s.data.image.refused,
               wasm: (Module.wasmMemory || { buffer: Module.HEAPU8.buffer }).buffer.byteLength,
               jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null };
    });
  } catch (error) {
    return { error: String(error.message || error) };
  } finally {
    await context.close();
  }
}

// --- a size: its server, its runs, its summary ----------------------------------------------
async function benchSize(browser, browserCdp, label) {
  const sample = label === 'sample';
  const file = sample ? path.join(root, 'data/articles.json') : await syntheticExport(label);
  const server = await startServer({ port: 0, host: '127.0.0.1', site: siteDir, data: path.dirname(file) });
  const target = {
    label, base: `http://127.0.0.1:${server.address().port}/`,
    path: (sample ? '' : `?data=data/${path.basename(file)}`) + (build !== 'threads' ? `${sample ? '?' : '&'}build=${build}` : ''),
    image: sample ? null : path.basename(publishedImage(file)),
  };
  const exportBytes = statSync(file).size;
  const results = [];
  try {
    for (let i = 0; i < runs; ++i) {
      log(`${label}: run ${i + 1}/${runs}`);
      results.push(await coldRun(browser, browserCdp, target));
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const pick = (f) => median(results.map(f));
  const total = (s) => s.jsHeap + s.wasm;
  const all = (f) => results.flatMap(f);
  const summary = {
    label, file: path.relative(root, file), exportBytes, articles: results[0].articles, runs,
    firstFrame: pick((r) => r.firstFrame), ready: pick((r) => r.ready), searchReady: pick((r) => r.searchReady), cpuToReady: pick((r) => r.cpuToReady),
    dataResponseEnd: pick((r) => r.dataResponseEnd), appImport: pick((r) => r.appImport),
    js: { fetch: pick((r) => r.js.fetch), decode: pick((r) => r.js.decode), parse: pick((r) => r.js.parse),
      cpuDecode: pick((r) => r.js.cpuDecode), cpuParse: pick((r) => r.js.cpuParse), cpuFilters: pick((r) => r.js.cpuFilters) },
    memory: {
      afterLoad: pick((r) => total(r.memory.afterLoad)), afterLoadJsHeap: pick((r) => r.memory.afterLoad.jsHeap),
      afterLoadWasm: pick((r) => r.memory.afterLoad.wasm), afterLoadBuffers: pick((r) => r.memory.afterLoad.buffers),
      peak: Math.max(...results.map((r) => total(r.memory.peak))),
      peakAll: Math.max(...results.map((r) => r.memory.peakAll.jsHeap + r.memory.peakAll.wasm + (r.memory.peakAll.buffers ?? 0))),
      rendererPeakRss: Math.max(...results.map((r) => r.memory.rendererPeakRss ?? 0)) || null,
    },
    loadFrames: { ...spread(all((r) => r.loadFrames)), over100: median(results.map((r) => r.loadFrames.filter((t) => t > 100).length)) },
    indexFrames: spread(all((r) => r.indexFrames)),
    longTasks: { over100: median(results.map((r) => r.longTasks.filter((t) => t > 100).length)), max: Math.max(0, ...all((r) => r.longTasks)) },
    scroll: spread(all((r) => r.scrollFrames)),
    typing: spread(all((r) => r.typedFrames)),
    typingSearches: spread(all((r) => r.typedSearches)),
    searches: QUERIES.map((q, i) => ({
      q, app: median(results.map((r) => r.searches[i].ms)), js: median(results.map((r) => r.js.search[i].ms)),
      appCount: results[0].searches[i].total, jsCount: results[0].js.search[i].count,
    })),
    document: results[0].document,
    resources: results[0].resources.map((res) => ({ ...res, name: new URL(res.name).pathname })),
  };
  summary.memory.peakRatio = summary.memory.peak / exportBytes;
  summary.memory.peakAllRatio = summary.memory.peakAll / exportBytes;
  summary.memory.afterLoadRatio = summary.memory.afterLoad / exportBytes;
  summary.importRatio = summary.appImport / summary.js.parse;
  summary.importRatioDecodeParse = summary.appImport / (summary.js.decode + summary.js.parse);
  summary.readyRatio = summary.ready / summary.js.parse;
  summary.readyRatioPipeline = summary.ready / (summary.js.fetch + summary.js.decode + summary.js.parse);
  summary.cpuReadyRatio = summary.cpuToReady / summary.js.cpuParse;
  for (const s of summary.searches) s.ratio = s.app / s.js;
  const seconds = results.map((r) => r.second).filter((x) => x && !x.error);
  summary.second = seconds.length ? {
    ready: median(seconds.map((x) => x.ready)), fromImage: seconds.every((x) => x.fromImage),
    searchAtReady: seconds.every((x) => x.searchAtReady), imageBytes: seconds[0].imageBytes,
    wasm: Math.max(...seconds.map((x) => x.wasm)), writeFrames: spread(seconds.flatMap((x) => x.writeFrames)),
  } : { error: results.map((r) => r.second?.error || r.second?.refused).find(Boolean) || 'not measured' };
  if (summary.second.ready != null) {
    summary.second.readyRatioPipeline = summary.second.ready / (summary.js.fetch + summary.js.decode + summary.js.parse);
  }
  const publishedVisits = results.map((r) => r.published).filter((x) => x && !x.error);
  summary.published = publishedVisits.length ? {
    ready: median(publishedVisits.map((x) => x.ready)), fromImage: publishedVisits.every((x) => x.fromImage),
    searchAtReady: publishedVisits.every((x) => x.searchAtReady), wasm: Math.max(...publishedVisits.map((x) => x.wasm)),
    jsHeap: Math.max(...publishedVisits.map((x) => x.jsHeap ?? 0)) || null,
    readyRatioPipeline: median(publishedVisits.map((x) => x.ready)) / (summary.js.fetch + summary.js.decode + summary.js.parse),
  } : { error: results.map((r) => r.published?.error || r.published?.refused).find(Boolean) || 'not measured' };
  return { summary, runs: results.map((r) => ({ ...r, memory: { ...r.memory } })) };
}

// --- main -------------------------------------------------------------------------------------
if (!existsSync(path.join(siteDir, 'index.wasm'))) {
  console.error(`bench_browser: ${path.relative(root, siteDir)}/index.wasm is missing: cmake --preset web && cmake --build --preset web -j2`);
  process.exit(2);
}
mkdirSync(benchDir, { recursive: true });
const wasmBytes = readFileSync(path.join(siteDir, 'index.wasm'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs, headless: true });
try {
  const browserCdp = await browser.newBrowserCDPSession();
  const result = {
    date: new Date().toISOString(), browserVersion: browser.version(), build, runs, cpus: cpus().length, loadAverage: loadavg(),
    wasm: { raw: wasmBytes.length, gzip9: gzipSync(wasmBytes, { level: 9 }).length, gzip6: gzipSync(wasmBytes, { level: 6 }).length },
    sizes: [],
  };
  for (const label of sizes) result.sizes.push(await benchSize(browser, browserCdp, label));
  result.loadAverageAfter = loadavg();
  const text = report(result);
  console.log(text);
  writeFileSync(outFile, JSON.stringify({ ...result, report: text }, null, 1));
  log(`figures written to ${path.relative(root, outFile)}`);
} finally {
  await browser.close();
}
