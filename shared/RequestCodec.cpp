#include "RequestCodec.h"

#include "JsonKeys.h"
#include "JsonObjectReader.h"
#include "SearchTerms.h"
#include "UserCodec.h"
#include "Validation.h"

#include <QJsonArray>

namespace blog::RequestCodec {

using Presence = JsonObjectReader::Presence;
namespace V = Validation;

namespace {

std::optional<Social> readSocial(JsonObjectReader &reader)
{
    if (!reader.contains(JsonKeys::Social) || reader.isNull(JsonKeys::Social))
        return std::nullopt;
    JsonObjectReader social(reader.object(JsonKeys::Social), JsonKeys::Social);
    if (reader.hasError())
        return std::nullopt;
    social.allowOnly({ JsonKeys::Twitter, JsonKeys::Facebook, JsonKeys::Linkedin });
    Social result;
    result.twitter
        = social.string(JsonKeys::Twitter, Presence::Optional, V::MaxSocialHandleLength).value_or(QString());
    result.facebook
        = social.string(JsonKeys::Facebook, Presence::Optional, V::MaxSocialHandleLength).value_or(QString());
    result.linkedin
        = social.string(JsonKeys::Linkedin, Presence::Optional, V::MaxSocialHandleLength).value_or(QString());
    if (social.hasError()) {
        reader.fail(social.error());
        return std::nullopt;
    }
    return result;
}

std::optional<QString> readEmail(JsonObjectReader &reader, Presence presence)
{
    std::optional<QString> email = reader.string(JsonKeys::Email, presence, V::MaxEmailLength);
    if (email) {
        email = email->trimmed();
        if (!V::isEmailLike(*email)) {
            reader.fail(JsonKeys::Email, QStringLiteral("email must be an e-mail address"));
            return std::nullopt;
        }
    }
    return email;
}

std::optional<QString> readUsername(JsonObjectReader &reader, Presence presence)
{
    std::optional<QString> username = reader.string(JsonKeys::Username, presence, V::MaxUsernameLength);
    if (username) {
        username = username->trimmed();
        if (!V::isUsernameLike(*username)) {
            reader.fail(JsonKeys::Username,
                QStringLiteral("username must be 1 to %1 characters without spaces, '/', '?', '#' or '%'")
                    .arg(V::MaxUsernameLength));
            return std::nullopt;
        }
    }
    return username;
}

std::optional<QString> readPassword(JsonObjectReader &reader, Presence presence)
{
    return reader.string(JsonKeys::Password, presence, V::MaxPasswordLength, V::MinPasswordLength);
}

std::optional<QString> readTrimmed(
    JsonObjectReader &reader, QLatin1String key, Presence presence, int maxLength)
{
    std::optional<QString> text = reader.string(key, presence, maxLength);
    if (text)
        text = text->trimmed();
    return text;
}

std::optional<QStringList> readTags(JsonObjectReader &reader)
{
    std::optional<QStringList> tags
        = reader.stringList(JsonKeys::Tags, Presence::Optional, V::MaxTagCount, V::MaxTagLength);
    if (tags)
        tags = V::normalizedTags(*tags);
    return tags;
}

template<typename T> Expected<T, FieldError> finish(const JsonObjectReader &reader, T value)
{
    if (reader.hasError())
        return reader.error();
    return value;
}

} // namespace

Expected<SignUpRequest, FieldError> decodeSignUp(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::Email, JsonKeys::FullName, JsonKeys::Password, JsonKeys::Bio,
        JsonKeys::Social, JsonKeys::Username });
    SignUpRequest request;
    request.username = readUsername(reader, Presence::Optional).value_or(QString());
    request.email = readEmail(reader, Presence::Required).value_or(QString());
    request.fullName = readTrimmed(reader, JsonKeys::FullName, Presence::Required, V::MaxFullNameLength)
                           .value_or(QString());
    request.password = readPassword(reader, Presence::Required).value_or(QString());
    request.bio = reader.string(JsonKeys::Bio, Presence::Optional, V::MaxBioLength).value_or(QString());
    request.social = readSocial(reader);
    return finish(reader, std::move(request));
}

Expected<SignInRequest, FieldError> decodeSignIn(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::Email, JsonKeys::Password });
    SignInRequest request;
    // No format rules here: a wrong e-mail or password gets the same 401 whatever it looks like.
    request.email
        = reader.string(JsonKeys::Email, Presence::Required, V::MaxEmailLength).value_or(QString()).trimmed();
    request.password
        = reader.string(JsonKeys::Password, Presence::Required, V::MaxPasswordLength).value_or(QString());
    return finish(reader, std::move(request));
}

