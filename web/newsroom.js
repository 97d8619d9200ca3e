// The page side of the viewer: starts every download at once, hands bytes to the wasm
// module, keeps the URL hash and history in step with the app, and exposes
// window.newsroom, the boundary that tests and embedding pages use (docs/testing.md).
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  // The page's own strings; the canvas's are in src/ui/strings.cpp. ?lang=en for English.
  const english = params.get('lang') === 'en';
  const STRINGS = {
    ko: { search: '뉴스룸 검색', copied: '링크를 복사했습니다', copyFailed: '링크를 복사하지 못했습니다',
          popupBlocked: '팝업이 막혀 인쇄 창을 열지 못했습니다', author: '작성자', date: '등록일', views: '조회',
          source: '출처', file: '첨부파일', address: '주소', toList: '목록으로', section: '홍보마당',
          results: (q, n, p, ps) => `'${q}' 검색 결과 ${n}건, ${p}/${ps} 페이지`,
          all: (n, p, ps) => `전체 ${n}건, ${p}/${ps} 페이지`, starting: '뉴스룸을 시작하지 못했습니다.',
          noWebgl: '이 브라우저는 WebGL2 또는 WebAssembly를 지원하지 않습니다.', offline: '네트워크에 연결할 수 없습니다' },
    en: { search: 'Search the newsroom', copied: 'Link copied', copyFailed: 'The link could not be copied',
          popupBlocked: 'A pop-up blocker stopped the print window', author: 'By', date: 'Date', views: 'Views',
          source: 'Source', file: 'File', address: 'Address', toList: 'Back to the list', section: 'News',
          results: (q, n, p, ps) => `${n} results for '${q}', page ${p} of ${ps}`,
          all: (n, p, ps) => `${n} articles, page ${p} of ${ps}`, starting: 'The newsroom could not start.',
          noWebgl: 'This browser supports neither WebGL2 nor WebAssembly.', offline: 'no network' },
  };
  const T = english ? STRINGS.en : STRINGS.ko;
  // ?mode=kiosk (options in README "Kiosk and embedding"; parsed and checked by the wasm
  // side, newsroom_set_options). A kiosk never navigates away: links become QR codes.
  const kiosk = params.get('mode') === 'kiosk';
  const KIOSK_OPTIONS = ['mode', 'rotate', 'idle', 'scale', 'playlist', 'count', 'stale'];
  if (english) document.documentElement.lang = 'en';
  // ?data=URL names an export or a manifest; by default data/manifest.json when the data
  // team has written one, else data/articles.json.
  const dataUrl = params.get('data');
  const defaultManifest = 'data/manifest.json';
  const defaultExport = 'data/articles.json';
  const fontUrl = 'fonts/NanumGothic.ttf';
  const canvas = document.getElementById('canvas');
  const boot = document.getElementById('boot');

  // --- the single-file build ---------------------------------------------------------
  // scripts/build_single.mjs embeds the wasm, the font and one export as base64 in
  // <script type="application/octet-stream" id="newsroom-embedded-…"> elements, so that the
  // page opens from a USB stick (file://) with no server: they are used instead of fetch.
  function embedded(name) {
    const element = document.getElementById(`newsroom-embedded-${name}`);
    if (!element) return null;
    const text = atob(element.textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    const file = element.dataset.name || name;
    element.remove();
    return { bytes, file };
  }
  const embeddedWasm = embedded('wasm');
  const embeddedFont = embedded('font');
  const embeddedData = embedded('data');
  const single = Boolean(embeddedWasm);

  // --- downloads, started before the runtime is up -------------------------------
  // The wasm module compiles while it streams in, in parallel with the font and the
  // export (Module.instantiateWasm below); the single-file build carries its own.
  const wasmResponse = embeddedWasm ? null : fetch('index.wasm', { credentials: 'same-origin' });
  // Every data file fetched leaves its validators (ETag, Last-Modified, a digest of the
  // bytes) for the live polling below, and its bytes until the import they feed is settled
  // (then, when it was usable, they become the saved copy for offline use). A download of
  // more than 64 MB stays in the wasm heap only (memory first): its validators are the
  // server's alone and it has no saved copy.
  const absolute = (url) => new URL(url, location.href).href;
  const validators = new Map();  // absolute URL -> { etag, lastModified, digest }
  let fetched = new Map();       // absolute URL -> { bytes, type, savedAt } since the last settled import
  const kDigestUpTo = 32 << 20;  // larger files are told apart by their validators only
  function digest(bytes) {       // FNV-1a and the length: tells a changed file from the same one
    if (bytes.chunks || bytes.length > kDigestUpTo) return null;
    let hash = 0x811c9dc5;
    for (let i = 0; i < bytes.length; ++i) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    return `${bytes.length}:${(hash >>> 0).toString(16)}`;
  }
  // UTC seconds of the saved copy the service worker answered with, or 0 (the network's).
  const savedAtOf = (response) => Number(response.headers.get('x-newsroom-saved')) || 0;
  function remember(url, response, bytes) {
    const key = absolute(url);
    validators.set(key, { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'),
                          digest: digest(bytes) });
    if (bytes.chunks) fetched.delete(key);
    else fetched.set(key, { bytes, type: response.headers.get('content-type'), savedAt: savedAtOf(response) });
  }
  // `onProgress(done, total)`: the download is read in pieces, reported as they come (the
  // page shows a bar); once the runtime is up they go straight into one block of the wasm
  // heap, so a 230 MB export is held once, not twice. `signal` may abort it (its block is freed).
  // With `stream` (a gate, `{ open }`: open once this is known to be the export to show), a
  // large export is imported while it downloads (streamIn).
  // The largest export (kExportBytes in src/io/limits.h; tests/node checks they agree): a
  // larger download is refused before anything is allocated for it, in the importer's words.
  const kExportBytesAtMost = 512 << 20;
  const refusal = (bytes) => Object.assign(new Error(`the file is ${Math.floor(bytes / 1048576).toLocaleString('en-US')} MB, ` +
    `over the limit of ${kExportBytesAtMost >> 20} MB for an export: split it into several files listed by a manifest`),
    { refused: true });
  // How long a live check may take: a download that sends nothing for stallMs, or a check
  // (download and import) that takes longer than checkMs, is abandoned and the board stays.
  // Tests may set window.newsroomLimits before this script runs.
  const limits = { stallMs: 60000, checkMs: 600000, ...(window.newsroomLimits || {}) };
  async function fetchBytes(url, { data = true, onProgress = null, signal, stream = null } = {}) {
    const response = await fetch(url, { cache: 'no-cache', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bytes = await bodyOf(url, response, onProgress, stream);
    if (data) remember(url, response, bytes);
    return bytes;
  }
  // A response's bytes: in pieces when its progress is followed (or it may be streamed);
  // up to 64 MB as a Uint8Array of their own.
  async function bodyOf(url, response, onProgress, stream) {
    const bytes = onProgress && response.body ? await readInPieces(url, response, onProgress, stream)
                                              : new Uint8Array(await response.arrayBuffer());
    return bytes.chunks && bytes.length <= kKeptInJsUpTo ? asArray(bytes) : bytes;
  }
  const kKeptInJsUpTo = 64 << 20;
  // A download as one Uint8Array of its own (its heap block, if any, is freed); a streamed
  // one from the copy kept of its pieces.
  function asArray(bytes) {
    if (bytes.ptr) {
      intoHeap(bytes);
      const out = Module.HEAPU8.slice(bytes.ptr, bytes.ptr + bytes.length);
      Module._free(bytes.ptr);
      return out;
    }
    const pieces = bytes.streamed ? bytes.kept : bytes.chunks;
    const out = new Uint8Array(bytes.length);
    let at = 0;
    for (const chunk of pieces) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.streamed = bytes.streamed;
    return out;
  }
  async function readInPieces(url, response, onProgress, stream) {
    // A compressed response's Content-Length counts compressed bytes: the total is unknown,
    // and the block is first sized for JSON's usual ratio (gzip makes an export about 7
    // times smaller), then cut to the real length; growing it later would move it, and the
    // heap never gives memory back.
    const sent = Number(response.headers.get('content-length')) || 0;
    const total = response.headers.get('content-encoding') ? 0 : sent;
    if (total > kExportBytesAtMost) {
      response.body.cancel().catch(() => {});
      throw refusal(total);
    }
    const expected = Math.min(total || sent * 7, kExportBytesAtMost);
    const reader = response.body.getReader();
    const bytes = { chunks: [], length: 0, ptr: 0, capacity: 0, expected, streamed: false, kept: null };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes.chunks.push(value);
        bytes.length += value.length;
        if (bytes.length > kExportBytesAtMost) {
          reader.cancel().catch(() => {});
          throw refusal(bytes.length);
        }
        if (!bytes.streamed && stream && stream.open && started && bytes.length >= kStreamFrom) beginStream(url, bytes);
        if (bytes.streamed) {
          await streamIn(bytes);
          continue;
        }
        if (started) intoHeap(bytes);
        onProgress(bytes.length, total);
      }
    } catch (error) {
      if (bytes.ptr) Module._free(bytes.ptr);
      if (bytes.streamed) command({ stream_abort: true });  // the board on screen stays
      throw error;
    }
    if (bytes.streamed) return bytes.kept ? asArray(bytes) : { streamed: true, chunks: [], length: bytes.length };
    if (bytes.ptr && bytes.capacity > bytes.length + (1 << 20)) {  // give the rest back (in place)
      intoHeap(bytes);
      bytes.ptr = Module._realloc(bytes.ptr, Math.max(1, bytes.length));
      bytes.capacity = bytes.length;
    }
    return bytes;
  }
  // A large export is imported while it downloads: each piece goes to the importer as it
  // comes (ImportJob::Streamed), so the import overlaps the download and the whole file is
  // never held. The download pauses while the import has more than kUnreadAtMost unread
  // (the network holds the rest). A download of up to 64 MB also keeps its pieces in JS, for
  // the live digest and the saved copy.
  const kStreamFrom = 4 << 20;
  const kUnreadAtMost = 8 << 20;
  function beginStream(url, bytes) {
    withString(url, (src) => Module._newsroom_stream_begin(src, bytes.expected));
    bytes.streamed = true;
    bytes.kept = bytes.length <= kKeptInJsUpTo ? [] : null;
    if (!bytes.ptr) return;
    intoHeap(bytes);  // what went into the heap block before: copied over, the block freed
    const at = Module._newsroom_stream_space(bytes.length);
    Module.HEAPU8.copyWithin(at, bytes.ptr, bytes.ptr + bytes.length);
    if (bytes.kept) bytes.kept.push(Module.HEAPU8.slice(at, at + bytes.length));
    Module._newsroom_stream_added(bytes.length);
    Module._free(bytes.ptr);
    Object.assign(bytes, { ptr: 0, capacity: 0 });
  }
  async function streamIn(bytes) {
    for (const chunk of bytes.chunks) {
      const at = Module._newsroom_stream_space(chunk.length);  // first: the heap may grow (a new HEAPU8)
      Module.HEAPU8.set(chunk, at);
      Module._newsroom_stream_added(chunk.length);
      if (bytes.kept) bytes.kept.push(chunk);
    }
    bytes.chunks = [];
    if (bytes.length > kKeptInJsUpTo) bytes.kept = null;
    // A few ms of import now, not only at the next frame; while too much is unread, the
    // download waits and the import goes on between frames.
    Module._newsroom_stream_work();
    while (Module._newsroom_stream_unread() > kUnreadAtMost) {
      await new Promise((resolve) => setTimeout(resolve, 4));
      Module._newsroom_stream_work();
    }
  }
  // Moves the pieces received so far into the block (`ptr`), growing it by half as needed.
  function intoHeap(bytes) {
    if (bytes.length > bytes.capacity) {
      const capacity = Math.max(bytes.length, bytes.expected || 0, Math.ceil(bytes.capacity * 1.5), 1 << 20);
      const grown = Module._realloc(bytes.ptr, capacity);
      if (!grown) throw new Error('out of memory for the export');
      bytes.ptr = grown;
      bytes.capacity = capacity;
    }
    let at = bytes.ptr + bytes.length;
    for (let i = bytes.chunks.length - 1; i >= 0; --i) at -= bytes.chunks[i].length;
    for (const chunk of bytes.chunks) {
      Module.HEAPU8.set(chunk, at);
      at += chunk.length;
    }
    bytes.chunks = [];
  }
  const downloadProgress = (done, total) => { if (started) command({ download_progress: { done, total } }); };
  const fontPromise = embeddedFont ? Promise.resolve(embeddedFont.bytes) : fetchBytes(fontUrl, { data: false }).catch((error) => {
    console.warn(`newsroom: font ${fontUrl} could not be loaded: ${error.message}`);
    return null;
  });
  const fetchResult = (url, signal, stream = null) =>
    fetchBytes(url, { onProgress: downloadProgress, signal, stream }).then((bytes) => ({ url, bytes }), (error) => ({ url, error }));
  // An export that is the one to show: imported while it downloads when it is large.
  const fetchExport = (url) => fetchResult(url, undefined, { open: true });
  // Without ?data=, the manifest and the single export are asked at once (one round trip,
  // not two); the export's download stops as soon as a manifest turns out to exist, and is
  // imported while it downloads once none does.
  function defaultData() {
    const stop = new AbortController();
    const gate = { open: false };
    const alone = fetchResult(defaultExport, stop.signal, gate);
    return fetchResult(defaultManifest).then((manifest) => {
      if (!manifest.bytes) {
        gate.open = true;
        return alone;
      }
      stop.abort();
      alone.then((result) => { if (result.bytes && result.bytes.ptr) Module._free(result.bytes.ptr); });
      fetched.delete(absolute(defaultExport));
      return manifest;
    });
  }
  const firstData = embeddedData
    ? Promise.resolve({ url: embeddedData.file, bytes: embeddedData.bytes })
    : dataUrl ? fetchExport(dataUrl) : defaultData();

  // Integers that cross to the wasm side, named as in src/platform/browser.h.
  const ImageStatus = Object.freeze({ shown: 1, failed: 2, refused: 3 });
  const TouchPhase = Object.freeze({ up: 0, down: 1, move: 2 });

  // --- helpers over the wasm heap ------------------------------------------------
  // Bytes (a Uint8Array, or a download) as a malloc'd block that the callee frees: a
  // download's own block is handed over.
  function copyIn(bytes) {
    if (bytes.chunks) {
      intoHeap(bytes);
      const ptr = bytes.ptr;
      Object.assign(bytes, { ptr: 0, capacity: 0 });  // handed over (the length stays for the caller)
      return ptr || Module._malloc(1);
    }
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  }
  // The two low-rate calls (src/platform/web_exports.cpp): a command as {name: argument},
  // and a query answered with JSON.
  const command = (call) => withString(JSON.stringify(call), (ptr) => Module._newsroom_command(ptr));
  const query = (ask) => JSON.parse(withString(JSON.stringify(ask), (ptr) => Module.UTF8ToString(Module._newsroom_query(ptr))));
  function withString(text, fn) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }

  let started = false;
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  const errorText = (error) => String((error && error.message) || error);
  function loadFailed(source, message) {
    const ended = loadEnded();
    command({ load_failed: { source, message } });
    return ended;
  }

  // The import of a large export goes on across frames; loadFinished() ends the wait.
  let loadWaiters = [];
  const loadEnded = () => new Promise((resolve) => loadWaiters.push(resolve));

  // Hands a fetched export to the importer; a manifest first has its files fetched (in
  // parallel, relative to the manifest) and imported together. Resolves once imported.
  async function deliver(result) {
    const source = result.url;
    if (!result.bytes) {
      const refused = result.error && result.error.refused;
      return loadFailed(source, refused ? errorText(result.error) : `the export could not be fetched: ${errorText(result.error)}`);
    }
    if (result.bytes.streamed) {  // read while it downloaded: its end is all that is left to say
      const ended = loadEnded();
      command({ stream_end: true });
      return ended;
    }
    const small = result.bytes.length <= (1 << 20);  // manifests are small; exports need not be asked
    const manifest = small
      ? JSON.parse(Module.UTF8ToString(Module._newsroom_manifest_files(copyIn(result.bytes), result.bytes.length)))
      : null;
    if (manifest === null) {
      const ended = loadEnded();
      withString(source, (src) => Module._newsroom_load_export(copyIn(result.bytes), result.bytes.length, src));
      return ended;
    }
    if (manifest.error) return loadFailed(source, `the manifest is broken: ${manifest.error}`);
    const base = new URL(source, location.href);
    const parts = await Promise.all(manifest.files.map((file) => fetchResult(new URL(file, base).href)
      .then((part) => ({ ...part, name: file }))));
    for (const part of parts) {
      withString(part.name, (name) => withString(part.bytes ? '' : errorText(part.error), (error) => {
        if (part.bytes) Module._newsroom_add_part(copyIn(part.bytes), part.bytes.length, name, error);
        else Module._newsroom_add_part(0, 0, name, error);
      }));
    }
    const ended = loadEnded();
    command({ finish_parts: source });
    return ended;
  }

  // --- live data: the export is checked for changes and swapped in between frames -----
  // ?poll=SECONDS (0: off); by default every 60 s in kiosk mode (?mode=kiosk), else 300 s.
  // Conditional requests (If-None-Match / If-Modified-Since): a 304 costs nothing. A
  // changed file goes through deliver() like the first load; AppState keeps the open article
  // (when its id is still there) and the list's query, and keeps the old board when the new
  // export cannot be used. The data status panel and state().data.live say what happened.
  const pollSeconds = (() => {
    if (single) return 0;  // nothing to poll in the single file
    const fallback = params.get('mode') === 'kiosk' ? 60 : 300;
    const asked = params.get('poll');
    if (asked === null || asked === '') return fallback;
    const seconds = Number(asked);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    console.warn(`newsroom: ?poll=${asked} is not a number of seconds; polling every ${fallback} s`);
    return fallback;
  })();
  let firstDelivery = null;  // the first load's deliverTracked()
  const live = { source: null, manifest: null, polls: 0, swaps: 0, boards: 0, lastChecked: 0, lastError: '', savedAt: 0,
                 refused: false };  // refused: the last import could not be used (the earlier board stays)
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const canSave = () => typeof caches !== 'undefined' && /^https?:$/.test(location.protocol) && !single;
  function reportLive() {
    if (!started) return;
    command({ live: { poll_seconds: Math.round(pollSeconds), polls: live.polls, swaps: live.swaps,
                      last_checked: live.lastChecked, last_error: live.lastError, saved_at: live.savedAt } });
  }
  // The files of a manifest (absolute URLs), or null when the bytes are not a manifest.
  function manifestFiles(url, bytes) {
    if (!bytes || bytes.length > (1 << 20)) return null;
    const answer = JSON.parse(Module.UTF8ToString(Module._newsroom_manifest_files(copyIn(bytes), bytes.length)));
    return answer && answer.files ? answer.files.map((file) => new URL(file, absolute(url)).href) : null;
  }
  // Stores the files of a usable import as the saved copy the service worker answers with
  // when the network is down (sw.js); a refused import never replaces it.
  let saving = Promise.resolve();
  async function saveGood(files) {
    if (!canSave()) return;
    try {
      const cache = await caches.open('newsroom-data');
      const savedAt = String(nowSeconds());
      await Promise.all([...files].map(([url, file]) => cache.put(url, new Response(file.bytes, {
        headers: { 'content-type': file.type || 'application/json', 'x-newsroom-saved': savedAt } }))));
    } catch (error) {
      console.warn(`newsroom: the data could not be saved for offline use: ${errorText(error)}`);
    }
  }
  // deliver() and what follows it: the live state, the saved copy, the next poll's source.
  // With a `watch` (a live check's), the import is abandoned when the check runs out of time.
  async function deliverTracked(result, watch = null) {
    let pending = true;  // until the wasm side says this load ended (loadFinished)
    const abandon = () => { if (pending) loadFailed(result.url, errorText(watch.signal.reason)); };
    if (watch) watch.signal.addEventListener('abort', abandon);
    try {
      await deliver(result);
    } finally {
      pending = false;
      if (watch) watch.signal.removeEventListener('abort', abandon);
    }
    const files = fetched;
    fetched = new Map();
    live.source = result.url;
    const data = window.newsroom.state().data;
    live.refused = !data.usable;
    if (data.usable) {
      live.manifest = manifestFiles(result.url, result.bytes) ? result.bytes : null;
      if (++live.boards > 1) ++live.swaps;
      const savedAt = Math.max(0, ...[...files.values()].map((file) => file.savedAt));
      live.savedAt = savedAt;
      live.lastError = '';
      reportLive();
      if (!savedAt) saving = saving.then(() => saveGood(files));  // in order, in the background
    } else {
      const first = data.problems[0];
      live.lastError = `${data.source}: ${first ? first.message : 'unusable'}`;
      reportLive();
    }
  }
  // One conditional request: { changed, bytes } (bytes when the file came back whole).
  // The export itself (`stream`, not a manifest's file) is imported while it downloads when
  // it is large, as on the first load: a swap then holds the old board and the new one,
  // never the file as well. A large file the digest finds unchanged drops that import.
  // A live check's clock (limits above): abort() goes to its downloads and its import.
  function watchdog() {
    const controller = new AbortController();
    const abandon = (why) => controller.abort(new Error(`abandoned: ${why}; the board on screen stays`));
    let stall = 0;
    const kick = () => {  // data arrived: the stall clock starts again
      clearTimeout(stall);
      stall = setTimeout(() => abandon(`no data came for ${limits.stallMs / 1000} s`), limits.stallMs);
    };
    const whole = setTimeout(() => abandon(`the check took longer than ${limits.checkMs / 1000} s`), limits.checkMs);
    kick();
    return { signal: controller.signal, kick, downloaded: () => clearTimeout(stall),
             stop() { clearTimeout(stall); clearTimeout(whole); } };
  }
  async function check(url, { stream = false, watch } = {}) {
    const key = absolute(url);
    const known = validators.get(key) || {};
    const headers = {};
    if (new URL(key).origin === location.origin) {  // custom headers would need CORS elsewhere
      if (known.etag) headers['If-None-Match'] = known.etag;
      if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;
    }
    const response = await fetch(key, { cache: 'no-store', headers, signal: watch.signal });
    watch.kick();
    if (response.status === 304) return { changed: false };
    if (savedAtOf(response)) throw new Error(T.offline);  // the service worker's saved copy: no network
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bytes = await bodyOf(key, response, stream ? watch.kick : null, stream ? { open: true } : null);
    const now = digest(bytes);
    const changed = now === null || now !== known.digest;  // a large file: the server said it changed
    if (!changed && bytes.streamed) command({ stream_abort: true });
    remember(url, response, bytes);
    if (!changed) fetched.delete(key);
    return { changed, bytes };
  }
  async function poll() {
    await ready;
    await firstDelivery.catch(() => {});  // the first board, and its validators, are in
    const source = live.source;
    if (!source) return;
    ++live.polls;
    live.lastChecked = nowSeconds();
    let where = source;
    const watch = watchdog();
    try {
      const main = await check(source, { stream: true, watch });
      const bytes = main.changed ? main.bytes : live.manifest;
      let changed = main.changed;
      for (const part of manifestFiles(source, bytes) || []) {
        where = part;
        changed = (await check(part, { watch })).changed || changed;
        fetched.delete(part);  // deliver() fetches the files of a manifest itself
      }
      watch.downloaded();
      if (changed) {
        await deliverTracked({ url: source, bytes: bytes || main.bytes }, watch);
      } else {
        fetched = new Map();
        if (!live.refused) live.lastError = '';  // a refused export stays named until it is replaced
        live.savedAt = 0;  // the network answered: the board is the current export
      }
    } catch (error) {
      fetched = new Map();
      live.lastError = `${where}: ${errorText(watch.signal.aborted ? watch.signal.reason : error)}`;
    } finally {
      watch.stop();
    }
    reportLive();
  }
  // Polls and load() run one at a time (they share `fetched`).
  let polling = Promise.resolve();
  function queued(task) {
    const run = polling.then(task);
    polling = run.catch(() => {});
    return run;
  }
  const pollNow = () => queued(poll);
  ready.then(() => {
    reportLive();
    if (pollSeconds > 0) {
      const next = () => setTimeout(() => pollNow().finally(next), pollSeconds * 1000);
      next();
    }
    // Offline: the app and the last good export survive network loss and a reboot (sw.js).
    if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !single) {
      navigator.serviceWorker.register('sw.js').catch((error) =>
        console.warn(`newsroom: no offline copy (service worker): ${errorText(error)}`));
    }
  });

  function applyHash() {
    if (started) command({ hash: location.hash });
  }
  window.addEventListener('popstate', applyHash);
  window.addEventListener('hashchange', applyHash);

  const depth = () => (history.state && history.state.newsroomDepth) || 0;
  const readSetting = (key) => {
    try { return localStorage.getItem(`newsroom.${key}`); } catch (error) { return null; }
  };

  // --- the search box: a real <input> lying over the box the canvas draws ------------
  // The browser does the editing (Korean IME composition, paste, copy, selection); every
  // change goes to the wasm side, which searches and draws the text, caret and the
  // syllable being composed. A tap lands on the input itself, so phones open their keyboard.
  const searchInput = document.createElement('input');
  searchInput.type = 'search';
  searchInput.id = 'newsroom-search';
  searchInput.autocomplete = 'off';
  searchInput.spellcheck = false;
  searchInput.enterKeyHint = 'search';
  searchInput.setAttribute('aria-label', T.search);
  searchInput.className = 'newsroom-search-input';
  searchInput.hidden = true;
  document.body.appendChild(searchInput);
  let composing = '';

  const utf8Length = (text) => Module.lengthBytesUTF8(text);
  function sendSearchInput() {
    if (!started) return;
    const value = searchInput.value;
    const caret = searchInput.selectionStart == null ? value.length : searchInput.selectionStart;
    const before = value.slice(0, caret);
    const caretBytes = utf8Length(before);
    // The composed syllable sits just before the caret.
    const composingBytes = composing && before.endsWith(composing) ? utf8Length(composing) : 0;
    withString(value, (ptr) => Module._newsroom_search_input(ptr, caretBytes, caretBytes - composingBytes, caretBytes));
  }
  searchInput.addEventListener('input', sendSearchInput);
  searchInput.addEventListener('compositionstart', () => { composing = ''; });
  searchInput.addEventListener('compositionupdate', (event) => { composing = event.data || ''; sendSearchInput(); });
  searchInput.addEventListener('compositionend', () => { composing = ''; sendSearchInput(); });
  for (const type of ['keyup', 'select', 'click']) searchInput.addEventListener(type, sendSearchInput);
  document.addEventListener('selectionchange', () => { if (document.activeElement === searchInput) sendSearchInput(); });
  searchInput.addEventListener('focus', () => { if (started) command({ search_focus: true }); sendSearchInput(); });
  searchInput.addEventListener('blur', () => { if (started) command({ search_focus: false }); });
  // Touch goes to the wasm side directly: Emscripten 3.1.6's GLFW ignores touch, and its
  // handlers would cancel the browser's compatibility mouse events. Ours run first
  // (registered before GLFW's) and keep the page from scrolling or zooming under the canvas.
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    canvas.addEventListener(type, (event) => {
      if (!started) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const touch = event.changedTouches[0];
      if (!touch) return;
      const rect = canvas.getBoundingClientRect();
      const x = (touch.clientX - rect.left) * (canvas.width / rect.width);
      const y = (touch.clientY - rect.top) * (canvas.height / rect.height);
      const phase = type === 'touchstart' ? TouchPhase.down : type === 'touchmove' ? TouchPhase.move : TouchPhase.up;
      Module._newsroom_touch(x, y, phase);
    }, { capture: true, passive: false });
  }

  // Shortcuts Korean board users know: "/" jumps to the search box, Escape goes back
  // from an article (or clears the search).
  window.addEventListener('keydown', (event) => {
    if (!started || event.target === searchInput || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/' && !searchInput.hidden) {
      event.preventDefault();
      event.stopImmediatePropagation();
      searchInput.focus();
    } else if (event.key === 'Escape') {
      command({ escape: true });
    }
  }, true);
  // Emscripten's GLFW listens to keys on window in the capture phase (and cancels
  // Backspace); keys meant for the input stop here, before it, and keep their default.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (event.target !== searchInput) return;
      event.stopImmediatePropagation();
      if (type === 'keydown' && event.key === 'Escape') {
        if (searchInput.value) {
          searchInput.value = '';
          sendSearchInput();
        } else {
          searchInput.blur();
        }
      }
    }, true);
  }

  // Called from C++ (src/platform/browser.cpp).
  window.newsroomHost = {
    runtimeStarted() {
      started = true;
      command({ options: location.search });
      const scale = Number(readSetting('textScale'));
      if (scale) command({ text_scale: scale });
      command({ language: english ? 'en' : 'ko' });
      // ?theme=light|dark, else the system's preference, followed when it changes.
      const theme = ['light', 'dark'].includes(params.get('theme')) ? params.get('theme') : null;
      const system = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
      const applyTheme = () => command({ theme: theme || (system && system.matches ? 'dark' : 'light') });
      applyTheme();
      if (!theme && system) system.addEventListener('change', applyTheme);
      applyHash();
      fontPromise.then((bytes) => {
        if (bytes) Module._newsroom_set_font(copyIn(bytes), bytes.length);
        else Module._newsroom_set_font(0, 0);
      });
      firstDelivery = firstData.then(deliverTracked);
    },
    pushHash(hash) {
      if (location.hash !== hash) history.pushState({ newsroomDepth: depth() + 1 }, '', hash);
    },
    replaceHash(hash) {
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    },
    canGoBack: () => depth() > 0,
    openUrl(url) {
      if (kiosk) return;  // a kiosk shows links as QR codes instead (the wasm side never asks)
      // http(s) and mailto, or an address on this site (attachments): never javascript: or data:
      const address = new URL(url, location.href);
      if (/^(https?:|mailto:)$/i.test(address.protocol)) window.open(address.href, '_blank', 'noopener,noreferrer');
    },
    requestImage,
    absoluteUrl(url) {
      try { return new URL(url, location.href).href; } catch (error) { return String(url); }
    },
    // The address a kiosk shows as a QR code for an article action: the article's own page
    // (without the kiosk's options), or the share address built from it.
    shareAddress(action, article) {
      const address = new URL(location.href);
      for (const key of KIOSK_OPTIONS) address.searchParams.delete(key);
      address.hash = `#/article/${article.id}`;
      const url = address.href;
      if (action === 'share-facebook') return shareUrl.facebook(url);
      if (action === 'share-x') return shareUrl.x(url, article.title);
      return url;
    },
    download(name, type, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      const bom = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
      lastAction = { action: 'download', file: name, bom, text: new TextDecoder().decode(bytes) };
    },
    placeSearchInput(x, y, w, h) {
      if (w < 0) {
        if (document.activeElement === searchInput) searchInput.blur();
        searchInput.hidden = true;
        return;
      }
      const rect = canvas.getBoundingClientRect();
      const sx = rect.width / canvas.width;
      const sy = rect.height / canvas.height;
      Object.assign(searchInput.style, {
        left: `${rect.left + x * sx}px`, top: `${rect.top + y * sy}px`, width: `${w * sx}px`, height: `${h * sy}px`,
      });
      searchInput.hidden = false;
    },
    setSearchInput(text) {
      if (document.activeElement !== searchInput) searchInput.value = text;
    },
    saveSetting(key, value) {
      try { localStorage.setItem(`newsroom.${key}`, value); } catch (error) { /* private mode: not remembered */ }
    },
    articleAction,
    updateMirror,
    // The one signal that a load ended ({generation, usable}); deliver() waits for it.
    loadFinished(outcome) {
      const waiters = loadWaiters;
      loadWaiters = [];
      for (const resolve of waiters) resolve(outcome);
    },
    firstFrame() { performance.mark('newsroom:first-frame'); },
    signalReady() {
      performance.mark('newsroom:ready');
      boot.classList.add('hidden');
      resolveReady();
    },
  };

  // --- image previews ------------------------------------------------------------------
  // Only images of this site are fetched: a preview must not tell another server who is
  // reading. `upload(picture)` makes the GL texture (src/platform/browser.cpp); large
  // pictures are scaled down first so that a texture never passes 2048 pixels.
  async function requestImage(url, upload) {
    const answer = (texture, width, height, status) =>
      withString(url, (ptr) => Module._newsroom_image_ready(ptr, texture, width, height, status));
    let address;
    try { address = new URL(url, location.href); } catch (error) { return answer(0, 0, 0, ImageStatus.failed); }
    if (address.origin !== location.origin || !/^https?:$/.test(address.protocol)) return answer(0, 0, 0, ImageStatus.refused);
    try {
      const response = await fetch(address.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bitmap = await createImageBitmap(await response.blob());
      const { width, height } = bitmap;
      const scale = Math.min(1, 2048 / Math.max(width, height));
      const picture = scale < 1
        ? await createImageBitmap(bitmap, { resizeWidth: Math.round(width * scale), resizeHeight: Math.round(height * scale), resizeQuality: 'high' })
        : bitmap;
      const texture = upload(picture);
      picture.close();
      bitmap.close();
      answer(texture, width, height, ImageStatus.shown);
    } catch (error) {
      answer(0, 0, 0, ImageStatus.failed);
    }
  }

  // --- article actions: copy link, share, print ----------------------------------------
  // The share addresses the original board's buttons use; the link is this view's URL.
  const shareUrl = {
    facebook: (url) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    x: (url, title) => `https://twitter.com/intent/tweet?text=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`,
  };
  let lastAction = null;  // for tests: what the last action did

  // A clean printable page from the article's data: text nodes only, so nothing in an
  // export can inject markup into it.
  function printableDocument(article) {
    const doc = document.implementation.createHTMLDocument(`${article.title} - ${article.board}`);
    doc.documentElement.lang = 'ko';
    const style = doc.createElement('style');
    style.textContent = 'body{font:12pt/1.7 "NanumGothic","Malgun Gothic",sans-serif;max-width:42em;margin:2em auto;color:#111}' +
      'h1{font-size:18pt;line-height:1.4;margin:.2em 0 .4em}.meta,.crumb{color:#555;font-size:10pt}' +
      '.foot{border-top:1px solid #999;margin-top:2em;padding-top:.6em;font-size:10pt}';
    doc.head.appendChild(style);
    const add = (parent, tag, text, className) => {
      const element = doc.createElement(tag);
      if (text != null) element.textContent = text;
      if (className) element.className = className;
      parent.appendChild(element);
      return element;
    };
    add(doc.body, 'div', `${article.site} · ${T.section} · ${article.board} · ${article.category}`, 'crumb');
    add(doc.body, 'h1', article.title);
    add(doc.body, 'div', `${T.author} ${article.author || '-'} · ${T.date} ${article.published} · ${T.views} ${article.views.toLocaleString('ko-KR')}`, 'meta');
    for (const paragraph of article.paragraphs) add(doc.body, 'p', paragraph);
    const foot = add(doc.body, 'div', null, 'foot');
    if (article.source.name || article.source.url) {
      add(foot, 'div', `${T.source}: ${article.source.name}${article.source.url ? ` (${article.source.url})` : ''}`);
    }
    for (const file of article.attachments) add(foot, 'div', `${T.file}: ${file.name}`);
    add(foot, 'div', `${T.address}: ${location.href}`);
    return doc;
  }

  function toast(text) {
    boot.textContent = text;
    boot.classList.remove('hidden', 'failed');
    boot.classList.add('toast');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { boot.classList.add('hidden'); boot.classList.remove('toast'); }, 1800);
  }

  async function articleAction(action, article) {
    const url = location.href;
    lastAction = { action, url, id: article.id };
    if (action === 'copy-link') {
      try {
        await navigator.clipboard.writeText(url);
        toast(T.copied);
      } catch (error) {
        toast(T.copyFailed);
        lastAction.error = String(error);
      }
    } else if (action === 'share-facebook' || action === 'share-x') {
      const target = shareUrl[action === 'share-x' ? 'x' : 'facebook'](url, article.title);
      lastAction.target = target;
      window.open(target, '_blank', 'noopener,noreferrer,width=640,height=560');
    } else if (action === 'print') {
      const html = '<!doctype html>' + printableDocument(article).documentElement.outerHTML;
      lastAction.html = html;
      const popup = window.open('', '_blank', 'width=800,height=900');
      if (!popup) return toast(T.popupBlocked);
      popup.document.open();
      popup.document.write(html);
      popup.document.close();
      popup.focus();
      popup.print();
    }
  }

  // --- the DOM mirror: what the canvas shows, as plain HTML for screen readers ---------
  const mirror = document.createElement('main');
  mirror.id = 'newsroom-mirror';
  mirror.className = 'visually-hidden';
  document.body.insertBefore(mirror, canvas);
  function updateMirror(view) {
    const add = (parent, tag, text, attributes = {}) => {
      const element = document.createElement(tag);
      if (text != null) element.textContent = text;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      parent.appendChild(element);
      return element;
    };
    mirror.replaceChildren();
    add(mirror, 'p', `${view.site} › ${T.section} › ${view.board}`);
    if (view.article) {
      const article = add(mirror, 'article');
      add(article, 'h1', view.article.title);
      add(article, 'p', `${view.article.category} · ${T.author} ${view.article.author || '-'} · ${T.date} ${view.article.published} · ${T.views} ${view.article.views}`);
      for (const paragraph of view.article.paragraphs) add(article, 'p', paragraph);
      if (view.article.source.url) add(add(article, 'p', `${T.source}: `), 'a', view.article.source.name || view.article.source.url, { href: view.article.source.url });
      add(mirror, 'a', T.toList, { href: '#/' });
      return;
    }
    add(mirror, 'h1', view.board);
    add(mirror, 'p', view.query ? T.results(view.query, view.total, view.page, view.pages) : T.all(view.total, view.page, view.pages));
    const list = add(mirror, 'ol');
    for (const item of view.items) {
      const li = add(list, 'li');
      add(li, 'a', item.title, { href: `#/article/${item.id}` });
      add(li, 'span', ` (${item.meta})`);
    }
  }

  // --- window.newsroom: the documented boundary -------------------------------------
  window.newsroom = {
    ready,
    state() {
      if (!started) return null;
      return query({ state: true });
    },
    // CSS-pixel rectangle of a widget drawn in the last frame, or null.
    locate(name) {
      if (!started) return null;
      const found = query({ locate: String(name) });
      if (!found) return null;
      const [x, y, w, h] = found;
      const rect = canvas.getBoundingClientRect();
      const sx = rect.width / canvas.width;
      const sy = rect.height / canvas.height;
      return { x: rect.left + x * sx, y: rect.top + y * sy, w: w * sx, h: h * sy };
    },
    // One article's data as the page uses it for sharing and printing, or null.
    article(id) {
      if (!started) return null;
      return query({ article: Number(id) });
    },
    // The printable page of an article, as HTML.
    printable(id) {
      const article = window.newsroom.article(id);
      return article ? '<!doctype html>' + printableDocument(article).documentElement.outerHTML : null;
    },
    lastAction: () => lastAction,
    // Benchmark hooks: CPU ms of each frame (searches typed since the previous frame
    // included) and of each search typed, since the last call (which clears them).
    frameTimes: () => (started ? query({ frame_times: true }) : []),
    searchTimes: () => (started ? query({ search_times: true }) : []),
    // Test hook: moves the kiosk's clock on by `seconds` (rotation, idle reset, data age).
    advanceClock(seconds) {
      if (started) command({ advance_clock: Number(seconds) });
    },
    // Checks the export (or the manifest and each of its files) for a change now; resolves
    // once that check, and a swap it caused, is done (docs/testing.md).
    pollNow,
    // Loads another export (a URL); resolves once it is imported (or refused).
    async load(url) {
      await ready;
      await firstDelivery.catch(() => {});
      await queued(async () => deliverTracked(await fetchExport(String(url))));
      return window.newsroom.state().data;
    },
  };

  // --- the Emscripten module ---------------------------------------------------------
  window.Module = {
    canvas,
    // Compiles index.wasm as it streams in (fetched at the top of this file); the
    // single-file build hands its bytes over instead.
    ...(embeddedWasm ? { wasmBinary: embeddedWasm.bytes } : {
      instantiateWasm(imports, receive) {
        wasmResponse
          .then((response) => {
            if (!response.ok) throw new Error(`index.wasm: HTTP ${response.status}`);
            return /wasm/.test(response.headers.get('content-type') || '')
              ? WebAssembly.instantiateStreaming(response, imports)
              : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
          })
          .then((result) => receive(result.instance, result.module))
          .catch((error) => window.Module.onAbort(String(error)));
        return {};
      },
    }),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort(what) {
      boot.textContent = `${T.starting}\n${what}`;
      boot.classList.remove('hidden');
      boot.classList.add('failed');
    },
  };
  if (!window.WebAssembly || !document.createElement('canvas').getContext('webgl2')) {
    boot.textContent = T.noWebgl;
    boot.classList.add('failed');
  }
})();
