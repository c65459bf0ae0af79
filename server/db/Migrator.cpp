#include "Migrator.h"

#include "Database.h"
#include "DatabaseError.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "Validation.h"
#include "WriteTransaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

Migrator::Migrator(Database &database)
    : m_database(database)
{
}

QList<Migrator::Migration> Migrator::available()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    QList<Migration> migrations;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile source(dir.filePath(file));
        if (!source.open(QIODevice::ReadOnly))
            continue;
        migrations.append(
            { match.captured(1).toInt(), match.captured(2), QString::fromUtf8(source.readAll()) });
    }
    return migrations;
}

void Migrator::ensureTable()
{
    SqlQuery::exec(m_database.connection(), m_database.dialect(),
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
}

QList<int> Migrator::appliedVersions()
{
    ensureTable();
    QList<int> versions;
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    query.exec();
    while (query.next())
        versions.append(query.value(0).toInt());
    return versions;
}

bool Migrator::isCurrent()
{
    static const QList<Migration> compiledIn = available();
    const int latest = compiledIn.isEmpty() ? 0 : compiledIn.last().version;
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT count(*), coalesce(max(version), 0) FROM schema_migrations"));
    query.exec();
    return query.next() && query.value(0).toLongLong() == compiledIn.size()
        && query.value(1).toInt() == latest;
}

QStringList Migrator::statements(const QString &sql)
{
    // Statements end with ';' at the end of a line; comment lines are dropped. Except inside a body
    // whose own statements end with ';' too: PostgreSQL's $$-quoted function bodies and DO blocks, and
    // SQLite's trigger bodies (a line "BEGIN" up to a line "END;").
    QStringList result;
    QString current;
    bool inTriggerBody = false;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed == QLatin1String("BEGIN") && current.startsWith(QLatin1String("CREATE TRIGGER")))
            inTriggerBody = true;
        const bool inDollarQuotes = current.count(QLatin1String("$$")) % 2 == 1;
        if (inTriggerBody && trimmed != QLatin1String("END;"))
            continue;
        if (trimmed.endsWith(QLatin1Char(';')) && !inDollarQuotes) {
            result.append(current.trimmed().chopped(1));
            current.clear();
            inTriggerBody = false;
        }
    }
    if (!current.trimmed().isEmpty())
        result.append(current.trimmed());
    return result;
}

int Migrator::migrate(int upToVersion)
{
    const SqlDialect &dialect = m_database.dialect();
    if (!dialect.migrationLock().isEmpty())
        SqlQuery::exec(m_database.connection(), dialect, dialect.migrationLock());
    try {
        const int applied = migrateLocked(upToVersion);
        if (!dialect.migrationUnlock().isEmpty())
            SqlQuery::exec(m_database.connection(), dialect, dialect.migrationUnlock());
        return applied;
    } catch (...) {
        // The lock is the session's: closing the connection releases it whatever state it is in.
        if (!dialect.migrationUnlock().isEmpty())
            m_database.closeThreadConnection();
        throw;
    }
}

void Migrator::runStep(QSqlDatabase db, const QString &step)
{
    if (step == QLatin1String("{{step:fill_usernames}}"))
        return fillUsernames(db);
    throw DatabaseError(DatabaseError::Kind::Query, QStringLiteral("unknown migration step %1").arg(step));
}

void Migrator::fillUsernames(QSqlDatabase db)
{
    // Oldest users first, so an existing name keeps its plain form and later look-alikes get -2, -3...
    QList<std::pair<qint64, QString>> users;
    {
        SqlQuery query(db, m_database.dialect(), QStringLiteral("SELECT id, email FROM users ORDER BY id"));
        query.exec();
        while (query.next())
            users.append({ query.value(0).toLongLong(), query.value(1).toString() });
    }
    QSet<QString> taken;
    SqlQuery update(db, m_database.dialect(),
        QStringLiteral("UPDATE users SET username = :name, username_key = :key WHERE id = :id"));
    for (const auto &[id, email] : std::as_const(users)) {
        const QString base = Validation::usernameFromEmail(email);
        QString name = base;
        for (int n = 2; taken.contains(Validation::usernameKey(name)); ++n)
            name = Validation::usernameCandidate(base, n);
        taken.insert(Validation::usernameKey(name));
        update.bind(QStringLiteral(":name"), name)
            .bind(QStringLiteral(":key"), Validation::usernameKey(name))
            .bind(QStringLiteral(":id"), id)
            .exec();
    }
}

int Migrator::migrateLocked(int upToVersion)
{
    ensureTable();
    int applied = 0;
    for (const Migration &migration : available()) {
        if (migration.version > upToVersion)
            break;
        WriteTransaction transaction(m_database);
        // Checked inside the write transaction, so instances starting together apply each migration once.
        SqlQuery check(transaction.connection(), m_database.dialect(),
            QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = :version"));
        check.bind(QStringLiteral(":version"), migration.version).exec();
        if (check.next())
            continue;
        // Some rebuild an index over every article (seconds to a minute at a million): said before.
        qCInfo(lcDatabase).noquote() << "applying migration" << migration.version << migration.name;
        QElapsedTimer clock;
        clock.start();
        for (const QString &statement : statements(m_database.dialect().expandMigration(migration.sql))) {
            if (statement.startsWith(QLatin1String("{{step:")))
                runStep(transaction.connection(), statement);
            else
                SqlQuery::exec(transaction.connection(), m_database.dialect(), statement);
        }
        SqlQuery record(transaction.connection(), m_database.dialect(),
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                           "VALUES (:version, :name, :at)"));
        record.bind(QStringLiteral(":version"), migration.version)
            .bind(QStringLiteral(":name"), migration.name)
            .bind(QStringLiteral(":at"), Timestamp::toString(Timestamp::now()))
            .exec();
        transaction.commit();
        qCInfo(lcDatabase).noquote() << "applied migration" << migration.version << migration.name << "in"
                                     << clock.elapsed() << "ms";
        ++applied;
    }
    return applied;
}

} // namespace blog
