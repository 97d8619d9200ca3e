# The web build: platform/ linked with newsroom_ui (ui/) and the engine into one static site folder,
#   ${NEWSROOM_SITE_DIR}/index.html (from shell.html), index.js, index.wasm,
#   web/ (the page's own JavaScript and CSS), fonts/NanumGothic.ttf, data/ (a copy),
#   sw.js (the service worker: offline copies of the app and the last good export).
# The folder works as is on any static web server; scripts/serve.mjs additionally serves
# data/ live from the source tree so that a dropped export needs no rebuild.

set(NEWSROOM_SITE_DIR "${PROJECT_BINARY_DIR}/site" CACHE PATH "Where the web build writes the static site")
set(NEWSROOM_FONT "/usr/share/fonts/truetype/nanum/NanumGothic.ttf" CACHE FILEPATH "Korean font served with the page")
if(NOT EXISTS "${NEWSROOM_FONT}")
  message(FATAL_ERROR "Font ${NEWSROOM_FONT} not found: run scripts/bootstrap.sh (Debian package fonts-nanum)")
endif()
find_program(NEWSROOM_PYFTSUBSET pyftsubset HINTS /usr/bin)
if(NOT NEWSROOM_PYFTSUBSET)
  message(FATAL_ERROR "pyftsubset not found: run scripts/bootstrap.sh (Debian package fonttools)")
endif()

add_executable(newsroom_web
  platform/after_frame.cpp
  platform/browser.cpp
  platform/gl_state.cpp
  platform/main_web.cpp
  platform/web_exports.cpp)
target_link_libraries(newsroom_web PRIVATE newsroom_ui newsroom_imgui_backends newsroom_nlohmann)
newsroom_configure(newsroom_web)
# The SIMD build (the web-simd preset, NEWSROOM_WASM_SIMD) writes index-simd.wasm into the
# plain build's site; the page picks it where wasm SIMD validates, with the plain build's
# index.js (web/newsroom.js instantiates the module itself, so one runtime serves both).
# The threaded build (web-threads) writes index-threads.js, .wasm and .worker.js: a runtime of
# its own, which the page loads instead of index.js where the page is cross-origin isolated.
if(NEWSROOM_WASM_THREADS)
  set(_output_name index-threads)
elseif(NEWSROOM_WASM_SIMD)
  set(_output_name index-simd)
else()
  set(_output_name index)
