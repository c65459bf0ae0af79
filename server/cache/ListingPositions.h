#pragma once

#include "ListingRepository.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

namespace blog {

// Where the listing's deep pages start. An OFFSET reads every row it skips: at a million articles a
// random page cost ~7 ms of CPU (p99 195 ms under load). These anchors are every `every`-th article id
// in ascending order; a page then starts at the anchor just below it and skips fewer than `every` rows.
// They hold while the set of articles does: creating or deleting one (here, or on another instance
// through NOTIFY; a write while they are read too) invalidates them, and they expire like the listing cache,
// for rows changed behind the server's back. While one thread reads new anchors the others go on with the
// previous ones.
class ListingPositions
{
public:
    using Anchors = ListingRepository::Anchors;
    using Loader = std::function<Anchors()>;

    explicit ListingPositions(std::chrono::milliseconds timeToLive);

    std::shared_ptr<const Anchors> anchors(const Loader &load);
    void invalidate();
    // Changes with every invalidation: the article count is kept alongside (ListingService).
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    std::chrono::milliseconds timeToLive() const { return m_timeToLive; }

private:
    const std::chrono::milliseconds m_timeToLive;
    std::atomic<quint64> m_generation { 0 };
    std::mutex m_loading; // one loader at a time
    std::mutex m_mutex; // guards what follows
    std::shared_ptr<const Anchors> m_current;
    quint64 m_currentGeneration = 0;
    std::chrono::steady_clock::time_point m_currentExpires;
};

} // namespace blog
