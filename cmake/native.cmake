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
