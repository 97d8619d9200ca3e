# Compiler settings shared by the project's own targets (never by third-party ones).

# newsroom_configure(target): C++20, warnings, and the wasm rules the engine lives by.
function(newsroom_configure target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
  if(NEWSROOM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

option(NEWSROOM_WERROR "Treat warnings in the project's own code as errors" ON)

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
