// The page's downloads hand their bytes to the wasm heap over the byte channel
// (web/js/downloads.js): into one block that grows as pieces come, or, for a large export,
// piece by piece into the streamed import, which holds the download back while too much is
// unread. A fake module stands in for Emscripten's: a HEAPU8 that is replaced when it grows
// (as memory growth does, so a stale view would lose bytes), a bump allocator, and the
// channel's exports, which record each call. `threaded`: the memory grows as when a worker
// grows it (the threaded build): the memory's buffer is new, Module.HEAPU8 stays the old view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const code = readFileSync(path.join(root, 'web/js/downloads.js'), 'utf8');
const MB = 1 << 20;

function fakeModule({ consumedPerWork = MB, threaded = false } = {}) {
  const calls = [];
  const blocks = new Map();  // ptr -> size, the blocks not freed
  const handed = [];         // the bytes given to the streamed import, in order
  const channels = new Map();  // id -> the channel open
  const closed = [];         // what each block channel held when it was closed, and how
  let next = 16;
  let unread = 0;
  let nextChannel = 1;
  let heap = new Uint8Array(64 * 1024);  // the memory as it is now
  const Module = {
    HEAPU8: heap,
    ...(threaded ? { wasmMemory: { buffer: heap.buffer } } : {}),
    calls, blocks, handed, channels, closed,
    _malloc(n) {
      calls.push(['malloc', n]);
      const ptr = next;
      next += Math.ceil(Math.max(1, n) / 16) * 16;
      if (next > heap.length) {  // grow: a new view, the old one is stale
        const bigger = new Uint8Array(Math.max(next, heap.length * 2));
        bigger.set(heap);
        heap = bigger;
        if (threaded) Module.wasmMemory.buffer = heap.buffer;  // another thread grew it
        else Module.HEAPU8 = heap;
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
      heap.copyWithin(grown, ptr, ptr + Math.min(old, n));
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
      heap.set(bytes.subarray(0, size - 1), ptr);
      heap[ptr + Math.min(bytes.length, size - 1)] = 0;
    },
    UTF8ToString(ptr) {
      let end = ptr;
      while (heap[end]) ++end;
      return Buffer.from(heap.subarray(ptr, end)).toString();
    },
    _newsroom_command(ptr) { calls.push(['command', JSON.parse(Module.UTF8ToString(ptr))]); },
    // The byte channel as app/Session keeps it: a block per channel that grows by half (at
    // least what was expected), or a stream that hands each piece to the import.
    _newsroom_open(ptr) {
      const how = JSON.parse(Module.UTF8ToString(ptr));
      calls.push(['open', how]);
      const id = nextChannel++;
      channels.set(id, { kind: how.kind || 'bytes', expected: how.expected || 0, ptr: 0, size: 0, capacity: 0 });
      return id;
    },
    _newsroom_space(id, n) {
      calls.push(['space', id, n]);
      const channel = channels.get(id);
      assert.ok(channel, `space on a channel not open (${id})`);
      if (channel.kind === 'stream') {
        channel.ptr = Module._malloc(n);
        return channel.ptr;
      }
      if (channel.size + n > channel.capacity) {
        const capacity = Math.max(channel.size + n, channel.expected, Math.floor(channel.capacity * 1.5), MB);
        channel.ptr = Module._realloc(channel.ptr, capacity);
        channel.capacity = capacity;
      }
      return channel.ptr + channel.size;
    },
    _newsroom_commit(id, n) {
      const channel = channels.get(id);
      assert.ok(channel, `commit on a channel not open (${id})`);
      if (channel.kind !== 'stream') {
        channel.size += n;
        calls.push(['commit', id, n]);
        return 0;
      }
      if (n) {
        handed.push(heap.slice(channel.ptr, channel.ptr + n));
        Module._free(channel.ptr);
      }
      unread = Math.max(0, unread + n - consumedPerWork);
      calls.push(['commit', id, n, unread]);
      return unread;
    },
    _newsroom_close(id, ptr) {
      const how = JSON.parse(Module.UTF8ToString(ptr));
      calls.push(['close', id, how]);
      const channel = channels.get(id);
      assert.ok(channel, `close of a channel not open (${id})`);
      channels.delete(id);
      if (channel.kind !== 'stream') {
        closed.push({ how, bytes: heap.slice(channel.ptr, channel.ptr + channel.size) });
        if (channel.ptr) Module._free(channel.ptr);
      }
      Module.stringToUTF8('null', 8, 8);  // the answer's own place, below every block
      return 8;
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

for (const threaded of [false, true]) {
test(`pieces arriving in several chunks end up contiguous in one heap block of the right length${threaded ? ' (memory grown by a worker)' : ''}`, async () => {
  const Module = fakeModule({ threaded });
  const bytes = source(3 * MB + 12345);
  const answer = response(cut(bytes, [1000, 2 * MB, 17, MB + 11328]), { 'content-length': String(bytes.length) });
  const app = load(Module, () => answer);
  const progress = [];
  const got = await app.readInPieces('data/articles.json', answer, (done, total) => progress.push([done, total]), null);
  assert.equal(got.length, bytes.length);
  assert.equal(got.chunks.length, 0, 'every piece went into the block');
  assert.ok(got.channel, 'the download is held in a channel of its own');
  assert.equal(Module.channels.size, 1);
  assert.equal(Module.blocks.size, 1, 'one live block holds it');
  assert.deepEqual(progress.map(([done]) => done), [1000, 1000 + 2 * MB, 1017 + 2 * MB, bytes.length]);
  assert.ok(progress.every(([, total]) => total === bytes.length));
  assert.deepEqual(Module.calls.filter(([call]) => call === 'open'), [['open', { expected: bytes.length }]],
    'the block is sized for the whole file from the start');

  // Handed to the importer: the block itself, closed as an export, not a copy.
  const before = Module.calls.length;
  app.handOver(got, { as: 'export', name: 'data/articles.json' });
  assert.equal(got.channel, 0, 'the block is the engine\'s now');
  assert.equal(Module.channels.size, 0);
  assert.deepEqual(Module.closed.map(({ how }) => how), [{ as: 'export', name: 'data/articles.json' }]);
  assert.deepEqual(Module.closed[0].bytes, bytes, 'the bytes, in order, survived the heap growing');
  assert.equal(Module.calls.slice(before).filter(([call]) => call === 'open').length, 0);
});
}

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
  assert.deepEqual(Module.calls.filter(([call]) => call === 'open'), [['open', { expected: 7 * MB }]],
    'sized for the usual ratio first');
  app.handOver(got, { as: 'export', name: 'data/articles.json' });
  assert.deepEqual(Module.closed[0].bytes, bytes);
});

test('a small download comes back as its own array and its heap block is freed', async () => {
  const Module = fakeModule();
  const bytes = source(2 * MB + 5);
  const app = load(Module, () => response(cut(bytes, [MB, MB, 5]), { 'content-length': String(bytes.length), etag: '"v1"' }));
  const got = await app.fetchBytes('data/articles.json', { onProgress: () => {} });
  assert.ok(!got.channel && !got.chunks);
  assert.deepEqual(new Uint8Array(got), bytes);
  assert.equal(Module.blocks.size, 0, 'nothing left in the heap');
  assert.equal(Module.channels.size, 0);
  assert.deepEqual(Module.closed.map(({ how }) => how), [{ discard: true }]);
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
  assert.deepEqual(Module.calls.filter(([call]) => ['malloc', 'realloc', 'open', 'command'].includes(call)), []);
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

  const opens = Module.calls.filter(([call]) => call === 'open');
  assert.deepEqual(opens, [['open', { expected: bytes.length }],
    ['open', { kind: 'stream', name: 'data/articles.json', expected: bytes.length }]]);
  const stream = 2;
  assert.deepEqual(concat(Module.handed), bytes, 'every byte, in order');
  // What came before the stream began (it went into a block first) is handed over as one piece.
  assert.equal(Module.handed[0].length, pieces[0].length + pieces[1].length);
  assert.deepEqual(Module.closed.map(({ how }) => how), [{ discard: true }], 'the first block is dropped');
  assert.deepEqual([...Module.channels.keys()], [stream], 'only the stream is open: its end is the caller\'s to say');
  assert.equal(got.channel, stream);
  assert.equal(Module.blocks.size, 0, 'no block is left behind');

  // The download waits: no piece is handed over while the last answer of commit() was over 8 MB.
  let lastUnread = 0;
  let waited = false;
  for (const [call, id, n, unread] of Module.calls) {
    if (call === 'commit' && id === stream) {
      if (unread > 8 * MB) waited = true;
      lastUnread = unread;
    }
    if (call === 'space' && id === stream && n > 0) {
      assert.ok(lastUnread <= 8 * MB, `a piece was handed over with ${lastUnread} bytes unread`);
    }
  }
  assert.ok(waited, 'the import fell behind at least once, so the pause was tested');
  app.endStream(got);
  assert.deepEqual(Module.calls.filter(([call]) => call === 'close').at(-1), ['close', stream, {}]);
  assert.equal(Module.channels.size, 0);

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
  assert.deepEqual(Module.calls.filter(([call]) => call === 'close'), [['close', 1, { discard: true }],
    ['close', 2, { error: 'connection reset' }]], 'the stream is abandoned, saying why');
  assert.equal(Module.channels.size, 0);
  assert.equal(Module.blocks.size, 0);
});
