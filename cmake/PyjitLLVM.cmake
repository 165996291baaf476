# LLVM 19 from Debian's llvm-19-dev. The machine's default llvm-config is an older LLVM, so never search
# PATH: look only in /usr/lib/llvm-19 (or PYJIT_LLVM_DIR). LLVM's version file matches major.minor, so ask
# for 19.1. Only jit/ links it (PRIVATE), through the shared libLLVM.
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
target_link_libraries(pyjit_llvm INTERFACE LLVM)
add_library(pyjit::llvm ALIAS pyjit_llvm)
message(STATUS "pyjit: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}")
