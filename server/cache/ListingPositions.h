#pragma once

#include "ListingRepository.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace blog {

// Where the listing's deep pages start, and how many articles there are. An OFFSET reads every row it
// skips: at a million articles a random page cost ~7 ms of CPU (p99 195 ms under load). These anchors
// are every `every`-th article id in ascending order; a page then starts at the anchor just below it
// and skips fewer than `every` rows. They hold while the set of articles does: creating or deleting one
// (here, or on another instance through NOTIFY) invalidates them, and callers then wait for new ones, so
// a page and its total are exact right after a write. They also expire like the listing cache, for rows
// changed behind the server's back; expired ones are read again on a refresh thread (one for the
// object's life, with its own database connection) while callers keep the previous ones (reading them
// on the request path stalled one HTTP thread every 5 s, ~40 ms at a million articles); if the new ones
// differ, `changed` drops what was made from the old. Where the database keeps a mark that changes with
// every article inserted or deleted (Anchors::changeMark), a refresh reads the mark first and the anchors
// only when it moved: on PostgreSQL at a million articles reading them took 0.2-0.8 s of a core every
// 5 s, under load a third of the database's time in the mixed benchmark. The mark alone keeps them
// for `markTrustedFor` at most (changes it does not count, such as a TRUNCATE, show then).
class ListingPositions
{
public:
    using Anchors = ListingRepository::Anchors;
    // Runs on the calling thread or on the refresh thread.
    using Loader = std::function<Anchors()>;
    // Reads Anchors::changeMark's current value; runs on the refresh thread.
    using MarkReader = std::function<std::optional<qint64>()>;

    // `changed` runs (on the refresh thread) when a refresh finds other anchors than before: pages made
    // from the previous ones meanwhile are to be dropped.
    ListingPositions(std::chrono::milliseconds timeToLive, std::function<void()> changed,
        std::chrono::milliseconds markTrustedFor = std::chrono::minutes(1));
    // stop()s.
    ~ListingPositions();
    ListingPositions(const ListingPositions &) = delete;
    ListingPositions &operator=(const ListingPositions &) = delete;

    std::shared_ptr<const Anchors> anchors(const Loader &load, const MarkReader &readMark = {});
    void invalidate();
    // Waits until no refresh is in progress.
    void waitForRefresh();
    // Ends the refresh thread (after the refresh in progress); call before what loaders use goes away.
    void stop();

private:
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    void runRefresher();
    void refresh(const Loader &load, const MarkReader &readMark);
    // Whether the current anchors still hold by their mark (false when there is none to compare).
    bool unchangedByMark(const MarkReader &readMark);

    const std::chrono::milliseconds m_timeToLive;
    const std::chrono::milliseconds m_markTrustedFor;
    const std::function<void()> m_changed;
    std::atomic<quint64> m_generation { 0 };
    std::mutex m_loading; // one synchronous read at a time
    std::mutex m_mutex; // guards what follows
    std::shared_ptr<const Anchors> m_current;
    quint64 m_currentGeneration = 0;
    std::chrono::steady_clock::time_point m_currentExpires;
    std::chrono::steady_clock::time_point m_currentRead; // when m_current was read
    bool m_refreshing = false; // a refresh is asked for or running
    bool m_stopping = false;
    Loader m_refreshLoad; // the refresh asked for, until the thread takes it
    MarkReader m_refreshReadMark;
    std::condition_variable m_wake; // the refresh thread waits here for work
    std::condition_variable m_refreshed; // waitForRefresh() waits here
    std::thread m_refresher; // started with the first refresh
};

} // namespace blog
