// The page's downloads hand their bytes to the wasm heap (web/js/downloads.js): into one
// block that grows as pieces come, or, for a large export, piece by piece into the streamed
// import, which holds the download back while too much is unread. A fake module stands in
// for Emscripten's: a HEAPU8 that is replaced when it grows (as memory growth does, so a
// stale view would lose bytes), a bump allocator, and stream exports that record each call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const code = readFileSync(path.join(root, 'web/js/downloads.js'), 'utf8');
const MB = 1 << 20;

function fakeModule({ consumedPerWork = MB } = {}) {
  const calls = [];
  const blocks = new Map();  // ptr -> size, the blocks not freed
  const handed = [];         // the bytes given to the streamed import, in order
  let next = 16;
  let unread = 0;
  let space = 0;
  const Module = {
    HEAPU8: new Uint8Array(64 * 1024),
    calls, blocks, handed,
    _malloc(n) {
      calls.push(['malloc', n]);
      const ptr = next;
      next += Math.ceil(Math.max(1, n) / 16) * 16;
      if (next > Module.HEAPU8.length) {  // grow: a new view, the old one is stale
        const bigger = new Uint8Array(Math.max(next, Module.HEAPU8.length * 2));
        bigger.set(Module.HEAPU8);
        Module.HEAPU8 = bigger;
      }
      blocks.set(ptr, n);
      return ptr;
    },
    _realloc(ptr, n) {
      calls.push(['realloc', ptr, n]);
      if (!ptr) return Module._malloc(n);
      const old = blocks.get(ptr);
      assert.ok(old !== undefined, `realloc of a block not allocated (${ptr})`);
      const grown = Module._malloc(n);
      Module.HEAPU8.copyWithin(grown, ptr, ptr + Math.min(old, n));
      Module._free(ptr);
      return grown;
    },
    _free(ptr) {
      calls.push(['free', ptr]);
      if (ptr) assert.ok(blocks.delete(ptr), `free of a block not allocated (${ptr})`);
    },
    lengthBytesUTF8: (text) => Buffer.byteLength(text),
    stringToUTF8(text, ptr, size) {
      const bytes = Buffer.from(text);
      Module.HEAPU8.set(bytes.subarray(0, size - 1), ptr);
      Module.HEAPU8[ptr + Math.min(bytes.length, size - 1)] = 0;
    },
    UTF8ToString(ptr) {
      let end = ptr;
      while (Module.HEAPU8[end]) ++end;
      return Buffer.from(Module.HEAPU8.subarray(ptr, end)).toString();
    },
    _newsroom_command(ptr) { calls.push(['command', JSON.parse(Module.UTF8ToString(ptr))]); },
    _newsroom_stream_begin(source, expected) { calls.push(['begin', Module.UTF8ToString(source), expected]); },
    _newsroom_stream_space(n) {
      calls.push(['space', n]);
      space = Module._malloc(n);
      return space;
    },
    _newsroom_stream_added(n) {
      calls.push(['added', n]);
      handed.push(Module.HEAPU8.slice(space, space + n));
      Module._free(space);
      unread += n;
    },
    _newsroom_stream_work() {
      calls.push(['work']);
      unread = Math.max(0, unread - consumedPerWork);
    },
    _newsroom_stream_unread() {
      calls.push(['unread', unread]);
      return unread;
    },
  };
  return Module;
}

// web/js/downloads.js run as the page runs it, with the fake module and a fake fetch.
function load(Module, respond) {
  const context = vm.createContext({
    fetch: async (url) => respond(url), URL, location: { href: 'http://newsroom.test/' }, setTimeout, clearTimeout, console,
  });
  vm.runInContext(code, context, { filename: 'web/js/downloads.js' });
  const app = { Module, started: true };
  context.newsroomParts.downloads(app);
  return app;
}

// Deterministic bytes, different in every position of a piece.
function source(length, seed = 7) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; ++i) bytes[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return bytes;
}

// A response whose body arrives in the given pieces; `cancelled` says whether it was stopped.
function response(pieces, headers = {}) {
  const state = { cancelled: false };
  let i = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]);
      else controller.close();
    },
    cancel() { state.cancelled = true; },
  });
  return Object.assign(new Response(body, { headers }), { state });
}

const cut = (bytes, sizes) => {
  const pieces = [];
  let at = 0;
  for (const size of sizes) {
    pieces.push(bytes.slice(at, at + size));
    at += size;
  }
  assert.equal(at, bytes.length);
  return pieces;
};

const concat = (pieces) => {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
};

test('pieces arriving in several chunks end up contiguous in one heap block of the right length', async () => {
  const Module = fakeModule();
  const bytes = source(3 * MB + 12345);
  const answer = response(cut(bytes, [1000, 2 * MB, 17, MB + 11328]), { 'content-length': String(bytes.length) });
  const app = load(Module, () => answer);
  const progress = [];
  const got = await app.readInPieces('data/articles.json', answer, (done, total) => progress.push([done, total]), null);
  assert.equal(got.length, bytes.length);
  assert.equal(got.chunks.length, 0, 'every piece went into the block');
  assert.ok(got.ptr && got.capacity >= got.length);
  assert.equal(Module.blocks.get(got.ptr), got.capacity, 'one live block holds it');
  assert.equal(Module.blocks.size, 1);
  assert.deepEqual(Module.HEAPU8.slice(got.ptr, got.ptr + got.length), bytes, 'the bytes, in order, survived the heap growing');
  assert.deepEqual(progress.map(([done]) => done), [1000, 1000 + 2 * MB, 1017 + 2 * MB, bytes.length]);
  assert.ok(progress.every(([, total]) => total === bytes.length));

  // Handed to the importer: the block itself, not a copy.
  const before = Module.calls.length;
  const ptr = got.ptr;
  assert.equal(app.copyIn(got), ptr);
  assert.equal(got.ptr, 0, 'the block is the callee\'s now');
  assert.equal(Module.calls.slice(before).filter(([call]) => call === 'malloc').length, 0);
});

