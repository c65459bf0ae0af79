#include "ArticleCodec.h"

#include "CommentCodec.h"
#include "JsonKeys.h"
#include "Timestamp.h"
#include "UserCodec.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace blog::ArticleCodec {

namespace {

QStringList stringsFromJson(const QJsonValue &json)
{
    QStringList strings;
    const QJsonArray array = json.toArray();
    strings.reserve(array.size());
    for (const QJsonValue &value : array)
        strings.append(value.toString());
    return strings;
}

} // namespace

QJsonObject toJson(const Article &article)
{
    QJsonArray comments;
    for (const Comment &comment : article.comments)
        comments.append(CommentCodec::toJson(comment));
    return QJsonObject {
        { JsonKeys::Id, article.id },
        { JsonKeys::Slug, article.slug },
        { JsonKeys::Title, article.title },
        { JsonKeys::Description, article.description },
        { JsonKeys::Text, article.text },
        { JsonKeys::Tags, QJsonArray::fromStringList(article.tags) },
        { JsonKeys::Author,
            QJsonObject {
                { JsonKeys::Id, article.author.id },
                { JsonKeys::FullName, article.author.fullName },
                { JsonKeys::Bio, article.author.bio },
                { JsonKeys::Social, UserCodec::socialToJson(article.author.social) },
            } },
        { JsonKeys::Comments, comments },
        { JsonKeys::CreatedAt, Timestamp::toString(article.createdAt) },
        { JsonKeys::UpdatedAt, Timestamp::toString(article.updatedAt) },
    };
}

QJsonObject toJson(const ArticleListItem &item)
{
    return QJsonObject {
        { JsonKeys::Slug, item.slug },
        { JsonKeys::Title, item.title },
        { JsonKeys::Description, item.description },
        { JsonKeys::Tags, QJsonArray::fromStringList(item.tags) },
        { JsonKeys::Author, item.authorId },
        { JsonKeys::AuthorName, item.authorName },
        { JsonKeys::TotalComments, item.totalComments },
    };
}

QJsonObject toJson(const ArticlePage &page)
{
    QJsonArray items;
    for (const ArticleListItem &item : page.items)
        items.append(toJson(item));
    return QJsonObject { { JsonKeys::Items, items }, { JsonKeys::Total, page.total } };
}

Article articleFromJson(const QJsonObject &json)
{
    Article article;
    article.id = json.value(JsonKeys::Id).toInteger();
    article.slug = json.value(JsonKeys::Slug).toString();
    article.title = json.value(JsonKeys::Title).toString();
    article.description = json.value(JsonKeys::Description).toString();
    article.text = json.value(JsonKeys::Text).toString();
    article.tags = stringsFromJson(json.value(JsonKeys::Tags));
    const QJsonObject author = json.value(JsonKeys::Author).toObject();
    article.author.id = author.value(JsonKeys::Id).toInteger();
    article.author.fullName = author.value(JsonKeys::FullName).toString();
    article.author.bio = author.value(JsonKeys::Bio).toString();
    article.author.social = UserCodec::socialFromJson(author.value(JsonKeys::Social));
    const QJsonArray comments = json.value(JsonKeys::Comments).toArray();
    for (const QJsonValue &comment : comments) {
        Comment decoded = CommentCodec::fromJson(comment.toObject());
        decoded.articleId = article.id;
        article.comments.append(decoded);
    }
    article.createdAt = Timestamp::fromString(json.value(JsonKeys::CreatedAt).toString());
    article.updatedAt = Timestamp::fromString(json.value(JsonKeys::UpdatedAt).toString());
    return article;
}

ArticleListItem listItemFromJson(const QJsonObject &json)
{
    ArticleListItem item;
    item.slug = json.value(JsonKeys::Slug).toString();
    item.title = json.value(JsonKeys::Title).toString();
    item.description = json.value(JsonKeys::Description).toString();
    item.tags = stringsFromJson(json.value(JsonKeys::Tags));
    item.authorId = json.value(JsonKeys::Author).toInteger();
    item.authorName = json.value(JsonKeys::AuthorName).toString();
    item.totalComments = json.value(JsonKeys::TotalComments).toInteger();
    return item;
}

ArticlePage pageFromJson(const QJsonObject &json)
{
    ArticlePage page;
    const QJsonArray items = json.value(JsonKeys::Items).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &item : items)
        page.items.append(listItemFromJson(item.toObject()));
    page.total = json.value(JsonKeys::Total).toInteger();
    return page;
}

QStringList tagsFromJsonText(const QByteArray &text)
{
    return stringsFromJson(QJsonDocument::fromJson(text).array());
}

} // namespace blog::ArticleCodec
