#pragma once

#include <QSqlDatabase>

namespace blog {

class Database;

// The pairs of neighbouring words (PhrasePairs) that answer quoted phrases, one row an article in
// article_search_pairs (migration 0009). Triggers queue every article whose text or tags change; the
// pairs are made here, in C++, since the query's pairs are made by the same code.
class PhraseIndex
{
public:
    explicit PhraseIndex(Database &database);

    // Indexes the article a writer has just written, in the writer's transaction.
    void catchUp(QSqlDatabase db, qint64 articleId);
    // Indexes every queued article in the caller's transaction (a migration, an import); returns how
    // many.
    qint64 catchUpAll(QSqlDatabase db);
    // Indexes every queued article (rows written by hand while no server ran), a write transaction a
    // batch so writers wait for one batch at most; returns how many.
    qint64 catchUpAll();

private:
    // Indexes up to a batch of the queued articles after `after`, which it moves to the last one
    // indexed, or only `articleId` when it is not 0; returns how many.
    int indexQueued(QSqlDatabase db, qint64 articleId, qint64 &after);

    Database &m_database;
};

} // namespace blog
