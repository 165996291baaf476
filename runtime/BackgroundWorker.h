// One background thread that runs tasks, cheapest first. The JIT compiles on it so that loading LLVM and
// generating code overlap with the program, which goes on in the interpreter meanwhile. Tasks must not
// touch Python objects or take the GIL: they run while the main thread executes Python.
//
// Cheapest first: code objects that get hot together at start-up are queued behind the LLVM load, and
// in the order posted a big function (a module body or main(): 100-250 ms of code generation) would
// hold back the small hot functions it calls (10 ms each), which then run in tier 1 meanwhile. Equal
// costs keep the posting order; a task passed over kMaxPassedOver times runs next, so none waits forever.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace pyjit {

class BackgroundWorker {
public:
    ~BackgroundWorker() { stop(); }

    // Queues `task` with its estimated `cost` (any unit; 0 for cheap housekeeping); the thread starts
    // with the first task.
    void post(std::function<void()> task, uint64_t cost = 0);

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
    struct Task {
        std::function<void()> run;
        uint64_t cost;
        uint32_t passedOver = 0;
    };
    static constexpr uint32_t kMaxPassedOver = 8;

    void run();
    std::function<void()> takeNextTask();  // with mutex_ held, tasks_ not empty

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> tasks_;
    std::thread thread_;
    bool stopping_ = false;
    bool running_ = false;
};

}  // namespace pyjit
