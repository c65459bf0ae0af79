#include "CommentNotifications.h"

namespace blog {

namespace {
// Deadlines are met to within this; a long poll lasts seconds.
constexpr auto ExpiryTick = std::chrono::milliseconds(250);
} // namespace

CommentNotifications::CommentNotifications()
    : m_expiry([this] { expire(); })
{
}

CommentNotifications::~CommentNotifications()
{
    stop();
}

void CommentNotifications::wait(qint64 userId, quint64 seenChanges, Clock::time_point deadline, Waiter waiter)
{
    bool stopping = false;
    {
        const std::lock_guard lock(m_mutex);
        stopping = m_stopping;
        if (!stopping && changes() == seenChanges) {
            const quint64 key = m_nextKey++;
            m_entries.insert(key, Entry { userId, deadline, std::move(waiter) });
            m_byUser.insert(userId, key);
            return;
        }
    }
    waiter(stopping);
}

void CommentNotifications::commentsAdded(const QList<qint64> &articleAuthors)
{
    QList<Waiter> woken;
    {
        const std::lock_guard lock(m_mutex);
        m_changes.fetch_add(1, std::memory_order_acq_rel);
        const QList<qint64> users = articleAuthors.isEmpty() ? m_byUser.uniqueKeys() : articleAuthors;
        for (const qint64 user : users) {
            for (const quint64 key : m_byUser.values(user))
                woken.append(m_entries.take(key).waiter);
            m_byUser.remove(user);
        }
    }
    for (const Waiter &waiter : woken)
        waiter(false);
}

void CommentNotifications::stop()
{
    QList<Waiter> woken;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (Entry &entry : m_entries)
            woken.append(std::move(entry.waiter));
        m_entries.clear();
        m_byUser.clear();
    }
    m_wake.notify_all();
    if (m_expiry.joinable())
        m_expiry.join();
    for (const Waiter &waiter : woken)
        waiter(true);
}

qsizetype CommentNotifications::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void CommentNotifications::expire()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, ExpiryTick, [this] { return m_stopping; });
        const Clock::time_point now = Clock::now();
        QList<Waiter> due;
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->deadline > now) {
                ++it;
                continue;
            }
            m_byUser.remove(it->userId, it.key());
            due.append(std::move(it->waiter));
            it = m_entries.erase(it);
        }
        lock.unlock();
        for (const Waiter &waiter : due)
            waiter(true);
        lock.lock();
    }
}

} // namespace blog
