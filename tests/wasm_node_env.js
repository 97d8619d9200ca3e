// --pre-js for wasm tests under Node: the process environment (NEWSROOM_CORPORA,
// NEWSROOM_SOURCE_DIR) reaches getenv(), which Emscripten otherwise fills with defaults.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  // ENV exists only in programs that call getenv().
  if (typeof ENV === 'undefined') return;
  for (var key in process.env) ENV[key] = process.env[key];
});
