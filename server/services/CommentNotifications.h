#pragma once

#include <QHash>
#include <QList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace blog {

// Where requests waiting for new comments on their user's articles wait (long polling). A waiter is
// called once: when comments arrive on that user's articles (here, or on another instance), or with
// `answerNow` when its deadline passes or the server stops. It then looks for itself what is new, so a
// wake-up that finds nothing (a comment by the author, one deleted since) costs one query and no answer.
class CommentNotifications
{
public:
    using Waiter = std::function<void(bool answerNow)>;
    using Clock = std::chrono::steady_clock;

    CommentNotifications();
    // stop()s.
    ~CommentNotifications();
    CommentNotifications(const CommentNotifications &) = delete;
    CommentNotifications &operator=(const CommentNotifications &) = delete;

    // Counts every wake-up; read it before looking for new comments and hand it to wait(), so that
    // comments that arrive in between are not missed.
    quint64 changes() const { return m_changes.load(std::memory_order_acquire); }
    // Calls `waiter` at once (on this thread) if something changed since `seenChanges`, or the server
    // is stopping; otherwise later, on another thread.
    void wait(qint64 userId, quint64 seenChanges, Clock::time_point deadline, Waiter waiter);
    // Thread-safe. Empty: everyone's (a notice that did not say whose).
    void commentsAdded(const QList<qint64> &articleAuthors);
    // Calls every waiter; later ones are called at once.
    void stop();

    qsizetype waiting() const;

private:
    struct Entry
    {
        qint64 userId;
        Clock::time_point deadline;
        Waiter waiter;
    };
    void expire();

    std::atomic<quint64> m_changes { 0 };
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QMultiHash<qint64, quint64> m_byUser; // user -> entry keys
    QHash<quint64, Entry> m_entries;
    quint64 m_nextKey = 0;
    bool m_stopping = false;
    std::thread m_expiry; // calls waiters whose deadline passed
};

} // namespace blog
