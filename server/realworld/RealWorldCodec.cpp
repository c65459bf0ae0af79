#include "RealWorldCodec.h"

#include "Timestamp.h"
#include "Validation.h"

#include <QJsonArray>

namespace blog::RealWorldCodec {

namespace V = Validation;

namespace {

const QString Blank = QStringLiteral("can't be blank");
const QString Invalid = QStringLiteral("is invalid");

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString tooLong(int max)
{
    return QStringLiteral("is too long (maximum is %1 characters)").arg(max);
}

QJsonObject author(const QString &username, const QString &bio, const QString &image, bool following)
{
    return QJsonObject { { QLatin1String("username"), username }, { QLatin1String("bio"), nullIfEmpty(bio) },
        { QLatin1String("image"), nullIfEmpty(image) }, { QLatin1String("following"), following } };
}

// The object under `key` ("user", "article", "comment"), or an error naming it.
Expected<QJsonObject, FieldError> wrapped(const QJsonObject &body, const QString &key)
{
    const QJsonValue inner = body.value(key);
    if (!inner.isObject())
        return FieldError { key, Blank };
    return inner.toObject();
}

// A string field: absent (nullopt, when allowed), or present and a string of at most `max` characters.
// A null or an empty string is "blank" where `mayBeBlank` is false.
struct Text
{
    std::optional<QString> value;
    std::optional<FieldError> error;
};

Text text(const QJsonObject &object, const QString &key, bool required, bool mayBeBlank, int max)
{
    if (!object.contains(key))
        return required ? Text { std::nullopt, FieldError { key, Blank } } : Text {};
    const QJsonValue value = object.value(key);
    if (value.isNull())
        return mayBeBlank ? Text { QString(), std::nullopt }
                          : Text { std::nullopt, FieldError { key, Blank } };
    if (!value.isString())
        return { std::nullopt, FieldError { key, Invalid } };
    const QString string = value.toString();
    if (!mayBeBlank && V::isBlank(string))
        return { std::nullopt, FieldError { key, Blank } };
    if (string.size() > max)
        return { std::nullopt, FieldError { key, tooLong(max) } };
    return { string, std::nullopt };
}

std::optional<FieldError> checkEmail(const QString &email)
{
    if (!V::isEmailLike(email.trimmed()))
        return FieldError { QStringLiteral("email"), Invalid };
    return std::nullopt;
}

std::optional<FieldError> checkUsername(const QString &username)
{
    if (!V::isUsernameLike(username.trimmed()))
        return FieldError { QStringLiteral("username"), Invalid };
    return std::nullopt;
}

std::optional<FieldError> checkPassword(const QString &password)
{
    if (password.size() < V::MinPasswordLength)
        return FieldError { QStringLiteral("password"),
            QStringLiteral("is too short (minimum is %1 characters)").arg(V::MinPasswordLength) };
    return std::nullopt;
}

// tagList: an array of non-blank strings; null is not a list (422), [] clears.
Expected<QStringList, FieldError> tagList(const QJsonValue &value)
{
    const QString key = QStringLiteral("tagList");
    if (!value.isArray())
        return FieldError { key, QStringLiteral("must be a list of tags") };
    const QJsonArray array = value.toArray();
    if (array.size() > V::MaxTagCount)
        return FieldError { key, QStringLiteral("has more than %1 tags").arg(V::MaxTagCount) };
    QStringList tags;
    for (const QJsonValue &entry : array) {
        if (!entry.isString() || V::isBlank(entry.toString()))
            return FieldError { key, QStringLiteral("must hold tags that are not blank") };
        if (entry.toString().trimmed().size() > V::MaxTagLength)
            return FieldError { key,
                QStringLiteral("has a tag longer than %1 characters").arg(V::MaxTagLength) };
        tags.append(entry.toString());
    }
    return V::normalizedTags(tags);
}

} // namespace

QJsonObject errors(const QString &field, const QString &message)
{
    return QJsonObject { { QLatin1String("errors"), QJsonObject { { field, QJsonArray { message } } } } };
}

QJsonObject user(const User &user, const QString &token)
{
    return QJsonObject { { QLatin1String("user"),
        QJsonObject { { QLatin1String("email"), user.email }, { QLatin1String("token"), token },
            { QLatin1String("username"), user.username }, { QLatin1String("bio"), nullIfEmpty(user.bio) },
            { QLatin1String("image"), nullIfEmpty(user.image) } } } };
}

QJsonObject profile(const Profile &profile)
{
    return QJsonObject { { QLatin1String("profile"),
        author(profile.username, profile.bio, profile.image, profile.following) } };
}

QJsonObject article(const Article &article, const Standing &standing)
{
    return QJsonObject { { QLatin1String("article"),
        QJsonObject {
            { QLatin1String("slug"), article.slug },
            { QLatin1String("title"), article.title },
            { QLatin1String("description"), article.description },
            { QLatin1String("body"), article.text },
            { QLatin1String("tagList"), QJsonArray::fromStringList(article.tags) },
            { QLatin1String("createdAt"), Timestamp::toString(article.createdAt) },
            { QLatin1String("updatedAt"), Timestamp::toString(article.updatedAt) },
            { QLatin1String("favorited"), standing.favorited },
            { QLatin1String("favoritesCount"), standing.favoritesCount },
            { QLatin1String("author"),
                author(article.author.username, article.author.bio, article.author.image,
                    standing.followingAuthor) },
        } } };
}

QJsonObject articles(
    const ArticlePage &page, const QSet<qint64> &favorited, const QSet<qint64> &followedAuthors)
{
    QJsonArray items;
    for (const ArticleListItem &item : page.items) {
        items.append(QJsonObject {
            { QLatin1String("slug"), item.slug },
            { QLatin1String("title"), item.title },
            { QLatin1String("description"), item.description },
            { QLatin1String("tagList"), QJsonArray::fromStringList(item.tags) },
            { QLatin1String("createdAt"), Timestamp::toString(item.createdAt) },
            { QLatin1String("updatedAt"), Timestamp::toString(item.updatedAt) },
            { QLatin1String("favorited"), favorited.contains(item.id) },
            { QLatin1String("favoritesCount"), item.favoritesCount },
            { QLatin1String("author"),
                author(item.authorUsername, item.authorBio, item.authorImage,
                    followedAuthors.contains(item.authorId)) },
        });
    }
    return QJsonObject { { QLatin1String("articles"), items },
        { QLatin1String("articlesCount"), page.total } };
}

namespace {
QJsonObject commentJson(const Comment &comment, bool followingAuthor)
{
    const QString at = Timestamp::toString(comment.createdAt);
    return QJsonObject { { QLatin1String("id"), comment.id }, { QLatin1String("createdAt"), at },
        { QLatin1String("updatedAt"), at }, { QLatin1String("body"), comment.text },
        { QLatin1String("author"),
            author(comment.author.username, comment.author.bio, comment.author.image, followingAuthor) } };
}
} // namespace

QJsonObject comment(const Comment &comment, bool followingAuthor)
{
    return QJsonObject { { QLatin1String("comment"), commentJson(comment, followingAuthor) } };
}

QJsonObject comments(const QList<Comment> &comments, const QSet<qint64> &followedAuthors)
{
    QJsonArray list;
    for (const Comment &comment : comments)
        list.append(commentJson(comment, followedAuthors.contains(comment.author.id)));
    return QJsonObject { { QLatin1String("comments"), list } };
}

QJsonObject tags(const QStringList &tags)
{
    return QJsonObject { { QLatin1String("tags"), QJsonArray::fromStringList(tags) } };
}

Expected<Registration, FieldError> decodeRegistration(const QJsonObject &body)
{
    const auto user = wrapped(body, QStringLiteral("user"));
    if (!user)
        return user.error();
    const Text username = text(*user, QStringLiteral("username"), true, false, V::MaxUsernameLength);
    const Text email = text(*user, QStringLiteral("email"), true, false, V::MaxEmailLength);
    const Text password = text(*user, QStringLiteral("password"), true, false, V::MaxPasswordLength);
    for (const Text *field : { &username, &email, &password }) {
        if (field->error)
            return *field->error;
    }
    if (auto error = checkUsername(*username.value))
        return *error;
    if (auto error = checkEmail(*email.value))
        return *error;
    if (auto error = checkPassword(*password.value))
        return *error;
    return Registration { username.value->trimmed(), email.value->trimmed(), *password.value };
}

Expected<Login, FieldError> decodeLogin(const QJsonObject &body)
{
    const auto user = wrapped(body, QStringLiteral("user"));
    if (!user)
        return user.error();
    const Text email = text(*user, QStringLiteral("email"), true, false, V::MaxEmailLength);
    if (email.error)
        return *email.error;
    const Text password = text(*user, QStringLiteral("password"), true, false, V::MaxPasswordLength);
    if (password.error)
        return *password.error;
    return Login { email.value->trimmed(), *password.value };
}

Expected<ProfilePatch, FieldError> decodeUserUpdate(const QJsonObject &body)
{
    const auto user = wrapped(body, QStringLiteral("user"));
    if (!user)
        return user.error();
    ProfilePatch patch;
    const Text email = text(*user, QStringLiteral("email"), false, false, V::MaxEmailLength);
    const Text username = text(*user, QStringLiteral("username"), false, false, V::MaxUsernameLength);
    const Text password = text(*user, QStringLiteral("password"), false, false, V::MaxPasswordLength);
    const Text bio = text(*user, QStringLiteral("bio"), false, true, V::MaxBioLength);
    const Text image = text(*user, QStringLiteral("image"), false, true, V::MaxImageUrlLength);
    for (const Text *field : { &email, &username, &password, &bio, &image }) {
        if (field->error)
            return *field->error;
    }
    if (email.value) {
        if (auto error = checkEmail(*email.value))
            return *error;
        patch.email = email.value->trimmed();
    }
    if (username.value) {
        if (auto error = checkUsername(*username.value))
            return *error;
        patch.username = username.value->trimmed();
    }
    if (password.value) {
        if (auto error = checkPassword(*password.value))
            return *error;
        patch.password = password.value;
    }
    patch.bio = bio.value;
    if (image.value)
        patch.image = image.value->trimmed();
    return patch;
}

Expected<ArticleDraft, FieldError> decodeArticleDraft(const QJsonObject &body)
{
    const auto article = wrapped(body, QStringLiteral("article"));
    if (!article)
        return article.error();
    const Text title = text(*article, QStringLiteral("title"), true, false, V::MaxTitleLength);
    const Text description
        = text(*article, QStringLiteral("description"), true, false, V::MaxDescriptionLength);
    const Text text_ = text(*article, QStringLiteral("body"), true, false, V::MaxArticleTextLength);
    for (const Text *field : { &title, &description, &text_ }) {
        if (field->error)
            return *field->error;
    }
    ArticleDraft draft { title.value->trimmed(), description.value->trimmed(), *text_.value, {} };
    if (article->contains(QLatin1String("tagList"))) {
        const auto tags = tagList(article->value(QLatin1String("tagList")));
        if (!tags)
            return tags.error();
        draft.tags = *tags;
    }
    return draft;
}

Expected<ArticlePatch, FieldError> decodeArticlePatch(const QJsonObject &body)
{
    const auto article = wrapped(body, QStringLiteral("article"));
    if (!article)
        return article.error();
    const Text title = text(*article, QStringLiteral("title"), false, false, V::MaxTitleLength);
    const Text description
        = text(*article, QStringLiteral("description"), false, false, V::MaxDescriptionLength);
    const Text text_ = text(*article, QStringLiteral("body"), false, false, V::MaxArticleTextLength);
    for (const Text *field : { &title, &description, &text_ }) {
        if (field->error)
            return *field->error;
    }
    ArticlePatch patch;
    if (title.value)
        patch.title = title.value->trimmed();
    if (description.value)
        patch.description = description.value->trimmed();
    patch.text = text_.value;
    if (article->contains(QLatin1String("tagList"))) {
        const auto tags = tagList(article->value(QLatin1String("tagList")));
        if (!tags)
            return tags.error();
        patch.tags = *tags;
    }
    return patch;
}

Expected<CommentDraft, FieldError> decodeComment(const QJsonObject &body)
{
    const auto comment = wrapped(body, QStringLiteral("comment"));
    if (!comment)
        return comment.error();
    const Text text_ = text(*comment, QStringLiteral("body"), true, false, V::MaxCommentLength);
    if (text_.error)
        return *text_.error;
    return CommentDraft { *text_.value };
}

Expected<ListQuery, FieldError> decodeListQuery(const QList<std::pair<QString, QString>> &query)
{
    ListQuery list;
    for (const auto &[key, value] : query) {
        if (key == QLatin1String("limit")) {
            bool ok = false;
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > V::MaxPageLimit)
                return FieldError { key,
                    QStringLiteral("must be a whole number from 1 to %1").arg(V::MaxPageLimit) };
            list.limit = limit;
        } else if (key == QLatin1String("offset")) {
            bool ok = false;
            const qint64 offset = value.toLongLong(&ok);
            if (!ok || offset < 0 || offset > (qint64(1) << 53))
                return FieldError { key, QStringLiteral("must be a whole number, 0 or more") };
            list.offset = offset;
        } else if (key == QLatin1String("tag") || key == QLatin1String("author")
            || key == QLatin1String("favorited")) {
            const QString trimmed = value.trimmed();
            if (trimmed.isEmpty())
                continue; // "?tag=" is no filter, as front ends send it
            if (trimmed.size() > std::max(V::MaxTagLength, V::MaxUsernameLength))
                return FieldError { key, tooLong(std::max(V::MaxTagLength, V::MaxUsernameLength)) };
            (key == QLatin1String("tag")             ? list.tag
                    : key == QLatin1String("author") ? list.author
                                                     : list.favorited)
                = trimmed;
        } else if (key == QLatin1String("q")) {
            if (value.trimmed().isEmpty())
                continue; // like "?tag=": no search
            auto terms = SearchTerms::parse(value);
            if (!terms)
                return FieldError { key, SearchTerms::describe(terms.error()) };
            list.search = std::move(terms).value();
        }
        // Other parameters are ignored, as RealWorld clients add their own (cache busters).
    }
    return list;
}

} // namespace blog::RealWorldCodec
