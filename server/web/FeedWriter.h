#pragma once

#include "Article.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace blog {

// Atom feeds (RFC 4287) and sitemaps (sitemaps.org), written with QXmlStreamWriter, which escapes every
// value. URLs are absolute, as both formats want.
namespace FeedWriter {

struct Feed
{
    QString title;
    QString subtitle;
    QString selfUrl; // the feed's own URL
    QString pageUrl; // the HTML page it belongs to
    QString baseUrl; // "https://blog.example" without the final slash
    QList<Article> articles; // newest first
};

QByteArray atom(const Feed &feed);

struct SitemapUrl
{
    QString location;
    QDateTime lastModified; // invalid: none given
};
QByteArray sitemap(const QList<SitemapUrl> &urls);
// The index over sitemaps /sitemap.xml?part=1..; used once the articles pass one sitemap's 50,000 URLs.
QByteArray sitemapIndex(const QList<QString> &sitemapUrls);

} // namespace FeedWriter

} // namespace blog
