#include "DatabaseUrl.h"

#include <QUrl>

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
        if (!parsed.isValid() || parsed.host().isEmpty())
            return QStringLiteral("invalid PostgreSQL URL");
        url.kind = Kind::Postgres;
        url.host = parsed.host();
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
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

} // namespace blog
