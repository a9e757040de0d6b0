# Emscripten configuration: Dear ImGui (cached objects; its drawing layer is what the widget uses,
# with our own WebGL2 renderer, so not its OpenGL3 backend), the render layer, the platform layer,
# linked into the widget module; plus the small decode-worker module (pure core only).
set(IMGUI_SOURCES
  "${WG_IMGUI_DIR}/imgui.cpp" "${WG_IMGUI_DIR}/imgui_draw.cpp"
  "${WG_IMGUI_DIR}/imgui_tables.cpp" "${WG_IMGUI_DIR}/imgui_widgets.cpp")
add_library(imgui STATIC ${IMGUI_SOURCES})
target_include_directories(imgui PUBLIC "${WG_IMGUI_DIR}")
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

# Bytes are what a reader on a phone plan pays for: the widget is built -Oz with link-time
# optimisation (dead code dropped across ImGui, the core and libc++). So is the decoder: measured
# side by side on a 12 MP JPEG (bench/decode), -Oz decoded no slower than -O3 (575 vs 790 ms median
# of 7, noisy) and is 38 KB gzip instead of 47.
set(CMAKE_CXX_FLAGS_RELEASE "-Oz -DNDEBUG -flto")
set(CMAKE_C_FLAGS_RELEASE "-Oz -DNDEBUG -flto")
set(WG_WASM_COMMON_FLAGS -fno-exceptions -fno-rtti -msimd128 -msse2)
target_compile_options(wg_core PRIVATE ${WG_WASM_COMMON_FLAGS})
target_compile_options(imgui PRIVATE ${WG_WASM_COMMON_FLAGS})

file(GLOB WG_RENDER_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/widget/render/*.cpp")
add_library(wg_render STATIC ${WG_RENDER_SOURCES})
target_link_libraries(wg_render PUBLIC wg_core imgui)
target_compile_options(wg_render PRIVATE ${WG_WASM_COMMON_FLAGS})

# The glue reads only the Module options the shim passes (engine.js, decode-worker.js): the others'
# code (preRun, arguments, wasmBinary …) is left out.
set(WG_LINK_COMMON
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0 -sALLOW_MEMORY_GROWTH=1
  -sMALLOC=emmalloc -sSTACK_OVERFLOW_CHECK=0 -sASSERTIONS=0 -sTEXTDECODER=2
  -sEXPORTED_FUNCTIONS=_malloc,_free
  -sEXPORTED_RUNTIME_METHODS=HEAPU8,UTF8ToString,stringToUTF8,lengthBytesUTF8
  "-sINCOMING_MODULE_JS_API=[locateFile,print,printErr,onAbort,instantiateWasm]")

# ---- the widget module: dist/wasm-gallery.{js,wasm} (the JS shim bundles the glue) -------------
file(GLOB WG_PLATFORM_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/widget/platform/*.cpp")
list(FILTER WG_PLATFORM_SOURCES EXCLUDE REGEX "decoder_main\\.cpp$")
add_executable(wasm-gallery ${WG_PLATFORM_SOURCES})
target_link_libraries(wasm-gallery PRIVATE wg_render)
target_compile_options(wasm-gallery PRIVATE ${WG_WASM_COMMON_FLAGS})
set(WG_JS_LIB "${CMAKE_CURRENT_SOURCE_DIR}/widget/platform/library_wasm_gallery.js")
target_link_options(wasm-gallery PRIVATE ${WG_LINK_COMMON}
  -sEXPORT_NAME=createWasmGalleryModule -sENVIRONMENT=web,worker
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sINITIAL_MEMORY=16MB -sTOTAL_STACK=512KB
  # Core WebGL2 only (no extension is used; WEBGL_lose_context is the shim's, in JS), no glGetError or
  # glGetString from C++: the glue's extension, error-tracking and version-string code is left out.
  -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0
  "--js-library=${WG_JS_LIB}" -Oz -flto)
set_target_properties(wasm-gallery PROPERTIES LINK_DEPENDS "${WG_JS_LIB}")

# ---- the decode worker module: dist/wasm-gallery-decoder.{js,wasm} ------------------------------
# Built twice from the same sources: with wasm SIMD (shipped) and without (build/wasm only), so the
# decode benchmark can measure what -msimd128 -msse2 buys (stb_impl.cpp turns on stb's SSE2 paths).
set(WG_DECODER_MAIN "${CMAKE_CURRENT_SOURCE_DIR}/widget/platform/decoder_main.cpp")
if(EXISTS "${WG_DECODER_MAIN}")
  set(WG_DECODER_LINK ${WG_LINK_COMMON} -sEXPORT_NAME=createWasmGalleryDecoder -sENVIRONMENT=worker
    -sINITIAL_MEMORY=8MB -sTOTAL_STACK=256KB)
  # Only the image part of the core.
  file(GLOB WG_IMAGE_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/widget/core/image/*.cpp")
  list(APPEND WG_IMAGE_SOURCES "${CMAKE_CURRENT_SOURCE_DIR}/widget/core/text_format.cpp")
  # The JPEG writer is the playground's (wasm-gallery-photo-tools below), not the readers'.
  set(WG_ENCODE_SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/widget/core/image/encode.cpp")
  list(REMOVE_ITEM WG_IMAGE_SOURCES "${WG_ENCODE_SOURCE}")
  add_executable(wasm-gallery-decoder "${WG_DECODER_MAIN}" ${WG_IMAGE_SOURCES})
  target_include_directories(wasm-gallery-decoder PRIVATE
    "${CMAKE_CURRENT_SOURCE_DIR}/widget" "${WG_THIRD_PARTY}/include")
  target_compile_options(wasm-gallery-decoder PRIVATE ${WG_WASM_COMMON_FLAGS} -Oz)
  target_link_options(wasm-gallery-decoder PRIVATE ${WG_DECODER_LINK} -Oz -flto)

  # The scalar twin: the same, compiled without -msimd128 -msse2.
  add_executable(wasm-gallery-decoder-scalar "${WG_DECODER_MAIN}" ${WG_IMAGE_SOURCES})
  target_include_directories(wasm-gallery-decoder-scalar PRIVATE
    "${CMAKE_CURRENT_SOURCE_DIR}/widget" "${WG_THIRD_PARTY}/include")
  target_compile_options(wasm-gallery-decoder-scalar PRIVATE -fno-exceptions -fno-rtti -O3)
  target_link_options(wasm-gallery-decoder-scalar PRIVATE ${WG_DECODER_LINK} -O3 -flto)

  # The playground's photo fix (build/web/playground/, never dist/): the decoder plus stb_image_write.
  if(EXISTS "${WG_ENCODE_SOURCE}")
    add_executable(wasm-gallery-photo-tools "${WG_DECODER_MAIN}" ${WG_IMAGE_SOURCES} "${WG_ENCODE_SOURCE}")
    target_include_directories(wasm-gallery-photo-tools PRIVATE
      "${CMAKE_CURRENT_SOURCE_DIR}/widget" "${WG_THIRD_PARTY}/include")
    target_compile_definitions(wasm-gallery-photo-tools PRIVATE WG_PHOTO_TOOLS)
    target_compile_options(wasm-gallery-photo-tools PRIVATE ${WG_WASM_COMMON_FLAGS} -O2)
    target_link_options(wasm-gallery-photo-tools PRIVATE ${WG_DECODER_LINK} -O2)
  endif()
endif()
