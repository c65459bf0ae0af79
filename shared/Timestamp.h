#pragma once

#include <QDateTime>
#include <QString>

// Timestamps travel and are stored as ISO 8601 UTC with milliseconds: "2026-11-25T19:04:12.123Z".
namespace blog::Timestamp {

QString toString(const QDateTime &time);
QDateTime fromString(const QString &text);
QDateTime now();

} // namespace blog::Timestamp
