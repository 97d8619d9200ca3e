// The boundaries: window.newsroomHost, called from C++ (src/platform/library_newsroom.js),
// and window.newsroom, the one that tests and embedding pages use (docs/testing.md); with
// them the URL hash and history, settings and image previews the host asks for.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.api = function api(app) {
    const { Module, T, params, english, kiosk, KIOSK_OPTIONS, canvas, boot, ImageStatus, command, query, withString,
            handOver, fetchExport, deliverTracked, loadFinished, pollNow, queued, shareUrl, printableDocument,
            articleAction, updateMirror, placeSearchInput, setSearchInput, previewFile, backToServed, errorText } = app;

    function applyHash() {
      if (app.started) command({ hash: location.hash });
    }
    window.addEventListener('popstate', applyHash);
    window.addEventListener('hashchange', applyHash);

    const depth = () => (history.state && history.state.newsroomDepth) || 0;
    const readSetting = (key) => {
      try { return localStorage.getItem(`newsroom.${key}`); } catch (error) { return null; }
    };

    // Called from C++ (src/platform/library_newsroom.js).
    window.newsroomHost = {
      // Every effect of a call or a frame (src/app/effects.h), in order: [{name: value}, ...].
      effect(list) {
        for (const effect of list) {
          for (const [name, value] of Object.entries(effect)) {
            const carry = effects[name];
            if (carry) carry(value);
            else console.warn(`newsroom: unknown effect ${name}`);
          }
        }
      },
      requestImage,
    };

    // The runtime is up (the first effect): the options, settings and route, then the data.
    function runtimeStarted() {
      app.started = true;
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
      app.fontPromise.then((bytes) => handOver(bytes, { as: 'font', error: bytes ? '' : 'not fetched' }));
      app.firstDelivery = app.firstData.then(deliverTracked);
    }

    // What each effect does to the page (docs/architecture.md lists them).
    const pushHash = (hash) => { if (location.hash !== hash) history.pushState({ newsroomDepth: depth() + 1 }, '', hash); };
    const effects = {
      started: runtimeStarted,
      push_hash: pushHash,
      // Board images (web/js/images.js): the one just written, and the data status's "clear".
      image: (value) => app.images.took(value),
      clear_images: () => app.images.clear(),
      // A local preview (live.js): the data status's 파일 미리보기… (a file picker, opened
      // while the click's user activation lasts) and the preview bar's way back.
      pick_file: pickFile,
      preview_back: () => { backToServed().catch(warnPreview); },
      replace_hash(hash) {
        if (location.hash !== hash) history.replaceState(history.state, '', hash);
      },
      // 목록 after an article opened from the list: the browser's back, when the entry
      // before is ours (the engine already shows the list); otherwise the list as a new entry.
      back(hash) {
        if (depth() > 0) history.back();
        else pushHash(hash);
      },
      title(title) { document.title = title; },
      open_url(url) {
        if (kiosk) return;  // a kiosk shows links as QR codes instead (the engine never asks)
        // http(s) and mailto, or an address on this site (attachments): never javascript: or data:
        const address = new URL(url, location.href);
        if (/^(https?:|mailto:)$/i.test(address.protocol)) window.open(address.href, '_blank', 'noopener,noreferrer');
      },
      article_action({ action, article }) { articleAction(action, article); },
      // Kiosk mode: the address a link or an article action stands for, shown as a QR code.
      // The answer goes back as a command once this call into the page has returned.
      qr(asked) {
        const address = typeof asked === 'string' ? absoluteUrl(asked) : shareAddress(asked.action, asked.article);
        queueMicrotask(() => command({ qr: address }));
      },
      download({ name, type, content }) {
        const url = URL.createObjectURL(new Blob([content], { type }));
        const link = Object.assign(document.createElement('a'), { href: url, download: name });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        const bom = content.charCodeAt(0) === 0xFEFF;
        app.lastAction = { action: 'download', file: name, bom, text: bom ? content.slice(1) : content };
      },
      save_setting(settings) {
        for (const [key, value] of Object.entries(settings)) {
          try { localStorage.setItem(`newsroom.${key}`, value); } catch (error) { /* private mode: not remembered */ }
        }
      },
      mirror: updateMirror,
      search_box([x, y, w, h]) { placeSearchInput(x, y, w, h); },
      search_text: setSearchInput,
      // The one signal that a load ended ({generation, usable}); deliver() waits for it.
      loaded: loadFinished,
      first_frame() { performance.mark('newsroom:first-frame'); },
      ready() {
        performance.mark('newsroom:ready');
        boot.classList.add('hidden');
        app.resolveReady();
      },
      warn(message) { console.warn(`newsroom: ${message}`); },
    };
    // --- a local preview: a file dropped anywhere on the page, or picked ----------------
    const warnPreview = (error) => console.warn(`newsroom: no preview: ${errorText(error)}`);
    const preview = (file) => previewFile(file).catch(warnPreview);
    let picker = null;
    function pickFile() {
      if (kiosk) return;
      if (!picker) {
        picker = Object.assign(document.createElement('input'),
                               { type: 'file', accept: '.json,.jsonl,application/json', hidden: true });
        picker.id = 'newsroom-pick-file';
        picker.addEventListener('change', () => {
          const file = picker.files && picker.files[0];
          picker.value = '';  // the same file may be picked again
          if (file) preview(file);
        });
        document.body.append(picker);
      }
      picker.click();
    }
    // Dragging files over the page shows where to drop them; the browser never opens the
    // file itself (it would leave the page). A kiosk takes no files.
    const dropHint = Object.assign(document.createElement('div'), { id: 'newsroom-drop-hint', className: 'hidden',
                                                                     textContent: T.dropHint });
    dropHint.setAttribute('role', 'status');
    document.body.append(dropHint);
    const carriesFiles = (event) => Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types || []).includes('Files');
    let dragging = 0;
    const hint = (shown) => dropHint.classList.toggle('hidden', !shown);
    if (!kiosk) {
      window.addEventListener('dragenter', (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        ++dragging;
        hint(true);
      });
      window.addEventListener('dragover', (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      });
      window.addEventListener('dragleave', (event) => {
        if (!carriesFiles(event)) return;
        dragging = Math.max(0, dragging - 1);
        if (!dragging) hint(false);
      });
      window.addEventListener('drop', (event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        dragging = 0;
        hint(false);
        const file = event.dataTransfer.files[0];
        if (file) preview(file);
      });
    }

    function absoluteUrl(url) {
      try { return new URL(url, location.href).href; } catch (error) { return String(url); }
    }
    // The address a kiosk shows as a QR code for an article action: the article's own page
    // (without the kiosk's options), or the share address built from it.
    function shareAddress(action, article) {
      const address = new URL(location.href);
      for (const key of KIOSK_OPTIONS) address.searchParams.delete(key);
      address.hash = `#/article/${article.id}`;
      const url = address.href;
      if (action === 'share-facebook') return shareUrl.facebook(url);
      if (action === 'share-x') return shareUrl.x(url, article.title);
      return url;
    }

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

    // --- window.newsroom: the documented boundary -------------------------------------
    window.newsroom = {
      ready: app.ready,
      state() {
        if (!app.started) return null;
        return query({ state: true });
      },
      // CSS-pixel rectangle of a widget drawn in the last frame, or null.
      locate(name) {
        if (!app.started) return null;
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
        if (!app.started) return null;
        return query({ article: Number(id) });
      },
      // The printable page of an article, as HTML.
      printable(id) {
        const article = window.newsroom.article(id);
        return article ? '<!doctype html>' + printableDocument(article).documentElement.outerHTML : null;
      },
      lastAction: () => app.lastAction,
      // Benchmark hooks: CPU ms of each frame (searches typed since the previous frame
      // included) and of each search typed, since the last call (which clears them).
      frameTimes: () => (app.started ? query({ frame_times: true }) : []),
      searchTimes: () => (app.started ? query({ search_times: true }) : []),
      // Test hook: moves the kiosk's clock on by `seconds` (rotation, idle reset, data age).
      advanceClock(seconds) {
        if (app.started) command({ advance_clock: Number(seconds) });
      },
      // Checks the export (or the manifest and each of its files) for a change now; resolves
      // once that check, and a swap it caused, is done (docs/testing.md).
      pollNow,
      // Loads another export (a URL); resolves once it is imported (or refused). A File or a
      // Blob is a local preview instead: read in the page, never uploaded, shown with its
      // report and compared with the served export (state().data.preview).
      async load(what) {
        await app.ready;
        await app.firstDelivery.catch(() => {});
        if (typeof Blob !== 'undefined' && what instanceof Blob) await previewFile(what);
        else await queued(async () => deliverTracked(await fetchExport(String(what))));
        return window.newsroom.state().data;
      },
      // Leaves a local preview: the served export again; resolves once it is on screen.
      async backToServed() {
        await backToServed();
        return window.newsroom.state().data;
      },
    };
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
