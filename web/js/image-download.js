// A dedicated worker of images.js: downloads the board image the data team published
// (?image=URL) off the page's thread. While the page starts its runtime, its thread is busy
// and a download it reads itself stalls with it (100k, a 263 MB image, on two cores: the
// last byte 1.8-1.9 s after the request here, 2.7-3.0 s read in parts by the page); the
// worker reads on, and holds the parts until the page has room for the image.
//
// In: {url, size}: download `url` in parts of `size` bytes. Out: {length} as soon as it is
// known (from Content-Length, else once the whole body is in). In: {memory, at}: the image
// goes to `memory` from `at` on: a SharedArrayBuffer (the threaded build) is written
// directly, else (null) each part is handed over. Out: {part: k} as each part is in place,
// or {part: k, bytes} (an ArrayBuffer, transferred), then {done: true}; {error} at any time.
'use strict';

let size = 0;
const held = [];       // parts read before the page said where they go
let into = null;       // {heap, at} once it did (a shared heap), or {hand: true}
let length = null;     // the image's, once known
let read = 0;          // bytes read so far
let complete = false;  // every byte read

let failure = null;     // why the download failed, said again once the page listens

function fail(error) {
  failure = failure || String((error && error.message) || error);
  postMessage({ error: failure });
}

// Part k's bytes (a whole part, or the last) to where they go, or held until then.
function place(k, bytes) {
  if (!into) {
    held[k] = bytes;
  } else if (into.heap) {
    into.heap.set(bytes, into.at + k * size);
    postMessage({ part: k });
  } else {
    const buffer = bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    postMessage({ part: k, bytes: buffer }, [buffer]);
  }
}
function finish() {
  if (into && complete) postMessage({ done: true });
}

async function download(url) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  const encoded = (response.headers.get('content-encoding') || 'identity') !== 'identity';
  if (!encoded && Number.isSafeInteger(declared) && declared > 0) {
    length = declared;
    postMessage({ length });
  }
  const reader = response.body.getReader();
  let part = new Uint8Array(size), filled = 0, k = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let from = 0; from < value.length;) {
      const n = Math.min(size - filled, value.length - from);
      part.set(value.subarray(from, from + n), filled);
      filled += n;
      from += n;
      if (filled === size) {
        place(k++, part);
        part = new Uint8Array(size);
        filled = 0;
      }
    }
    read += value.length;
    if (length !== null && read > length) throw new Error(`the image is longer than its ${length} bytes`);
  }
  if (filled) place(k, part.subarray(0, filled));
  if (length === null) {
    length = read;
    postMessage({ length });
  } else if (read !== length) {
    throw new Error(`the image ends at ${read} bytes of ${length}`);
  }
  complete = true;
  finish();
}

onmessage = ({ data }) => {
  if (data.url) {
    size = data.size;
    download(data.url).catch(fail);
    return;
  }
  if (failure) {
    fail(failure);
    return;
  }
  try {
    into = data.memory ? { heap: new Uint8Array(data.memory), at: data.at } : { hand: true };
    for (let k = 0; k < held.length; ++k) {
      if (held[k]) place(k, held[k]);
      held[k] = null;
    }
    finish();
  } catch (error) {
    fail(error);
  }
};
