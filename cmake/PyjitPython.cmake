# Finds the CPython 3.11 that pyjit embeds and extends, by asking the interpreter itself.
#   -DPYJIT_PYTHON=python3.11            (default: whatever `python3.11` runs)
#   -DPYJIT_PYTHON=/usr/bin/python3.11   (Debian's 3.11.2)
#   -DPYJIT_PYTHON=/usr/bin/python3.11-dbg
# Results: PYJIT_PYTHON_EXECUTABLE (the real binary, never a pyenv shim), PYJIT_PYTHON_VERSION, and the
# imported target pyjit::python (headers incl. internal/, libpython).
set(PYJIT_PYTHON "python3.11" CACHE STRING "The CPython 3.11 interpreter to build against")

execute_process(
  COMMAND ${PYJIT_PYTHON} -c [=[
import sys, sysconfig, os
v = sysconfig.get_config_var
print(sys.executable)
print("%d.%d.%d" % sys.version_info[:3])
print(sysconfig.get_paths()["include"])
print(v("LIBDIR") or "")
print(v("LDLIBRARY") or "")
print(v("EXT_SUFFIX") or "")
print(v("Py_DEBUG") or 0)
print(sysconfig.get_paths()["stdlib"])
print(v("MULTIARCH") or "")
]=]
  OUTPUT_VARIABLE _py_out
  ERROR_VARIABLE _py_err
  RESULT_VARIABLE _py_rc
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _py_rc EQUAL 0)
  message(FATAL_ERROR "pyjit: cannot run the Python interpreter '${PYJIT_PYTHON}' (${_py_err}).\n"
                      "Install CPython 3.11 or pass -DPYJIT_PYTHON=/path/to/python3.11.")
endif()
string(REPLACE "\n" ";" _py_lines "${_py_out}")
list(GET _py_lines 0 PYJIT_PYTHON_EXECUTABLE)
list(GET _py_lines 1 PYJIT_PYTHON_VERSION)
list(GET _py_lines 2 _py_include)
list(GET _py_lines 3 _py_libdir)
list(GET _py_lines 4 _py_ldlibrary)
list(GET _py_lines 5 PYJIT_PYTHON_EXT_SUFFIX)
list(GET _py_lines 6 PYJIT_PYTHON_DEBUG)
list(GET _py_lines 7 PYJIT_PYTHON_STDLIB)
list(GET _py_lines 8 _py_multiarch)

if(NOT PYJIT_PYTHON_VERSION MATCHES "^3\\.11\\.")
  message(FATAL_ERROR "pyjit targets CPython 3.11 exactly, but ${PYJIT_PYTHON_EXECUTABLE} is "
                      "${PYJIT_PYTHON_VERSION}. Pass -DPYJIT_PYTHON=/path/to/python3.11.")
endif()
if(NOT EXISTS "${_py_include}/internal/pycore_frame.h")
  message(FATAL_ERROR "pyjit needs CPython's internal headers, but ${_py_include}/internal/pycore_frame.h "
                      "is missing. On Debian: apt-get install python3.11-dev (or python3.11-dbg).")
endif()
find_library(PYJIT_LIBPYTHON NAMES ${_py_ldlibrary}
             PATHS ${_py_libdir} ${_py_libdir}/${_py_multiarch} NO_DEFAULT_PATH REQUIRED)
get_filename_component(PYJIT_LIBPYTHON_DIR ${PYJIT_LIBPYTHON} DIRECTORY)

# The same interpreter must run our tests, tools and generators.
set(PYJIT_PYTHON_EXECUTABLE ${PYJIT_PYTHON_EXECUTABLE} CACHE INTERNAL "")

add_library(pyjit_python_headers INTERFACE)
target_include_directories(pyjit_python_headers SYSTEM INTERFACE ${_py_include})
if(PYJIT_PYTHON_DEBUG)
  # Debian's /usr/include/python3.11d holds symlinks into python3.11/, and with -isystem GCC resolves
  # Python.h's #include "pyconfig.h" next to the link's target: the release pyconfig.h, without Py_DEBUG.
  # Our code would then be built for the release ABI (no Py_REF_DEBUG reference counting, other struct
  # offsets) against a debug libpython. Py_DEBUG is the only difference that matters between the two.
  target_compile_definitions(pyjit_python_headers INTERFACE Py_DEBUG=1)
endif()
add_library(pyjit::python_headers ALIAS pyjit_python_headers)

add_library(pyjit_libpython SHARED IMPORTED GLOBAL)
set_target_properties(pyjit_libpython PROPERTIES IMPORTED_LOCATION ${PYJIT_LIBPYTHON})
target_link_libraries(pyjit_libpython INTERFACE pyjit_python_headers)
add_library(pyjit::python ALIAS pyjit_libpython)

message(STATUS "pyjit: CPython ${PYJIT_PYTHON_VERSION} at ${PYJIT_PYTHON_EXECUTABLE} (debug=${PYJIT_PYTHON_DEBUG}), "
               "libpython ${PYJIT_LIBPYTHON}")
