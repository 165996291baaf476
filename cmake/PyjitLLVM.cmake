# LLVM 19 from Debian's llvm-19-dev. The machine's default llvm-config is an older LLVM, so never search
# PATH: look only in /usr/lib/llvm-19 (or PYJIT_LLVM_DIR). LLVM's version file matches major.minor, so ask
# for 19.1. Only jit/ links it (PRIVATE).
set(PYJIT_LLVM_DIR "/usr/lib/llvm-19/lib/cmake/llvm" CACHE PATH "Directory holding LLVMConfig.cmake for LLVM 19")
find_package(LLVM 19.1 CONFIG PATHS ${PYJIT_LLVM_DIR} NO_DEFAULT_PATH)
if(NOT LLVM_FOUND)
  message(FATAL_ERROR "pyjit needs LLVM 19 (looked in ${PYJIT_LLVM_DIR}). On Debian: apt-get install llvm-19-dev, "
                      "or run tools/dev setup.")
endif()
add_library(pyjit_llvm INTERFACE)
target_include_directories(pyjit_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(pyjit_llvm INTERFACE ${_llvm_defs})

# How libpyjit_jit.so gets LLVM (docs/architecture.md, "Loading LLVM"):
#   static: the component libraries it uses, linked in with their symbols hidden and unused sections dropped:
#           dlopen takes about 13 ms (20 MB of code, 87,000 relocations), and the link about 3 s with gold.
#   shared: Debian's libLLVM.so (130 MB, 330,000 relocations, 16,000 symbol lookups): about 47 ms, paid by
#           the first compile of every run -- a fifth of a 100 ms script.
set(PYJIT_LLVM_LINK "static" CACHE STRING "How libpyjit_jit.so links LLVM: static or shared")
set_property(CACHE PYJIT_LLVM_LINK PROPERTY STRINGS static shared)
set(_llvm_components orcjit orcdebugging orctargetprocess jitlink passes native)
if(PYJIT_LLVM_LINK STREQUAL "static")
  execute_process(COMMAND "${LLVM_TOOLS_BINARY_DIR}/llvm-config" --link-static --libfiles ${_llvm_components}
                  OUTPUT_VARIABLE _llvm_archives OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _llvm_config_status)
  if(NOT _llvm_config_status EQUAL 0)
    message(FATAL_ERROR "pyjit: ${LLVM_TOOLS_BINARY_DIR}/llvm-config found no static LLVM libraries; "
                        "configure with -DPYJIT_LLVM_LINK=shared")
  endif()
  separate_arguments(_llvm_archives NATIVE_COMMAND "${_llvm_archives}")
  # LLVMSupport's compression calls zlib and zstd: the run-time libraries (libllvm19 depends on both) do
  # when the -dev packages are missing.
  find_library(PYJIT_ZLIB NAMES z libz.so.1 REQUIRED)
  find_library(PYJIT_ZSTD NAMES zstd libzstd.so.1 REQUIRED)
  target_link_libraries(pyjit_llvm INTERFACE ${_llvm_archives} ${PYJIT_ZLIB} ${PYJIT_ZSTD} rt dl m)
  # --exclude-libs keeps LLVM's symbols out of the dynamic symbol table (no clash with another LLVM in the
  # process, no symbol lookups at load); --gc-sections drops what pyjit never reaches.
  target_link_options(pyjit_llvm INTERFACE LINKER:--exclude-libs,ALL LINKER:--gc-sections LINKER:-z,defs)
  find_program(PYJIT_GOLD ld.gold)
  if(PYJIT_GOLD)
    target_link_options(pyjit_llvm INTERFACE -fuse-ld=gold)  # links it in ~3 s; ld.bfd takes longer
  endif()
elseif(PYJIT_LLVM_LINK STREQUAL "shared")
  target_link_libraries(pyjit_llvm INTERFACE LLVM)
else()
  message(FATAL_ERROR "pyjit: PYJIT_LLVM_LINK must be static or shared, not '${PYJIT_LLVM_LINK}'")
endif()
add_library(pyjit::llvm ALIAS pyjit_llvm)
message(STATUS "pyjit: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}, linked ${PYJIT_LLVM_LINK}")
