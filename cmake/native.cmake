# Native configuration: unit tests of the core (and the ImGui-free parts of render) under ctest.
enable_testing()
find_package(GTest REQUIRED)
include(GoogleTest)

file(GLOB WG_NATIVE_TESTS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/tests/native/*_test.cpp")
add_executable(wg_tests ${WG_NATIVE_TESTS})
target_link_libraries(wg_tests PRIVATE wg_core GTest::gtest GTest::gtest_main)
target_compile_definitions(wg_tests PRIVATE WG_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
gtest_discover_tests(wg_tests DISCOVERY_TIMEOUT 60)

# Native microbenchmarks (Google Benchmark), built only when the library is present.
find_package(benchmark QUIET)
file(GLOB WG_BENCH_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/bench/native/*_bench.cpp")
if(benchmark_FOUND AND WG_BENCH_SOURCES)
  add_executable(wg_bench ${WG_BENCH_SOURCES})
  target_link_libraries(wg_bench PRIVATE wg_core benchmark::benchmark benchmark::benchmark_main)
  target_compile_definitions(wg_bench PRIVATE WG_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
endif()

# The render layer on ImGui's drawing layer without GL (a null renderer): draws real frames
# into draw lists in native tests. Only when bootstrap has unpacked Dear ImGui.
if(EXISTS "${WG_IMGUI_DIR}/imgui.cpp")
  add_library(imgui_native STATIC "${WG_IMGUI_DIR}/imgui.cpp" "${WG_IMGUI_DIR}/imgui_draw.cpp"
    "${WG_IMGUI_DIR}/imgui_tables.cpp" "${WG_IMGUI_DIR}/imgui_widgets.cpp")
  target_include_directories(imgui_native PUBLIC "${WG_IMGUI_DIR}")
  target_compile_definitions(imgui_native PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  file(GLOB WG_RENDER_SOURCES_NATIVE CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/widget/render/*.cpp")
  add_library(wg_render_native STATIC ${WG_RENDER_SOURCES_NATIVE})
  target_link_libraries(wg_render_native PUBLIC wg_core imgui_native)
  file(GLOB WG_RENDER_TESTS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/tests/native/render/*_test.cpp")
  if(WG_RENDER_TESTS)
    add_executable(wg_render_tests ${WG_RENDER_TESTS})
    target_link_libraries(wg_render_tests PRIVATE wg_render_native GTest::gtest GTest::gtest_main)
    gtest_discover_tests(wg_render_tests DISCOVERY_TIMEOUT 60)
  endif()
endif()
