#include "HttpDate.h"

#include <QLocale>

namespace blog::HttpDate {

namespace {
const QString Format = QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'");
} // namespace

QByteArray format(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), Format).toLatin1();
}

QDateTime parse(const QByteArray &text)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()), Format);
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace blog::HttpDate