Expected<ProfilePatch, FieldError> decodeProfilePatch(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::FullName, JsonKeys::Bio, JsonKeys::Social, JsonKeys::Email,
        JsonKeys::Password, JsonKeys::Username });
    ProfilePatch patch;
    if (reader.contains(JsonKeys::Username))
        patch.username = readUsername(reader, Presence::Required);
    if (reader.contains(JsonKeys::FullName))
        patch.fullName = readTrimmed(reader, JsonKeys::FullName, Presence::Required, V::MaxFullNameLength);
    if (reader.contains(JsonKeys::Bio) && !reader.isNull(JsonKeys::Bio))
        patch.bio = reader.string(JsonKeys::Bio, Presence::Optional, V::MaxBioLength);
    else if (reader.contains(JsonKeys::Bio))
        patch.bio = QString();
    if (reader.contains(JsonKeys::Email))
        patch.email = readEmail(reader, Presence::Required);
    if (reader.contains(JsonKeys::Password))
        patch.password = readPassword(reader, Presence::Required);
    if (reader.contains(JsonKeys::Social)) {
        patch.changesSocial = true;
        patch.social = readSocial(reader);
    }
    return finish(reader, std::move(patch));
}

Expected<ArticleDraft, FieldError> decodeArticleDraft(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::Title, JsonKeys::Description, JsonKeys::Text, JsonKeys::Tags });
    ArticleDraft draft;
    draft.title
        = readTrimmed(reader, JsonKeys::Title, Presence::Required, V::MaxTitleLength).value_or(QString());
    draft.description
        = readTrimmed(reader, JsonKeys::Description, Presence::Required, V::MaxDescriptionLength)
              .value_or(QString());
    draft.text
        = reader.string(JsonKeys::Text, Presence::Required, V::MaxArticleTextLength).value_or(QString());
    draft.tags = readTags(reader).value_or(QStringList());
    return finish(reader, std::move(draft));
}

Expected<ArticlePatch, FieldError> decodeArticlePatch(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::Title, JsonKeys::Description, JsonKeys::Text, JsonKeys::Tags });
    ArticlePatch patch;
    if (reader.contains(JsonKeys::Title))
        patch.title = readTrimmed(reader, JsonKeys::Title, Presence::Required, V::MaxTitleLength);
    if (reader.contains(JsonKeys::Description))
        patch.description
            = readTrimmed(reader, JsonKeys::Description, Presence::Required, V::MaxDescriptionLength);
    if (reader.contains(JsonKeys::Text))
        patch.text = reader.string(JsonKeys::Text, Presence::Required, V::MaxArticleTextLength);
    if (reader.contains(JsonKeys::Tags))
        patch.tags = reader.isNull(JsonKeys::Tags) ? QStringList() : readTags(reader);
    return finish(reader, std::move(patch));
}

Expected<CommentDraft, FieldError> decodeCommentDraft(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    reader.allowOnly({ JsonKeys::Text });
    CommentDraft draft;
    draft.text = reader.string(JsonKeys::Text, Presence::Required, V::MaxCommentLength).value_or(QString());
    return finish(reader, std::move(draft));
}

Expected<NotificationQuery, FieldError> decodeNotificationQuery(
    const QList<std::pair<QString, QString>> &items)
{
    NotificationQuery query;
    for (const auto &[key, value] : items) {
        bool ok = false;
        if (key == JsonKeys::After) {
            const qint64 after = value.toLongLong(&ok);
            if (!ok || after < 0)
                return FieldError { key, QStringLiteral("after must be a cursor from an earlier answer") };
            query.after = after;
        } else if (key == JsonKeys::Wait) {
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 0 || seconds > V::MaxNotificationWaitSeconds)
                return FieldError { key,
                    QStringLiteral("wait must be a whole number of seconds from 0 to %1")
                        .arg(V::MaxNotificationWaitSeconds) };
            query.waitSeconds = seconds;
        }
    }
    return query;
}

