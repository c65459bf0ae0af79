#include "PageRenderer.h"

#include "MarkdownRenderer.h"

#include <QFile>
#include <QLocale>
#include <QUrl>

#include <kainjow/mustache.hpp>

namespace blog {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string text(const QString &value)
{
    return value.toStdString();
}

// Templates are read from the resources once a process.
const std::string &templateText(const char *name)
{
    static const std::map<std::string, std::string> templates = [] {
        std::map<std::string, std::string> loaded;
        for (const char *file : { "layout", "listing", "article", "error" }) {
            QFile resource(QStringLiteral(":/web/%1.html").arg(QLatin1String(file)));
            if (!resource.open(QIODevice::ReadOnly))
                qFatal("missing web template %s", file);
            loaded[file] = resource.readAll().toStdString();
        }
        return loaded;
    }();
    return templates.at(name);
}

std::string render(const char *name, const data &values)
{
    mustache engine(templateText(name));
    return engine.render(values);
}

data tagList(const QStringList &tags)
{
    data list = data::type::list;
    for (const QString &tag : tags) {
        data entry;
        entry.set("name", text(tag));
        entry.set("url", text(PageRenderer::tagPath(tag)));
        list.push_back(entry);
    }
    return list;
}

QString readableDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC().date(), QStringLiteral("d MMMM yyyy"));
}

QString isoDate(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString pageLink(const QString &path, int page)
{
    return page <= 1 ? path : path + QStringLiteral("?page=") + QString::number(page);
}

} // namespace

PageRenderer::PageRenderer(QString siteName)
    : m_siteName(std::move(siteName))
{
}

QString PageRenderer::articlePath(const QString &slug)
{
    return QStringLiteral("/posts/") + QString::fromLatin1(QUrl::toPercentEncoding(slug));
}

QString PageRenderer::tagPath(const QString &tag)
{
    return QStringLiteral("/tags/") + QString::fromLatin1(QUrl::toPercentEncoding(tag));
}

QString PageRenderer::authorPath(qint64 authorId)
{
    return QStringLiteral("/authors/") + QString::number(authorId);
}

QString PageRenderer::commentCount(qint64 count)
{
    return count == 1 ? QStringLiteral("1 comment") : QStringLiteral("%1 comments").arg(count);
}

QByteArray PageRenderer::page(const Head &head, const std::string &content) const
{
    data values;
    values.set("title", text(head.title));
    values.set("description", text(head.description));
    if (!head.canonical.isEmpty())
        values.set("canonical", text(head.canonical));
    values.set("ogType", text(head.ogType));
    values.set("siteName", text(m_siteName));
    data feeds = data::type::list;
    for (const Feed &feed : head.feeds) {
        data entry;
        entry.set("title", text(feed.title));
        entry.set("url", text(feed.url));
        feeds.push_back(entry);
    }
    values.set("feeds", feeds);
    values.set("content", content);
    return QByteArray::fromStdString(render("layout", values));
}

QByteArray PageRenderer::listing(const Head &head, const Listing &listing) const
{
    data values;
    values.set("heading", text(listing.heading));
    if (!listing.intro.isEmpty())
        values.set("intro", text(listing.intro));
    data items = data::type::list;
    for (const ArticleListItem &item : listing.page.items) {
        data entry;
        entry.set("title", text(item.title));
        entry.set("description", text(item.description));
        entry.set("url", text(articlePath(item.slug)));
        entry.set("author", text(item.authorName));
        entry.set("authorUrl", text(authorPath(item.authorId)));
        entry.set("comments", text(commentCount(item.totalComments)));
        entry.set("hasTags", !item.tags.isEmpty());
        entry.set("tags", tagList(item.tags));
        items.push_back(entry);
    }
    values.set("hasItems", !listing.page.items.isEmpty());
    values.set("items", items);
    values.set("hasPaging", listing.pageCount > 1);
    values.set("page", std::to_string(listing.pageNumber));
    values.set("pages", std::to_string(listing.pageCount));
    if (listing.pageNumber > 1)
        values.set("newer", text(pageLink(listing.path, listing.pageNumber - 1)));
    if (listing.pageNumber < listing.pageCount)
        values.set("older", text(pageLink(listing.path, listing.pageNumber + 1)));
    return page(head, render("listing", values));
}

QByteArray PageRenderer::article(const Head &head, const Article &article) const
{
    data values;
    values.set("title", text(article.title));
    values.set("description", text(article.description));
    values.set("author", text(article.author.fullName));
    values.set("authorUrl", text(authorPath(article.author.id)));
    values.set("created", text(readableDate(article.createdAt)));
    values.set("createdIso", text(isoDate(article.createdAt)));
    if (article.updatedAt.isValid() && readableDate(article.updatedAt) != readableDate(article.createdAt)) {
        values.set("edited", true);
        values.set("updated", text(readableDate(article.updatedAt)));
        values.set("updatedIso", text(isoDate(article.updatedAt)));
    }
    values.set("hasTags", !article.tags.isEmpty());
    values.set("tags", tagList(article.tags));
    values.set("body", MarkdownRenderer::toHtml(article.text).toStdString());
    values.set("commentHeading",
        text(
            article.comments.isEmpty() ? QStringLiteral("Comments") : commentCount(article.comments.size())));
    data comments = data::type::list;
    for (const Comment &comment : article.comments) {
        data entry;
        entry.set("id", std::to_string(comment.id));
        entry.set("author", text(comment.author.fullName));
        entry.set("authorUrl", text(authorPath(comment.author.id)));
        entry.set("created", text(readableDate(comment.createdAt)));
        entry.set("createdIso", text(isoDate(comment.createdAt)));
        // Comments are plain text: paragraphs at blank lines, line breaks kept by the stylesheet.
        data paragraphs = data::type::list;
        for (const QString &paragraph : comment.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
            paragraphs.push_back(data(text(paragraph.trimmed())));
        entry.set("paragraphs", paragraphs);
        comments.push_back(entry);
    }
    values.set("hasComments", !article.comments.isEmpty());
    values.set("comments", comments);
    return page(head, render("article", values));
}

QByteArray PageRenderer::errorPage(const QString &heading, const QString &message) const
{
    data values;
    values.set("heading", text(heading));
    values.set("message", text(message));
    Head head;
    head.title = heading + QStringLiteral(" · ") + m_siteName;
    head.description = message;
    return page(head, render("error", values));
}

} // namespace blog
