#pragma once

#include "ApiError.h"
#include "Article.h"
#include "ArticleStanding.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedLayout;
class QTextBrowser;

namespace blog {

class ApiClient;
class CommentListModel;
class DraftStore;

// One article: title, description, author, tags, the text rendered from Markdown, and its comments
// with a box to add one (Ctrl+Enter posts). Authors may delete their own comments and any comment
// on their own articles. Offline, a comment is kept in the drafts store and sent when the server is
// back (DraftPublisher); until then the view says how many wait.
class ArticleView : public QWidget
{
    Q_OBJECT

public:
    using Confirm = std::function<bool(const QString &question)>;

    ArticleView(ApiClient &api, QWidget *parent = nullptr);

    void setCurrentUserId(qint64 userId) { m_userId = userId; }
    // Signed out (or the token refused), there is nobody to favour or follow: those buttons go.
    void setSignedIn(bool signedIn);
    const ArticleStanding &standing() const { return m_standing; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void showArticle(const QString &slug);
    void clear();
    const std::optional<Article> &article() const { return m_article; }
    // Offline: comments are kept to be sent later, and none can be deleted.
    void setOffline(bool offline);
    void setDraftStore(DraftStore *store);
    // A comment kept offline has reached the server.
    void addSentComment(const QString &slug, const Comment &comment);
    // Saves what is in the comment box for its article now (it is also saved a second after typing,
    // and when another article is shown): each article keeps the comment begun on it.
    void keepCommentInProgress();

signals:
    void commentCountChanged(const QString &slug, int delta);
    void articleLoaded(const blog::Article &article);
    // After the server confirmed it.
    void favoriteChanged(const QString &slug, const blog::ArticleStanding &standing);
    void followChanged(qint64 authorId, bool following);
    // "Articles by <author>" was clicked.
    void authorArticlesRequested(qint64 authorId, const QString &authorName);
    void failed(const blog::ApiError &error);

private:
    void render();
    void postComment();
    void deleteSelectedComment();
    void updateDeleteButton();
    void keepForLater(const QString &slug, const QString &text);
    // The box now holds `slug`'s comment in progress; the previous article's is kept.
    void switchCommentTo(const QString &slug);
    // `text` has reached the server or the queue: it is no longer in progress on `slug`.
    void commentSent(const QString &slug, const QString &text);
    QString commentInProgress(const QString &slug) const;
    void forgetCommentInProgress(const QString &slug);
    void saveCommentDraft(const QString &slug, const QString &text);
    // The drafts file's copy changed from elsewhere: the drafts list may delete it.
    void followCommentDraft(const QString &slug, const QString &text);
    void updatePendingLabel();
    void toggleFavorite();
    void toggleFollow();
    void updateSocialButtons();

    ApiClient &m_api;
    CommentListModel *m_comments;
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_meta;
    QPushButton *m_favorite;
    QPushButton *m_follow;
    QPushButton *m_authorArticles;
    QTextBrowser *m_text;
    QListView *m_commentList;
    QPlainTextEdit *m_commentEdit;
    QPushButton *m_postComment;
    QPushButton *m_deleteComment;
    QLabel *m_pendingComments;
    QPointer<DraftStore> m_drafts; // owned by the window, which may drop it before this view
    QString m_commentSlug; // whose comment the box holds
    QHash<QString, QString> m_commentsInProgress; // this session's, by slug; the drafts file has earlier ones
    QTimer m_commentSave;
    bool m_savingCommentDraft = false;
    bool m_restoringComment = false;
    std::optional<Article> m_article;
    ArticleStanding m_standing;
    bool m_signedIn = true;
    bool m_socialBusy = false; // a favourite or follow is on its way
    QString m_loadingSlug;
    qint64 m_userId = 0;
    bool m_offline = false;
    Confirm m_confirm;
};

} // namespace blog
