#include "runtime/BackgroundWorker.h"

#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace pyjit {
namespace {

// Holds the worker in its first task until released, so that the tasks posted meanwhile queue up.
class BlockedWorker {
public:
    BlockedWorker() {
        std::promise<void> started;
        auto running = started.get_future();
        worker.post([this, &started] {
            started.set_value();
            release_.get_future().wait();
        });
        running.wait();
    }
    void runQueued() {
        release_.set_value();
        worker.stop();
    }

    BackgroundWorker worker;
    std::vector<int> order;  // written only by the worker thread, read after stop()

private:
    std::promise<void> release_;
};

TEST(BackgroundWorker, RunsCheapestQueuedTaskFirst) {
    BlockedWorker blocked;
    for (int cost : {50, 10, 30, 10, 0}) {
        blocked.worker.post([&blocked, cost] { blocked.order.push_back(cost); }, cost);
    }
    blocked.runQueued();
    EXPECT_EQ(blocked.order, (std::vector<int>{0, 10, 10, 30, 50}));
}

TEST(BackgroundWorker, EqualCostsKeepPostingOrder) {
    BlockedWorker blocked;
    for (int id = 0; id < 4; id++) {
        blocked.worker.post([&blocked, id] { blocked.order.push_back(id); }, 7);
    }
    blocked.runQueued();
    EXPECT_EQ(blocked.order, (std::vector<int>{0, 1, 2, 3}));
}

TEST(BackgroundWorker, ExpensiveTaskPassedOverEightTimesRunsNext) {
    BlockedWorker blocked;
    blocked.worker.post([&blocked] { blocked.order.push_back(1000); }, 1000);
    for (int id = 0; id < 12; id++) {
        blocked.worker.post([&blocked, id] { blocked.order.push_back(id); }, 1);
    }
    blocked.runQueued();
    EXPECT_EQ(blocked.order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 1000, 8, 9, 10, 11}));
}

}  // namespace
}  // namespace pyjit
