# Compiler settings shared by the project's own targets (never by third-party ones).

# newsroom_configure(target): C++20, warnings, and the wasm rules the engine lives by.
function(newsroom_configure target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
  if(NEWSROOM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  newsroom_sanitize(${target})
endfunction()

option(NEWSROOM_WERROR "Treat warnings in the project's own code as errors" ON)

# The asan preset: AddressSanitizer and UndefinedBehaviorSanitizer in every target, the
# third-party libraries too (NewsroomDependencies.cmake), so that a bad read inside
# simdjson or utf8proc on a hostile export is reported where it happens. Native only.
option(NEWSROOM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer (native)" OFF)
if(NEWSROOM_SANITIZE AND EMSCRIPTEN)
  message(FATAL_ERROR "NEWSROOM_SANITIZE is for native builds (the asan preset), not Emscripten")
endif()
set(NEWSROOM_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

# newsroom_sanitize(target...): the sanitizer flags when NEWSROOM_SANITIZE is on. The link
# flags are PUBLIC so that a static library hands them to every executable linking it.
# GCC 12's flow analysis of sanitized code warns falsely of uninitialized values (in
# std::regex, through Catch2): that one warning is off here, and stays on in other builds.
function(newsroom_sanitize)
  if(NOT NEWSROOM_SANITIZE)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    target_compile_options(${target} PRIVATE ${NEWSROOM_SANITIZE_FLAGS} -Wno-maybe-uninitialized)
    target_link_options(${target} PUBLIC ${NEWSROOM_SANITIZE_FLAGS})
  endforeach()
endfunction()

# newsroom_configure_wasm_node(target): a wasm executable that runs under Node (unit tests,
# benchmarks). NODERAWFS gives it the real file system, EXIT_RUNTIME its exit code.
function(newsroom_configure_wasm_node target)
  if(EMSCRIPTEN)
    target_link_options(${target} PRIVATE
      -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1
      -sMAXIMUM_MEMORY=4GB -sTOTAL_STACK=8MB
      "--pre-js=${PROJECT_SOURCE_DIR}/tests/wasm_node_env.js")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/tests/wasm_node_env.js")
  endif()
endfunction()

# The SIMD web build (the web-simd preset): every target, third-party ones too, compiled
# for wasm SIMD (-msimd128), with Emscripten's SSE emulation up to 4.2 so that simdjson's
# westmere kernel runs (NewsroomDependencies.cmake), and with bulk memory, so that memcpy is
# one instruction (src/core/wasm_memcpy.c). The page picks this build where the
# browser validates wasm SIMD, and the plain one elsewhere.
option(NEWSROOM_WASM_SIMD "Build the wasm SIMD variant of the site (index-simd.wasm)" OFF)
if(NEWSROOM_WASM_SIMD)
  if(NOT EMSCRIPTEN)
    message(FATAL_ERROR "NEWSROOM_WASM_SIMD is for the Emscripten build (the web-simd preset)")
  endif()
  add_compile_options(-msimd128 -msse4.2 -mbulk-memory)
  add_link_options(-mbulk-memory)
  add_compile_definitions(NEWSROOM_WASM_SIMD=1)
endif()

# The threaded web build (the web-threads preset, on top of the SIMD one): every target
# compiled with -pthread (shared memory and atomics), so that a large export's import and
# its index build run on a worker thread (app/loader.h). It needs cross-origin isolation
# (SharedArrayBuffer): the page picks it only where `crossOriginIsolated` is true.
option(NEWSROOM_WASM_THREADS "Build the threaded wasm variant of the site (index-threads.js and .wasm)" OFF)
if(NEWSROOM_WASM_THREADS)
  if(NOT NEWSROOM_WASM_SIMD)
    message(FATAL_ERROR "NEWSROOM_WASM_THREADS comes on top of NEWSROOM_WASM_SIMD (the web-threads preset)")
  endif()
  add_compile_options(-pthread)
  add_link_options(-pthread -sPTHREAD_POOL_SIZE=2 -Wno-pthreads-mem-growth)
  add_compile_definitions(NEWSROOM_WASM_THREADS=1)
endif()
