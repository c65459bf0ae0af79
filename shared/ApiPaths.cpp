#include "ApiPaths.h"

#include <QString>
#include <QUrl>

namespace blog::ApiPaths {

QString article(const QString &slugOrId)
{
    return Articles + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(slugOrId));
}

QString comments(const QString &slug)
{
    return article(slug) + QLatin1Char('/') + CommentsSegment;
}

QString comment(const QString &slug, qint64 commentId)
{
    return comments(slug) + QLatin1Char('/') + QString::number(commentId);
}

QString favorite(const QString &slug)
{
    return article(slug) + QLatin1Char('/') + FavoriteSegment;
}

QString follow(qint64 userId)
{
    return Users + QLatin1Char('/') + QString::number(userId) + QLatin1Char('/') + FollowSegment;
}

} // namespace blog::ApiPaths
