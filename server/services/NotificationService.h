#pragma once

#include "CommentNotice.h"
#include "CommentNotifications.h"
#include "Resume.h"
#include "Validation.h"

#include <chrono>

namespace blog {

class CommentRepository;

// New comments on an author's articles, for the desktop's notifications: at once when there are some,
// else after waiting for one (long polling, which holds across instances through CommentNotifications).
class NotificationService
{
public:
    static constexpr std::chrono::seconds MaxWait { Validation::MaxNotificationWaitSeconds };
    static constexpr int MaxNotices = 50;

    NotificationService(CommentRepository &comments, CommentNotifications &waiting);

    // Where "new" starts now.
    qint64 cursor();
    // Comments by others on `userId`'s articles after `after` (a cursor); when there are none, waits up
    // to `wait` for some, resuming on the request's thread. The answer's cursor is where to go on from.
    void newComments(qint64 userId, qint64 after, std::chrono::seconds wait, Resume resume,
        Completion<CommentNotices> done);

private:
    void look(qint64 userId, qint64 after, CommentNotifications::Clock::time_point deadline, bool answerNow,
        Resume resume, Completion<CommentNotices> done);

    CommentRepository &m_comments;
    CommentNotifications &m_waiting;
};

} // namespace blog
