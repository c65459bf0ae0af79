#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <limits>

namespace blog {

class Database;

// Applies the numbered migrations compiled in from resources/migrations, each in its own transaction,
// and records them in schema_migrations.
class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql;
    };

    explicit Migrator(Database &database);

    static QList<Migration> available();
    QList<int> appliedVersions();
    // Returns how many migrations it applied; those after `upToVersion` are left for later (tests
    // build older schemas with it).
    int migrate(int upToVersion = std::numeric_limits<int>::max());
    // Whether every migration compiled in is recorded, in one small read (for a readiness probe: no
    // table is created and no file is read). Throws DatabaseError when the database cannot answer.
    bool isCurrent();

private:
    int migrateLocked(int upToVersion);
    void ensureTable();
    static QStringList statements(const QString &sql);
    // A "{{step:name}}" line of a migration: work SQL alone cannot do, run in the same transaction.
    void runStep(QSqlDatabase db, const QString &step);
    void fillUsernames(QSqlDatabase db);

    Database &m_database;
};

} // namespace blog
