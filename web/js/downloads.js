// Downloads and the wasm heap: every fetch of data, its validators, the hand-off of its
// bytes over the engine's byte channel (into one block that grows as pieces come or, for a
// large export, into the streamed import), and the small helpers every part uses to call
// the module.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.downloads = function downloads(app) {
    // The module comes in through `app` (window.Module on the page, a fake in
    // tests/node/downloads.test.mjs), so the heap hand-off can be tested without a browser.
    const { Module } = app;
    // Every data file fetched leaves its validators (ETag, Last-Modified, a digest of the
    // bytes) for the live polling (live.js), and its bytes until the import they feed is settled
    // (then, when it was usable, they become the saved copy for offline use). A download of
    // more than 64 MB stays in the wasm heap only (memory first): its validators are the
    // server's alone and it has no saved copy.
    // The byte channel (src/platform/web_exports.cpp, app/session.h): open, room for the next
    // bytes (an address in the heap, valid until the next call into the module), commit,
    // close. close() says what the bytes are ({as}) or that they are dropped ({discard}) or
    // failed ({error}), and answers JSON.
    const channel = {
      open: (how = {}) => withString(JSON.stringify(how), (ptr) => Module._newsroom_open(ptr)),
      space(id, length) {
        const at = Module._newsroom_space(id, length);
        if (!at) throw new Error('out of memory for the download');
        return at;
      },
      commit: (id, length) => Module._newsroom_commit(id, length),  // a stream's bytes unread
      close: (id, how = {}) =>
        JSON.parse(withString(JSON.stringify(how), (ptr) => Module.UTF8ToString(Module._newsroom_close(id, ptr)))),
    };
    // The heap as bytes. In the threaded build a worker may have grown the memory since this
    // thread last looked (Module.HEAPU8 then still views the old, shorter buffer).
    const heap = () => {
      const memory = Module.wasmMemory;
      return memory && Module.HEAPU8.buffer !== memory.buffer ? new Uint8Array(memory.buffer) : Module.HEAPU8;
    };
    app.heap = heap;
    const absolute = (url) => new URL(url, location.href).href;
    const validators = new Map();  // absolute URL -> { etag, lastModified, digest }
    app.fetched = new Map();       // absolute URL -> { bytes, type, savedAt } since the last settled import
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
      if (bytes.chunks) app.fetched.delete(key);
      else app.fetched.set(key, { bytes, type: response.headers.get('content-type'), savedAt: savedAtOf(response) });
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
      if (bytes.channel && !bytes.streamed) {
        intoHeap(bytes);
        const from = channel.space(bytes.channel, 0) - bytes.length;
        const out = heap().slice(from, from + bytes.length);
        channel.close(bytes.channel, { discard: true });
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
      out.channel = bytes.streamed ? bytes.channel : 0;  // the stream's end is still to be said
      return out;
    }
    async function readInPieces(url, response, onProgress, stream) {
      // A compressed response's Content-Length counts compressed bytes: the total is unknown,
      // and the block is first sized for JSON's usual ratio (gzip makes an export about 7
      // times smaller), then cut to the real length when closed; growing it later would move
      // it, and the heap never gives memory back.
      const sent = Number(response.headers.get('content-length')) || 0;
      const total = response.headers.get('content-encoding') ? 0 : sent;
      if (total > kExportBytesAtMost) {
        response.body.cancel().catch(() => {});
        throw refusal(total);
      }
      const expected = Math.min(total || sent * 7, kExportBytesAtMost);
      const reader = response.body.getReader();
      const bytes = { chunks: [], length: 0, channel: 0, expected, streamed: false, kept: null };
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
          if (!bytes.streamed && stream && stream.open && app.started && bytes.length >= kStreamFrom) beginStream(url, bytes);
          if (bytes.streamed) {
            await streamIn(bytes);
            continue;
          }
          if (app.started) intoHeap(bytes);
          onProgress(bytes.length, total);
        }
      } catch (error) {
        // A stream is abandoned (the board on screen stays); a block is dropped.
        if (bytes.channel) channel.close(bytes.channel, bytes.streamed ? { error: String(error.message || error) } : { discard: true });
        bytes.channel = 0;
        throw error;
      }
      if (bytes.streamed) {
        return bytes.kept ? asArray(bytes) : { streamed: true, chunks: [], length: bytes.length, channel: bytes.channel };
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
      const stream = channel.open({ kind: 'stream', name: url, expected: bytes.expected });
      bytes.streamed = true;
      bytes.kept = bytes.length <= kKeptInJsUpTo ? [] : null;
      if (bytes.channel) {  // what went into the block before: copied over, the block dropped
        intoHeap(bytes);
        const at = channel.space(stream, bytes.length);  // first: the heap may grow (a new HEAPU8)
        const from = channel.space(bytes.channel, 0) - bytes.length;
        heap().copyWithin(at, from, from + bytes.length);
        if (bytes.kept) bytes.kept.push(heap().slice(at, at + bytes.length));
        channel.commit(stream, bytes.length);
        channel.close(bytes.channel, { discard: true });
      }
      bytes.channel = stream;
    }
    // Each piece also gets a few ms of import at once (in commit), not only at the next
    // frame; while too much is unread, the download waits and the import goes on.
    async function streamIn(bytes) {
      let unread = 0;
      for (const chunk of bytes.chunks) {
        const at = channel.space(bytes.channel, chunk.length);  // first: the heap may grow (a new HEAPU8)
        heap().set(chunk, at);
        unread = channel.commit(bytes.channel, chunk.length);
        if (bytes.kept) bytes.kept.push(chunk);
      }
      bytes.chunks = [];
      if (bytes.length > kKeptInJsUpTo) bytes.kept = null;
      while (unread > kUnreadAtMost) {
        await new Promise((resolve) => setTimeout(resolve, 4));
        unread = channel.commit(bytes.channel, 0);
      }
    }
    // Moves the pieces received so far into the download's block (a channel of its own,
    // which the engine grows by half as needed).
    function intoHeap(bytes) {
      if (!bytes.channel) bytes.channel = channel.open({ expected: bytes.expected });
      for (const chunk of bytes.chunks) {
        const at = channel.space(bytes.channel, chunk.length);  // first: the heap may grow (a new HEAPU8)
        heap().set(chunk, at);
        channel.commit(bytes.channel, chunk.length);
      }
      bytes.chunks = [];
    }
    const downloadProgress = (done, total) => { if (app.started) command({ download_progress: { done, total } }); };
    const fetchResult = (url, signal, stream = null) =>
      fetchBytes(url, { onProgress: downloadProgress, signal, stream }).then((bytes) => ({ url, bytes }), (error) => ({ url, error }));
    // An export that is the one to show: imported while it downloads when it is large.
    const fetchExport = (url) => fetchResult(url, undefined, { open: true });
    // --- helpers over the wasm heap ------------------------------------------------
    // Bytes (a Uint8Array, a download held in its block, or null) closed as `how` says
    // ({as: 'export'|'data'|'manifest'|'part'|'font', name, error}); the answer of close().
    // A download's own block is handed over, not copied.
    function handOver(bytes, how) {
      if (bytes && bytes.chunks) intoHeap(bytes);
      if (bytes && bytes.channel) {
        const id = bytes.channel;
        bytes.channel = 0;  // the engine's now (the length stays for the caller)
        return channel.close(id, how);
      }
      const id = channel.open();
      if (bytes && bytes.length) {
        const at = channel.space(id, bytes.length);  // first: the heap may grow (a new HEAPU8)
        heap().set(bytes, at);
        channel.commit(id, bytes.length);
      }
      return channel.close(id, how);
    }
    // A streamed download's end ({}), or its abandonment ({discard: true}).
    function endStream(bytes, how = {}) {
      if (bytes.channel) channel.close(bytes.channel, how);
      bytes.channel = 0;
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

    // The font and the first data, started before the runtime is up (the main script calls
    // this at once; the tests of the heap hand-off do not).
    function start() {
      const { embeddedFont, embeddedData, dataUrl } = app;
      const fontUrl = 'fonts/NanumGothic.ttf';
      // ?data=URL names an export or a manifest; by default the data folder's index,
      // data/manifest.json, which the site ships (naming data/articles.json) and the data team
      // rewrites to list several exports: a page asks for no file that may not be there.
      const defaultManifest = 'data/manifest.json';
      const defaultExport = 'data/articles.json';
      app.fontPromise = embeddedFont ? Promise.resolve(embeddedFont.bytes) : fetchBytes(fontUrl, { data: false }).catch((error) => {
        console.warn(`newsroom: font ${fontUrl} could not be loaded: ${error.message}`);
        return null;
      });
      // Without ?data=, the manifest and the export it names by default are asked at once (one
      // round trip, not two). A manifest that names one file is that export, imported while it
      // downloads; one that names others stops the default's download. A site without the
      // manifest (deployed before it was shipped) still shows data/articles.json.
      function defaultData() {
        const stop = new AbortController();
        const gate = { open: false };
        const alone = fetchResult(defaultExport, stop.signal, gate);
        const dropAlone = () => {
          stop.abort();
          alone.then((result) => { if (result.bytes && result.bytes.channel) channel.close(result.bytes.channel, { discard: true }); });
          app.fetched.delete(absolute(defaultExport));
        };
        return fetchResult(defaultManifest).then((manifest) => {
          if (!manifest.bytes) {
            gate.open = true;
            return alone;
          }
          const only = onlyExport(manifest);
          if (only === absolute(defaultExport)) {
            gate.open = true;
            return alone;
          }
          dropAlone();
          if (only) return fetchExport(only);
          return manifest;
        });
      }
      // The one export a manifest names (an absolute URL), or null: several, or not a manifest,
      // or a file the engine refuses (the engine reads those and says what is wrong).
      function onlyExport(manifest) {
        try {
          const json = JSON.parse(new TextDecoder().decode(manifest.bytes));
          const files = json && json.format === 'newsroom-manifest' && Array.isArray(json.exports) ? json.exports : [];
          const file = files.length === 1 ? files[0] : null;
          const url = typeof file === 'string' ? file : file && typeof file.url === 'string' ? file.url : null;
          const relative = url && !url.includes('://') && !url.startsWith('//');  // as src/io/manifest.cpp asks
          return relative ? new URL(url, absolute(manifest.url)).href : null;
        } catch {
          return null;
        }
      }
      // A board image comes first (web/js/images.js): one saved by an earlier visit, else one
      // the data team published (?image=URL, newsroom-check --image). The export is then only
      // asked whether it changed (live.js); `fetch` imports it when the image is refused.
      const fetchData = () => (dataUrl ? fetchExport(dataUrl) : defaultData());
      const url = dataUrl || defaultExport;
      const image = async () => (await app.images.find(url)) || app.images.published();
      app.firstData = embeddedData ? Promise.resolve({ url: embeddedData.file, bytes: embeddedData.bytes })
        : app.images ? image().then((found) => (found ? { url, image: found, fetch: fetchData } : fetchData()))
          : fetchData();
    }

    Object.assign(app, {
      kExportBytesAtMost, absolute, validators, digest, savedAtOf, remember, fetchBytes, bodyOf, asArray,
      readInPieces, beginStream, streamIn, intoHeap, fetchResult, fetchExport, channel, handOver, endStream, command,
      query, withString,
      startDownloads: start,
    });
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
