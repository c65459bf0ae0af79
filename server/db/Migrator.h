#pragma once

#include <QList>
#include <QString>

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
    // Returns how many migrations it applied.
    int migrate();
    // Whether every migration compiled in is recorded, in one small read (for a readiness probe: no
    // table is created and no file is read). Throws DatabaseError when the database cannot answer.
    bool isCurrent();

private:
    int migrateLocked();
    void ensureTable();
    static QStringList statements(const QString &sql);

    Database &m_database;
};

} // namespace blog
