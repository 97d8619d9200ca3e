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

# utf8proc: NFC normalization and UTF-8 validation.
add_library(newsroom_utf8proc STATIC "${_utf8proc_dir}/utf8proc.c")
target_include_directories(newsroom_utf8proc SYSTEM PUBLIC "${_utf8proc_dir}")
target_compile_definitions(newsroom_utf8proc PUBLIC UTF8PROC_STATIC)

# qr-code-generator (Project Nayuki): QR codes of external links on kiosk screens.
add_library(newsroom_qrcodegen STATIC "${_qrcodegen_dir}/qrcodegen.cpp")
target_include_directories(newsroom_qrcodegen SYSTEM PUBLIC "${_qrcodegen_dir}")
target_compile_features(newsroom_qrcodegen PUBLIC cxx_std_17)

# Header-only libraries, reached through the staging folder so that em++ never sees /usr/include.
add_library(newsroom_nlohmann INTERFACE)
target_include_directories(newsroom_nlohmann SYSTEM INTERFACE "${_staged_dir}")
target_compile_definitions(newsroom_nlohmann INTERFACE JSON_NOEXCEPTION=1)
add_library(newsroom_catch2 INTERFACE)
target_include_directories(newsroom_catch2 SYSTEM INTERFACE "${_staged_dir}")

# Dear ImGui: only the web build draws.
if(EMSCRIPTEN)
  if(NOT EXISTS "${_imgui_dir}/imgui.cpp")
    message(FATAL_ERROR "Missing ${_imgui_dir}/imgui.cpp. Run scripts/bootstrap.sh first.")
  endif()
  add_library(newsroom_imgui STATIC
    "${_imgui_dir}/imgui.cpp" "${_imgui_dir}/imgui_draw.cpp" "${_imgui_dir}/imgui_tables.cpp"
    "${_imgui_dir}/imgui_widgets.cpp"
    "${_imgui_dir}/backends/imgui_impl_glfw.cpp" "${_imgui_dir}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(newsroom_imgui SYSTEM PUBLIC "${_imgui_dir}" "${_imgui_dir}/backends")
  # 32-bit ImWchar: emoji and other astral characters in titles get a glyph lookup, not '?'.
  target_compile_definitions(newsroom_imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                                   IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
  target_compile_options(newsroom_imgui PRIVATE -O2)
  target_link_options(newsroom_imgui PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
endif()
