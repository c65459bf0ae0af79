#pragma once

#include "CommentNotice.h"

#include <QJsonObject>

namespace blog::NotificationCodec {

// {"comments": [{id, text, createdAt, author, article, articleSlug, articleTitle}...], "cursor": N}
QJsonObject toJson(const CommentNotices &notices);
CommentNotices fromJson(const QJsonObject &json);

} // namespace blog::NotificationCodec
