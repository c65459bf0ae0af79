#include "TransferCodec.h"

#include "JsonKeys.h"
#include "JsonObjectReader.h"
#include "Timestamp.h"
#include "UserCodec.h"
#include "Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace blog::TransferCodec {

namespace {

namespace V = Validation;
using Presence = JsonObjectReader::Presence;

// Keys of the export format that the API does not have.
constexpr QLatin1String Kind { "kind" };
constexpr QLatin1String PasswordHash { "passwordHash" };
constexpr QLatin1String DeletedAt { "deletedAt" };
constexpr QLatin1String UserKind { "user" };
constexpr QLatin1String Image { "image" };
constexpr QLatin1String ArticleKind { "article" };
constexpr QLatin1String CommentKind { "comment" };

// Generous: slugs come from titles (at most 200 characters) plus a "-N" suffix.
constexpr int MaxSlugLength = 400;
constexpr int MaxPasswordHashLength = 1000;
// Ids travel as JSON numbers, which hold integers exactly up to 2^53.
constexpr double MaxId = 9007199254740992.0;

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Reads what JsonObjectReader does not: ids and timestamps. Keeps the first error, as it does.
class RecordReader
{
public:
    RecordReader(const QJsonObject &object, QString what)
        : m_object(object)
        , m_reader(object)
        , m_what(std::move(what))
    {
    }

    JsonObjectReader &fields() { return m_reader; }

    qint64 id(QLatin1String key)
    {
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble();
        if (!value.isDouble() || number < 1 || number > MaxId || std::floor(number) != number) {
            fail(QStringLiteral("%1 must be a whole number from 1 to 2^53").arg(key));
            return 0;
        }
        return value.toInteger();
    }

    // Stored in our one spelling, which the server's string comparisons (purges) rely on.
    QString timestamp(QLatin1String key, Presence presence)
    {
        const QJsonValue value = m_object.value(key);
        if ((value.isUndefined() || value.isNull()) && presence == Presence::Optional)
            return {};
        const QDateTime time = Timestamp::fromString(value.toString());
        if (!value.isString() || !time.isValid()) {
            fail(QStringLiteral("%1 must be an ISO 8601 timestamp").arg(key));
            return {};
        }
        return Timestamp::toString(time);
    }

    void fail(const QString &message) { m_reader.fail(QLatin1String(), message); }

    // The first problem, named after the record ("article 12: title is required").
    std::optional<QString> error() const
    {
        if (!m_reader.hasError())
            return std::nullopt;
        return QString(m_what + QStringLiteral(": ") + m_reader.error().message);
    }

private:
    QJsonObject m_object;
    JsonObjectReader m_reader;
    QString m_what;
};

QString describe(QLatin1String kind, const QJsonObject &object)
{
    const QJsonValue id = object.value(JsonKeys::Id);
    return id.isDouble() ? QStringLiteral("%1 %2").arg(kind).arg(id.toInteger()) : QString(kind);
}

Expected<Record, QString> decodeUser(const QJsonObject &object)
{
    RecordReader reader(object, describe(UserKind, object));
    TransferUser user;
    user.id = reader.id(JsonKeys::Id);
    user.email
        = reader.fields().string(JsonKeys::Email, Presence::Required, V::MaxEmailLength).value_or(QString());
    if (!reader.fields().hasError() && !V::isEmailLike(user.email))
        reader.fail(QStringLiteral("email is not an e-mail address"));
    user.fullName = reader.fields()
                        .string(JsonKeys::FullName, Presence::Required, V::MaxFullNameLength)
                        .value_or(QString());
    user.bio = reader.fields().string(JsonKeys::Bio, Presence::Optional, V::MaxBioLength).value_or(QString());
    if (!object.value(JsonKeys::Social).isNull() && !object.value(JsonKeys::Social).isUndefined()) {
        JsonObjectReader social(reader.fields().object(JsonKeys::Social), QString(JsonKeys::Social));
        Social handles;
        handles.twitter = social.string(JsonKeys::Twitter, Presence::Optional, V::MaxSocialHandleLength)
                              .value_or(QString());
        handles.facebook = social.string(JsonKeys::Facebook, Presence::Optional, V::MaxSocialHandleLength)
                               .value_or(QString());
        handles.linkedin = social.string(JsonKeys::Linkedin, Presence::Optional, V::MaxSocialHandleLength)
                               .value_or(QString());
        if (social.hasError())
            reader.fields().fail(social.error());
        user.social = handles;
    }
    user.passwordHash
        = reader.fields().string(PasswordHash, Presence::Required, MaxPasswordHashLength).value_or(QString());
    user.createdAt = reader.timestamp(JsonKeys::CreatedAt, Presence::Required);
    user.updatedAt = reader.timestamp(JsonKeys::UpdatedAt, Presence::Required);
    user.username = reader.fields()
                        .string(JsonKeys::Username, Presence::Optional, V::MaxUsernameLength)
                        .value_or(QString());
    if (!reader.fields().hasError() && !user.username.isEmpty() && !V::isUsernameLike(user.username))
        reader.fail(QStringLiteral("username is not a username"));
    user.image = reader.fields().string(Image, Presence::Optional, V::MaxImageUrlLength).value_or(QString());
    if (const auto error = reader.error())
        return *error;
    return Record(std::move(user));
}

Expected<Record, QString> decodeArticle(const QJsonObject &object)
{
    RecordReader reader(object, describe(ArticleKind, object));
    JsonObjectReader &fields = reader.fields();
    TransferArticle article;
    article.id = reader.id(JsonKeys::Id);
    article.slug = fields.string(JsonKeys::Slug, Presence::Required, MaxSlugLength).value_or(QString());
    article.title = fields.string(JsonKeys::Title, Presence::Required, V::MaxTitleLength).value_or(QString());
    article.description = fields.string(JsonKeys::Description, Presence::Required, V::MaxDescriptionLength)
                              .value_or(QString());
    article.text
        = fields.string(JsonKeys::Text, Presence::Required, V::MaxArticleTextLength).value_or(QString());
    article.tags = fields.stringList(JsonKeys::Tags, Presence::Optional, V::MaxTagCount, V::MaxTagLength)
                       .value_or(QStringList());
    if (QSet<QString>(article.tags.cbegin(), article.tags.cend()).size() != article.tags.size())
        reader.fail(QStringLiteral("tags must not repeat"));
    article.authorId = reader.id(JsonKeys::Author);
    article.createdAt = reader.timestamp(JsonKeys::CreatedAt, Presence::Required);
    article.updatedAt = reader.timestamp(JsonKeys::UpdatedAt, Presence::Required);
    if (const auto error = reader.error())
        return *error;
    return Record(std::move(article));
}

Expected<Record, QString> decodeComment(const QJsonObject &object)
{
    RecordReader reader(object, describe(CommentKind, object));
    TransferComment comment;
    comment.id = reader.id(JsonKeys::Id);
    comment.articleId = reader.id(JsonKeys::Article);
    comment.authorId = reader.id(JsonKeys::Author);
    comment.text
        = reader.fields().string(JsonKeys::Text, Presence::Required, V::MaxCommentLength).value_or(QString());
    comment.createdAt = reader.timestamp(JsonKeys::CreatedAt, Presence::Required);
    const QString deletedAt = reader.timestamp(DeletedAt, Presence::Optional);
    if (!deletedAt.isEmpty())
        comment.deletedAt = deletedAt;
    // Not in the first version of the format: a deletion is the last change a comment sees.
    comment.updatedAt = reader.timestamp(JsonKeys::UpdatedAt, Presence::Optional);
    if (comment.updatedAt.isEmpty())
        comment.updatedAt = comment.deletedAt.value_or(comment.createdAt);
    if (const auto error = reader.error())
        return *error;
    return Record(std::move(comment));
}

} // namespace

