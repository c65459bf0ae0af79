#include "ChangeListener.h"

#include "ChangeNotifier.h"
#include "Database.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

namespace {

QList<qint64> idsOf(const QString &payload)
{
    QList<qint64> ids;
    for (const QStringView part : QStringView(payload).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok)
            ids.append(id);
    }
    return ids;
}

// A payload's origin (after ChangeNotifier::originMark(); none from older versions) and what precedes it.
std::pair<QString, QString> originAndBody(const QString &payload)
{
    const QString mark = ChangeNotifier::originMark();
    const qsizetype at = payload.lastIndexOf(mark);
    if (at < 0)
        return { QString(), payload };
    return { payload.mid(at + mark.size()), payload.left(at) };
}

} // namespace

ChangeListener::ChangeListener(Database &database, const QString &ownOrigin, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ownOrigin(ownOrigin)
    , m_connectionName(QStringLiteral("blog-listener-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

ChangeListener::~ChangeListener()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

void ChangeListener::start()
{
    if (m_database.url().kind != DatabaseUrl::Kind::Postgres)
        return;
    subscribe();
    m_healthCheck = new QTimer(this);
    connect(m_healthCheck, &QTimer::timeout, this, &ChangeListener::checkConnection);
    m_healthCheck->start(1000);
}

bool ChangeListener::subscribe()
{
    QSqlDatabase db = m_database.openDedicated(m_connectionName);
    if (!db.isOpen())
        return m_subscribed = false;
    QObject::disconnect(db.driver(), nullptr, this, nullptr);
    connect(db.driver(), &QSqlDriver::notification, this,
        [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
            const auto [origin, body] = originAndBody(payload.toString());
            if (!m_ownOrigin.isEmpty() && origin == m_ownOrigin)
                return;
            if (channel == SqlDialect::listingChannel())
                emit changed(body != ChangeNotifier::pagesOnlyPayload());
            else if (channel == SqlDialect::commentsChannel())
                emit commentsAdded(idsOf(body));
        });
    m_subscribed = db.driver()->subscribeToNotification(SqlDialect::listingChannel())
        && db.driver()->subscribeToNotification(SqlDialect::commentsChannel());
    if (!m_subscribed)
        qCWarning(lcDatabase) << "cannot LISTEN:" << db.driver()->lastError().text();
    return m_subscribed;
}

void ChangeListener::checkConnection()
{
    bool alive = false;
    if (m_subscribed && QSqlDatabase::contains(m_connectionName)) {
        QSqlQuery ping(QSqlDatabase::database(m_connectionName, false));
        alive = ping.exec(QStringLiteral("SELECT 1"));
    }
    if (alive)
        return;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (subscribe()) {
        qCInfo(lcDatabase) << "listening for changes again";
        emit changed(true);
        emit commentsAdded({});
    }
}

} // namespace blog
