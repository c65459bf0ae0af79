#pragma once

#include "Article.h"
#include "ArticlePage.h"
#include "ArticleStanding.h"

#include <QJsonObject>

namespace blog::ArticleCodec {

QJsonObject toJson(const Article &article);
// The article as a signed-in reader gets it: with the keys of standingToJson beside its own.
QJsonObject toJson(const Article &article, const ArticleStanding &standing);
QJsonObject standingToJson(const ArticleStanding &standing);
// {"tags": [...]} (GET /tag).
QJsonObject tagsToJson(const QStringList &tags);
QJsonObject toJson(const ArticleListItem &item);
QJsonObject toJson(const ArticlePage &page);
// The same page as compact JSON text, byte for byte what QJsonDocument makes of toJson(page), written
// directly: building the QJsonObjects and serialising them was ~30 % of an uncached listing page.
QByteArray toJsonBytes(const ArticlePage &page);

Article articleFromJson(const QJsonObject &json);
ArticleListItem listItemFromJson(const QJsonObject &json);
ArticlePage pageFromJson(const QJsonObject &json);
// From an article or a favourite route's answer.
ArticleStanding standingFromJson(const QJsonObject &json);
QStringList tagsFromJson(const QJsonObject &json);
// A JSON array of strings as text (the listing view's tags column, the articles' tag_list) and back.
QStringList tagsFromJsonText(const QByteArray &text);
QString tagsToJsonText(const QStringList &tags);

} // namespace blog::ArticleCodec
