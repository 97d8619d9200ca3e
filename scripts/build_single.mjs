// The single-file offline build: one HTML file holding the page, its CSS and JavaScript,
// the wasm, the font and one export, for an exhibition PC with no server (opened from a
// USB stick as file://). web/newsroom.js takes the embedded wasm (Module.wasmBinary), font
// and export instead of fetching them; it and web/js/*.js are inlined as one script.
//
//   node scripts/build_single.mjs [--site build/web/site] [--data data/articles.json]
//                                 [--out build/web/newsroom-offline.html]
//
// No dependencies. The site must have been built (cmake --build --preset web).
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function buildSingle({ site = path.join(root, 'build/web/site'), data = path.join(root, 'data/articles.json'),
                              out = path.join(root, 'build/web/newsroom-offline.html') } = {}) {
  const read = (file, what) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`${what} ${file} cannot be read (${error.code || error.message})` +
        (file.startsWith(site) ? ': build the site first (cmake --build --preset web)' : ''));
    }
  };
  const html = read(path.join(site, 'index.html'), 'the page').toString('utf8');
  const css = read(path.join(site, 'web/newsroom.css'), 'the style sheet').toString('utf8');
  const runtimeJs = read(path.join(site, 'index.js'), 'the runtime').toString('utf8');
  const wasm = read(path.join(site, 'index.wasm'), 'the wasm');
  const font = read(path.join(site, 'fonts/NanumGothic.ttf'), 'the font');
  const exportBytes = read(data, 'the export');

  // Inline text must not close its own element early.
  const script = (text) => `<script>${text.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const blob = (name, bytes, file) =>
    `<script type="application/octet-stream" id="newsroom-embedded-${name}" data-name="${file}">${bytes.toString('base64')}</script>`;
  const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  const replaceOnce = (text, pattern, replacement, what) => {
    if (!pattern.test(text)) throw new Error(`index.html has no ${what}: is ${site} the built site?`);
    return text.replace(pattern, () => replacement);
  };
  let page = html;
  page = replaceOnce(page, /<link rel="stylesheet" href="web\/newsroom\.css">/, `<style>${css}</style>`, 'style sheet link');
  page = page.replace(/<link rel="preload" href="fonts\/NanumGothic\.ttf"[^>]*>\n?/, '');
  const blobs = [blob('wasm', wasm, 'index.wasm'), blob('font', font, 'NanumGothic.ttf'),
    blob('data', exportBytes, escapeAttribute(path.basename(data)))].join('\n');
  // The page's scripts (web/js/*.js, then web/newsroom.js), bundled in the page's order into
  // one inline script where the first stood: a page opened from file:// must fetch none.
  // They are classic scripts sharing globalThis.newsroomParts, so joining them is enough.
  const pageScripts = /[ \t]*<script src="(web\/[^"]+\.js)"><\/script>\n?/g;
  const pageFiles = [...page.matchAll(pageScripts)].map((match) => match[1]);
  if (!pageFiles.includes('web/newsroom.js')) throw new Error(`index.html has no page script: is ${site} the built site?`);
  const pageJs = pageFiles.map((file) => `// ${file}\n${read(path.join(site, file), 'the page script').toString('utf8')}`)
    .join(';\n');
  let first = true;
  page = page.replace(pageScripts, (match) => {
    if (!first) return '';
    first = false;
    return `  ${blobs}\n${script(pageJs)}\n${script(runtimeJs)}\n`;  // the runtime after the page's scripts
  });
  // The runtime's inert copy the served page picks from (web/newsroom.js): inline above instead.
  page = replaceOnce(page, /[ \t]*<template id="newsroom-runtime">\s*<script[^>]*src="index\.js"[^>]*><\/script>\s*<\/template>\n?/,
    '', 'runtime script');

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, page);
  return { out, bytes: statSync(out).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : undefined;
  };
  try {
    const { out, bytes } = buildSingle({ site: option('site'), data: option('data'), out: option('out') });
    console.log(`[single] ${out} (${(bytes / 1048576).toFixed(1)} MB): open it in a browser, no server needed`);
  } catch (error) {
    console.error(`[single] ${error.message}`);
    process.exit(1);
  }
}
