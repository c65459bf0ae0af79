#pragma once

#include <QSqlDatabase>

#include <limits>

namespace blog {

class Database;

// The pairs of neighbouring words (PhrasePairs) that answer quoted phrases, one row an article in
// article_search_pairs (migration 0009). Triggers queue every article whose text or tags change
// (article_search_pairs_pending); the pairs are made here, in C++, since the query's pairs are made by
// the same code.
class PhraseIndex
{
public:
    // Queued articles read and written at a time: a write transaction of the job holds SQLite's one
    // writer for about 60 ms (a million articles of ~300 words took two minutes).
    static constexpr int BatchSize = 500;

    explicit PhraseIndex(Database &database);

    // Queues every article (after a bulk load, whose triggers were paused).
    void queueAll(QSqlDatabase db);
    // Indexes the article a writer has just written, in the writer's transaction (which holds its row).
    void catchUp(QSqlDatabase db, qint64 articleId);
    // Indexes every queued article in the caller's transaction, where nobody else writes (an import);
    // returns how many.
    qint64 catchUpAll(QSqlDatabase db);
    // Indexes up to `atMost` queued articles beside other writers (rows written by hand, by an older
    // version during a rolling upgrade, the articles there were when migration 0009 ran): a write
    // transaction a batch, each article's row locked on PostgreSQL while its pairs are made. Returns how
    // many it indexed.
    qint64 catchUpQueued(qint64 atMost = std::numeric_limits<qint64>::max());

private:
    enum class OtherWriters { Possible, None };
    // Indexes a batch of the queue after `after` (only `articleId` unless it is 0) and moves `after` to
    // the last queued id read; returns how many queued ids it read, articles gone since included.
    int indexQueued(QSqlDatabase db, qint64 articleId, qint64 &after, OtherWriters otherWriters);

    Database &m_database;
};

} // namespace blog
