#!/usr/bin/env bash
# Builds the web viewer and serves it with the sample data at http://localhost:${PORT:-8080}.
#   PORT=9000 scripts/serve.sh      # another port
# Exports dropped into data/ are served live: reload the page, no rebuild needed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/bootstrap.sh
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's optimizer needs Debian's acorn
echo "[serve] configuring and building the web site (cmake --preset web)"
cmake --preset web >/dev/null
cmake --build --preset web --target newsroom_web
echo "[serve] building the wasm SIMD variant (cmake --preset web-simd: index-simd.wasm, picked by browsers with wasm SIMD)"
cmake --preset web-simd >/dev/null
cmake --build --preset web-simd --target newsroom_web
echo "[serve] building the threaded variant (cmake --preset web-threads: index-threads.*, picked by cross-origin-isolated pages, which serve.mjs makes them)"
cmake --preset web-threads >/dev/null
cmake --build --preset web-threads --target newsroom_web
exec node scripts/serve.mjs --port "${PORT:-8080}" --site build/web/site --data data
