#include "SqliteBackup.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <functional>

namespace blog {

namespace {

const QString VacuumInto = QStringLiteral("VACUUM INTO :file");

// Runs `use` on a read-only connection of its own to `file`, removed afterwards. Error: the file cannot
// be opened as a SQLite database.
Expected<bool, QString> withReadOnly(const QString &file, const std::function<QString(QSqlDatabase &)> &use)
{
    const QString name
        = QStringLiteral("blog-readonly-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        problem = db.open() ? use(db) : db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!problem.isEmpty())
        return problem;
    return true;
}

} // namespace

void SqliteBackup::copy(Database &database, const QString &emptyFile)
{
    SqlQuery query(database.connection(), database.dialect(), VacuumInto);
    query.bind(QStringLiteral(":file"), emptyFile).exec();
}

Expected<bool, QString> SqliteBackup::copyFile(const QString &sourceFile, const QString &emptyFile)
{
    return withReadOnly(sourceFile, [&emptyFile](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(VacuumInto);
        query.bindValue(QStringLiteral(":file"), emptyFile);
        return query.exec() ? QString() : query.lastError().text();
    });
}

Expected<SqliteBackup::Inspection, QString> SqliteBackup::inspect(const QString &file)
{
    Inspection inspection;
    const auto checked = withReadOnly(file, [&inspection](QSqlDatabase &db) -> QString {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        // Also the first read: a file that is not a database fails here.
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return query.lastError().text();
        QStringList problems;
        while (query.next())
            problems.append(query.value(0).toString());
        if (problems != QStringList { QStringLiteral("ok") })
            return QStringLiteral("integrity check failed: ") + problems.join(QStringLiteral("; "));
        if (!query.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version")))
            return QStringLiteral("not a blog database (no schema_migrations)");
        while (query.next())
            inspection.migrations.append(query.value(0).toInt());
        if (!query.exec(
                QStringLiteral("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM articles), "
                               "(SELECT count(*) FROM comments)"))
            || !query.next())
            return QStringLiteral("not a blog database: ") + query.lastError().text();
        inspection.users = query.value(0).toLongLong();
        inspection.articles = query.value(1).toLongLong();
        inspection.comments = query.value(2).toLongLong();
        return {};
    });
    if (!checked)
        return checked.error();
    return inspection;
}

void SqliteBackup::checkpoint(Database &database)
{
    SqlQuery::exec(
        database.connection(), database.dialect(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace blog