endif()
set_target_properties(newsroom_web PROPERTIES
  OUTPUT_NAME ${_output_name} SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${NEWSROOM_SITE_DIR}")
set(_shell "${PROJECT_SOURCE_DIR}/shell.html")
# The page's way in (src/platform/web_exports.cpp; the table in docs/architecture.md): the
# low-rate calls as JSON (command, query), the byte channel for every file (open, space,
# commit, close), and the three calls that come with every keystroke, touch and decoded image.
set(NEWSROOM_EXPORTS
  newsroom_command newsroom_query
  newsroom_open newsroom_space newsroom_commit newsroom_close
  newsroom_search_input newsroom_touch newsroom_image_ready)
list(TRANSFORM NEWSROOM_EXPORTS PREPEND "_")
list(JOIN NEWSROOM_EXPORTS "," _exports)
string(PREPEND _exports "_main,_malloc,_realloc,_free,")
# The calls the other way (src/platform/browser.h), whose JavaScript is this library.
set(_library "${CMAKE_CURRENT_SOURCE_DIR}/platform/library_newsroom.js")
set_property(TARGET newsroom_web APPEND PROPERTY LINK_DEPENDS "${_library}")
set_property(TARGET newsroom_web APPEND PROPERTY LINK_DEPENDS "${_shell}")
if(NEWSROOM_WASM_THREADS)
  set(_environment web,worker)
else()
  set(_environment web)
endif()
target_link_options(newsroom_web PRIVATE
  --shell-file "${_shell}"
  -sENVIRONMENT=${_environment}
  -sMINIFY_HTML=0  # Debian emscripten 3.1.6 calls htmlmin with a broken argument list
  # The memory grows to what is asked plus at most 16 MB (Emscripten's default is +20%, up to
  # 96 MB: a 380 MB heap asked for 30 MB more became 456 MB, and never gives it back).
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sMEMORY_GROWTH_GEOMETRIC_CAP=16777216
  -sDISABLE_EXCEPTION_CATCHING=1
  "-sEXPORTED_FUNCTIONS=${_exports}"
  --js-library "${_library}"
  "-sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8")

# The SIMD build stops here: the page, its assets, the font and the single file are the
# plain build's. Its runtime must be the plain one's (the page loads only index.js): the
# check below fails the build if the two ever differ.
if(NEWSROOM_WASM_THREADS)
  add_custom_command(TARGET newsroom_web POST_BUILD  # its page is the plain build's
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${NEWSROOM_SITE_DIR}/index-threads.html"
    VERBATIM)
  return()
elseif(NEWSROOM_WASM_SIMD)
  add_custom_command(TARGET newsroom_web POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -D "SITE=${NEWSROOM_SITE_DIR}" -P "${PROJECT_SOURCE_DIR}/cmake/CompareRuntimes.cmake"
    VERBATIM)
  return()
endif()

# Page assets and the sample data, refreshed on every build.
add_custom_target(newsroom_site_assets ALL
  COMMAND "${CMAKE_COMMAND}" -E copy_directory "${PROJECT_SOURCE_DIR}/web" "${NEWSROOM_SITE_DIR}/web"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${PROJECT_SOURCE_DIR}/sw.js" "${NEWSROOM_SITE_DIR}/sw.js"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${NEWSROOM_SITE_DIR}/data"
  COMMAND "${CMAKE_COMMAND}" -E copy_directory "${PROJECT_SOURCE_DIR}/data" "${NEWSROOM_SITE_DIR}/data"
  COMMENT "Copying web/ and data/ into ${NEWSROOM_SITE_DIR}"
  VERBATIM)
add_dependencies(newsroom_web newsroom_site_assets)

# The font, cut at build time to what a Korean board shows: every Hangul syllable
# (U+AC00-D7A3, all 11,172) and compatibility jamo (for 초성 search), Latin and Latin-1,
# general punctuation, arrows and the shapes the interface draws (▲▼), CJK and fullwidth
# punctuation. Hinting is dropped: ImGui's rasterizer does not use it. 4.7 MB -> ~1.3 MB.
set(_font_out "${NEWSROOM_SITE_DIR}/fonts/NanumGothic.ttf")
add_custom_command(OUTPUT "${_font_out}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${NEWSROOM_SITE_DIR}/fonts"
  COMMAND "${NEWSROOM_PYFTSUBSET}" "${NEWSROOM_FONT}"
          "--unicodes=U+0020-007E,U+00A0-00FF,U+2010-205E,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+3131-318E,U+AC00-D7A3,U+FF01-FF5E,U+FFFD"
          --no-hinting --desubroutinize "--output-file=${_font_out}"
  DEPENDS "${NEWSROOM_FONT}"
  COMMENT "Subsetting ${NEWSROOM_FONT} (Hangul, jamo, Latin, punctuation; no hinting) into ${_font_out}"
  VERBATIM)
add_custom_target(newsroom_font DEPENDS "${_font_out}")
add_dependencies(newsroom_web newsroom_font)

# One HTML file holding the page, the wasm, the font and an export, for a PC with no
# server (opened from a USB stick): cmake --build --preset web --target single.
set(NEWSROOM_SINGLE_DATA "${PROJECT_SOURCE_DIR}/data/articles.json" CACHE FILEPATH "The export the single file embeds")
set(NEWSROOM_SINGLE_OUT "${PROJECT_BINARY_DIR}/newsroom-offline.html" CACHE FILEPATH "Where the single file is written")
find_program(NEWSROOM_NODE node REQUIRED)
add_custom_target(single
  COMMAND "${NEWSROOM_NODE}" "${PROJECT_SOURCE_DIR}/scripts/build_single.mjs"
          --site "${NEWSROOM_SITE_DIR}" --data "${NEWSROOM_SINGLE_DATA}" --out "${NEWSROOM_SINGLE_OUT}"
  DEPENDS newsroom_web
  COMMENT "Writing ${NEWSROOM_SINGLE_OUT} (page, wasm, font and export in one file)"
  VERBATIM)
