#include "BackgroundWorker.h"

#include <new>

namespace pyjit {

void BackgroundWorker::post(std::function<void()> task, uint64_t cost) {
    std::lock_guard lock(mutex_);
    tasks_.push_back(Task{std::move(task), cost});
    if (!thread_.joinable()) {
        stopping_ = false;
        thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

void BackgroundWorker::stop(bool dropQueued) {
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        if (dropQueued) tasks_.clear();
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void BackgroundWorker::stopWithoutWaiting() {
    {
        std::lock_guard lock(mutex_);
        tasks_.clear();
        stopping_ = true;
    }
    wake_.notify_one();
}

bool BackgroundWorker::runningTask() {
    std::lock_guard lock(mutex_);
    return running_;
}

void BackgroundWorker::forgetAfterFork() {
    // The parent's thread is gone in the child and may have held the lock: start from scratch. The
    // std::thread object still names a thread, so it is released without join/detach semantics.
    new (&mutex_) std::mutex();
    new (&wake_) std::condition_variable();
    new (&thread_) std::thread();
    tasks_.clear();
    stopping_ = false;
    running_ = false;
}

std::function<void()> BackgroundWorker::takeNextTask() {
    size_t chosen = 0;
    if (tasks_.front().passedOver < kMaxPassedOver) {
        for (size_t i = 1; i < tasks_.size(); i++) {
            if (tasks_[i].cost < tasks_[chosen].cost) chosen = i;
        }
    }
    for (size_t i = 0; i < chosen; i++) tasks_[i].passedOver++;
    std::function<void()> task = std::move(tasks_[chosen].run);
    tasks_.erase(tasks_.begin() + static_cast<std::ptrdiff_t>(chosen));
    return task;
}

void BackgroundWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stopping, and nothing left to do
        std::function<void()> task = takeNextTask();
        running_ = true;
        lock.unlock();
        task();
        lock.lock();
        running_ = false;
    }
}

}  // namespace pyjit
