#pragma once

#include "LocalDraft.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

class QSqlQuery;

namespace blog {

// The author's drafts and unsent comments in a SQLite file of their own, one file per account (server
// and user), under the app data location. The only place in the desktop client with SQL. Every write is
// a transaction, so a kill between two saves leaves the last complete one. The schema carries its
// version (PRAGMA user_version) and is brought up to date when the file is opened.
class DraftStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int SchemaVersion = 5;

    // Opens the file, creating it and its directory if needed; see isOpen() and errorString().
    explicit DraftStore(const QString &path, QObject *parent = nullptr);
    ~DraftStore() override;

    // Where an account's drafts live: <AppDataLocation>/drafts/<server and user id, hashed>.sqlite.
    static QString pathFor(const QString &serverUrl, qint64 userId);

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Inserts a draft (id 0) or updates it; sets its id and updatedAt. False if nothing was written.
    bool save(LocalDraft &draft);
    std::optional<LocalDraft> find(qint64 id) const;
    // The draft editing article `articleId`, if there is one.
    std::optional<LocalDraft> findForArticle(qint64 articleId) const;
    // Newest change first.
    QList<LocalDraft> drafts() const;
    QList<LocalDraft> queuedDrafts() const;
    // Drafts an editor held when the app last ended: it did not end normally.
    QList<LocalDraft> draftsLeftOpen() const;
    bool remove(qint64 id);
    bool setState(qint64 id, LocalDraft::State state, const QString &lastError = {});
    bool setOpenInEditor(qint64 id, bool open);

    qint64 addPendingComment(const QString &articleSlug, const QString &text);
    // Oldest first; all of them, or those on one article.
    QList<PendingComment> pendingComments(const QString &articleSlug = {}) const;
    bool removePendingComment(qint64 id);
    // A refusal the queue may try again (the server failing), or for good (refusePendingComment: its
    // article gone, say; a comment sent again later could land on another article of the same slug).
    bool setPendingCommentError(qint64 id, const QString &error);
    bool refusePendingComment(qint64 id, const QString &reason);

    // The comment being written on an article, kept while the author reads others and across a crash;
    // blank text removes it.
    bool saveCommentDraft(const QString &articleSlug, const QString &text);
    QString commentDraft(const QString &articleSlug) const;
    // Every article's, newest change first: also those of articles the app will not show again (deleted
    // on the server), so the text stays within the author's reach.
    QList<CommentInProgress> commentDrafts() const;

signals:
    void draftsChanged();
    void pendingCommentsChanged();
    // `text` is empty when the comment in progress on the article was removed.
    void commentDraftChanged(const QString &articleSlug, const QString &text);

private:
    bool migrate();
    bool inWriteTransaction(const std::function<bool()> &work);
    bool markPendingComment(qint64 id, const QString &error, bool refused);
    bool exec(QSqlQuery &query) const;
    QList<LocalDraft> selectDrafts(const QString &where, const QList<QVariant> &values = {}) const;

    QString m_path;
    QString m_connection;
    bool m_open = false;
    QString m_error;
};

} // namespace blog
