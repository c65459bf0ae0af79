#include "Timestamp.h"

namespace blog::Timestamp {

QString toString(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromString(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace blog::Timestamp
