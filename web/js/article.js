// What the page does for an article on its own: copy its link, share it, print it (a
// printable document built from its data), the short message that says so, and the
// screen-reader mirror of what the canvas shows.
// A classic script, not an ES module: web/newsroom.js says why. It only defines its part;
// the page's main script (web/newsroom.js) runs it with the shared `app` object.
(function (parts) {
  'use strict';

  parts.article = function article(app) {
    const { T, boot, canvas } = app;
    app.lastAction = null;  // for tests: what the last action (or download) did

    // --- article actions: copy link, share, print ----------------------------------------
    // The share addresses the original board's buttons use; the link is this view's URL.
    const shareUrl = {
      facebook: (url) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
      x: (url, title) => `https://twitter.com/intent/tweet?text=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`,
    };

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
      app.lastAction = { action, url, id: article.id };
      if (action === 'copy-link') {
        try {
          await navigator.clipboard.writeText(url);
          toast(T.copied);
        } catch (error) {
          toast(T.copyFailed);
          app.lastAction.error = String(error);
        }
      } else if (action === 'share-facebook' || action === 'share-x') {
        const target = shareUrl[action === 'share-x' ? 'x' : 'facebook'](url, article.title);
        app.lastAction.target = target;
        window.open(target, '_blank', 'noopener,noreferrer,width=640,height=560');
      } else if (action === 'print') {
        const html = '<!doctype html>' + printableDocument(article).documentElement.outerHTML;
        app.lastAction.html = html;
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
      if (view.notice) add(mirror, 'p', view.notice, { role: 'status' });  // a local preview, not the site's data
      if (view.article) {
        const article = add(mirror, 'article');
        add(article, 'h1', view.article.title);
        add(article, 'p', `${view.article.category} · ${T.author} ${view.article.author || '-'} · ${T.date} ${view.article.published} · ${T.views} ${view.article.views}`);
        for (const paragraph of view.article.paragraphs) add(article, 'p', paragraph);
        if (view.article.source.url) add(add(article, 'p', `${T.source}: `), 'a', view.article.source.name || view.article.source.url, { href: view.article.source.url });
        if (view.article.tags && view.article.tags.length) {
          const tags = add(article, 'p', `${T.tags}: `);
          view.article.tags.forEach((tag, i) => {
            if (i) tags.append(' ');
            add(tags, 'a', `#${tag}`, { href: `#/?tag=${encodeURIComponent(tag)}` });
          });
        }
        if (view.related) {
          add(mirror, 'h2', view.related.heading);
          const list = add(mirror, 'ul');
          for (const item of view.related.items) add(add(list, 'li'), 'a', item.title, { href: `#/article/${item.id}` });
        }
        add(mirror, 'a', T.toList, { href: '#/' });
        return;
      }
      add(mirror, 'h1', view.board);
      add(mirror, 'p', view.query ? T.results(view.query, view.total, view.page, view.pages) : T.all(view.total, view.page, view.pages));
      // #/analytics: the key figures and each chart's numbers, a table each (their words
      // come from the engine's string table, in the page's language).
      for (const table of view.analytics || []) {
        const element = add(mirror, 'table');
        add(element, 'caption', table.caption);
        const head = add(add(element, 'thead'), 'tr');
        for (const cell of table.head) add(head, 'th', cell, { scope: 'col' });
        const body = add(element, 'tbody');
        for (const cells of table.rows) {
          const row = add(body, 'tr');
          cells.forEach((cell, i) => add(row, i === 0 ? 'th' : 'td', cell, i === 0 ? { scope: 'row' } : {}));
        }
      }
      const list = add(mirror, 'ol');
      for (const item of view.items) {
        const li = add(list, 'li');
        add(li, 'a', item.title, { href: `#/article/${item.id}` });
        add(li, 'span', ` (${item.meta})`);
      }
    }

    Object.assign(app, { shareUrl, printableDocument, toast, articleAction, updateMirror });
  };
})(globalThis.newsroomParts = globalThis.newsroomParts || {});
