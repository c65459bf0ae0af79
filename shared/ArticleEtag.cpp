#include "ArticleEtag.h"

namespace blog::ArticleEtag {

QByteArray of(qint64 id, qint64 version)
{
    return '"' + QByteArray::number(id) + '-' + QByteArray::number(version) + '"';
}

QByteArray of(const Article &article)
{
    return of(article.id, article.version);
}

std::optional<qint64> versionOf(const QByteArray &etag, qint64 id)
{
    const auto versions = acceptedVersions(etag, id);
    if (!versions || versions->size() != 1)
        return std::nullopt;
    return versions->first();
}

std::optional<QList<qint64>> acceptedVersions(const QByteArray &ifMatch, qint64 id)
{
    if (ifMatch.trimmed().isEmpty())
        return std::nullopt;
    QList<qint64> versions;
    const QByteArray prefix = QByteArray::number(id) + '-';
    for (const QByteArray &candidate : ifMatch.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (tag == "*")
            return std::nullopt;
        if (tag.size() < 2 || !tag.startsWith('"') || !tag.endsWith('"'))
            continue;
        const QByteArray opaque = tag.mid(1, tag.size() - 2);
        if (!opaque.startsWith(prefix))
            continue;
        bool ok = false;
        const qint64 version = opaque.mid(prefix.size()).toLongLong(&ok);
        if (ok && version > 0)
            versions.append(version);
    }
    return versions;
}

} // namespace blog::ArticleEtag
