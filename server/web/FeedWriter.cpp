#include "FeedWriter.h"

#include "MarkdownRenderer.h"
#include "PageRenderer.h"

#include <QXmlStreamWriter>

namespace blog::FeedWriter {

namespace {

const QString AtomNamespace = QStringLiteral("http://www.w3.org/2005/Atom");
const QString SitemapNamespace = QStringLiteral("http://www.sitemaps.org/schemas/sitemap/0.9");

QString atomDate(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

void link(QXmlStreamWriter &xml, const QString &rel, const QString &type, const QString &href)
{
    xml.writeEmptyElement(QStringLiteral("link"));
    xml.writeAttribute(QStringLiteral("rel"), rel);
    if (!type.isEmpty())
        xml.writeAttribute(QStringLiteral("type"), type);
    xml.writeAttribute(QStringLiteral("href"), href);
}

// XML 1.0 cannot carry most control characters at all, escaped or not; they are dropped.
QString xmlSafe(const QString &text)
{
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 || u == 0x9 || u == 0xA || u == 0xD)
            safe.append(c);
    }
    return safe;
}

} // namespace

QByteArray atom(const Feed &feed)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(AtomNamespace);
    xml.writeStartElement(AtomNamespace, QStringLiteral("feed"));
    xml.writeTextElement(QStringLiteral("id"), feed.selfUrl);
    xml.writeTextElement(QStringLiteral("title"), xmlSafe(feed.title));
    if (!feed.subtitle.isEmpty())
        xml.writeTextElement(QStringLiteral("subtitle"), xmlSafe(feed.subtitle));
    QDateTime updated;
    for (const Article &article : feed.articles)
        updated = std::max(updated, article.updatedAt);
    // A feed without entries still needs a date: the epoch says "nothing yet".
    xml.writeTextElement(QStringLiteral("updated"),
        atomDate(updated.isValid() ? updated : QDateTime::fromSecsSinceEpoch(0, Qt::UTC)));
    link(xml, QStringLiteral("self"), QStringLiteral("application/atom+xml"), feed.selfUrl);
    link(xml, QStringLiteral("alternate"), QStringLiteral("text/html"), feed.pageUrl);
    xml.writeStartElement(QStringLiteral("generator"));
    xml.writeCharacters(QStringLiteral("blog-server"));
    xml.writeEndElement();
    for (const Article &article : feed.articles) {
        const QString url = feed.baseUrl + PageRenderer::articlePath(article.slug);
        xml.writeStartElement(QStringLiteral("entry"));
        // Slugs are kept when titles change, so the page URL is a stable id.
        xml.writeTextElement(QStringLiteral("id"), url);
        xml.writeTextElement(QStringLiteral("title"), xmlSafe(article.title));
        link(xml, QStringLiteral("alternate"), QStringLiteral("text/html"), url);
        xml.writeTextElement(QStringLiteral("published"), atomDate(article.createdAt));
        xml.writeTextElement(QStringLiteral("updated"), atomDate(article.updatedAt));
        xml.writeStartElement(QStringLiteral("author"));
        xml.writeTextElement(QStringLiteral("name"), xmlSafe(article.author.fullName));
        xml.writeTextElement(
            QStringLiteral("uri"), feed.baseUrl + PageRenderer::authorPath(article.author.id));
        xml.writeEndElement();
        for (const QString &tag : article.tags) {
            xml.writeEmptyElement(QStringLiteral("category"));
            xml.writeAttribute(QStringLiteral("term"), xmlSafe(tag));
        }
        xml.writeTextElement(QStringLiteral("summary"), xmlSafe(article.description));
        // The rendered article as escaped HTML (type="html"): readers sanitise it again on their side.
        xml.writeStartElement(QStringLiteral("content"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("html"));
        xml.writeCharacters(xmlSafe(QString::fromUtf8(MarkdownRenderer::toHtml(article.text))));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray sitemap(const QList<SitemapUrl> &urls)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(SitemapNamespace);
    xml.writeStartElement(SitemapNamespace, QStringLiteral("urlset"));
    for (const SitemapUrl &url : urls) {
        xml.writeStartElement(QStringLiteral("url"));
        xml.writeTextElement(QStringLiteral("loc"), url.location);
        if (url.lastModified.isValid())
            xml.writeTextElement(QStringLiteral("lastmod"), atomDate(url.lastModified));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray sitemapIndex(const QList<QString> &sitemapUrls)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(SitemapNamespace);
    xml.writeStartElement(SitemapNamespace, QStringLiteral("sitemapindex"));
    for (const QString &url : sitemapUrls) {
        xml.writeStartElement(QStringLiteral("sitemap"));
        xml.writeTextElement(QStringLiteral("loc"), url);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace blog::FeedWriter