test('a compressed download whose length is unknown is cut to its real length', async () => {
  const Module = fakeModule();
  const bytes = source(5 * MB + 3);
  // 1 MB sent compressed: the block is first sized for 7 MB, then given back down to 5 MB.
  const answer = response(cut(bytes, [MB, 2 * MB, 2 * MB + 3]),
    { 'content-length': String(MB), 'content-encoding': 'gzip' });
  const app = load(Module, () => answer);
  const totals = [];
  const got = await app.readInPieces('data/articles.json', answer, (done, total) => totals.push(total), null);
  assert.ok(totals.every((total) => total === 0), 'the total is unknown');
  assert.ok(Module.calls.some(([call, , n]) => call === 'realloc' && n === 7 * MB), 'sized for the usual ratio first');
  assert.equal(got.capacity, bytes.length);
  assert.equal(Module.blocks.get(got.ptr), bytes.length);
  assert.deepEqual(Module.HEAPU8.slice(got.ptr, got.ptr + got.length), bytes);
});

test('a small download comes back as its own array and its heap block is freed', async () => {
  const Module = fakeModule();
  const bytes = source(2 * MB + 5);
  const app = load(Module, () => response(cut(bytes, [MB, MB, 5]), { 'content-length': String(bytes.length), etag: '"v1"' }));
  const got = await app.fetchBytes('data/articles.json', { onProgress: () => {} });
  assert.ok(!got.ptr && !got.chunks);
  assert.deepEqual(new Uint8Array(got), bytes);
  assert.equal(Module.blocks.size, 0, 'nothing left in the heap');
  assert.equal(app.validators.get('http://newsroom.test/data/articles.json').etag, '"v1"');
  assert.equal(app.validators.get('http://newsroom.test/data/articles.json').digest, app.digest(bytes));
});

test('a download past the 512 MB Content-Length is refused before any _malloc', async () => {
  const Module = fakeModule();
  const answer = response([source(1000)], { 'content-length': String(600 * MB) });
  const app = load(Module, () => answer);
  await assert.rejects(app.fetchBytes('data/huge.json', { onProgress: () => {}, stream: { open: true } }), (error) => {
    assert.equal(error.refused, true);
    assert.equal(error.message,
      'the file is 600 MB, over the limit of 512 MB for an export: split it into several files listed by a manifest');
    return true;
  });
  assert.deepEqual(Module.calls.filter(([call]) => ['malloc', 'realloc', 'begin', 'command'].includes(call)), []);
  assert.ok(answer.state.cancelled, 'the download is stopped');
  assert.equal(app.kExportBytesAtMost, 512 * MB);
});

test('a streamed download hands every byte over in order and pauses while more than 8 MB are unread', async () => {
  const Module = fakeModule({ consumedPerWork: MB });
  const pieces = Array.from({ length: 6 }, (_, i) => source(3 * MB + i, i));
  const bytes = concat(pieces);
  const answer = response(pieces, { 'content-length': String(bytes.length) });
  const app = load(Module, () => answer);
  const got = await app.fetchBytes('data/articles.json', { onProgress: () => {}, stream: { open: true } });

  const begins = Module.calls.filter(([call]) => call === 'begin');
  assert.deepEqual(begins, [['begin', 'data/articles.json', bytes.length]]);
  assert.deepEqual(concat(Module.handed), bytes, 'every byte, in order');
  // What came before the stream began (it went into a block first) is handed over as one piece.
  assert.equal(Module.handed[0].length, pieces[0].length + pieces[1].length);
  assert.equal(Module.blocks.size, 0, 'no block is left behind');
  assert.ok(!Module.calls.some(([call]) => call === 'command'), 'no abort');

  // The download waits: no piece is handed over while the last answer of _unread() was over 8 MB.
  let lastUnread = 0;
  let waited = false;
  for (const [call, value] of Module.calls) {
    if (call === 'unread') {
      if (value > 8 * MB) waited = true;
      lastUnread = value;
    }
    if (call === 'space') assert.ok(lastUnread <= 8 * MB, `a piece was handed over with ${lastUnread} bytes unread`);
  }
  assert.ok(waited, 'the import fell behind at least once, so the pause was tested');

  // Up to 64 MB, the pieces are also kept in JS (for the live digest and the saved copy).
  assert.equal(got.streamed, true);
  assert.deepEqual(new Uint8Array(got), bytes);
});

test('a stream that fails part-way is aborted and leaves no block behind', async () => {
  const Module = fakeModule();
  let i = 0;
  const pieces = [source(3 * MB), source(MB)];
  const body = new ReadableStream({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]);
      else controller.error(new Error('connection reset'));
    },
  });
  const app = load(Module, () => new Response(body, { headers: { 'content-length': String(10 * MB) } }));
  await assert.rejects(app.fetchBytes('data/articles.json', { onProgress: () => {}, stream: { open: true } }), /connection reset/);
  assert.deepEqual(Module.calls.filter(([call]) => call === 'command'), [['command', { stream_abort: true }]]);
  assert.equal(Module.blocks.size, 0);
});
