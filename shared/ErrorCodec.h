#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace blog::ErrorCodec {

// Our API's error body: {"error": message} with "field" when one field is at fault and "notFound"
// when what was asked for does not exist.
QJsonObject toJson(const QString &message, const QString &field = {}, bool notFound = false);
QByteArray toBytes(const QString &message);

} // namespace blog::ErrorCodec
