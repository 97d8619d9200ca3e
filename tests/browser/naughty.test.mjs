// The naughty strings corpus (../shared/corpora, when NEWSROOM_CORPORA is set) as an
// export: every Hangul and Latin string shows with a glyph for every character, nothing
// runs, and the page keeps drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { launch, newPage, open, waitForState } from './harness.mjs';

const corpus = process.env.NEWSROOM_CORPORA && path.join(process.env.NEWSROOM_CORPORA, 'naughty-strings/blns.json.gz');
const available = corpus && existsSync(corpus);

let env;
before(async () => { if (available) env = await launch(); });
after(async () => { await env?.close(); });

test('naughty strings in Hangul and Latin show with no missing glyph', { skip: available ? false : 'NEWSROOM_CORPORA is not set' }, async () => {
  const strings = JSON.parse(gunzipSync(readFileSync(corpus)).toString('utf8'));
  // Hangul syllables, Latin letters, digits, ASCII punctuation and spaces only: the scripts
  // the bundled font covers (others would count as missing glyphs by design).
  const drawable = strings.filter((s) => s.trim() && /^[\uAC00-\uD7A3A-Za-z0-9 !-/:-@[-`{-~]+$/.test(s));
  assert.ok(drawable.length > 100, `${drawable.length} strings`);
  const articles = drawable.map((s, i) => ({ id: i + 1, title: s, author: s.slice(0, 20), body: s, body_format: 'text',
    published_at: '2024-01-01 09:00', category: 'naughty' }));
  const page = await newPage(env, { viewport: { width: 1280, height: 2600 } });
  let alerted = false;
  page.on('dialog', async (dialog) => { alerted = true; await dialog.dismiss(); });
  await page.route('**/exports/naughty.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ articles }) }));
  let s = await open(page, env, '?data=exports/naughty.json#/?per=50');
  assert.equal(s.data.articles, drawable.length);
  for (let n = 1; n <= s.pages; n++) {
    await page.evaluate((hash) => { location.hash = hash; }, `#/?per=50&page=${n}`);
    s = await waitForState(page, (x) => x.page === n && x.results.ids.length > 0, `page ${n}`);
    const frame = s.frame;
    s = await waitForState(page, (x) => x.frame > frame + 1, 'a full frame of that page');
    assert.equal(s.glyphs_missing, 0, `page ${n}`);
  }
  assert.equal(alerted, false, 'nothing in the export ran');
  assert.deepEqual(page.errors, []);
});
