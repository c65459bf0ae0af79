#include "DraftPublisher.h"

#include "DraftStore.h"

#include <QPointer>

#include <algorithm>

namespace blog {

DraftPublisher::DraftPublisher(ApiClient &api, DraftStore &store, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
{
}

void DraftPublisher::publish(qint64 draftId, QObject *context, ApiClient::Callback<Article> done)
{
    const std::optional<LocalDraft> draft = m_store.find(draftId);
    if (!draft) {
        done(ApiError { ApiError::Kind::Http, 0, tr("This draft no longer exists."), {} });
        return;
    }
    if (m_sending.contains(draftId)) {
        done(ApiError { ApiError::Kind::Http, 0, tr("This draft is being published already."), {} });
        return;
    }
    m_sending.insert(draftId);
    QPointer<QObject> guard(context);
    auto answered = [this, draftId, guard, done = std::move(done)](const ApiResult<Article> &result) {
        m_sending.remove(draftId);
        if (result) {
            m_store.remove(draftId);
            emit published(draftId, *result);
        } else if (result.error().kind == ApiError::Kind::Network) {
            m_store.setState(draftId, LocalDraft::State::Queued, result.error().message);
            emit queued(draftId);
        } else if (!result.error().isConflict()) {
            m_store.setState(draftId, LocalDraft::State::Editing, result.error().message);
        }
        if (guard)
            done(result);
    };
    if (!draft->isEdit()) {
        m_api.createArticle(
            { draft->title.trimmed(), draft->description.trimmed(), draft->text, draft->tags }, this,
            std::move(answered));
        return;
    }
    ArticlePatch patch;
    patch.title = draft->title.trimmed();
    patch.description = draft->description.trimmed();
    patch.text = draft->text;
    patch.tags = draft->tags;
    m_api.updateArticle(draft->articleId, patch, this, std::move(answered), draft->baseVersion);
}

void DraftPublisher::runQueue()
{
    if (m_running) {
        m_runAgain = true; // what was queued meanwhile goes in the next round
        return;
    }
    m_running = true;
    m_runAgain = false;
    QList<LocalDraft> queue = m_store.queuedDrafts();
    std::reverse(queue.begin(), queue.end()); // oldest first
    publishNextQueued(queue);
}

void DraftPublisher::publishNextQueued(QList<LocalDraft> queue)
{
    if (queue.isEmpty()) {
        sendNextComment(m_store.pendingComments()); // refused ones are passed over there
        return;
    }
    const LocalDraft draft = queue.takeFirst();
    publish(draft.id, this, [this, draft, queue](const ApiResult<Article> &result) {
        if (result || !result.error().isConflict()) {
            if (!result && result.error().kind == ApiError::Kind::Network) {
                finishRun(true);
                return;
            }
            publishNextQueued(queue); // published, or refused for good (the reason is on the draft)
            return;
        }
        resolveQueuedConflict(draft, result.error().current.value_or(Article {}), queue);
    });
}

ConflictChoice DraftPublisher::askAboutConflict(qint64 draftId, const Article &theirs) const
{
    const std::optional<LocalDraft> mine = m_store.find(draftId);
    return m_resolveConflict && mine ? m_resolveConflict(*mine, theirs) : ConflictChoice::Undecided;
}

bool DraftPublisher::applyConflictChoice(qint64 draftId, ConflictChoice choice, const Article &theirs)
{
    std::optional<LocalDraft> draft = m_store.find(draftId);
    if (!draft)
        return false;
    switch (choice) {
    case ConflictChoice::KeepMine:
        draft->baseVersion = theirs.version; // knowingly replacing their version
        return m_store.save(*draft);
    case ConflictChoice::TakeTheirs:
        m_store.remove(draft->id);
        return false;
    case ConflictChoice::KeepMineAsNewDraft:
        draft->articleId = 0;
        draft->articleSlug.clear();
        draft->baseVersion = 0;
        draft->state = LocalDraft::State::Editing;
        draft->lastError.clear();
        m_store.save(*draft);
        return false;
    case ConflictChoice::Undecided:
        m_store.setState(draft->id, LocalDraft::State::Editing,
            tr("The article was changed elsewhere since this draft began."));
        return false;
    }
    return false;
}

void DraftPublisher::resolveQueuedConflict(
    const LocalDraft &draft, const Article &theirs, QList<LocalDraft> rest)
{
    if (applyConflictChoice(draft.id, askAboutConflict(draft.id, theirs), theirs)) {
        if (const auto again = m_store.find(draft.id))
            rest.prepend(*again);
    }
    publishNextQueued(rest);
}

void DraftPublisher::sendNextComment(QList<PendingComment> comments)
{
    if (comments.isEmpty()) {
        finishRun(false);
        return;
    }
    const PendingComment comment = comments.takeFirst();
    // As the store has it now: the author may have deleted it from the drafts list during the run.
    const QList<PendingComment> kept = m_store.pendingComments(comment.articleSlug);
    const bool stillKept
        = std::any_of(kept.cbegin(), kept.cend(), [&comment](const PendingComment &candidate) {
              return candidate.id == comment.id && !candidate.refused;
          });
    if (!stillKept) {
        sendNextComment(comments);
        return;
    }
    m_api.postComment(comment.articleSlug, CommentDraft { comment.text }, this,
        [this, comment, comments](const ApiResult<Comment> &result) {
            if (result) {
                m_store.removePendingComment(comment.id);
                emit commentSent(comment.articleSlug, *result);
            } else if (result.error().kind == ApiError::Kind::Network) {
                finishRun(true);
                return;
            } else if (result.error().isFinalRefusal()) {
                // Kept with the reason for the author (the drafts list), never sent again by itself.
                m_store.refusePendingComment(comment.id, result.error().message);
            } else {
                // Kept (not lost) with the reason, and tried again the next time the queue runs.
                m_store.setPendingCommentError(comment.id, result.error().message);
            }
            sendNextComment(comments);
        });
}

void DraftPublisher::finishRun(bool stillOffline)
{
    m_running = false;
    emit queueFinished();
    if (m_runAgain && !stillOffline)
        runQueue();
}

} // namespace blog
