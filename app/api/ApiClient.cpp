#include "ApiClient.h"

#include "ApiPaths.h"
#include "ArticleCodec.h"
#include "ArticleEtag.h"
#include "CommentCodec.h"
#include "JsonKeys.h"
#include "NotificationCodec.h"
#include "ProfileCodec.h"
#include "RequestCodec.h"
#include "UserCodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QUrlQuery>

namespace blog {

namespace {

constexpr int TransferTimeoutMs = 15000;
// A long poll waits up to 25 s on the server before it answers.
constexpr int BackgroundTransferTimeoutMs = 45000;
constexpr auto BackgroundAttribute = QNetworkRequest::User;

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

bool isConnectionProblem(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
        return true;
    default:
        return false;
    }
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::setCacheDirectory(const QString &directory)
{
    m_cache = new QNetworkDiskCache(&m_network);
    m_cache->setCacheDirectory(directory);
    m_cache->setMaximumCacheSize(50 * 1024 * 1024);
    m_network.setCache(m_cache);
}

void ApiClient::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

void ApiClient::requestStarted()
{
    if (m_pending++ == 0)
        emit busyChanged(true);
}

void ApiClient::requestEnded()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}

ApiError ApiClient::errorOf(const Answer &answer)
{
    if (answer.error)
        return *answer.error;
    const QJsonObject json = jsonObject(answer.body);
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.status = answer.status;
    error.message = json.value(JsonKeys::Error).toString();
    error.field = json.value(JsonKeys::Field).toString();
    if (answer.status == 412) {
        // The body is the article as it is now, not an error object.
        error.current = articleOf(answer);
        error.message = tr("Someone changed this article since you opened it.");
    }
    if (error.message.isEmpty())
        error.message = tr("The server answered with status %1.").arg(answer.status);
    return error;
}

Article ApiClient::articleOf(const Answer &answer)
{
    Article article = ArticleCodec::articleFromJson(jsonObject(answer.body));
    article.version = ArticleEtag::versionOf(answer.etag, article.id).value_or(0);
    return article;
}

void ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body, QObject *context,
    AnswerHandler handler, Cache cache, const QList<std::pair<QString, QString>> &query,
    const QList<std::pair<QByteArray, QByteArray>> &headers, Traffic traffic)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path().chopped(m_baseUrl.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path,
        QUrl::TolerantMode);
    if (!query.isEmpty()) {
        QUrlQuery urlQuery;
        for (const auto &[key, value] : query)
            urlQuery.addQueryItem(key, value);
        url.setQuery(urlQuery);
    }
    QNetworkRequest request(url);
    const bool background = traffic == Traffic::Background;
    request.setTransferTimeout(background ? BackgroundTransferTimeoutMs : TransferTimeoutMs);
    request.setAttribute(BackgroundAttribute, background);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const bool authenticated = !m_token.isEmpty();
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    // The listing is public and cached on disk (revalidated with If-None-Match on every load); nothing
    // else is: answers with a token in play must not be kept.
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, cache == Cache::Revalidate && m_cache);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
        cache == Cache::Revalidate ? QNetworkRequest::PreferNetwork : QNetworkRequest::AlwaysNetwork);

    QNetworkReply *reply = body.isEmpty() && method == "GET"
        ? m_network.get(request)
        : m_network.sendCustomRequest(request, method, body);
    if (!background)
        requestStarted();
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, guard, handler = std::move(handler), cache, authenticated] {
            finish(reply, guard, handler, cache, authenticated);
        });
}

void ApiClient::finish(QNetworkReply *reply, QPointer<QObject> context, const AnswerHandler &handler,
    Cache cache, bool authenticated)
{
    reply->deleteLater();
    if (!reply->request().attribute(BackgroundAttribute).toBool())
        requestEnded();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.fromCache = reply->attribute(QNetworkRequest::SourceIsFromCacheAttribute).toBool();
    answer.etag = reply->rawHeader("ETag");
    if (answer.status == 0) {
        const ApiError error { ApiError::Kind::Network, 0, reply->errorString(), {} };
        if (isConnectionProblem(reply->error()))
            setOnline(false);
        if (cache == Cache::Revalidate && m_cache) {
            loadFromCacheAlone(reply->request(), context, handler, error);
            return;
        }
        answer.error = error;
    } else {
        setOnline(true);
        if (answer.status == 401 && authenticated)
            emit unauthorized();
    }
    if (context)
        handler(answer);
}

