// What the pyjit executable (tools/cli/main.cpp) asks of the runtime before the program runs. The runtime
// lives in the pyjit._pyjit extension module, so the executable reaches it through a capsule,
// `pyjit._pyjit._command_line_exit`. Plain C types: the executable does not link the runtime.
//
// Why: at exit, a background compile in progress must finish before the process runs its exit handlers
// and static destructors (LLVM's among them). On a short program that wait is most of pyjit's extra wall
// time: the first compile also loads LLVM. Opted in, the runtime's last exit hook drops queued compiles
// and, if one is still running, makes exit() leave at once with _exit() and the same status, after
// flushing C stdio (Python is finalized by then). C-level exit handlers of other libraries are skipped in
// that case, which is why `import pyjit` in a plain python3.11 does not opt in and keeps waiting.
#pragma once

#define PYJIT_COMMAND_LINE_EXIT_CAPSULE "pyjit._pyjit._command_line_exit"

struct PyjitCommandLineExit {
    void (*leaveRunningCompileAtExit)(void);
};
