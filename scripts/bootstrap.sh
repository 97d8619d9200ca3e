#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently, and says what it does.
#   1. Debian packages (apt-get, only when one is missing)
#   2. Debian *source* packages of imgui, simdjson, utf8proc and qr-code-generator, unpacked into deps/
#      through a private apt configuration (the system's apt sources are never touched)
#   3. npm packages from the committed package-lock.json (npm ci, only when it changed)
# A second run finds everything in place and touches no network.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps="$root/deps"
say() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot install Debian packages"
  sudo_cmd=(sudo)
fi

# --- 1. Debian packages -----------------------------------------------------
packages=(cmake ninja-build g++ emscripten nlohmann-json3-dev catch2 fonts-nanum
          fonttools chromium nodejs npm ca-certificates clang-format)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs may come from elsewhere (a newer node already on PATH is fine).
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  read -r -a missing <<<"${missing[*]}"
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${packages[*]}"
fi

# --- 2. Debian source packages into deps/ ------------------------------------
# name=version  suite  directory-after-unpack  file-that-proves-the-version
sources=(
  "imgui=1.92.2b+ds-1|sid|imgui-1.92.2b"
  "simdjson=3.0.1-1|bookworm|simdjson-3.0.1"
  "utf8proc=2.11.3-2|sid|utf8proc-2.11.3"
  "qr-code-generator=1.8.0-1.1|bookworm|QR-Code-generator-1.8.0"
)
apt_dir="$deps/apt"
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
          -o "APT::Sandbox::User=$(id -un)")
mkdir -p "$deps/src"
need_fetch=0
for entry in "${sources[@]}"; do
  IFS='|' read -r spec _suite dir <<<"$entry"
  [ -d "$deps/$dir" ] || need_fetch=1
done
if [ $need_fetch -eq 1 ]; then
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache" "$apt_dir/sources.list.d"
  cat >"$apt_dir/sources.list.d/newsroom-src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  say "fetching Debian source indexes (private apt state in deps/apt)"
  apt-get "${apt_opts[@]}" update -qq || die "apt-get update for deb-src failed"
fi
for entry in "${sources[@]}"; do
  IFS='|' read -r spec suite dir <<<"$entry"
  name=${spec%%=*}; version=${spec#*=}; upstream=${version%-*}; upstream=${upstream#*:}
  if [ -d "$deps/$dir" ]; then
    say "source package present: $name $version ($dir)"
    continue
  fi
  say "downloading Debian source package $name $version ($suite)"
  if ! (cd "$deps/src" && apt-get "${apt_opts[@]}" source --download-only -qq "$spec" >/dev/null); then
    # Only the upstream (orig) tarball is compiled. When a mirror lacks the Debian packaging
    # tarball, the orig tarball is still accepted if its SHA-256 is the one the .dsc lists.
    tarball=$(ls "$deps/src/${name}_${upstream}.orig.tar."* 2>/dev/null | head -1)
    dsc="$deps/src/${name}_${version#*:}.dsc"
    [ -n "$tarball" ] && [ -f "$dsc" ] || die "could not download source package $spec"
    sum=$(sha256sum "$tarball" | cut -d' ' -f1)
    grep -q "^ $sum [0-9]* $(basename "$tarball")\$" "$dsc" \
      || die "could not download source package $spec ($(basename "$tarball") does not match $dsc)"
    say "$name: the Debian packaging tarball is unavailable; $(basename "$tarball") matches the SHA-256 in the .dsc"
  fi
  tarball=$(ls "$deps/src/${name}_${upstream}.orig.tar."* 2>/dev/null | head -1)
  [ -n "$tarball" ] || die "no orig tarball for $spec in deps/src"
  tar -xf "$tarball" -C "$deps"
  [ -d "$deps/$dir" ] || die "$tarball did not unpack to $dir"
done

# Version checks: what we compile must be what we asked for.
grep -q '#define IMGUI_VERSION *"1\.92\.' "$deps/imgui-1.92.2b/imgui.h" \
  || die "deps/imgui-1.92.2b/imgui.h is not ImGui 1.92.x"
for f in imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp backends/imgui_impl_glfw.cpp backends/imgui_impl_opengl3.cpp; do
  [ -f "$deps/imgui-1.92.2b/$f" ] || die "imgui source is missing $f"
done
grep -q '#define SIMDJSON_VERSION 3\.0\.1' "$deps/simdjson-3.0.1/singleheader/simdjson.h" \
  || die "deps/simdjson-3.0.1/singleheader/simdjson.h is not simdjson 3.0.1"
[ -f "$deps/simdjson-3.0.1/singleheader/simdjson.cpp" ] || die "simdjson singleheader/simdjson.cpp missing"
grep -q 'define UTF8PROC_VERSION_MAJOR 2' "$deps/utf8proc-2.11.3/utf8proc.h" || die "deps/utf8proc-2.11.3 is not utf8proc 2.x"
grep -q 'version = "1\.8\.0"' "$deps/QR-Code-generator-1.8.0/python/setup.py" \
  || die "deps/QR-Code-generator-1.8.0 is not qr-code-generator 1.8.0"
for f in cpp/qrcodegen.cpp cpp/qrcodegen.hpp; do
  [ -f "$deps/QR-Code-generator-1.8.0/$f" ] || die "qr-code-generator source is missing $f"
done
say "versions checked: imgui 1.92.2b, simdjson 3.0.1, utf8proc 2.11.3, qr-code-generator 1.8.0"

# --- 3. Header-only deps staged for em++ (never /usr/include on its path) ----
stage="$deps/include"
mkdir -p "$stage"
ln -sfn /usr/include/nlohmann "$stage/nlohmann"
ln -sfn /usr/include/catch2 "$stage/catch2"
[ -f "$stage/nlohmann/json.hpp" ] || die "nlohmann/json.hpp not found (nlohmann-json3-dev)"
[ -f "$stage/catch2/catch.hpp" ] || die "catch2/catch.hpp not found (catch2)"

# --- 4. Fonts ------------------------------------------------------------------
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || die "NanumGothic.ttf missing (fonts-nanum)"

# --- 5. npm packages from the lock file -----------------------------------------
stamp="$root/node_modules/.newsroom-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$root/package-lock.json"; then
  say "npm packages present (package-lock.json unchanged)"
else
  say "installing npm packages from package-lock.json (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  cp "$root/package-lock.json" "$stamp"
fi
say "done"
