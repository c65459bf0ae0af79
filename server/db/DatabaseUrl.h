#pragma once

#include "Expected.h"

#include <QString>

namespace blog {

// `sqlite:PATH` or `postgres://USER:PASSWORD@HOST:PORT/DBNAME`.
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;
    // SQLite: "NORMAL" (default) or "FULL", from `sqlite:PATH?synchronous=full`.
    QString synchronous = QStringLiteral("NORMAL");

    static Expected<DatabaseUrl, QString> parse(const QString &text);
    // For logs: never shows the password.
    QString displayString() const;
};

} // namespace blog
