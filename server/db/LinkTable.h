#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace blog {

class Database;

// A table of (owner, target) pairs with a creation time: who follows whom, who favours what. The SQL
// both kinds share; the table and column names are ours (constants), never input.
class LinkTable
{
public:
    LinkTable(Database &database, QString table, QString ownerColumn, QString targetColumn);

    // Both are idempotent; true when something changed.
    bool add(qint64 owner, qint64 target);
    bool remove(qint64 owner, qint64 target);
    bool contains(qint64 owner, qint64 target);
    // Which of `targets` the owner links to, in one query.
    QSet<qint64> targetsAmong(qint64 owner, const QList<qint64> &targets);

private:
    bool write(const QString &statement, qint64 owner, qint64 target);

    Database &m_database;
    const QString m_table;
    const QString m_owner;
    const QString m_target;
};

} // namespace blog
