#!/usr/bin/env bash
# Runs every test: unit tests natively (also under ASan+UBSan, and those that use threads
# under TSan) and as wasm under Node (one Catch2 suite; the plain, SIMD and threaded builds,
# via ctest), then the browser suite (playwright-core + Debian's Chromium) against the built
# site. Fails when any test fails.
#   NEWSROOM_CORPORA=../shared/corpora scripts/test.sh   # also run the outside-corpus tests
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/bootstrap.sh
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's optimizer needs Debian's acorn
jobs=$(nproc 2>/dev/null || echo 2)
if [ -z "${NEWSROOM_CORPORA:-}" ]; then
  echo "[test] NEWSROOM_CORPORA is not set: tests over outside corpora will say they are skipped"
elif [ -f "$NEWSROOM_CORPORA/naughty-strings/blns.json.gz" ]; then
  mkdir -p build/corpora
  gunzip -c "$NEWSROOM_CORPORA/naughty-strings/blns.json.gz" > build/corpora/blns.json
  export NEWSROOM_BLNS="$root/build/corpora/blns.json"
  echo "[test] outside corpora from $NEWSROOM_CORPORA (naughty strings unpacked to build/corpora)"
fi

echo "[test] 0/4 formatting (scripts/format.sh --check)"
bash scripts/format.sh --check

echo "[test] 1/4 native build and unit tests (cmake --preset native)"
cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
ctest --preset native

echo "[test] 2/4 unit tests and the importer's fuzz target under ASan+UBSan (cmake --preset asan; fuzz.import runs ${NEWSROOM_FUZZ_SECONDS:-20} s)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan

echo "[test] 2b/4 the tests that use threads (the Loader's worker) under ThreadSanitizer (cmake --preset tsan)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
TSAN_OPTIONS="halt_on_error=1" build/tsan/tests/newsroom_tests "on a worker*"

echo "[test] 3/4 web build and the same unit tests as wasm under Node (cmake --preset web)"
cmake --preset web >/dev/null
cmake --build --preset web -j "$jobs"
ctest --preset web

echo "[test] 3b/4 the wasm SIMD build (index-simd.wasm into the same site) and the same unit tests under Node (cmake --preset web-simd)"
cmake --preset web-simd >/dev/null
cmake --build --preset web-simd -j "$jobs"
ctest --preset web-simd

echo "[test] 3c/4 the threaded wasm build (index-threads.* into the same site, for cross-origin-isolated pages) and the same unit tests under Node with pthreads (cmake --preset web-threads)"
cmake --preset web-threads >/dev/null
cmake --build --preset web-threads -j "$jobs"
ctest --preset web-threads

echo "[test] 4/4 Node tests (export schema) and browser tests (headless Chromium, screenshots in build/browser-screenshots)"
node --test --test-reporter=spec tests/node/ tests/browser/
echo "[test] all tests passed"
