#include "CommandLine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHostAddress>
#include <QStandardPaths>
#include <QUrl>

namespace blog {

QString CommandLine::defaultDatabaseUrl()
{
    return QStringLiteral("sqlite:")
        + QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
              .filePath(QStringLiteral("blog.sqlite"));
}

Expected<ServerConfig::Endpoint, QString> CommandLine::parseEndpoint(const QString &text)
{
    // ADDRESS:PORT, an IPv6 address in brackets; a name is refused (it could resolve to the public address).
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return QStringLiteral("expected ADDRESS:PORT, e.g. 127.0.0.1:9101");
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (QHostAddress(host).isNull())
        return QStringLiteral("not an IP address: %1").arg(host);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return QStringLiteral("the port must be 0 to 65535");
    return ServerConfig::Endpoint { host, quint16(port) };
}

Expected<CommandLine::Parsed, QString> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The blog's REST API server.\n\n"
        "Commands:\n"
        "  serve                run pending migrations, then serve the API (the default)\n"
        "  migrate              run pending migrations, index articles written by hand, and exit\n"
        "  seed                 migrate, then add the demo data (idempotent)\n"
        "  purge-comments       remove comments soft-deleted more than --older-than days ago\n"
        "  backup --to FILE     a consistent copy of a SQLite database, also while it serves (PostgreSQL:\n"
        "                       pg_dump)\n"
        "  restore --from FILE  a backup into an empty SQLite database (--force: replace a non-empty one;\n"
        "                       PostgreSQL: pg_restore); stop the servers first\n"
        "  export --to FILE     users, articles and comments as JSON Lines, ids kept (SQLite or PostgreSQL)\n"
        "  import --from FILE   an export into an empty database, all or nothing\n"
        "Backups and exports hold password hashes: they are written with mode 0600.\n\n"
        "Environment: BLOG_DATABASE_URL, BLOG_HOST, BLOG_PORT, BLOG_TRUSTED_PROXIES, BLOG_METRICS_LISTEN, "
        "BLOG_JWT_SECRET (the HMAC key; without it a "
        "random\n"
        "key is kept in a 0600 file jwt-secret beside the SQLite file or in the data directory)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("serve | migrate | seed | purge-comments | backup | restore | export | import"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on."),
        QStringLiteral("address"), qEnvironmentVariable("BLOG_HOST", QStringLiteral("127.0.0.1")));
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("Port to listen on (0: any free port)."), QStringLiteral("port"),
        qEnvironmentVariable("BLOG_PORT", QStringLiteral("3001")));
    const QCommandLineOption database(QStringLiteral("database"),
        QStringLiteral("sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DBNAME (?sslmode=MODE; "
                       "postgres://USER@/DBNAME?host=/socket/dir on the same machine)."),
        QStringLiteral("url"), qEnvironmentVariable("BLOG_DATABASE_URL", defaultDatabaseUrl()));
    const QCommandLineOption olderThan(QStringLiteral("older-than"),
        QStringLiteral("purge-comments: age in days of the deletions to purge; serve: "
                       "the same for the hourly job."),
        QStringLiteral("days"), QStringLiteral("30"));
    const QCommandLineOption purgeInterval(QStringLiteral("purge-interval"),
        QStringLiteral("serve: minutes between comment purges."), QStringLiteral("minutes"),
        QStringLiteral("60"));
    const QCommandLineOption tokenDays(QStringLiteral("token-days"),
        QStringLiteral("Lifetime of issued tokens in days."), QStringLiteral("days"),
        qEnvironmentVariable("BLOG_TOKEN_DAYS", QStringLiteral("7")));
    const QCommandLineOption workers(QStringLiteral("workers"),
        QStringLiteral("HTTP threads (0: one a core)."), QStringLiteral("count"), QStringLiteral("0"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        QStringLiteral("Largest accepted body in bytes."), QStringLiteral("bytes"),
        QStringLiteral("1048576"));
    const QCommandLineOption requestTimeout(QStringLiteral("request-timeout"),
        QStringLiteral("Seconds a request may take to arrive (then 408)."), QStringLiteral("seconds"),
        QStringLiteral("5"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
        QStringLiteral("Seconds an idle keep-alive connection stays open."), QStringLiteral("seconds"),
        QStringLiteral("30"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
        QStringLiteral("Open connections in all (then 503)."), QStringLiteral("count"),
        QStringLiteral("2000"));
    const QCommandLineOption maxPerAddress(QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections from one client address."), QStringLiteral("count"),
        QStringLiteral("128"));
    const QCommandLineOption signInLimit(QStringLiteral("sign-in-limit"),
        QStringLiteral("Sign-in attempts a minute per client address (per e-mail: a third)."),
        QStringLiteral("count"), QStringLiteral("30"));
    const QCommandLineOption corsOrigins(QStringLiteral("cors-origins"),
        QStringLiteral("Comma-separated origins allowed to call the API from a browser "
                       "(default: none, CORS off)."),
        QStringLiteral("origins"), qEnvironmentVariable("BLOG_CORS_ORIGINS"));
    const QCommandLineOption trustedProxies(QStringLiteral("trusted-proxies"),
        QStringLiteral("Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For "
                       "names the client (default: none)."),
        QStringLiteral("cidrs"), qEnvironmentVariable("BLOG_TRUSTED_PROXIES"));
    const QCommandLineOption hashingQueue(QStringLiteral("hashing-queue"),
        QStringLiteral("Sign-ins and sign-ups waiting for password hashing at most (then 503)."),
        QStringLiteral("count"), QStringLiteral("64"));
    const QCommandLineOption searchQueue(QStringLiteral("search-queue"),
        QStringLiteral("Searches not in the cache waiting or running at most (then 503)."),
        QStringLiteral("count"), QStringLiteral("64"));
    const QCommandLineOption searchTimeLimit(QStringLiteral("search-time-limit"),
        QStringLiteral("Milliseconds of database time a search may take before it is stopped (503)."),
        QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption metricsListen(QStringLiteral("metrics-listen"),
        QStringLiteral("Serve Prometheus metrics (GET /metrics) on ADDRESS:PORT, e.g. 127.0.0.1:9101 or "
                       "[::1]:9101; never the public port (default: off)."),
        QStringLiteral("address:port"), qEnvironmentVariable("BLOG_METRICS_LISTEN"));
    const QCommandLineOption publicUrl(QStringLiteral("public-url"),
        QStringLiteral("The web pages' origin for canonical links, feeds and the sitemap, e.g. "
                       "https://blog.example (default: each request's Host)."),
        QStringLiteral("url"), qEnvironmentVariable("BLOG_PUBLIC_URL"));
    const QCommandLineOption siteName(QStringLiteral("site-name"),
        QStringLiteral("The blog's name on its web pages and feeds."), QStringLiteral("name"),
        qEnvironmentVariable("BLOG_SITE_NAME", QStringLiteral("Blog")));
    const QCommandLineOption to(QStringLiteral("to"),
        QStringLiteral("backup, export: the file to write (refused if it exists, unless --force)."),
        QStringLiteral("file"));
    const QCommandLineOption from(
        QStringLiteral("from"), QStringLiteral("restore, import: the file to read."), QStringLiteral("file"));
    const QCommandLineOption force(QStringLiteral("force"),
        QStringLiteral("backup, export: replace an existing --to file; restore: replace a database that "
                       "is not empty."));
    parser.addOptions({ host, port, database, olderThan, purgeInterval, tokenDays, workers, maxBody,
        requestTimeout, idleTimeout, maxConnections, maxPerAddress, signInLimit, corsOrigins, trustedProxies,
        hashingQueue, searchQueue, searchTimeLimit, metricsListen, publicUrl, siteName, to, from, force });
    parser.process(arguments);

    Parsed parsed;
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    if (positional.size() > 1)
        return QStringLiteral("one command at a time, got: %1").arg(positional.join(QLatin1Char(' ')));
    if (command == QLatin1String("serve"))
        parsed.command = Command::Serve;
    else if (command == QLatin1String("migrate"))
        parsed.command = Command::Migrate;
    else if (command == QLatin1String("seed"))
        parsed.command = Command::Seed;
    else if (command == QLatin1String("purge-comments"))
        parsed.command = Command::PurgeComments;
    else if (command == QLatin1String("backup"))
        parsed.command = Command::Backup;
    else if (command == QLatin1String("restore"))
        parsed.command = Command::Restore;
    else if (command == QLatin1String("export"))
        parsed.command = Command::Export;
    else if (command == QLatin1String("import"))
        parsed.command = Command::Import;
    else
        return QStringLiteral("unknown command: %1 (see --help)").arg(command);
    parsed.to = parser.value(to);
    parsed.from = parser.value(from);
    parsed.force = parser.isSet(force);
    const bool writes = parsed.command == Command::Backup || parsed.command == Command::Export;
    const bool reads = parsed.command == Command::Restore || parsed.command == Command::Import;
    if (writes && parsed.to.isEmpty())
        return QStringLiteral("%1 needs --to FILE").arg(command);
    if (reads && parsed.from.isEmpty())
        return QStringLiteral("%1 needs --from FILE").arg(command);
    if ((!writes && parser.isSet(to)) || (!reads && parser.isSet(from)))
        return QStringLiteral("%1 takes no %2")
            .arg(command, parser.isSet(to) ? QStringLiteral("--to") : QStringLiteral("--from"));

    const auto number
        = [&parser](const QCommandLineOption &option, qint64 min, qint64 max) -> std::optional<qint64> {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < min || value > max)
            return std::nullopt;
        return value;
    };
    ServerConfig &config = parsed.config;
    config.host = parser.value(host);
    const auto portValue = number(port, 0, 65535);
    const auto olderThanValue = number(olderThan, 0, 36500);
    const auto intervalValue = number(purgeInterval, 1, 525600);
    const auto tokenValue = number(tokenDays, 1, 3650);
    const auto workersValue = number(workers, 0, 256);
    const auto maxBodyValue = number(maxBody, 1024, qint64(1) << 30);
    if (!portValue)
        return QStringLiteral("--port must be 0 to 65535");
    if (!olderThanValue)
        return QStringLiteral("--older-than must be a number of days");
    if (!intervalValue)
        return QStringLiteral("--purge-interval must be a number of minutes");
    if (!tokenValue)
        return QStringLiteral("--token-days must be 1 to 3650");
    if (!workersValue)
        return QStringLiteral("--workers must be 0 to 256");
    if (!maxBodyValue)
        return QStringLiteral("--max-body must be 1024 bytes to 1 GiB");
    const auto requestTimeoutValue = number(requestTimeout, 1, 3600);
    const auto idleTimeoutValue = number(idleTimeout, 1, 86400);
    const auto maxConnectionsValue = number(maxConnections, 1, 1000000);
    const auto maxPerAddressValue = number(maxPerAddress, 1, 1000000);
    const auto signInLimitValue = number(signInLimit, 1, 1000000);
    const auto hashingQueueValue = number(hashingQueue, 1, 100000);
    if (!hashingQueueValue)
        return QStringLiteral("--hashing-queue must be 1 to 100000");
    config.hashingQueueLimit = int(*hashingQueueValue);
    const auto searchQueueValue = number(searchQueue, 1, 100000);
    if (!searchQueueValue)
        return QStringLiteral("--search-queue must be 1 to 100000");
    config.searchQueueLimit = int(*searchQueueValue);
    const auto searchTimeLimitValue = number(searchTimeLimit, 10, 600000);
    if (!searchTimeLimitValue)
        return QStringLiteral("--search-time-limit must be 10 to 600000 milliseconds");
    config.searchTimeLimit = std::chrono::milliseconds(*searchTimeLimitValue);
    if (!requestTimeoutValue || !idleTimeoutValue)
        return QStringLiteral("--request-timeout and --idle-timeout are whole seconds");
    if (!maxConnectionsValue || !maxPerAddressValue || !signInLimitValue)
        return QStringLiteral(
            "--max-connections, --max-connections-per-address and --sign-in-limit are positive counts");
    config.connections.requestTimeout = std::chrono::seconds(*requestTimeoutValue);
    config.connections.idleTimeout = std::chrono::seconds(*idleTimeoutValue);
    config.connections.maxConnections = int(*maxConnectionsValue);
    config.connections.maxConnectionsPerAddress = int(*maxPerAddressValue);
    config.signInAttemptsPerMinute = int(*signInLimitValue);
    for (const QString &origin : parser.value(corsOrigins).split(QLatin1Char(','), Qt::SkipEmptyParts))
        config.corsOrigins.append(origin.trimmed().toUtf8());
    const auto proxies = TrustedProxies::parse(parser.value(trustedProxies));
    if (!proxies)
        return QStringLiteral("--trusted-proxies: %1").arg(proxies.error());
    config.trustedProxies = *proxies;
    config.port = quint16(*portValue);
    if (const QString url = parser.value(publicUrl).trimmed(); !url.isEmpty()) {
        const QUrl parsedUrl(url, QUrl::StrictMode);
        if (!parsedUrl.isValid()
            || (parsedUrl.scheme() != QLatin1String("http") && parsedUrl.scheme() != QLatin1String("https"))
            || parsedUrl.host().isEmpty()
            || !parsedUrl.path(QUrl::FullyEncoded).remove(QLatin1Char('/')).isEmpty() || parsedUrl.hasQuery()
            || parsedUrl.hasFragment())
            return QStringLiteral("--public-url %1: an origin such as https://blog.example").arg(url);
        config.publicUrl = parsedUrl.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash);
    }
    config.siteName = parser.value(siteName).trimmed();
    if (config.siteName.isEmpty() || config.siteName.size() > 100)
        return QStringLiteral("--site-name: 1 to 100 characters");
    if (const QString endpoint = parser.value(metricsListen).trimmed(); !endpoint.isEmpty()) {
        const auto metrics = parseEndpoint(endpoint);
        if (!metrics)
            return QStringLiteral("--metrics-listen %1: %2").arg(endpoint, metrics.error());
        if (metrics->port != 0 && metrics->port == config.port)
            return QStringLiteral("--metrics-listen %1: the metrics need a port of their own, not the public "
                                  "port %2")
                .arg(endpoint)
                .arg(config.port);
        config.metricsListen = *metrics;
    }
    parsed.olderThanDays = int(*olderThanValue);
    config.purgeOlderThanDays = int(*olderThanValue);
    config.purgeInterval = std::chrono::minutes(*intervalValue);
    config.tokenLifetime = std::chrono::hours(24 * *tokenValue);
    config.workerThreads = int(*workersValue);
    config.connections.maxBodyBytes = *maxBodyValue;
    const auto url = DatabaseUrl::parse(parser.value(database));
    if (!url)
        return url.error();
    config.database = *url;
    config.jwtSecret = qgetenv("BLOG_JWT_SECRET");
    return parsed;
}

} // namespace blog
