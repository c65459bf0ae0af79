#pragma once

#include "Article.h"
#include "ArticlePage.h"
#include "Comment.h"
#include "Expected.h"
#include "FieldError.h"
#include "Profile.h"
#include "Requests.h"
#include "SearchTerms.h"
#include "User.h"

#include <QJsonObject>
#include <QSet>

#include <optional>

// The RealWorld ("Conduit") API's JSON, both ways: {"user":…}, {"profile":…}, {"article":…},
// {"articles":[…],"articlesCount":N}, {"comment":…}, {"comments":[…]}, {"tags":[…]}. Its `body` is our
// `text`; an empty bio or image is null. Decoding checks what RealWorld clients expect checked and
// names the field in RealWorld's words ("can't be blank").
namespace blog::RealWorldCodec {

// How a reader stands to an article (RealWorld shows it in every article).
struct Standing
{
    qint64 favoritesCount = 0;
    bool favorited = false;
    bool followingAuthor = false;
};

QJsonObject user(const User &user, const QString &token);
QJsonObject profile(const Profile &profile);
QJsonObject article(const Article &article, const Standing &standing);
// Lists leave the body out; favourites and follows are the reader's (empty sets: anonymous).
QJsonObject articles(
    const ArticlePage &page, const QSet<qint64> &favorited, const QSet<qint64> &followedAuthors);
QJsonObject comment(const Comment &comment, bool followingAuthor);
QJsonObject comments(const QList<Comment> &comments, const QSet<qint64> &followedAuthors);
QJsonObject tags(const QStringList &tags);

// {"errors":{"<field>":["<message>"]}}
QJsonObject errors(const QString &field, const QString &message);

struct Registration
{
    QString username;
    QString email;
    QString password;
};
struct Login
{
    QString email;
    QString password;
};
// GET /api/articles and /api/articles/feed
struct ListQuery
{
    // `q`: full-text search (ranked by relevance, then newest); none for "?q=" or a blank one.
    std::optional<SearchTerms> search;
    QString tag;
    QString author;
    QString favorited;
    int limit = 20;
    qint64 offset = 0;
};

Expected<Registration, FieldError> decodeRegistration(const QJsonObject &body);
Expected<Login, FieldError> decodeLogin(const QJsonObject &body);
Expected<ProfilePatch, FieldError> decodeUserUpdate(const QJsonObject &body);
Expected<ArticleDraft, FieldError> decodeArticleDraft(const QJsonObject &body);
Expected<ArticlePatch, FieldError> decodeArticlePatch(const QJsonObject &body);
Expected<CommentDraft, FieldError> decodeComment(const QJsonObject &body);
Expected<ListQuery, FieldError> decodeListQuery(const QList<std::pair<QString, QString>> &query);

} // namespace blog::RealWorldCodec
