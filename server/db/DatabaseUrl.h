#pragma once

#include "Expected.h"

#include <QString>

namespace blog {

// `sqlite:PATH` or `postgres://USER:PASSWORD@HOST:PORT/DBNAME`; a PostgreSQL server on the same machine
// also by its Unix socket, `postgres://USER@:PORT/DBNAME?host=/run/postgresql` (a round trip costs less
// than over TCP, and peer authentication needs no password); `?sslmode=` as libpq's.
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString host; // PostgreSQL: a name or address, or a socket directory (starts with '/')
    int port = 5432;
    QString user;
    QString password;
    QString name;
    QString sslMode; // PostgreSQL: empty (libpq's default) or one of libpq's sslmode values
    // SQLite: "NORMAL" (default) or "FULL", from `sqlite:PATH?synchronous=full`.
    QString synchronous = QStringLiteral("NORMAL");

    static Expected<DatabaseUrl, QString> parse(const QString &text);
    bool isUnixSocket() const { return kind == Kind::Postgres && host.startsWith(QLatin1Char('/')); }
    // For logs: never shows the password.
    QString displayString() const;
};

} // namespace blog
