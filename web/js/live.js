// Live data: deliver() hands a download to the importer and waits for the load to end;
// the export is polled for changes (conditional requests, a watchdog per check) and a
// usable board is kept as the saved copy the service worker answers with offline.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.live = function live(app) {
    const { T, params, single, command, handOver, endStream, absolute, validators, digest, savedAtOf, remember, bodyOf,
            fetchResult, fetchExport, channel, heap, kExportBytesAtMost } = app;
    // How long a live check may take: a download that sends nothing for stallMs, or a check
    // (download and import) that takes longer than checkMs, is abandoned and the board stays.
    // Tests may set window.newsroomLimits before the page scripts run.
    const limits = { stallMs: 60000, checkMs: 600000, ...(window.newsroomLimits || {}) };

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
      const ended = loadEnded();  // a small export is imported within the call that hands it over
      if (result.bytes.streamed) {  // read while it downloaded: its end is all that is left to say
        endStream(result.bytes);
        return ended;
      }
      // Small files may be a manifest (an export is imported at once); large ones are exports.
      const small = result.bytes.length <= (1 << 20);
      const manifest = handOver(result.bytes, { as: small ? 'data' : 'export', name: source });
      if (manifest === null) return ended;
      if (manifest.error) return loadFailed(source, `the manifest is broken: ${manifest.error}`);
      const base = new URL(source, location.href);
      const parts = await Promise.all(manifest.files.map((file) => fetchResult(new URL(file, base).href)
        .then((part) => ({ ...part, name: file }))));
      for (const part of parts) handOver(part.bytes, { as: 'part', name: part.name, error: part.bytes ? '' : errorText(part.error) });
      const finished = loadEnded();
      command({ finish_parts: source });
      return finished;
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
    const live = { source: null, manifest: null, polls: 0, swaps: 0, boards: 0, lastChecked: 0, lastError: '', savedAt: 0,
                   refused: false,  // refused: the last import could not be used (the earlier board stays)
                   imageSavedAt: 0 };  // the board came from a board image stored then (seconds), not yet checked
    const nowSeconds = () => Math.floor(Date.now() / 1000);
    const canSave = () => typeof caches !== 'undefined' && /^https?:$/.test(location.protocol) && !single;
    function reportLive() {
      if (!app.started) return;
      command({ live: { poll_seconds: Math.round(pollSeconds), polls: live.polls, swaps: live.swaps,
                        last_checked: live.lastChecked, last_error: live.lastError, saved_at: live.savedAt } });
    }
    // The files of a manifest (absolute URLs), or null when the bytes are not a manifest.
    function manifestFiles(url, bytes) {
      if (!bytes || bytes.length > (1 << 20)) return null;
      const answer = handOver(bytes, { as: 'manifest' });
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
    // A saved board image (web/js/images.js) instead of the export: shown at once, then the
    // export is asked whether it changed since (one conditional request with the image's
    // validators, as a live poll): a changed export is imported and swapped in. A refused
    // image changes nothing: the export is fetched and imported as without one.
    async function deliverImage(result) {
      const answer = await app.images.show(result.url, result.image);
      if (!answer.identity) return deliverTracked(await result.fetch());
      const { etag, last_modified: lastModified, digest: known } = answer.identity;
      validators.set(absolute(result.url), { etag: etag || null, lastModified: lastModified || null, digest: known || null });
      live.source = result.url;
      live.manifest = null;
      ++live.boards;
      // Until the server answers, the board is what was saved then (offline: at once).
      live.imageSavedAt = Math.floor((result.image.meta.savedAt || 0) / 1000);
      if (navigator.onLine === false) live.savedAt = live.imageSavedAt;
      reportLive();
      pollNow();  // runs once this first delivery has ended
      return undefined;
    }
    // deliver() and what follows it: the live state, the saved copy, the next poll's source.
    // With a `watch` (a live check's), the import is abandoned when the check runs out of time.
    async function deliverTracked(result, watch = null) {
      if (result.image) return deliverImage(result);
      let pending = true;  // until the wasm side says this load ended (loadFinished)
      const abandon = () => { if (pending) loadFailed(result.url, errorText(watch.signal.reason)); };
      if (watch) watch.signal.addEventListener('abort', abandon);
      try {
        await deliver(result);
      } finally {
        pending = false;
        if (watch) watch.signal.removeEventListener('abort', abandon);
      }
      const files = app.fetched;
      app.fetched = new Map();
      live.source = result.url;
      const data = window.newsroom.state().data;
      app.preview = data.preview;  // a usable export ended a local preview
      live.refused = !data.usable;
      if (data.usable) {
        live.manifest = manifestFiles(result.url, result.bytes) ? result.bytes : null;
        if (++live.boards > 1) ++live.swaps;
        live.imageSavedAt = 0;
        const savedAt = Math.max(0, ...[...files.values()].map((file) => file.savedAt));
        live.savedAt = savedAt;
        live.lastError = '';
        reportLive();
        if (!savedAt) saving = saving.then(() => saveGood(files));  // in order, in the background
        // The board and its index as an image for the next visit (a single export's only).
        if (!savedAt && !live.manifest && app.images) {
          const known = validators.get(absolute(result.url)) || {};
          app.images.save(result.url, { etag: known.etag || '', last_modified: known.lastModified || '',
                                        length: result.bytes.length || 0, digest: known.digest || '' });
        }
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
      if (!changed && bytes.streamed) endStream(bytes, { discard: true });
      remember(url, response, bytes);
      if (!changed) app.fetched.delete(key);
      return { changed, bytes };
    }
    async function poll() {
      await app.ready;
      await app.firstDelivery.catch(() => {});  // the first board, and its validators, are in
      const source = live.source;
      // A local preview is on screen: the served export is not checked (a change would swap
      // the served board over the preview); going back fetches it as it is then.
      if (!source || app.preview) return;
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
          app.fetched.delete(part);  // deliver() fetches the files of a manifest itself
        }
        watch.downloaded();
        if (changed) {
          await deliverTracked({ url: source, bytes: bytes || main.bytes }, watch);
        } else {
          app.fetched = new Map();
          if (!live.refused) live.lastError = '';  // a refused export stays named until it is replaced
          live.savedAt = 0;  // the network answered: the board is the current export
        }
      } catch (error) {
        app.fetched = new Map();
        live.lastError = `${where}: ${errorText(watch.signal.aborted ? watch.signal.reason : error)}`;
        if (live.imageSavedAt && !live.savedAt && live.boards === 1) live.savedAt = live.imageSavedAt;  // no network yet
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

    // --- a local preview: an export file from the data team's disk ----------------------
    // Read in the page (File.stream(), never uploaded) into the engine's byte channel with
    // {preview: true}: the engine compares it with the served board on screen, then shows it
    // with its own report (src/app/session.h). A large file is imported while it is read.
    // Nothing of it is kept: no saved copy for the service worker (deliverTracked alone does
    // that), no board image (the engine refuses to write one during a preview), and polling
    // pauses until backToServed() delivers the served export again.
    app.preview = null;  // state().data.preview while a preview is shown
    async function previewNow(file) {
      const name = String(file.name || 'preview.json');
      if (file.size > kExportBytesAtMost) {
        throw new Error(`${name}: the file is ${Math.floor(file.size / 1048576)} MB, over the limit of ` +
          `${kExportBytesAtMost >> 20} MB for an export`);
      }
      if (app.preview) await backNow();  // compared with the served board, not the last preview
      if (app.images) app.images.cancel();  // no image of the served board is waited for meanwhile
      const streamed = file.size >= kStreamFrom;
      const id = channel.open(streamed ? { kind: 'stream', preview: true, name, expected: file.size }
                                       : { preview: true, name, expected: file.size });
      const ended = loadEnded();
      try {
        const reader = file.stream().getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const at = channel.space(id, value.length);  // first: the heap may grow (a new HEAPU8)
          heap().set(value, at);
          let unread = channel.commit(id, value.length);
          while (streamed && unread > kUnreadAtMost) {  // the import catches up before more is read
            await new Promise((resolve) => setTimeout(resolve, 4));
            unread = channel.commit(id, 0);
          }
        }
      } catch (error) {
        channel.close(id, streamed ? { error: errorText(error) } : { discard: true });
        throw new Error(`${name} could not be read: ${errorText(error)}`);
      }
      channel.close(id, streamed ? {} : { as: 'export', name, preview: true });
      await ended;
      app.preview = window.newsroom.state().data.preview;
    }
    const kStreamFrom = 4 << 20;
    const kUnreadAtMost = 8 << 20;
    // 서버 자료로 돌아가기: the served export delivered again (its saved board image when
    // there is one, then asked whether it changed, as on a visit; else fetched), the view
    // kept as in a live swap. Not counted as a swap.
    async function backNow() {
      if (!app.preview) return;
      const url = live.source || app.dataUrl || 'data/articles.json';
      --live.boards;
      const found = app.images && !live.manifest && !single ? await app.images.find(url) : null;
      if (single) await deliverTracked(await app.firstData);  // the single file's own export, embedded
      else if (found) await deliverTracked({ url, image: found, fetch: () => fetchExport(url) });
      else await deliverTracked(await fetchExport(url));
      app.preview = window.newsroom.state().data.preview;
    }
    async function afterFirst(task) {
      await app.ready;
      await app.firstDelivery.catch(() => {});
      return queued(task);
    }
    const previewFile = (file) => afterFirst(() => previewNow(file));
    const backToServed = () => afterFirst(backNow);
    app.ready.then(() => {
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
    // The one signal that a load ended ({generation, usable}), from C++ through
    // the effect "loaded" (api.js); deliver() waits for it.
    function loadFinished(outcome) {
      const waiters = loadWaiters;
      loadWaiters = [];
      for (const resolve of waiters) resolve(outcome);
    }

    Object.assign(app, { limits, errorText, deliver, deliverTracked, loadFinished, pollNow, queued, previewFile,
                         backToServed });
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