Expected<ListingQuery, FieldError> decodeListingQuery(const QList<std::pair<QString, QString>> &items)
{
    ListingQuery query;
    query.limit = V::DefaultPageLimit;
    for (const auto &[key, value] : items) {
        if (key == JsonKeys::Limit) {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > V::MaxPageLimit)
                return FieldError { key,
                    QStringLiteral("limit must be a whole number from 1 to %1").arg(V::MaxPageLimit) };
            query.limit = limit;
        } else if (key == JsonKeys::Offset) {
            bool ok = false;
            const qint64 offset = value.toLongLong(&ok);
            // Beyond 2^53 a client's JSON numbers stop being exact; nobody has that many articles.
            if (!ok || offset < 0 || offset > (qint64(1) << 53))
                return FieldError { key, QStringLiteral("offset must be a whole number, 0 or more") };
            query.offset = offset;
        } else if (key == JsonKeys::Tag) {
            if (Validation::isBlank(value) || value.size() > V::MaxTagLength)
                return FieldError { key,
                    QStringLiteral("tag must be a tag of 1 to %1 characters").arg(V::MaxTagLength) };
            query.tag = value.trimmed();
        } else if (key == JsonKeys::AuthorFilter) {
            bool ok = false;
            const qint64 author = value.toLongLong(&ok);
            if (!ok || author < 1)
                return FieldError { key, QStringLiteral("author must be a user's id") };
            query.authorId = author;
        } else if (key == JsonKeys::FavoritedFilter) {
            bool ok = false;
            const qint64 user = value.toLongLong(&ok);
            if (!ok || user < 1)
                return FieldError { key, QStringLiteral("favorited must be a user's id") };
            query.favoritedBy = user;
        } else if (key == JsonKeys::Feed) {
            if (value != JsonKeys::True && value != JsonKeys::False)
                return FieldError { key, QStringLiteral("feed must be \"true\" or \"false\"") };
            query.feed = value == JsonKeys::True;
        } else if (key == JsonKeys::Search) {
            const auto terms = SearchTerms::parse(value);
            if (!terms)
                return FieldError { key, key + QLatin1Char(' ') + SearchTerms::describe(terms.error()) };
            query.search = value.trimmed();
        } else if (key == JsonKeys::Order) {
            if (value == JsonKeys::OrderNewest)
                query.newestFirst = true;
            else if (value == JsonKeys::OrderOldest)
                query.newestFirst = false;
            else
                return FieldError { key, QStringLiteral("order must be \"oldest\" or \"newest\"") };
        }
    }
    return query;
}

QList<std::pair<QString, QString>> encode(const ListingQuery &query)
{
    QList<std::pair<QString, QString>> items {
        { JsonKeys::Limit, QString::number(query.limit) },
        { JsonKeys::Offset, QString::number(query.offset) },
    };
    if (query.newestFirst)
        items.append({ JsonKeys::Order, JsonKeys::OrderNewest });
    if (!query.tag.isEmpty())
        items.append({ JsonKeys::Tag, query.tag });
    if (query.authorId)
        items.append({ JsonKeys::AuthorFilter, QString::number(*query.authorId) });
    if (query.favoritedBy)
        items.append({ JsonKeys::FavoritedFilter, QString::number(*query.favoritedBy) });
    if (query.feed)
        items.append({ JsonKeys::Feed, JsonKeys::True });
    if (!query.search.isEmpty())
        items.append({ JsonKeys::Search, query.search });
    return items;
}

QJsonObject encode(const SignUpRequest &request)
{
    QJsonObject json {
        { JsonKeys::Email, request.email },
        { JsonKeys::FullName, request.fullName },
        { JsonKeys::Password, request.password },
        { JsonKeys::Bio, request.bio },
    };
    if (!request.username.isEmpty())
        json.insert(JsonKeys::Username, request.username);
    if (request.social)
        json.insert(JsonKeys::Social, UserCodec::socialToJson(request.social));
    return json;
}

QJsonObject encode(const SignInRequest &request)
{
    return QJsonObject { { JsonKeys::Email, request.email }, { JsonKeys::Password, request.password } };
}

QJsonObject encode(const ProfilePatch &patch)
{
    QJsonObject json;
    if (patch.fullName)
        json.insert(JsonKeys::FullName, *patch.fullName);
    if (patch.bio)
        json.insert(JsonKeys::Bio, *patch.bio);
    if (patch.email)
        json.insert(JsonKeys::Email, *patch.email);
    if (patch.password)
        json.insert(JsonKeys::Password, *patch.password);
    if (patch.username)
        json.insert(JsonKeys::Username, *patch.username);
    if (patch.changesSocial)
        json.insert(JsonKeys::Social, UserCodec::socialToJson(patch.social));
    return json;
}

QJsonObject encode(const ArticleDraft &draft)
{
    return QJsonObject {
        { JsonKeys::Title, draft.title },
        { JsonKeys::Description, draft.description },
        { JsonKeys::Text, draft.text },
        { JsonKeys::Tags, QJsonArray::fromStringList(draft.tags) },
    };
}

QJsonObject encode(const ArticlePatch &patch)
{
    QJsonObject json;
    if (patch.title)
        json.insert(JsonKeys::Title, *patch.title);
    if (patch.description)
        json.insert(JsonKeys::Description, *patch.description);
    if (patch.text)
        json.insert(JsonKeys::Text, *patch.text);
    if (patch.tags)
        json.insert(JsonKeys::Tags, QJsonArray::fromStringList(*patch.tags));
    return json;
}

QJsonObject encode(const CommentDraft &draft)
{
    return QJsonObject { { JsonKeys::Text, draft.text } };
}

} // namespace blog::RequestCodec
