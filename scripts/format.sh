#!/usr/bin/env bash
# The project's own C++ in the style of .clang-format (clang-format 14, Debian's).
#   bash scripts/format.sh           rewrites the files in place
#   bash scripts/format.sh --check   changes nothing; fails, naming the files, when one differs
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v clang-format >/dev/null || { echo "[format] clang-format is missing: run scripts/bootstrap.sh" >&2; exit 1; }
mapfile -t files < <(git ls-files 'src/*.c' 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')
if [ "${1:-}" = "--check" ]; then
  if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/newsroom-format.$$; then
    grep -o '^[^:]*:[0-9]*' /tmp/newsroom-format.$$ | cut -d: -f1 | sort -u | sed 's/^/[format] not formatted: /' >&2
    rm -f /tmp/newsroom-format.$$
    echo "[format] run: bash scripts/format.sh" >&2
    exit 1
  fi
  rm -f /tmp/newsroom-format.$$
  echo "[format] ${#files[@]} files follow .clang-format"
else
  clang-format -i "${files[@]}"
fi
