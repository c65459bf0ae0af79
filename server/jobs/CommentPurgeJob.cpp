#include "CommentPurgeJob.h"

#include "CommentRepository.h"
#include "Timestamp.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcJobs, "blog.jobs")

namespace blog {

CommentPurgeJob::CommentPurgeJob(CommentRepository &comments, int olderThanDays, QObject *parent)
    : QObject(parent)
    , m_comments(comments)
    , m_olderThanDays(olderThanDays)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            runOnce();
        } catch (const std::exception &error) {
            qCWarning(lcJobs) << "comment purge failed, will try again:" << error.what();
        }
    });
}

void CommentPurgeJob::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
}

int CommentPurgeJob::runOnce()
{
    const int removed = m_comments.purgeDeletedBefore(Timestamp::now().addDays(-m_olderThanDays));
    qCInfo(lcJobs) << "purged" << removed << "comments deleted more than" << m_olderThanDays << "days ago";
    return removed;
}

} // namespace blog
