#pragma once

#include "ApiClient.h"
#include "LocalDraft.h"

#include <QObject>

namespace blog {

class DraftStore;

// Sends drafts to the server: a new article, or an edit on condition (If-Match) that the article is
// still at the version the draft started from. A draft is removed from the store only once the server
// has confirmed; on any failure it stays, with the reason.
class DraftPublisher : public QObject
{
    Q_OBJECT

public:
    DraftPublisher(ApiClient &api, DraftStore &store, QObject *parent = nullptr);

    DraftStore &store() const { return m_store; }
    ApiClient &api() const { return m_api; }

    // Publishes the draft as the store has it. A conflict comes back as an error that isConflict().
    void publish(qint64 draftId, QObject *context, ApiClient::Callback<Article> done);

signals:
    void published(qint64 draftId, const blog::Article &article);

private:
    ApiClient &m_api;
    DraftStore &m_store;
};

} // namespace blog
