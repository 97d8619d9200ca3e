// Compiled into the ImGui core target (newsroom_imgui), whose IM_ASSERT needs it.
#include "assert_handler.h"

namespace newsroom::ui {

ImGuiAssertHandler imgui_assert_handler = nullptr;

ImGuiAssertHandler set_imgui_assert_handler(ImGuiAssertHandler handler) {
  const ImGuiAssertHandler previous = imgui_assert_handler;
  imgui_assert_handler = handler;
  return previous;
}

}  // namespace newsroom::ui
