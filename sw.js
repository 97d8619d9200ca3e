// The viewer's service worker: a kiosk keeps running through network loss and a reboot
// without network. web/js/live.js registers it on http(s) only (never from file:).
//
// - App files (the page, the runtimes and builds index*.js / index*.wasm, web/*, fonts/*): network
//   first, so a new build is picked up at once; each answer refreshes the copy in the
//   versioned app cache, which answers when the network fails.
// - The page itself is answered with the cross-origin isolation headers (COOP, COEP
//   credentialless) when its host sent none: from the second visit on, such a host's page
//   can run the threaded build too. A host that forbids them (an iframe in a page that is
//   not isolated) leaves the page on its single-threaded builds, which is all it loses.
// - Data (every other same-origin GET: exports, manifests, attachments): straight to the
//   network. When the network fails, the last GOOD export answers: the page writes it to
//   the data cache itself, and only after an import that was usable (a broken export never
//   replaces it). Its `x-newsroom-saved` header (UTC seconds) tells the page that it is
//   showing saved data, and from when.
'use strict';

const VERSION = 3;
const APP_CACHE = `newsroom-app-v${VERSION}`;
const DATA_CACHE = 'newsroom-data';  // shared with web/js/live.js
const APP_FILES = ['index.html', 'index.js', 'index.wasm', 'index-simd.wasm', 'index-threads.js', 'index-threads.wasm',
  'index-threads.worker.js', 'web/newsroom.js', 'web/js/downloads.js', 'web/js/images.js', 'web/js/image-reader.js',
  'web/js/image-download.js', 'web/js/live.js', 'web/js/input.js', 'web/js/article.js', 'web/js/api.js',
  'web/newsroom.css', 'fonts/NanumGothic.ttf'];

const scope = new URL(self.registration.scope);
const isAppFile = (url) => {
  const path = url.pathname.slice(scope.pathname.length);
  return path === '' || path === 'index.html' || /^index(-simd|-threads)?\.(js|wasm)$/.test(path) ||
    path === 'index-threads.worker.js' || path.startsWith('web/') || path.startsWith('fonts/');
};

// The page with the isolation headers its host left out (a new Response: headers of a
// fetched one cannot be changed).
function isolated(response) {
  if (!response.ok || response.headers.has('cross-origin-embedder-policy')) return response;
  const headers = new Headers(response.headers);
  headers.set('cross-origin-opener-policy', 'same-origin');
  headers.set('cross-origin-embedder-policy', 'credentialless');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('install', (event) => {
  // Best effort: a file that cannot be fetched now is cached the next time it is used.
  event.waitUntil(caches.open(APP_CACHE)
    .then((cache) => Promise.all(APP_FILES.map((file) => cache.add(new Request(file, { cache: 'no-cache' })).catch(() => {}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('newsroom-app-') && name !== APP_CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

async function appFile(request, url) {
  const cache = await caches.open(APP_CACHE);
  const key = url.pathname === scope.pathname ? new URL('index.html', scope).href : url.origin + url.pathname;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) return saved;
    throw error;
  }
}

async function data(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = await (await caches.open(DATA_CACHE)).match(url.href, { ignoreSearch: true });
    if (saved) return saved;
    return new Response('offline, and no saved copy of this file\n',
      { status: 503, statusText: 'Offline (no saved copy)', headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate' && isAppFile(url)) event.respondWith(appFile(request, url).then(isolated));
  else if (isAppFile(url)) event.respondWith(appFile(request, url));
  else event.respondWith(data(request, url));
});
