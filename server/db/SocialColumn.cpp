#include "SocialColumn.h"

#include "UserCodec.h"

#include <QJsonDocument>

namespace blog::SocialColumn {

QVariant encode(const std::optional<Social> &social)
{
    if (!social)
        return QVariant(); // NULL
    return QString::fromUtf8(
        QJsonDocument(UserCodec::socialToJson(social).toObject()).toJson(QJsonDocument::Compact));
}

std::optional<Social> decode(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return UserCodec::socialFromJson(QJsonDocument::fromJson(column.toString().toUtf8()).object());
}

} // namespace blog::SocialColumn
