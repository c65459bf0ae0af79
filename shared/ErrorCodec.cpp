#include "ErrorCodec.h"

#include "JsonKeys.h"

#include <QJsonDocument>

namespace blog::ErrorCodec {

QJsonObject toJson(const QString &message, const QString &field, bool notFound)
{
    QJsonObject body { { JsonKeys::Error, message } };
    if (!field.isEmpty())
        body.insert(JsonKeys::Field, field);
    if (notFound)
        body.insert(JsonKeys::NotFound, true);
    return body;
}

QByteArray toBytes(const QString &message)
{
    return QJsonDocument(toJson(message)).toJson(QJsonDocument::Compact);
}

} // namespace blog::ErrorCodec
