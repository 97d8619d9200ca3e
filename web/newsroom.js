// The page side of the viewer: starts every download at once, hands bytes to the wasm
// module, keeps the URL hash and history in step with the app, and exposes
// window.newsroom, the boundary that tests and embedding pages use (docs/testing.md).
//
// The work is done by parts, one file a job, under web/js/: downloads.js (fetches and the
// wasm heap), live.js (delivery, polling, the saved copy), input.js (the search box,
// touch, keys), article.js (copy, share, print, the screen-reader mirror) and api.js
// (window.newsroomHost and window.newsroom). This file holds what they share and wires them.
//
// Why classic scripts and not ES modules: Emscripten's runtime (index.js or
// index-threads.js, which this file loads `async` once it has run) reads the global Module
// the moment it runs, so Module must exist before then. Module scripts are deferred: they
// could run after an async runtime and leave it without our Module. Plain <script> elements
// run in document order, each before the parser goes on, so web/js/*.js, then this file,
// have all run before the runtime is even requested. Each part adds a function to
// globalThis.newsroomParts and runs only when called here, in this order, with one shared
// object `app` (what one part gives another; app.started and the like change later).
// The single-file build (scripts/build_single.mjs) inlines the same scripts in the same
// order, since a page opened from file:// may not load scripts as modules.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  // The page's own strings; the canvas's are in src/ui/strings.cpp. ?lang=en for English.
  const english = params.get('lang') === 'en';
  const STRINGS = {
    ko: { search: '뉴스룸 검색', copied: '링크를 복사했습니다', copyFailed: '링크를 복사하지 못했습니다',
          popupBlocked: '팝업이 막혀 인쇄 창을 열지 못했습니다', author: '작성자', date: '등록일', views: '조회',
          source: '출처', tags: '태그', file: '첨부파일', address: '주소', toList: '목록으로', section: '홍보마당',
          results: (q, n, p, ps) => `'${q}' 검색 결과 ${n}건, ${p}/${ps} 페이지`,
          all: (n, p, ps) => `전체 ${n}건, ${p}/${ps} 페이지`, starting: '뉴스룸을 시작하지 못했습니다.',
          noWebgl: '이 브라우저는 WebGL2 또는 WebAssembly를 지원하지 않습니다.', offline: '네트워크에 연결할 수 없습니다',
          dropHint: '여기에 놓으면 이 파일을 미리 봅니다 (업로드되지 않습니다)' },
    en: { search: 'Search the newsroom', copied: 'Link copied', copyFailed: 'The link could not be copied',
          popupBlocked: 'A pop-up blocker stopped the print window', author: 'By', date: 'Date', views: 'Views',
          source: 'Source', tags: 'Tags', file: 'File', address: 'Address', toList: 'Back to the list', section: 'News',
          results: (q, n, p, ps) => `${n} results for '${q}', page ${p} of ${ps}`,
          all: (n, p, ps) => `${n} articles, page ${p} of ${ps}`, starting: 'The newsroom could not start.',
          noWebgl: 'This browser supports neither WebGL2 nor WebAssembly.', offline: 'no network',
          dropHint: 'Drop the file to preview it here (it is not uploaded)' },
  };
  const T = english ? STRINGS.en : STRINGS.ko;
  // ?mode=kiosk (options in README "Kiosk and embedding"; parsed and checked by the wasm
  // side, newsroom_set_options). A kiosk never navigates away: links become QR codes.
  const kiosk = params.get('mode') === 'kiosk';
  const KIOSK_OPTIONS = ['mode', 'rotate', 'idle', 'scale', 'playlist', 'count', 'stale'];
  if (english) document.documentElement.lang = 'en';
  // ?data=URL names an export or a manifest (the defaults are in web/js/downloads.js).
  const dataUrl = params.get('data');
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

  // The wasm module compiles while it streams in, in parallel with the font and the
  // export (Module.instantiateWasm below); the single-file build carries its own (the plain
  // one). Three builds are served, the first the browser can run:
  // - index-threads (wasm SIMD and threads: a large export is imported and indexed on a
  //   worker) where the page is cross-origin isolated (SharedArrayBuffer; scripts/serve.mjs
  //   sends COOP/COEP, sw.js adds them on hosts that do not);
  // - index-simd.wasm (wasm SIMD, simdjson's SIMD kernel) where a SIMD instruction validates;
  // - index.wasm.
  // ?build=simd or ?build=plain asks for a lesser one. index-simd.wasm runs with index.js
  // (the SIMD build checks that their runtimes agree); index-threads has a runtime of its own.
  const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253,
    98, 11];  // a module whose one function is i8x16.popcnt(i8x16.splat(0))
  const asked = params.get('build');
  const simd = !embeddedWasm && asked !== 'plain' && Boolean(window.WebAssembly) &&
    WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  const threads = simd && asked !== 'simd' && window.crossOriginIsolated === true &&
    typeof SharedArrayBuffer === 'function';
  const wasmFile = threads ? 'index-threads.wasm' : simd ? 'index-simd.wasm' : 'index.wasm';
  const fetchWasm = (file) => fetch(file, { credentials: 'same-origin' });
  const wasmResponse = embeddedWasm ? null : fetchWasm(wasmFile);

  // Integers that cross to the wasm side, named as in src/platform/browser.h.
  const ImageStatus = Object.freeze({ shown: 1, failed: 2, refused: 3 });
  const TouchPhase = Object.freeze({ up: 0, down: 1, move: 2 });

  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  // --- the Emscripten module ---------------------------------------------------------
  window.Module = {
    canvas,
    // Compiles index.wasm as it streams in (its fetch began above); the
    // single-file build hands its bytes over instead.
    ...(embeddedWasm ? { wasmBinary: embeddedWasm.bytes } : {
      instantiateWasm(imports, receive) {
        const instantiate = (file) => (response) => {
          if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
          return /wasm/.test(response.headers.get('content-type') || '')
            ? WebAssembly.instantiateStreaming(response, imports)
            : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
        };
        wasmResponse
          .then(instantiate(wasmFile))
          .catch((error) => {  // a site built without the SIMD variant, or a browser that refuses it
            if (!simd || threads) throw error;  // the threaded runtime runs only its own wasm
            console.warn(`newsroom: ${wasmFile} could not be used (${error.message || error}); loading index.wasm`);
            return fetchWasm('index.wasm').then(instantiate('index.wasm'));
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

  const parts = globalThis.newsroomParts;
  const app = {
    Module: window.Module, params, english, T, kiosk, KIOSK_OPTIONS, dataUrl, canvas, boot,
    embeddedFont, embeddedData, single, threads, ImageStatus, TouchPhase, ready, resolveReady,
    started: false,          // set once the runtime has started (the effect "started")
    firstDelivery: null,     // the first load's deliverTracked()
  };
  parts.downloads(app);
  parts.images(app);
  app.startDownloads();  // the font and the export, before the runtime is up
  parts.live(app);
  parts.input(app);
  parts.article(app);
  parts.api(app);

  // Emscripten's runtime, kept inert in a <template> of shell.html so that the page picks
  // it (index.js, or index-threads.js); the single file has it inline, after this script.
  const runtime = document.getElementById('newsroom-runtime');
  if (runtime) {
    const script = document.createElement('script');
    script.async = true;
    script.src = threads ? 'index-threads.js' : runtime.content.querySelector('script').getAttribute('src');
    script.onerror = () => window.Module.onAbort(`${script.src}: could not be loaded`);
    document.body.appendChild(script);
  }

  if (!window.WebAssembly || !document.createElement('canvas').getContext('webgl2')) {
    boot.textContent = T.noWebgl;
    boot.classList.add('failed');
  }
})();
