// Board images (src/io/board_image.h): the board on screen and its search index as one
// binary block, kept per export address in the origin private file system (Cache Storage
// where a browser has no writable OPFS), so that the next visit (a reload, a kiosk's
// morning reboot) shows the board at once instead of downloading, importing and indexing
// the export again. live.js uses an image first and asks the server after.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.images = function images(app) {
    const { params, single, channel, heap, command, absolute } = app;
    // Read in parts of kPart bytes, all asked at once and each copied into the heap as it
    // comes (a Cache Storage image is stored in such parts: no single write is larger). All
    // images together stay under kBudget: the least recently used go first.
    const kStore = 'newsroom-images';
    const kPart = 8 << 20;
    const kBudget = 768 << 20;
    const storage = !single && /^https?:$/.test(location.protocol) && typeof navigator !== 'undefined' ? navigator.storage : null;
    const errorText = (error) => String((error && error.message) || error);
    const status = (how) => { if (app.started) command({ image_status: how }); };

    // The two stores, one shape: get(address) → { meta, size, part(k) → Promise of bytes,
    // handle (the OPFS file's) } or null (parts of `size` bytes); writer(address) → {
    // add(bytes), finish(header, meta), abort() }, pieces added in order, then the image's
    // first bytes written over the first piece's (null: as they are) and the meta;
    // touch(meta), metas(), remove(address), clear().
    // meta: { address, length, part, savedAt, usedAt }; part: the size of a stored part.
    function opfsStore(root) {
      const name = (address) => encodeURIComponent(address).slice(0, 200) + '-' + hashOf(address);
      const dir = () => root.getDirectoryHandle(kStore, { create: true });
      const readJson = async (handle) => JSON.parse(await (await handle.getFile()).text());
      async function writeFile(folder, file, count, part) {
        const writable = await (await folder.getFileHandle(file, { create: true })).createWritable();
        try {
          for (let k = 0; k < count; ++k) await writable.write(part(k));
          await writable.close();  // the file is replaced only now: a half-written image is never read
        } catch (error) {
          await writable.abort().catch(() => {});
          throw error;
        }
      }
      return {
        async get(address) {
          const folder = await dir();
          const meta = await folder.getFileHandle(name(address) + '.json').then(readJson).catch(() => null);
          const handle = meta && await folder.getFileHandle(name(address) + '.board').catch(() => null);
          const file = handle && await handle.getFile().catch(() => null);
          if (!file || file.size !== meta.length) return null;
          return { meta, size: kPart, handle, part: (k) => file.slice(k * kPart, (k + 1) * kPart).arrayBuffer() };
        },
        async writer(address) {
          const folder = await dir();
          await folder.removeEntry(name(address) + '.json').catch(() => {});  // no meta: not found meanwhile
          const writable = await (await folder.getFileHandle(name(address) + '.board', { create: true })).createWritable();
          return {
            add: (bytes) => writable.write(bytes),
            async finish(header, meta) {
              if (header) await writable.write({ type: 'write', position: 0, data: header });
              await writable.close();  // the file is replaced only now: a half-written image is never read
              await writeFile(folder, name(address) + '.json', 1, () => JSON.stringify(meta));
            },
            abort: () => writable.abort().catch(() => {}),
          };
        },
        async touch(meta) { await writeFile(await dir(), name(meta.address) + '.json', 1, () => JSON.stringify(meta)); },
        async metas() {
          const out = [];
          for await (const [file, handle] of (await dir()).entries()) {
            if (file.endsWith('.json')) out.push(await readJson(handle).catch(() => null));
          }
          return out.filter(Boolean);
        },
        async remove(address) {
          const folder = await dir();
          for (const suffix of ['.json', '.board']) await folder.removeEntry(name(address) + suffix).catch(() => {});
        },
        clear: () => root.removeEntry(kStore, { recursive: true }).catch(() => {}),
      };
    }
    function cacheStore() {
      // Entries under made-up addresses of this origin (Cache Storage drops a URL's fragment).
      const key = (address, part) => new URL(`newsroom-image/${part}?of=${encodeURIComponent(address)}`, location.href).href;
      const open = () => caches.open(kStore);
      return {
        async get(address) {
          const cache = await open();
          const found = await cache.match(key(address, 'meta'));
          if (!found) return null;
          const meta = await found.json();
          return { meta, size: meta.part, part: (k) => cache.match(key(address, k))
            .then((response) => { if (!response) throw new Error('a part of the image is missing'); return response.arrayBuffer(); }) };
        },
        async writer(address) {
          const cache = await open();
          await cache.delete(key(address, 'meta'));
          let count = 0, first = null;  // the first piece waits for the header
          return {
            async add(bytes) {
              if (count++ === 0) first = bytes;
              else await cache.put(key(address, count - 1), new Response(bytes));
            },
            async finish(header, meta) {
              if (header) first.set(header, 0);
              await cache.put(key(address, 0), new Response(first));
              await cache.put(key(address, 'meta'), new Response(JSON.stringify({ ...meta, part: first.length })));
            },
            abort: async () => {},
          };
        },
        async touch(meta) { await (await open()).put(key(meta.address, 'meta'), new Response(JSON.stringify(meta))); },
        async metas() {
          const cache = await open();
          const out = [];
          for (const request of await cache.keys()) {
            if (new URL(request.url).pathname.endsWith('/newsroom-image/meta')) out.push(await (await cache.match(request)).json());
          }
          return out;
        },
        async remove(address) {
          const cache = await open();
          const found = await cache.match(key(address, 'meta'));
          const meta = found ? await found.json() : null;
          await cache.delete(key(address, 'meta'));
          for (let k = 0; meta && k < Math.ceil(meta.length / meta.part); ++k) await cache.delete(key(address, k));
        },
        clear: () => caches.delete(kStore).catch(() => false),
      };
    }
    // A short hash of an address, so that two long addresses cut to the same file name differ.
    function hashOf(text) {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; ++i) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      return (hash >>> 0).toString(16);
    }
    // The store: the OPFS where its files can be written from the page, else Cache Storage.
    const store = (async () => {
      if (!storage) return null;
      try {
        const writable = typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
        if (writable && storage.getDirectory) return opfsStore(await storage.getDirectory());
      } catch (error) { /* no OPFS here (a private window may refuse it): Cache Storage */ }
      return typeof caches !== 'undefined' ? cacheStore() : null;
    })();

    // ?nocache: every image is dropped before anything is read (and none is written).
    const nocache = params.has('nocache');
    const cleared = store.then((s) => (s && nocache ? s.clear() : undefined));

    // Images are kept under the export's absolute address, and say the address as the page
    // names it (?data=, or data/articles.json): the engine checks that it is the same.
    // The saved image of an export: { meta, parts } (its parts being read) or null.
    async function find(url) {
      const s = await store;
      await cleared;
      if (!s || nocache) return null;
      try {
        const found = await s.get(absolute(url));
        if (!found) return null;
        startReading(found);
        found.meta.usedAt = Date.now();  // for the budget's order
        s.touch(found.meta).catch(() => {});
        return found;
      } catch (error) {  // a private window, storage turned off: the export is imported
        console.warn(`newsroom: no saved board image (${errorText(error)})`);
        return null;
      }
    }

    // The image the data team published beside the export (?image=URL): { meta, size,
    // download (its worker) or parts, published } or null, once its length is known. The
    // engine checks it is of the export; live.js then asks the server, as for a saved one.
    // A worker downloads it (web/js/image-download.js: the page's thread is busy starting
    // the runtime meanwhile, and a download read there stalls with it); where no worker
    // runs, the page reads it as one part.
    const publishedUrl = single ? null : params.get('image');
    async function published() {
      if (!publishedUrl) return null;
      try {
        const download = typeof Worker === 'function' ? downloadInWorker(absolute(publishedUrl)) : null;
        const found = download ? await download.found : null;
        if (found) return found;
        const response = await fetch(publishedUrl, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const bytes = await response.arrayBuffer();
        return { meta: { length: bytes.byteLength }, size: bytes.byteLength, parts: [Promise.resolve(bytes)], published: true };
      } catch (error) {
        console.warn(`newsroom: the published board image ${publishedUrl} could not be fetched (${errorText(error)}); importing the export`);
        return null;
      }
    }
    // {worker, found}: `found` resolves once the worker knows the image's length, null when
    // its script cannot run. A failure after that is kept for show() (`failure`), which may
    // not be listening yet.
    function downloadInWorker(url) {
      const worker = new Worker('web/js/image-download.js');
      const found = { meta: null, size: kPart, download: worker, published: true, failure: null };
      const known = new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data.error !== undefined) {
            found.failure = data.error;
            reject(new Error(data.error));
          } else if (data.length !== undefined && !found.meta) {
            found.meta = { length: data.length };
            resolve(found);
          }
        };
        worker.onerror = (event) => {
          event.preventDefault();
          found.failure = event.message || 'the download stopped';
          resolve(null);  // before its length: the page downloads the image itself
        };
        worker.postMessage({ url, size: kPart });
      }).then((ok) => { if (!ok) worker.terminate(); return ok; }, (error) => { worker.terminate(); throw error; });
      known.catch(() => {});  // published() says why, if it is ever read
      return { worker, found: known };
    }
    // The downloaded parts into the heap from `at` on (written there by the worker when the
    // memory is shared, else handed over and copied), each told to `landed(k)`.
    function receive(found, at, landed) {
      const worker = found.download;
      const memory = heap().buffer;
      return new Promise((resolve, reject) => {
        const failed = (why) => reject(new Error(why));
        if (found.failure) return failed(found.failure);
        worker.onmessage = ({ data }) => {
          if (data.part !== undefined) {
            if (data.bytes) heap().set(new Uint8Array(data.bytes), at + data.part * kPart);
            landed(data.part);
          } else if (data.done) {
            resolve();
          } else if (data.error !== undefined) {
            failed(data.error);
          }
        };
        worker.onerror = (event) => { event.preventDefault(); failed(event.message || 'the download stopped'); };
        worker.postMessage({ memory: memory instanceof SharedArrayBuffer ? memory : null, at });
        return undefined;
      }).finally(() => worker.terminate());
    }

    // How a found image's parts will be read, begun while the runtime starts. Where the page
    // runs the threaded build (its memory shared) and OPFS gives synchronous access, two
    // workers read them straight into the engine's memory once show() has room for them
    // (100k, a 274 MB image: in 400-450 ms from then, against 600-650 ms from find() as
    // below, and the page's thread is free meanwhile); else every part is asked at once as
    // an ArrayBuffer, and show() copies each into the heap as it lands.
    const kReaders = 2;
    function startReading(found) {
      if (found.handle && app.threads && typeof Worker === 'function') {
        found.readers = Array.from({ length: kReaders }, () => {
          const worker = new Worker('web/js/image-reader.js');
          // A script that cannot load fails now, before show() listens: kept for it.
          worker.failed = new Promise((resolve) => worker.addEventListener('error', resolve, { once: true }));
          return worker;
        });
        return;
      }
      found.parts = Array.from({ length: Math.ceil(found.meta.length / found.size) }, (_, k) => found.part(k));
      for (const part of found.parts) part.catch(() => {});  // show() says why, if it is ever read
    }
    // The readers' parts, each told to `landed(k)` as it is in; resolves when they all ended.
    // A reader that failed (a browser without read-only access, the file taken meanwhile)
    // leaves its parts for show() to read as the store gives them.
    function readDirect(found, at, landed) {
      const { readers } = found;
      const count = Math.ceil(found.meta.length / found.size);
      const memory = heap().buffer;
      found.readers = null;
      if (!(memory instanceof SharedArrayBuffer)) {  // a copy would be read into: the page reads
        for (const worker of readers) worker.terminate();
        return Promise.resolve();
      }
      return Promise.all(readers.map((worker, r) => new Promise((resolve) => {
        const end = () => { worker.terminate(); resolve(); };
        worker.onmessage = ({ data }) => { if (data.part !== undefined) landed(data.part); else end(); };
        worker.failed.then(end);
        const parts = [];
        for (let k = r; k < count; k += readers.length) parts.push(k);
        worker.postMessage({ handle: found.handle, memory, at, size: found.size, length: found.meta.length, parts });
      })));
    }

    // Hands an image to the engine, each part in the heap as soon as it is read: its answer,
    // {identity} once the board is on screen, or {refused: why} (the caller imports the
    // export instead).
    async function show(url, found) {
      const id = channel.open({ expected: found.meta.length, image: true });
      let answer;
      try {
        const at = channel.space(id, found.meta.length);  // one block, filled in any order
        // The parts in place from the first on are committed as they land: the engine takes
        // their checksum then, between parts, rather than after the last (ImageSum).
        const landed = Array.from({ length: Math.ceil(found.meta.length / found.size) }, () => false);
        let inOrder = 0, committed = 0;
        const land = (k) => {
          landed[k] = true;
          while (inOrder < landed.length && landed[inOrder]) ++inOrder;
          const end = Math.min(found.meta.length, inOrder * found.size);
          if (end > committed) channel.commit(id, end - committed);
          committed = Math.max(committed, end);
        };
        if (found.readers) await readDirect(found, at, land);
        if (found.download) await receive(found, at, land);
        const parts = found.parts || landed.map((done, k) => (done ? null : found.part(k)));
        await Promise.all(parts.map((part, k) => part && part.then((piece) => {
          const bytes = piece instanceof Uint8Array ? piece : new Uint8Array(piece);
          heap().set(bytes, at + k * found.size);  // heap(): the memory may have grown meanwhile
          land(k);
        })));
        answer = channel.close(id, { as: 'image', name: url, export: { address: url } }) || { refused: 'no answer' };
      } catch (error) {
        channel.close(id, { discard: true });
        answer = { refused: `the image could not be read: ${errorText(error)}` };
      }
      for (const worker of found.readers || []) worker.terminate();  // show() failed before they read
      if (found.download) found.download.terminate();
      found.parts = found.readers = found.download = null;
      if (answer.refused) console.warn(`newsroom: the board image is not used: ${answer.refused}`);
      // A published image shown is kept as this visitor's saved one (no second download),
      // written by the engine as after an import; until then it is not saved here.
      if (answer.identity && found.published) {
        status({ saved: false });
        const { address, ...identity } = answer.identity;  // a published image names none
        save(url, identity);
      }
      return answer;
    }

    // The image of the board on screen, once its index is complete, stored as the engine
    // writes it: the effect "image" says {writing: bytes} (or {error}: no complete board
    // yet), then gives a piece per frame ({piece: {at, length}}, the next one once the page
    // said "image_taken", here once the piece is stored: the heap never holds the image and
    // the store sets the pace), then {done: {length, header}}; {error} when a new board came.
    // Resolves 'saved', 'not ready', 'dropped' or 'failed'; a quota or a private window is
    // reported (state().data.image.error), and the next visit imports.
    let onImage = null;
    function took(value) { if (onImage) onImage(value); }
    function write(s, url, identity) {
      const address = absolute(url);
      let writer = null, chain = Promise.resolve(), failed = null;
      const fail = (error) => { failed = failed || error; };
      return new Promise((resolve) => {
        const end = (outcome) => {
          onImage = null;
          chain.then(() => {
            if (outcome !== 'done') return outcome;
            if (failed) throw failed;
            return 'saved';
          }).catch((error) => {
            status({ saved: false, error: errorText(error) });
            return 'failed';
          }).then((result) => {
            if (result !== 'saved' && writer) writer.abort();
            resolve(result);
          });
        };
        onImage = (value) => {
          if (value.writing) {
            chain = s.writer(address).then((w) => { writer = w; }, fail);
          } else if (value.piece) {
            const bytes = heap().slice(value.piece.at, value.piece.at + value.piece.length);
            chain = chain.then(() => (failed ? null : writer.add(bytes))).catch(fail)
              .then(() => command({ image_taken: true }));
          } else if (value.done) {
            const now = Date.now();
            const meta = { address, length: value.done.length, savedAt: now, usedAt: now };
            chain = chain.then(() => (failed ? null : writer.finish(new Uint8Array(value.done.header), meta))).catch(fail)
              .then(() => (failed ? null : evict(s, address)));
            chain.then(() => { if (!failed) status({ saved: true }); });
            end('done');
          } else {
            end(writer ? 'dropped' : 'not ready');
          }
        };
        command({ write_image: identity });
      });
    }
    // The least recently used images beyond the budget, never the one just stored.
    async function evict(s, kept) {
      const metas = (await s.metas()).sort((a, b) => b.usedAt - a.usedAt);
      let total = 0;
      for (const meta of metas) {
        total += meta.length;
        if (total > kBudget && meta.address !== kept) await s.remove(meta.address);
      }
    }

    // After a usable import of `url` (a single export): waits for its index, then keeps its
    // image. A newer load supersedes the wait.
    let saving = 0;
    async function save(url, identity) {
      const s = await store;
      await cleared;
      if (!s || nocache) return;
      const mine = ++saving;
      while (mine === saving && (await write(s, url, { address: url, ...identity })) === 'not ready') {
        await new Promise((resolve) => setTimeout(resolve, 500));  // the index is still being built
      }
    }

    // A local preview came: a save still waiting for the served board's index is given up
    // (the engine writes no image during a preview; the served board is saved again after).
    function cancel() { ++saving; }

    // The data status's "clear saved boards" (the effect "clear_images").
    async function clear() {
      ++saving;
      const s = await store;
      if (s) await s.clear();
      status({ saved: false });
    }

    app.images = { find, published, show, save, took, clear, cancel };
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
