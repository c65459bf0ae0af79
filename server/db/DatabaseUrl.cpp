#include "DatabaseUrl.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace blog {

Expected<DatabaseUrl, QString> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl url;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        url.kind = Kind::Sqlite;
        url.path = text.mid(int(qstrlen("sqlite:")));
        if (url.path.startsWith(QLatin1String("//")))
            url.path = url.path.mid(2);
        const qsizetype query = url.path.indexOf(QLatin1Char('?'));
        if (query >= 0) {
            const QString option = url.path.mid(query + 1).toLower();
            url.path.truncate(query);
            if (option == QLatin1String("synchronous=full"))
                url.synchronous = QStringLiteral("FULL");
            else if (option != QLatin1String("synchronous=normal"))
                return QStringLiteral("unknown SQLite option %1 (synchronous=normal or synchronous=full)")
                    .arg(option);
        }
        if (url.path.isEmpty())
            return QStringLiteral("sqlite: URL without a file path");
        return url;
    }
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        const QUrl parsed(text, QUrl::StrictMode);
        if (!parsed.isValid())
            return QStringLiteral("invalid PostgreSQL URL");
        url.kind = Kind::Postgres;
        url.host = parsed.host();
        const QUrlQuery query(parsed);
        static const QStringList SslModes { QStringLiteral("disable"), QStringLiteral("allow"),
            QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
            QStringLiteral("verify-full") };
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            // libpq's spellings. host: the directory of a server's Unix socket on this machine.
            if (key == QLatin1String("host") && value.startsWith(QLatin1Char('/')) && url.host.isEmpty())
                url.host = value;
            else if (key == QLatin1String("sslmode") && SslModes.contains(value))
                url.sslMode = value;
            else
                return QStringLiteral("unsupported PostgreSQL option %1=%2 (host=/socket/directory without a "
                                      "host before it, or sslmode=%3)")
                    .arg(key, value, SslModes.join(QLatin1Char('|')));
        }
        if (url.host.isEmpty())
            return QStringLiteral("PostgreSQL URL without a host (or ?host=/socket/directory)");
        url.port = parsed.port(5432);
        url.user = parsed.userName(QUrl::FullyDecoded);
        url.password = parsed.password(QUrl::FullyDecoded);
        url.name = parsed.path(QUrl::FullyDecoded).mid(1);
        if (url.name.isEmpty())
            return QStringLiteral("PostgreSQL URL without a database name");
        return url;
    }
    return QStringLiteral(
        "unsupported database URL (use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DBNAME)");
}

QString DatabaseUrl::displayString() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + path
            + (synchronous == QLatin1String("FULL") ? QStringLiteral("?synchronous=full") : QString());
    const QString ssl = sslMode.isEmpty() ? QString() : QStringLiteral("sslmode=") + sslMode;
    if (isUnixSocket())
        return QStringLiteral("postgres://%1@:%2/%3?host=%4").arg(user).arg(port).arg(name, host)
            + (ssl.isEmpty() ? QString() : QLatin1Char('&') + ssl);
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(name)
        + (ssl.isEmpty() ? QString() : QLatin1Char('?') + ssl);
}

} // namespace blog
