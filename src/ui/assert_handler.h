// Dear ImGui as this project builds it: the IMGUI_USER_CONFIG of the ImGui core and of
// everything that includes imgui.h (cmake/NewsroomDependencies.cmake).
//
// In the checked core (NEWSROOM_IMGUI_CHECKS: the native build, and the wasm unit tests'
// copy) IM_ASSERT calls a handler the program installs instead of the C assert(): release
// builds (NDEBUG) would drop every check, and a debug build would abort the process. The
// headless UI tests install one that records the failure, so a broken ImGui rule fails a
// test natively and under Node. The page's core keeps ImGui's own assert(), compiled away.
#pragma once

namespace newsroom {
namespace ui {

using ImGuiAssertHandler = void (*)(const char* expression, const char* file, int line);

// The installed handler, or nullptr. Set it with set_imgui_assert_handler().
extern ImGuiAssertHandler imgui_assert_handler;

// Installs `handler` (nullptr: no checks) and returns the one it replaces.
ImGuiAssertHandler set_imgui_assert_handler(ImGuiAssertHandler handler);

}  // namespace ui
}  // namespace newsroom

#if defined(NEWSROOM_IMGUI_CHECKS)
// The condition is evaluated only while a handler is installed.
#define IM_ASSERT(_EXPR)                                                         \
  ((void)(::newsroom::ui::imgui_assert_handler != nullptr && !(_EXPR)            \
              ? ::newsroom::ui::imgui_assert_handler(#_EXPR, __FILE__, __LINE__) \
              : (void)0))
#endif
