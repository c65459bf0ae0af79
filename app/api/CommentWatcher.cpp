#include "CommentWatcher.h"

#include "ApiClient.h"

namespace blog {

CommentWatcher::CommentWatcher(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(10));
    connect(&m_retry, &QTimer::timeout, this, &CommentWatcher::poll);
}

void CommentWatcher::start()
{
    stop();
    m_running = true;
    poll();
}

void CommentWatcher::stop()
{
    m_running = false;
    m_retry.stop();
    m_cursor = -1;
    ++m_session;
}

void CommentWatcher::poll()
{
    if (!m_running)
        return;
    const quint64 session = m_session;
    m_api.fetchNewComments(
        m_cursor, m_waitSeconds, this, [this, session](const ApiResult<CommentNotices> &result) {
            if (session != m_session || !m_running)
                return;
            if (!result) {
                // Signed out (401) ends the session elsewhere; anything else: the server is away for now.
                if (result.error().isUnauthorized())
                    stop();
                else
                    m_retry.start();
                return;
            }
            const bool first = m_cursor < 0;
            m_cursor = result->cursor;
            if (!first && !result->notices.isEmpty())
                emit commentsArrived(result->notices);
            poll();
        });
}

} // namespace blog
