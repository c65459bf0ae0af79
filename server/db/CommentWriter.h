#pragma once

#include "Comment.h"
#include "CommentRepository.h"
#include "Counter.h"
#include "Expected.h"
#include "Histogram.h"

#include <QList>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace blog {

class Database;

// Writes comment posts in batches on its own thread (group commit): the comments that arrive while one
// transaction is being written all go into the next one. A comment then costs its INSERT alone instead
// of a BEGIN, an INSERT and a COMMIT with its WAL append, and the HTTP threads hand comments over and
// go on serving instead of queueing for SQLite's one writer. Nothing is acknowledged before its
// transaction has committed: each comment's callback runs, on this thread, after the COMMIT.
class CommentWriter
{
public:
    // Why a comment was not stored.
    enum class Failure {
        ArticleGone, // deleted before the comment's turn came
        Unavailable, // the database could not be reached; the comment may succeed later
        Fault, // anything else (logged)
        Stopping, // the server is stopping
    };
    using Done = std::function<void(Expected<Comment, Failure>)>;

    // What a batch changed: the articles that got comments and their authors
    // (NewComment::articleAuthorId), each once.
    struct Commented
    {
        QList<qint64> articles;
        QList<qint64> articleAuthors;
    };
    // `committed` runs on the writer's thread after each batch's COMMIT, before any comment in it
    // hears back (so their next read of the listing counts them).
    using Committed = std::function<void(const Commented &)>;
    CommentWriter(CommentRepository &comments, Database &database, Committed committed);
    // stop()s.
    ~CommentWriter();
    CommentWriter(const CommentWriter &) = delete;
    CommentWriter &operator=(const CommentWriter &) = delete;

    // Thread-safe. `done` gets the stored comment or why it was not stored.
    void submit(CommentRepository::NewComment comment, Done done);
    // Writes and answers what is queued, then ends the thread; later comments get Failure::Stopping.
    void stop();

    // For the metrics: comments a transaction, and the batches the database failed.
    static constexpr std::array<double, 9> BatchSizes { 1, 2, 4, 8, 16, 32, 64, 128, 256 };
    const Histogram &batchSizes() const { return m_batchSizes; }
    quint64 unavailableErrors() const { return m_unavailable.value(); }
    quint64 faultErrors() const { return m_faults.value(); }

private:
    struct Pending
    {
        CommentRepository::NewComment comment;
        Done done;
    };

    void run();
    void write(const QList<Pending> &batch);

    CommentRepository &m_comments;
    Database &m_database;
    Committed m_committed;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Pending> m_queue;
    bool m_stopping = false;
    Histogram m_batchSizes { BatchSizes };
    Counter m_unavailable;
    Counter m_faults;
    std::thread m_thread; // last: it may start writing before the constructor returns
};

} // namespace blog