void ApiClient::loadFromCacheAlone(const QNetworkRequest &original, QPointer<QObject> context,
    const AnswerHandler &handler, const ApiError &networkError)
{
    // Read straight from the disk cache: QNAM's AlwaysCache path refuses entries that must be
    // revalidated, which is all of ours.
    Answer answer;
    const QNetworkCacheMetaData metaData = m_cache->metaData(original.url());
    std::unique_ptr<QIODevice> data(metaData.isValid() ? m_cache->data(original.url()) : nullptr);
    if (data) {
        answer.status = metaData.attributes().value(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = data->readAll();
        answer.fromCache = true;
        answer.offline = true;
    }
    if (!data || answer.status < 200 || answer.status >= 300) {
        answer = Answer {};
        answer.error = networkError;
    }
    if (context)
        handler(answer);
}

template<typename T, typename Decode>
ApiClient::AnswerHandler ApiClient::decoding(Callback<T> done, Decode decode)
{
    return [done = std::move(done), decode = std::move(decode)](const Answer &answer) {
        if (answer.status < 200 || answer.status >= 300)
            done(errorOf(answer));
        else
            done(decode(answer));
    };
}

void ApiClient::signIn(const SignInRequest &request, QObject *context, Callback<SignedInUser> done)
{
    send("POST", ApiPaths::SignIn, jsonBytes(RequestCodec::encode(request)), context,
        decoding<SignedInUser>(std::move(done),
            [](const Answer &a) { return UserCodec::signedInUserFromJson(jsonObject(a.body)); }));
}

void ApiClient::signUp(const SignUpRequest &request, QObject *context, Callback<SignedInUser> done)
{
    send("POST", ApiPaths::SignUp, jsonBytes(RequestCodec::encode(request)), context,
        decoding<SignedInUser>(std::move(done),
            [](const Answer &a) { return UserCodec::signedInUserFromJson(jsonObject(a.body)); }));
}

void ApiClient::fetchProfile(QObject *context, Callback<User> done)
{
    send("GET", ApiPaths::Profile, {}, context, decoding<User>(std::move(done), [](const Answer &a) {
        return UserCodec::userFromJson(jsonObject(a.body));
    }));
}

void ApiClient::updateProfile(const ProfilePatch &patch, QObject *context, Callback<User> done)
{
    send("PATCH", ApiPaths::Profile, jsonBytes(RequestCodec::encode(patch)), context,
        decoding<User>(
            std::move(done), [](const Answer &a) { return UserCodec::userFromJson(jsonObject(a.body)); }));
}

void ApiClient::fetchArticles(const ListingQuery &query, QObject *context, Callback<ListingPage> done)
{
    send("GET", ApiPaths::Articles, {}, context,
        decoding<ListingPage>(std::move(done),
            [](const Answer &a) {
                return ListingPage { ArticleCodec::pageFromJson(jsonObject(a.body)), a.fromCache, a.offline };
            }),
        // A feed is one reader's: not for the disk cache, which any later user of this computer reads.
        query.feed ? Cache::None : Cache::Revalidate, RequestCodec::encode(query));
}

void ApiClient::readArticle(const QString &slug, QObject *context, Callback<ReadArticle> done)
{
    send("GET", ApiPaths::article(slug), {}, context,
        decoding<ReadArticle>(std::move(done), [](const Answer &a) {
            return ReadArticle { articleOf(a), ArticleCodec::standingFromJson(jsonObject(a.body)) };
        }));
}

void ApiClient::setFavorite(
    const QString &slug, bool favorite, QObject *context, Callback<ArticleStanding> done)
{
    send(favorite ? "PUT" : "DELETE", ApiPaths::favorite(slug), {}, context,
        decoding<ArticleStanding>(std::move(done),
            [](const Answer &a) { return ArticleCodec::standingFromJson(jsonObject(a.body)); }));
}

void ApiClient::setFollowing(qint64 userId, bool follow, QObject *context, Callback<Profile> done)
{
    send(follow ? "PUT" : "DELETE", ApiPaths::follow(userId), {}, context,
        decoding<Profile>(
            std::move(done), [](const Answer &a) { return ProfileCodec::fromJson(jsonObject(a.body)); }));
}

void ApiClient::fetchTags(QObject *context, Callback<QStringList> done)
{
    send("GET", ApiPaths::Tags, {}, context, decoding<QStringList>(std::move(done), [](const Answer &a) {
        return ArticleCodec::tagsFromJson(jsonObject(a.body));
    }));
}

void ApiClient::fetchArticle(const QString &slug, QObject *context, Callback<Article> done)
{
    send("GET", ApiPaths::article(slug), {}, context,
        decoding<Article>(std::move(done), &ApiClient::articleOf));
}

void ApiClient::createArticle(const ArticleDraft &draft, QObject *context, Callback<Article> done)
{
    send("POST", ApiPaths::Articles, jsonBytes(RequestCodec::encode(draft)), context,
        decoding<Article>(std::move(done), &ApiClient::articleOf));
}

void ApiClient::updateArticle(
    qint64 id, const ArticlePatch &patch, QObject *context, Callback<Article> done, qint64 basedOnVersion)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (basedOnVersion > 0)
        headers.append({ QByteArrayLiteral("If-Match"), ArticleEtag::of(id, basedOnVersion) });
    send("PATCH", ApiPaths::article(QString::number(id)), jsonBytes(RequestCodec::encode(patch)), context,
        decoding<Article>(std::move(done), &ApiClient::articleOf), Cache::None, {}, headers);
}

void ApiClient::deleteArticle(qint64 id, QObject *context, Callback<Success> done)
{
    send("DELETE", ApiPaths::article(QString::number(id)), {}, context,
        decoding<Success>(std::move(done), [](const Answer &) { return Success {}; }));
}

void ApiClient::postComment(
    const QString &slug, const CommentDraft &draft, QObject *context, Callback<Comment> done)
{
    send("POST", ApiPaths::comments(slug), jsonBytes(RequestCodec::encode(draft)), context,
        decoding<Comment>(
            std::move(done), [](const Answer &a) { return CommentCodec::fromJson(jsonObject(a.body)); }));
}

void ApiClient::fetchNewComments(
    qint64 after, int waitSeconds, QObject *context, Callback<CommentNotices> done)
{
    QList<std::pair<QString, QString>> query;
    if (after >= 0)
        query = { { JsonKeys::After, QString::number(after) },
            { JsonKeys::Wait, QString::number(waitSeconds) } };
    send("GET", ApiPaths::Notifications, {}, context,
        decoding<CommentNotices>(
            std::move(done), [](const Answer &a) { return NotificationCodec::fromJson(jsonObject(a.body)); }),
        Cache::None, query, {}, Traffic::Background);
}

void ApiClient::deleteComment(const QString &slug, qint64 commentId, QObject *context, Callback<Success> done)
{
    send("DELETE", ApiPaths::comment(slug, commentId), {}, context,
        decoding<Success>(std::move(done), [](const Answer &) { return Success {}; }));
}

} // namespace blog
