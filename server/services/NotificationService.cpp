#include "NotificationService.h"

#include "CommentRepository.h"

namespace blog {

NotificationService::NotificationService(CommentRepository &comments, CommentNotifications &waiting)
    : m_comments(comments)
    , m_waiting(waiting)
{
}

qint64 NotificationService::cursor()
{
    return m_comments.latestId();
}

void NotificationService::newComments(
    qint64 userId, qint64 after, std::chrono::seconds wait, Resume resume, Completion<CommentNotices> done)
{
    const auto deadline = CommentNotifications::Clock::now() + std::min(wait, MaxWait);
    look(userId, after, deadline, wait.count() <= 0, std::move(resume), std::move(done));
}

void NotificationService::look(qint64 userId, qint64 after, CommentNotifications::Clock::time_point deadline,
    bool answerNow, Resume resume, Completion<CommentNotices> done)
{
    // Read before looking, so that a comment committed while we look wakes us at once.
    const quint64 seen = m_waiting.changes();
    CommentNotices found { m_comments.newOnArticlesOf(userId, after, MaxNotices), after };
    if (!found.notices.isEmpty())
        found.cursor = found.notices.constLast().comment.id;
    if (!found.notices.isEmpty() || answerNow || CommentNotifications::Clock::now() >= deadline) {
        done(found);
        return;
    }
    m_waiting.wait(userId, seen, deadline,
        [this, userId, after, deadline, resume, done = std::move(done)](bool answerNow) {
            resume([=, this] { look(userId, after, deadline, answerNow, resume, done); });
        });
}

} // namespace blog
