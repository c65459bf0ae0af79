#pragma once

#include "Article.h"
#include "ArticlePage.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace blog {

// Writes the HTML pages from the mustache templates in resources/web (every value escaped by the engine;
// only the Markdown renderer's output and the page body go in unescaped). URLs are given absolute for
// canonical links and Open Graph; the rest of the links are relative to the site.
class PageRenderer
{
public:
    struct Feed
    {
        QString title;
        QString url;
    };
    // What the layout needs besides the page's own body.
    struct Head
    {
        QString title;
        QString description;
        QString canonical; // absolute
        QString ogType = QStringLiteral("website");
        QList<Feed> feeds;
    };
    struct Listing
    {
        QString heading;
        QString intro;
        ArticlePage page;
        int pageNumber = 1;
        int pageCount = 1;
        // The page's path without ?page=, e.g. "/" or "/tags/qt".
        QString path;
    };

    explicit PageRenderer(QString siteName);

    QByteArray listing(const Head &head, const Listing &listing) const;
    QByteArray article(const Head &head, const Article &article) const;
    // The 404 page and the other error pages.
    QByteArray errorPage(const QString &heading, const QString &message) const;

    const QString &siteName() const { return m_siteName; }

    static QString articlePath(const QString &slug);
    static QString tagPath(const QString &tag);
    static QString authorPath(qint64 authorId);
    // "2 comments".
    static QString commentCount(qint64 count);

private:
    QByteArray page(const Head &head, const std::string &content) const;

    QString m_siteName;
};

} // namespace blog
