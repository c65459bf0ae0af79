#pragma once

#include "ApiError.h"
#include "Article.h"
#include "CommentNotice.h"
#include "ListingPage.h"
#include "Profile.h"
#include "ReadArticle.h"
#include "Requests.h"
#include "User.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkDiskCache;
class QNetworkReply;

namespace blog {

// The desktop client's only door to the server: typed requests in, typed results out (through the
// codecs in shared/). Results are delivered to `context` on its thread, and dropped if it is gone.
// GET /article goes through a disk cache with ETag revalidation, and falls back to the cached copy
// when the server cannot be reached.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(const ApiResult<T> &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // Where the listing's disk cache lives; without it the listing is not cached.
    void setCacheDirectory(const QString &directory);
    bool isOnline() const { return m_online; }
    int pendingRequests() const { return m_pending; }

    void signIn(const SignInRequest &request, QObject *context, Callback<SignedInUser> done);
    void signUp(const SignUpRequest &request, QObject *context, Callback<SignedInUser> done);
    void fetchProfile(QObject *context, Callback<User> done);
    void updateProfile(const ProfilePatch &patch, QObject *context, Callback<User> done);
    void fetchArticles(const ListingQuery &query, QObject *context, Callback<ListingPage> done);
    void fetchArticle(const QString &slug, QObject *context, Callback<Article> done);
    // The same with the reader's standing (favourites, following the author) when signed in.
    void readArticle(const QString &slug, QObject *context, Callback<ReadArticle> done);
    // Favours the article (or stops); the answer is the reader's standing as the server has it now.
    void setFavorite(const QString &slug, bool favorite, QObject *context, Callback<ArticleStanding> done);
    // Follows the user (or stops); the answer is their profile as the server has it now.
    void setFollowing(qint64 userId, bool follow, QObject *context, Callback<Profile> done);
    // Every tag some article has, by name.
    void fetchTags(QObject *context, Callback<QStringList> done);
    void createArticle(const ArticleDraft &draft, QObject *context, Callback<Article> done);
    // With `basedOnVersion` (the article's version when it was loaded), the server refuses the change
    // if the article changed since: an error that isConflict() and carries the current article.
    // Without it, the change overwrites whatever is there.
    void updateArticle(qint64 id, const ArticlePatch &patch, QObject *context, Callback<Article> done,
        qint64 basedOnVersion = 0);
    void deleteArticle(qint64 id, QObject *context, Callback<Success> done);
    void postComment(
        const QString &slug, const CommentDraft &draft, QObject *context, Callback<Comment> done);
    void deleteComment(const QString &slug, qint64 commentId, QObject *context, Callback<Success> done);
    // New comments on my articles after `after` (a cursor; negative: only the current cursor), waiting
    // up to `waitSeconds` on the server for one (long polling). Not counted as busy.
    void fetchNewComments(qint64 after, int waitSeconds, QObject *context, Callback<CommentNotices> done);

signals:
    // An authenticated request was refused: the token expired or was revoked.
    void unauthorized();
    void onlineChanged(bool online);
    void busyChanged(bool busy);

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        bool fromCache = false;
        bool offline = false;
        QByteArray etag;
        std::optional<ApiError> error;
    };
    using AnswerHandler = std::function<void(const Answer &)>;

    enum class Cache { None, Revalidate };
    // Background requests (long polls) neither count as busy nor time out like the others.
    enum class Traffic { Interactive, Background };

    void send(const QByteArray &method, const QString &path, const QByteArray &body, QObject *context,
        AnswerHandler handler, Cache cache = Cache::None,
        const QList<std::pair<QString, QString>> &query = {},
        const QList<std::pair<QByteArray, QByteArray>> &headers = {}, Traffic traffic = Traffic::Interactive);
    void finish(QNetworkReply *reply, QPointer<QObject> context, const AnswerHandler &handler, Cache cache,
        bool authenticated);
    void loadFromCacheAlone(const QNetworkRequest &request, QPointer<QObject> context,
        const AnswerHandler &handler, const ApiError &networkError);
    void setOnline(bool online);
    void requestStarted();
    void requestEnded();
    static ApiError errorOf(const Answer &answer);
    static Article articleOf(const Answer &answer);

    template<typename T, typename Decode> AnswerHandler decoding(Callback<T> done, Decode decode);

    QNetworkAccessManager m_network;
    QNetworkDiskCache *m_cache = nullptr;
    QUrl m_baseUrl;
    QString m_token;
    bool m_online = true;
    int m_pending = 0;
};

} // namespace blog
