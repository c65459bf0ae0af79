#include "DraftPublisher.h"

#include "DraftStore.h"

#include <QPointer>

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
    QPointer<QObject> guard(context);
    auto answered = [this, draftId, guard, done = std::move(done)](const ApiResult<Article> &result) {
        if (result) {
            m_store.remove(draftId);
            emit published(draftId, *result);
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

} // namespace blog
