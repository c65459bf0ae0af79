#pragma once

#include "CommentNotice.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace blog {

class ApiClient;

// Watches for new comments on the signed-in author's articles while the app runs: one long poll at a
// time (GET /user/notifications), so a comment shows within moments and an idle app costs the server
// a waiting request. When the server cannot be reached it tries again a little later.
class CommentWatcher : public QObject
{
    Q_OBJECT

public:
    explicit CommentWatcher(ApiClient &api, QObject *parent = nullptr);

    // Starts from now: comments made before are not news.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // For tests: how long the server may hold a poll, and the pause after a failure.
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }
    void setRetryInterval(std::chrono::milliseconds interval) { m_retry.setInterval(interval); }

signals:
    void commentsArrived(const QList<blog::CommentNotice> &notices);

private:
    void poll();

    ApiClient &m_api;
    QTimer m_retry;
    qint64 m_cursor = -1; // none yet: the first answer tells where "new" starts
    int m_waitSeconds = 25;
    bool m_running = false;
    quint64 m_session = 0; // answers to polls of an earlier start() are dropped
};

} // namespace blog
