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

QJsonObject toJson(const Article &article, const ArticleStanding &standing)
{
    QJsonObject json = toJson(article);
    const QJsonObject standingJson = standingToJson(standing);
    for (auto it = standingJson.begin(); it != standingJson.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject standingToJson(const ArticleStanding &standing)
{
    return QJsonObject {
        { JsonKeys::FavoritesCount, standing.favoritesCount },
        { JsonKeys::Favorited, standing.favorited },
        { JsonKeys::FollowingAuthor, standing.followingAuthor },
    };
}

QJsonObject tagsToJson(const QStringList &tags)
{
    return QJsonObject { { JsonKeys::Tags, QJsonArray::fromStringList(tags) } };
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

namespace {

void appendKey(QByteArray &out, QLatin1String key)
{
    out += '"';
    out.append(key.data(), key.size());
    out += "\":";
}

// As QJsonDocument writes strings: UTF-8, with '"', '\\' and control characters escaped.
void appendString(QByteArray &out, const QString &text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    if (!text.isValidUtf16()) { // a lone surrogate, which only Qt's writer spells as \uXXXX
        const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
        out.append(array.constData() + 1, array.size() - 2);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += Hex[c >> 4];
            out += Hex[c & 0xf];
        }
    }
    out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    out += '"';
}

} // namespace

QByteArray toJsonBytes(const ArticlePage &page)
{
    // Keys in QJsonObject's (alphabetical) order, so the bytes match its output.
    QByteArray out;
    out.reserve(256 + page.items.size() * 512);
    out += '{';
    appendKey(out, JsonKeys::Items);
    out += '[';
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        const ArticleListItem &item = page.items[i];
        if (i > 0)
            out += ',';
        out += '{';
        appendKey(out, JsonKeys::Author);
        out += QByteArray::number(item.authorId);
        out += ',';
        appendKey(out, JsonKeys::AuthorName);
        appendString(out, item.authorName);
        out += ',';
        appendKey(out, JsonKeys::Description);
        appendString(out, item.description);
        out += ',';
        appendKey(out, JsonKeys::Slug);
        appendString(out, item.slug);
        out += ',';
        appendKey(out, JsonKeys::Tags);
        out += '[';
        for (qsizetype t = 0; t < item.tags.size(); ++t) {
            if (t > 0)
                out += ',';
            appendString(out, item.tags[t]);
        }
        out += "],";
        appendKey(out, JsonKeys::Title);
        appendString(out, item.title);
        out += ',';
        appendKey(out, JsonKeys::TotalComments);
        out += QByteArray::number(item.totalComments);
        out += '}';
    }
    out += "],";
    appendKey(out, JsonKeys::Total);
    out += QByteArray::number(page.total);
    out += '}';
    return out;
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

ArticleStanding standingFromJson(const QJsonObject &json)
{
    ArticleStanding standing;
    standing.favoritesCount = json.value(JsonKeys::FavoritesCount).toInteger();
    standing.favorited = json.value(JsonKeys::Favorited).toBool();
    standing.followingAuthor = json.value(JsonKeys::FollowingAuthor).toBool();
    return standing;
}

QStringList tagsFromJson(const QJsonObject &json)
{
    return stringsFromJson(json.value(JsonKeys::Tags));
}

QStringList tagsFromJsonText(const QByteArray &text)
{
    return stringsFromJson(QJsonDocument::fromJson(text).array());
}

QString tagsToJsonText(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

} // namespace blog::ArticleCodec
