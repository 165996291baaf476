// One background thread that runs tasks in the order they were posted. The JIT compiles on it so that
// loading LLVM and generating code overlap with the program, which goes on in the interpreter meanwhile.
// Tasks must not touch Python objects or take the GIL: they run while the main thread executes Python.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace pyjit {

class BackgroundWorker {
public:
    ~BackgroundWorker() { stop(); }

    // Queues `task`; the thread starts with the first task.
    void post(std::function<void()> task);

    // Runs what is queued (or, with dropQueued, only the task already running), then joins the thread.
    // Later posts start a new thread.
    void stop(bool dropQueued = false);

    // Drops what is queued and lets the thread end after the task in progress, without joining it: for a
    // process about to _exit(). A later stop() or the destructor joins as usual.
    void stopWithoutWaiting();

    // True while a task runs.
    bool runningTask();

    // In a child after fork() the thread does not exist: forget it (and any lock state) without joining.
    void forgetAfterFork();

private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::thread thread_;
    bool stopping_ = false;
    bool running_ = false;
};

}  // namespace pyjit
