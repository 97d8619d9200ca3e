# Third-party code, all of it unpacked into ${NEWSROOM_DEPS_DIR} by scripts/bootstrap.sh
# from Debian (source) packages. Nothing here is committed to the repository.

set(_imgui_dir    "${NEWSROOM_DEPS_DIR}/imgui-1.92.2b")
set(_simdjson_dir "${NEWSROOM_DEPS_DIR}/simdjson-3.0.1/singleheader")
set(_utf8proc_dir "${NEWSROOM_DEPS_DIR}/utf8proc-2.11.3")
set(_qrcodegen_dir "${NEWSROOM_DEPS_DIR}/QR-Code-generator-1.8.0/cpp")
set(_staged_dir   "${NEWSROOM_DEPS_DIR}/include")   # symlinks: nlohmann/, catch2/

foreach(_required IN ITEMS "${_simdjson_dir}/simdjson.cpp" "${_utf8proc_dir}/utf8proc.c"
                           "${_qrcodegen_dir}/qrcodegen.cpp"
                           "${_staged_dir}/nlohmann/json.hpp" "${_staged_dir}/catch2/catch.hpp")
  if(NOT EXISTS "${_required}")
    message(FATAL_ERROR "Missing ${_required}.\nRun scripts/bootstrap.sh first: it installs the dependencies into deps/.")
  endif()
endforeach()

