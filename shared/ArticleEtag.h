#pragma once

#include "Article.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace blog::ArticleEtag {

// The strong ETag of an article's answers: its id and version, quoted ("12-3"). Spelled here, in
// shared/, because the desktop client sends it back as If-Match.
QByteArray of(qint64 id, qint64 version);
QByteArray of(const Article &article);
// The version an article's ETag names, if it is one of ours for article `id`.
std::optional<qint64> versionOf(const QByteArray &etag, qint64 id);
// The versions of article `id` that an If-Match header accepts: nullopt for any (no header, or "*"),
// else those of its strong tags that name this article (weak tags never match, RFC 9110 13.1.1), which
// may be none.
std::optional<QList<qint64>> acceptedVersions(const QByteArray &ifMatch, qint64 id);

} // namespace blog::ArticleEtag
