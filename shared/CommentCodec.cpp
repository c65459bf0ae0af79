#include "CommentCodec.h"

#include "JsonKeys.h"
#include "Timestamp.h"

namespace blog::CommentCodec {

QJsonObject toJson(const Comment &comment)
{
    return QJsonObject {
        { JsonKeys::Id, comment.id },
        { JsonKeys::Text, comment.text },
        { JsonKeys::CreatedAt, Timestamp::toString(comment.createdAt) },
        { JsonKeys::Author,
            QJsonObject {
                { JsonKeys::Id, comment.author.id }, { JsonKeys::FullName, comment.author.fullName } } },
    };
}

QJsonObject toJsonWithArticle(const Comment &comment)
{
    QJsonObject json = toJson(comment);
    json.insert(JsonKeys::Article, comment.articleId);
    return json;
}

Comment fromJson(const QJsonObject &json)
{
    Comment comment;
    comment.id = json.value(JsonKeys::Id).toInteger();
    comment.text = json.value(JsonKeys::Text).toString();
    comment.articleId = json.value(JsonKeys::Article).toInteger();
    comment.createdAt = Timestamp::fromString(json.value(JsonKeys::CreatedAt).toString());
    const QJsonObject author = json.value(JsonKeys::Author).toObject();
    comment.author.id = author.value(JsonKeys::Id).toInteger();
    comment.author.fullName = author.value(JsonKeys::FullName).toString();
    return comment;
}

} // namespace blog::CommentCodec
