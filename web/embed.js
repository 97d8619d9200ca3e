// Mounts the newsroom viewer into a host page. The host writes, where the viewer goes:
//
//   <div data-newsroom="https://host/newsroom/" data-mode="kiosk" data-rotate="20"
//        style="height: 80vh"></div>
//   <script src="https://host/newsroom/web/embed.js"></script>
//
// Every element with data-newsroom gets an iframe filling it (fullscreen allowed, a title
// for screen readers); each other data-* attribute becomes a query option of the viewer
// (mode, rotate, idle, scale, playlist, count, stale, lang, theme, data; README "Kiosk and
// embedding"). data-newsroom may be empty: the viewer is then the folder this script is
// served from. Elements added later are mounted by calling window.newsroomEmbed.mount().
//
// This file is pure ASCII; write other characters as \uXXXX escapes. A host's server may
// send it without a charset, and a script without one is decoded in the host page's
// encoding (EUC-KR on many Korean sites), which would turn UTF-8 text into mojibake.
(function () {
  'use strict';

  const OPTIONS = ['mode', 'rotate', 'idle', 'scale', 'playlist', 'count', 'stale', 'lang', 'theme', 'data'];
  const script = document.currentScript;
  // The viewer's folder: this script lives in <viewer>/web/embed.js.
  const scriptBase = script && script.src ? new URL('../', script.src).href : null;

  function viewerUrl(element) {
    const base = element.getAttribute('data-newsroom') || scriptBase;
    if (!base) throw new Error('newsroom embed: data-newsroom must name the viewer\'s address');
    const url = new URL(base, location.href);
    for (const name of OPTIONS) {
      const value = element.getAttribute(`data-${name}`);
      if (value !== null && value !== '') url.searchParams.set(name, value);
    }
    const hash = element.getAttribute('data-hash');
    if (hash) url.hash = hash;
    return url.href;
  }

  function mount(element) {
    if (element.newsroomFrame) return element.newsroomFrame;
    const frame = document.createElement('iframe');
    frame.src = viewerUrl(element);
    // The Korean for "Newsroom", escaped: this file stays ASCII (see the top).
    frame.title = element.getAttribute('data-title') ||
      (element.getAttribute('data-lang') === 'en' ? 'Newsroom' : '\uB274\uC2A4\uB8F8');
    frame.allow = 'fullscreen; clipboard-write';
    frame.allowFullscreen = true;
    frame.loading = 'eager';
    frame.referrerPolicy = 'no-referrer-when-downgrade';
    Object.assign(frame.style, { display: 'block', width: '100%', height: '100%', border: '0', margin: '0' });
    // The element decides the size; give it one if the host did not.
    if (!element.style.height && element.getBoundingClientRect().height < 10) element.style.height = '80vh';
    element.replaceChildren(frame);
    element.newsroomFrame = frame;
    return frame;
  }

  function mountAll(root) {
    return Array.from((root || document).querySelectorAll('[data-newsroom]'), mount);
  }

  window.newsroomEmbed = { mount: (element) => (element ? mount(element) : mountAll()), url: viewerUrl };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
  else mountAll();
})();
