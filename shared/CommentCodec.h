#pragma once

#include "Comment.h"

#include <QJsonObject>

namespace blog::CommentCodec {

// As listed inside an article: {id, text, createdAt, author: {id, fullName}}.
QJsonObject toJson(const Comment &comment);
// As answered to POST .../comment: the same plus `article`, the article's id.
QJsonObject toJsonWithArticle(const Comment &comment);

Comment fromJson(const QJsonObject &json);

} // namespace blog::CommentCodec
