#pragma once

#include "ApiClient.h"
#include "ConflictChoice.h"
#include "LocalDraft.h"

#include <QObject>
#include <QSet>

namespace blog {

class DraftStore;

// Sends drafts to the server: a new article, or an edit on condition (If-Match) that the article is
// still at the version the draft started from. A draft is removed from the store only once the server
// has confirmed; on any failure it stays, with the reason. When the server cannot be reached the draft
// is queued, and runQueue() (called when the connection is back) publishes the queue, then sends the
// comments written offline.
class DraftPublisher : public QObject
{
    Q_OBJECT

public:
    DraftPublisher(ApiClient &api, DraftStore &store, QObject *parent = nullptr);

    DraftStore &store() const { return m_store; }
    ApiClient &api() const { return m_api; }
    // Asked when a queued edit meets a change made elsewhere; without it such a draft goes back to
    // the drafts list, unpublished, with the reason.
    void setResolveConflict(ResolveConflict resolve) { m_resolveConflict = std::move(resolve); }

    // Publishes the draft as the store has it. A conflict comes back as an error that isConflict().
    // A draft already on its way (the queue and the editor at once) is not sent twice.
    void publish(qint64 draftId, QObject *context, ApiClient::Callback<Article> done);
    // Queued drafts first, oldest first, then comments; stops at the first sign the server is still away.
    void runQueue();
    bool isRunning() const { return m_running; }
    // The question for an edit that met a change made elsewhere (Undecided without a resolver), and what
    // the answer does to the draft: true when it is to be sent again (keep mine, now over their version).
    ConflictChoice askAboutConflict(qint64 draftId, const Article &theirs) const;
    bool applyConflictChoice(qint64 draftId, ConflictChoice choice, const Article &theirs);

signals:
    void published(qint64 draftId, const blog::Article &article);
    void queued(qint64 draftId);
    void commentSent(const QString &articleSlug, const blog::Comment &comment);
    void queueFinished();

private:
    void publishNextQueued(QList<LocalDraft> queue);
    void resolveQueuedConflict(const LocalDraft &draft, const Article &theirs, QList<LocalDraft> rest);
    void sendNextComment(QList<PendingComment> comments);
    void finishRun(bool stillOffline);

    ApiClient &m_api;
    DraftStore &m_store;
    ResolveConflict m_resolveConflict;
    QSet<qint64> m_sending;
    bool m_running = false;
    bool m_runAgain = false;
};

} // namespace blog
