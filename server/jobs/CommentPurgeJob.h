#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace blog {

class CommentRepository;

// Physically removes comments soft-deleted more than `olderThanDays` days ago; runs on a timer while
// the server serves, and once from `blog-server purge-comments`.
class CommentPurgeJob : public QObject
{
    Q_OBJECT

public:
    CommentPurgeJob(CommentRepository &comments, int olderThanDays, QObject *parent = nullptr);

    void start(std::chrono::milliseconds interval);
    int runOnce();

private:
    CommentRepository &m_comments;
    int m_olderThanDays;
    QTimer m_timer;
};

} // namespace blog
