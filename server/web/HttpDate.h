#pragma once

#include <QByteArray>
#include <QDateTime>

// HTTP dates (RFC 9110, IMF-fixdate): "Wed, 02 Dec 2026 09:08:30 GMT", for Last-Modified and
// If-Modified-Since.
namespace blog::HttpDate {

QByteArray format(const QDateTime &time);
// Invalid when `text` is not an IMF-fixdate.
QDateTime parse(const QByteArray &text);

} // namespace blog::HttpDate
