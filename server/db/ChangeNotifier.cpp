#include "ChangeNotifier.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ChangeNotifier::ChangeNotifier(Database &database)
    : m_database(database)
{
}

void ChangeNotifier::listingChanged(Scope scope)
{
    const QString notify = m_database.dialect().notifyListingChanged();
    if (notify.isEmpty())
        return;
    try {
        SqlQuery query(m_database.connection(), m_database.dialect(), notify);
        query.bind(QStringLiteral(":payload"), scope == Scope::Pages ? pagesOnlyPayload() : QString()).exec();
    } catch (const std::exception &error) {
        qCWarning(lcDatabase) << "cannot notify other instances:" << error.what();
    }
}

void ChangeNotifier::commentsAdded(const QList<qint64> &articleAuthors)
{
    const QString notify = m_database.dialect().notifyCommentsAdded();
    if (notify.isEmpty() || articleAuthors.isEmpty())
        return;
    QStringList ids;
    for (const qint64 id : articleAuthors)
        ids.append(QString::number(id));
    QString payload = ids.join(QLatin1Char(','));
    // NOTIFY payloads stop at 8000 bytes; an empty one wakes everyone's notifications instead.
    if (payload.size() > 7900)
        payload.clear();
    try {
        SqlQuery query(m_database.connection(), m_database.dialect(), notify);
        query.bind(QStringLiteral(":payload"), payload).exec();
    } catch (const std::exception &error) {
        qCWarning(lcDatabase) << "cannot notify other instances:" << error.what();
    }
}

} // namespace blog
