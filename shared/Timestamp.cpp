#include "Timestamp.h"

#include <chrono>
#include <optional>

namespace blog::Timestamp {

// Every answer carries timestamps and every row read parses them; QDateTime's own ISO formatting and
// parsing went through its generic format machinery and cost ~6 % of a profile request (perf). The
// fixed layout "YYYY-MM-DDTHH:MM:SS.mmmZ" is done by hand with <chrono>'s civil calendar; anything
// else (other years, offsets, no milliseconds) still goes to Qt.

namespace {

using namespace std::chrono;

constexpr qsizetype FixedLength = 24; // "2026-11-25T19:04:12.123Z"

bool readDigits(const QChar *text, int count, int &value)
{
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        value = value * 10 + int(c - u'0');
    }
    return true;
}

void writeDigits(char *text, int count, int value)
{
    for (int i = count - 1; i >= 0; --i, value /= 10)
        text[i] = char('0' + value % 10);
}

std::optional<QDateTime> parseFixed(const QString &text)
{
    if (text.size() != FixedLength)
        return std::nullopt;
    const QChar *c = text.constData();
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':' || c[19] != u'.'
        || c[23] != u'Z')
        return std::nullopt;
    int y, mo, d, h, mi, s, ms;
    if (!readDigits(c, 4, y) || !readDigits(c + 5, 2, mo) || !readDigits(c + 8, 2, d)
        || !readDigits(c + 11, 2, h) || !readDigits(c + 14, 2, mi) || !readDigits(c + 17, 2, s)
        || !readDigits(c + 20, 3, ms))
        return std::nullopt;
    const year_month_day date { year { y }, month { unsigned(mo) }, day { unsigned(d) } };
    if (!date.ok() || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    const milliseconds sinceEpoch = sys_days { date }.time_since_epoch() + hours { h } + minutes { mi }
        + seconds { s } + milliseconds { ms };
    return QDateTime::fromMSecsSinceEpoch(sinceEpoch.count(), Qt::UTC);
}

} // namespace

QString toString(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const sys_time<milliseconds> point { milliseconds { time.toMSecsSinceEpoch() } };
    const sys_days midnight = floor<days>(point);
    const year_month_day date { midnight };
    if (date.year() < year { 0 } || date.year() > year { 9999 })
        return time.toUTC().toString(Qt::ISODateWithMs);
    const hh_mm_ss clock { point - midnight };
    char text[FixedLength];
    writeDigits(text, 4, int(date.year()));
    text[4] = '-';
    writeDigits(text + 5, 2, int(unsigned(date.month())));
    text[7] = '-';
    writeDigits(text + 8, 2, int(unsigned(date.day())));
    text[10] = 'T';
    writeDigits(text + 11, 2, int(clock.hours().count()));
    text[13] = ':';
    writeDigits(text + 14, 2, int(clock.minutes().count()));
    text[16] = ':';
    writeDigits(text + 17, 2, int(clock.seconds().count()));
    text[19] = '.';
    writeDigits(text + 20, 3, int(clock.subseconds().count()));
    text[23] = 'Z';
    return QString::fromLatin1(text, FixedLength);
}

QDateTime fromString(const QString &text)
{
    if (const std::optional<QDateTime> fixed = parseFixed(text))
        return *fixed;
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
