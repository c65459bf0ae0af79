#include "ChangeNotifier.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QLoggingCategory>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ChangeNotifier::ChangeNotifier(Database &database)
    : m_database(database)
    , m_origin(QUuid::createUuid().toString(QUuid::Id128))
{
}

void ChangeNotifier::listingChanged(Scope scope)
{
    notify(m_database.dialect().notifyListingChanged(),
        { { QStringLiteral(":payload"),
            scope == Scope::Pages ? pagesOnlyPayload() : QStringLiteral("articles") } });
}

void ChangeNotifier::commentsChanged(const QList<qint64> &articleAuthors)
{
    if (articleAuthors.isEmpty()) {
        listingChanged(Scope::Pages);
        return;
    }
    QStringList ids;
    for (const qint64 id : articleAuthors)
        ids.append(QString::number(id));
    QString payload = ids.join(QLatin1Char(','));
    // NOTIFY payloads stop short of 8000 bytes; no ids wake everyone's notifications instead.
    if (payload.size() + originMark().size() + m_origin.size() >= 7999)
        payload.clear();
    notify(m_database.dialect().notifyCommentsAdded(),
        { { QStringLiteral(":pages"), pagesOnlyPayload() }, { QStringLiteral(":payload"), payload } });
}

void ChangeNotifier::notify(const QString &sql, const QList<std::pair<QString, QString>> &payloads)
{
    if (sql.isEmpty())
        return;
    try {
        SqlQuery query(m_database.connection(), m_database.dialect(), sql);
        for (const auto &[placeholder, payload] : payloads)
            query.bind(placeholder, QString(payload + originMark() + m_origin));
        query.exec();
    } catch (const std::exception &error) {
        qCWarning(lcDatabase) << "cannot notify other instances:" << error.what();
    }
}

} // namespace blog
