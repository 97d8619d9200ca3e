// A dedicated worker of images.js: reads parts of a saved board image from the origin
// private file system straight into the engine's shared memory (the threaded build), with
// no ArrayBuffer per part and no copy on the page's thread. Synchronous access to a file
// exists only in a worker; two of them read at once, each every other part.
//
// One message in: {handle, memory, at, size, length, parts}: read the parts `parts` (of
// `size` bytes; the image is `length` long) of the file `handle` into `memory` (a
// SharedArrayBuffer) from `at` on. Out: {part: k} as each part is in, then {done: true}, or
// {error} (the page reads what is missing itself). The file is open only while it is read:
// an open handle would keep the next image from being written.
'use strict';

onmessage = async ({ data: { handle, memory, at, size, length, parts } }) => {
  let access = null;
  try {
    // Read-only handles may be held by several workers at once. A browser without the mode
    // gives an exclusive one, and a second reader then fails: the page reads its parts.
    access = await handle.createSyncAccessHandle({ mode: 'read-only' });
    const heap = new Uint8Array(memory);
    for (const k of parts) {
      const from = k * size, to = Math.min(length, from + size);
      for (let done = from; done < to;) {
        const n = access.read(heap.subarray(at + done, at + to), { at: done });
        if (n <= 0) throw new Error(`the image ends at ${done} bytes of ${length}`);
        done += n;
      }
      postMessage({ part: k });
    }
    postMessage({ done: true });
  } catch (error) {
    postMessage({ error: String((error && error.message) || error) });
  } finally {
    if (access) access.close();
  }
};
