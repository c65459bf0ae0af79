#include "NotificationCodec.h"

#include "CommentCodec.h"
#include "JsonKeys.h"

#include <QJsonArray>

namespace blog::NotificationCodec {

QJsonObject toJson(const CommentNotices &notices)
{
    QJsonArray comments;
    for (const CommentNotice &notice : notices.notices) {
        QJsonObject json = CommentCodec::toJsonWithArticle(notice.comment);
        json.insert(JsonKeys::ArticleSlug, notice.articleSlug);
        json.insert(JsonKeys::ArticleTitle, notice.articleTitle);
        comments.append(json);
    }
    return QJsonObject { { JsonKeys::Comments, comments }, { JsonKeys::Cursor, notices.cursor } };
}

CommentNotices fromJson(const QJsonObject &json)
{
    CommentNotices notices;
    notices.cursor = json.value(JsonKeys::Cursor).toInteger();
    for (const QJsonValue &value : json.value(JsonKeys::Comments).toArray()) {
        const QJsonObject comment = value.toObject();
        notices.notices.append(
            { CommentCodec::fromJson(comment), comment.value(JsonKeys::ArticleSlug).toString(),
                comment.value(JsonKeys::ArticleTitle).toString() });
    }
    return notices;
}

} // namespace blog::NotificationCodec
