# After the SIMD build links (cmake -D SITE=<site dir> -P CompareRuntimes.cmake): its
# runtime (index-simd.js) must be the plain build's index.js but for the wasm file's name,
# since the page loads index.js for either module. The unused index-simd.* page and
# runtime are then removed.
if(NOT EXISTS "${SITE}/index.js")
  message(FATAL_ERROR "${SITE}/index.js is missing: build the plain site first (cmake --build --preset web), then the SIMD one")
endif()
file(READ "${SITE}/index.js" _plain)
file(READ "${SITE}/index-simd.js" _simd)
string(REPLACE "index-simd" "index" _simd "${_simd}")
if(NOT _plain STREQUAL _simd)
  message(FATAL_ERROR "index-simd.js differs from index.js beyond the wasm file's name: the page could not "
                      "run index-simd.wasm with index.js. Compare them, and keep the two builds' link options the same.")
endif()
file(REMOVE "${SITE}/index-simd.js" "${SITE}/index-simd.html")
message(STATUS "index-simd.wasm runs with the plain build's index.js")