QByteArray encode(const TransferUser &user)
{
    QJsonObject object {
        { Kind, UserKind },
        { JsonKeys::Id, user.id },
        { JsonKeys::Email, user.email },
        { JsonKeys::FullName, user.fullName },
        { JsonKeys::Bio, user.bio },
        { JsonKeys::Social, UserCodec::socialToJson(user.social) },
        { PasswordHash, user.passwordHash },
        { JsonKeys::CreatedAt, user.createdAt },
        { JsonKeys::UpdatedAt, user.updatedAt },
        { JsonKeys::Username, user.username },
    };
    if (!user.image.isEmpty())
        object.insert(Image, user.image);
    return line(object);
}

QByteArray encode(const TransferArticle &article)
{
    return line(QJsonObject {
        { Kind, ArticleKind },
        { JsonKeys::Id, article.id },
        { JsonKeys::Slug, article.slug },
        { JsonKeys::Title, article.title },
        { JsonKeys::Description, article.description },
        { JsonKeys::Text, article.text },
        { JsonKeys::Tags, QJsonArray::fromStringList(article.tags) },
        { JsonKeys::Author, article.authorId },
        { JsonKeys::CreatedAt, article.createdAt },
        { JsonKeys::UpdatedAt, article.updatedAt },
    });
}

QByteArray encode(const TransferComment &comment)
{
    return line(QJsonObject {
        { Kind, CommentKind },
        { JsonKeys::Id, comment.id },
        { JsonKeys::Article, comment.articleId },
        { JsonKeys::Author, comment.authorId },
        { JsonKeys::Text, comment.text },
        { JsonKeys::CreatedAt, comment.createdAt },
        { JsonKeys::UpdatedAt, comment.updatedAt },
        { DeletedAt, comment.deletedAt ? QJsonValue(*comment.deletedAt) : QJsonValue(QJsonValue::Null) },
    });
}

Expected<Record, QString> decode(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("not JSON (%1 at character %2)")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    if (!document.isObject())
        return QStringLiteral("not a JSON object");
    const QJsonObject object = document.object();
    const QJsonValue kind = object.value(Kind);
    if (!kind.isString())
        return QStringLiteral("no \"kind\"");
    const QString name = kind.toString();
    if (name == UserKind)
        return decodeUser(object);
    if (name == ArticleKind)
        return decodeArticle(object);
    if (name == CommentKind)
        return decodeComment(object);
    return Record(UnknownKind { name });
}

} // namespace blog::TransferCodec