# simdjson: bulk export parsing. Exceptions off: errors are values (simdjson_result).
add_library(newsroom_simdjson STATIC "${_simdjson_dir}/simdjson.cpp")
target_include_directories(newsroom_simdjson SYSTEM PUBLIC "${_simdjson_dir}")
target_compile_definitions(newsroom_simdjson PUBLIC SIMDJSON_EXCEPTIONS=0)
target_compile_features(newsroom_simdjson PUBLIC cxx_std_17)
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  target_compile_options(newsroom_simdjson PRIVATE -O2 -Wno-\#pragma-messages)
endif()
# The SIMD web build: simdjson's westmere (SSE4.2) kernel, the only one built, on wasm
# SIMD's SSE emulation. src/io/wasm_simd/x86intrin.h stands in for the x86 header (it
# supplies the carry-less multiply and popcount that wasm lacks); io/ selects the kernel at
# start, since simdjson's own CPU detection knows only real x86.
if(NEWSROOM_WASM_SIMD)
  target_include_directories(newsroom_simdjson SYSTEM BEFORE PUBLIC "${PROJECT_SOURCE_DIR}/src/io/wasm_simd")
  target_compile_definitions(newsroom_simdjson PUBLIC
    SIMDJSON_IMPLEMENTATION_WESTMERE=1 SIMDJSON_IMPLEMENTATION_HASWELL=0 SIMDJSON_IMPLEMENTATION_ICELAKE=0
    SIMDJSON_IMPLEMENTATION_ARM64=0 SIMDJSON_IMPLEMENTATION_PPC64=0 SIMDJSON_IMPLEMENTATION_FALLBACK=0
    SIMDJSON_BUILTIN_IMPLEMENTATION=westmere)
endif()

# utf8proc: NFC normalization and UTF-8 validation.
add_library(newsroom_utf8proc STATIC "${_utf8proc_dir}/utf8proc.c")
target_include_directories(newsroom_utf8proc SYSTEM PUBLIC "${_utf8proc_dir}")
target_compile_definitions(newsroom_utf8proc PUBLIC UTF8PROC_STATIC)

# qr-code-generator (Project Nayuki): QR codes of external links on kiosk screens.
add_library(newsroom_qrcodegen STATIC "${_qrcodegen_dir}/qrcodegen.cpp")
target_include_directories(newsroom_qrcodegen SYSTEM PUBLIC "${_qrcodegen_dir}")
target_compile_features(newsroom_qrcodegen PUBLIC cxx_std_17)

# The compiled third-party code is checked by the sanitizers with ours (the asan preset).
newsroom_sanitize(newsroom_simdjson newsroom_utf8proc newsroom_qrcodegen)

# Header-only libraries, reached through the staging folder so that em++ never sees /usr/include.
add_library(newsroom_nlohmann INTERFACE)
target_include_directories(newsroom_nlohmann SYSTEM INTERFACE "${_staged_dir}")
target_compile_definitions(newsroom_nlohmann INTERFACE JSON_NOEXCEPTION=1)
add_library(newsroom_catch2 INTERFACE)
target_include_directories(newsroom_catch2 SYSTEM INTERFACE "${_staged_dir}")

# Dear ImGui, in two parts. The core (no backend) is in both builds: the ui library
# (newsroom_ui) and its headless tests use it natively too. The GLFW + OpenGL3 backends
# draw the page and exist in the web build only.
if(NOT EXISTS "${_imgui_dir}/imgui.cpp")
  message(FATAL_ERROR "Missing ${_imgui_dir}/imgui.cpp. Run scripts/bootstrap.sh first.")
endif()

# newsroom_imgui_core(name [CHECKS]): the core as a static library. Every user of imgui.h
# must see the same definitions, hence PUBLIC. IMGUI_USER_CONFIG is src/ui/assert_handler.h;
# with CHECKS, IM_ASSERT there calls a handler the headless tests install (release builds
# would otherwise compile every check away). Without, ImGui's own assert(): nothing in a
# release build, so the page does not carry the checks (4 % of index.wasm when it did).
function(newsroom_imgui_core name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CHECKS" "" "")
  add_library(${name} STATIC
    "${_imgui_dir}/imgui.cpp" "${_imgui_dir}/imgui_draw.cpp" "${_imgui_dir}/imgui_tables.cpp"
    "${_imgui_dir}/imgui_widgets.cpp"
    "${PROJECT_SOURCE_DIR}/src/ui/assert_handler.cpp")
  target_include_directories(${name} SYSTEM PUBLIC "${_imgui_dir}")
  # 32-bit ImWchar: emoji and other astral characters in titles get a glyph lookup, not '?'.
  target_compile_definitions(${name} PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                            IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
                                            "IMGUI_USER_CONFIG=\"${PROJECT_SOURCE_DIR}/src/ui/assert_handler.h\"")
  if(arg_CHECKS)
    target_compile_definitions(${name} PUBLIC NEWSROOM_IMGUI_CHECKS)
  endif()
  target_compile_features(${name} PUBLIC cxx_std_17)
  target_compile_options(${name} PRIVATE -O2)
  newsroom_sanitize(${name})
endfunction()

if(EMSCRIPTEN)
  # The page's core, and a checked one for the wasm unit tests.
  newsroom_imgui_core(newsroom_imgui)
  newsroom_imgui_core(newsroom_imgui_checked CHECKS)
  add_library(newsroom_imgui_backends STATIC
    "${_imgui_dir}/backends/imgui_impl_glfw.cpp" "${_imgui_dir}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(newsroom_imgui_backends SYSTEM PUBLIC "${_imgui_dir}/backends")
  target_link_libraries(newsroom_imgui_backends PUBLIC newsroom_imgui)
  target_compile_options(newsroom_imgui_backends PRIVATE -O2)
  # The backend's per-frame save and restore of the GL state is answered by the page
  # (src/platform/gl_state.cpp), not by a WebGL round trip.
  set_source_files_properties("${_imgui_dir}/backends/imgui_impl_opengl3.cpp" PROPERTIES
    COMPILE_DEFINITIONS "glGetIntegerv=newsroom_gl_get_integerv")
  target_link_options(newsroom_imgui_backends PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
else()
  # Natively only the tests draw: one core, checked.
  newsroom_imgui_core(newsroom_imgui CHECKS)
  add_library(newsroom_imgui_checked ALIAS newsroom_imgui)
endif()
