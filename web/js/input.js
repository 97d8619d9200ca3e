// Input the canvas cannot take itself: the search box (a real <input>, for Korean IME
// composition and phone keyboards), touches and the keyboard shortcuts.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.input = function input(app) {
    const { Module, T, canvas, TouchPhase, command, withString } = app;

    // The canvas's rectangle on the page, read again only once its size or the viewport's
    // changed (the canvas is fixed to the viewport: newsroom.css). Reading it forces a
    // layout: in the frame that fills the screen reader's mirror with a new board, 34 ms of
    // the frame's 67 in a profile (issue 16, the high-entropy 100k's ready frame).
    let canvasRect = null;
    const forgetCanvasRect = () => { canvasRect = null; };
    window.addEventListener('resize', forgetCanvasRect);
    if (typeof ResizeObserver === 'function') new ResizeObserver(forgetCanvasRect).observe(canvas);
    const rectOfCanvas = () => canvasRect || (canvasRect = canvas.getBoundingClientRect());

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
      if (!app.started) return;
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
    searchInput.addEventListener('focus', () => { if (app.started) command({ search_focus: true }); sendSearchInput(); });
    searchInput.addEventListener('blur', () => { if (app.started) command({ search_focus: false }); });
    // Touch goes to the wasm side directly: Emscripten 3.1.6's GLFW ignores touch, and its
    // handlers would cancel the browser's compatibility mouse events. Ours run first
    // (registered before GLFW's) and keep the page from scrolling or zooming under the canvas.
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
      canvas.addEventListener(type, (event) => {
        if (!app.started) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        const touch = event.changedTouches[0];
        if (!touch) return;
        const rect = rectOfCanvas();
        const x = (touch.clientX - rect.left) * (canvas.width / rect.width);
        const y = (touch.clientY - rect.top) * (canvas.height / rect.height);
        const phase = type === 'touchstart' ? TouchPhase.down : type === 'touchmove' ? TouchPhase.move : TouchPhase.up;
        Module._newsroom_touch(x, y, phase);
      }, { capture: true, passive: false });
    }

    // Shortcuts Korean board users know: "/" jumps to the search box, Escape goes back
    // from an article (or clears the search).
    window.addEventListener('keydown', (event) => {
      if (!app.started || event.target === searchInput || event.ctrlKey || event.metaKey || event.altKey) return;
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

    // The effects search_box and search_text (api.js): the box the canvas drew moved (w < 0:
    // no box on screen), or the query changed elsewhere (a link, the hash, Escape).
    function placeSearchInput(x, y, w, h) {
      if (w < 0) {
        if (document.activeElement === searchInput) searchInput.blur();
        searchInput.hidden = true;
        return;
      }
      const rect = rectOfCanvas();
      const sx = rect.width / canvas.width;
      const sy = rect.height / canvas.height;
      Object.assign(searchInput.style, {
        left: `${rect.left + x * sx}px`, top: `${rect.top + y * sy}px`, width: `${w * sx}px`, height: `${h * sy}px`,
      });
      searchInput.hidden = false;
    }
    function setSearchInput(text) {
      if (document.activeElement !== searchInput) searchInput.value = text;
    }

    Object.assign(app, { searchInput, sendSearchInput, placeSearchInput, setSearchInput });
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
