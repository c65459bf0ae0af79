#include "JsonBody.h"

#include "HttpRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace blog::JsonBody {

Expected<QJsonObject, HttpError> parse(const HttpRequest &request)
{
    const QByteArray type = request.contentType.trimmed().toLower();
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return HttpError::unsupportedMediaType();
    if (request.body.trimmed().isEmpty())
        return HttpError::malformedBody(QStringLiteral("The request needs a JSON object as its body"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return HttpError::malformedBody(QStringLiteral("Malformed JSON at offset %1: %2")
                                            .arg(parseError.offset)
                                            .arg(parseError.errorString()));
    if (!document.isObject())
        return HttpError::malformedBody(QStringLiteral("The body must be a JSON object"));
    return document.object();
}

} // namespace blog::JsonBody
