#include "Reply.h"

#include "JsonKeys.h"

#include <QJsonDocument>

namespace blog {

Reply Reply::json(const QJsonObject &object, int status)
{
    return jsonBytes(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

Reply Reply::jsonBytes(QByteArray body, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

Reply Reply::success()
{
    return json(QJsonObject { { JsonKeys::Success, true } });
}

} // namespace blog
