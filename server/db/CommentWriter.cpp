#include "CommentWriter.h"

#include "Database.h"
#include "DatabaseError.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

namespace {
// A bound on one transaction (and on how long its first comment waits for the COMMIT).
constexpr qsizetype MaxBatch = 256;
} // namespace

CommentWriter::CommentWriter(CommentRepository &comments, Database &database, Committed committed)
    : m_comments(comments)
    , m_database(database)
    , m_committed(std::move(committed))
    , m_thread([this] { run(); })
{
}

CommentWriter::~CommentWriter()
{
    stop();
}

void CommentWriter::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void CommentWriter::submit(CommentRepository::NewComment comment, Done done)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.append(Pending { std::move(comment), std::move(done) });
            m_wake.notify_one();
            return;
        }
    }
    done(Failure::Stopping);
}

void CommentWriter::run()
{
    for (;;) {
        QList<Pending> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.isEmpty(); });
            if (m_queue.isEmpty())
                break; // stopping, and everything answered
            batch = m_queue.mid(0, MaxBatch);
            m_queue.remove(0, batch.size());
        }
        write(batch);
    }
    m_database.closeThreadConnection();
}

void CommentWriter::write(const QList<Pending> &batch)
{
    QList<CommentRepository::NewComment> comments;
    comments.reserve(batch.size());
    for (const Pending &pending : batch)
        comments.append(pending.comment);
    m_batchSizes.observe(double(batch.size()));
    QList<std::optional<Comment>> stored;
    std::optional<Failure> failure;
    try {
        stored = m_comments.insertAll(comments);
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::Unavailable) {
            qCWarning(lcDatabase) << "database unavailable:" << error.what();
            m_unavailable.add();
            m_database.closeThreadConnection(); // reopened by the next batch
            failure = Failure::Unavailable;
        } else {
            qCCritical(lcDatabase) << "cannot store comments:" << error.what();
            m_faults.add();
            failure = Failure::Fault;
        }
    } catch (const std::exception &error) {
        qCCritical(lcDatabase) << "cannot store comments:" << error.what();
        failure = Failure::Fault;
    }
    if (!failure && m_committed) {
        Commented commented;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (!stored[i])
                continue;
            const CommentRepository::NewComment &comment = batch[i].comment;
            if (!commented.articles.contains(comment.articleId))
                commented.articles.append(comment.articleId);
            if (!commented.articleAuthors.contains(comment.articleAuthorId))
                commented.articleAuthors.append(comment.articleAuthorId);
        }
        if (!commented.articles.isEmpty()) // else every article was gone: nothing changed
            m_committed(commented);
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (failure)
            batch[i].done(*failure);
        else if (stored[i])
            batch[i].done(*stored[i]);
        else
            batch[i].done(Failure::ArticleGone);
    }
}

} // namespace blog
