#pragma once

#include "Reply.h"
#include "Resume.h"

namespace blog {

struct HttpRequest;
class Authenticator;
class NotificationService;

// /user/notifications: new comments on my articles, by long polling.
class NotificationController
{
public:
    NotificationController(NotificationService &notifications, const Authenticator &authenticator);

    // Answers at once, or when a comment comes or the wait is over.
    void newComments(const HttpRequest &request, Resume resume, ReplyCallback reply);

private:
    NotificationService &m_notifications;
    const Authenticator &m_authenticator;
};

} // namespace blog
