#include "SideConnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace blog::test {

SideConnection::SideConnection(const DatabaseUrl &url)
    : m_kind(url.kind)
    , m_name(QStringLiteral("side-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = db.open();
    } else {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.name);
        m_open = db.open();
    }
}

SideConnection::~SideConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool SideConnection::exec(const QString &sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    qWarning().noquote() << "side connection:" << sql << "failed:" << query.lastError().text();
    return false;
}

QVariant SideConnection::scalar(const QString &sql, const QVariant &bound) const
{
    const QVariantList values = row(sql, bound);
    return values.isEmpty() ? QVariant() : values.first();
}

QVariantList SideConnection::row(const QString &sql, const QVariant &bound) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.prepare(sql))
        return {};
    if (bound.isValid())
        query.addBindValue(bound);
    if (!query.exec() || !query.next())
        return {};
    QVariantList values;
    for (int i = 0; i < query.record().count(); ++i)
        values.append(query.value(i));
    return values;
}

QStringList SideConnection::rows(const QString &sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    QStringList result;
    if (!query.exec(sql))
        return { QStringLiteral("<query failed>") };
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).toString());
        result.append(columns.join(QLatin1Char('|')));
    }
    return result;
}

bool SideConnection::hasView(const QString &name) const
{
    const QString sql = m_kind == DatabaseUrl::Kind::Sqlite
        ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = ?")
        : QStringLiteral("SELECT count(*) FROM information_schema.views WHERE table_name = ?");
    return scalar(sql, name).toInt() == 1;
}

} // namespace blog::test
