#include "NotificationController.h"

#include "Authenticator.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "NotificationCodec.h"
#include "NotificationService.h"
#include "RequestCodec.h"

namespace blog {

NotificationController::NotificationController(
    NotificationService &notifications, const Authenticator &authenticator)
    : m_notifications(notifications)
    , m_authenticator(authenticator)
{
}

void NotificationController::newComments(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return reply(ErrorReply::from(user.error()));
    const auto query = RequestCodec::decodeNotificationQuery(request.query);
    if (!query)
        return reply(ErrorReply::from(Error::invalid(query.error())));
    if (!query->after)
        return reply(Reply::json(NotificationCodec::toJson(CommentNotices { {}, m_notifications.cursor() })));
    m_notifications.newComments(user->id, *query->after, std::chrono::seconds(query->waitSeconds),
        std::move(resume), [reply = std::move(reply)](const Result<CommentNotices> &found) {
            if (!found)
                reply(ErrorReply::from(found.error()));
            else
                reply(Reply::json(NotificationCodec::toJson(*found)));
        });
}

} // namespace blog
