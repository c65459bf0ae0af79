#include "BlogServer.h"
#include "Commands.h"
#include "CommentPurgeJob.h"
#include "CommentRepository.h"
#include "Database.h"
#include "LogSink.h"
#include "Migrator.h"
#include "PhraseIndexJob.h"
#include "SecretFile.h"
#include "UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcServe, "blog.serve")

namespace blog::Commands {

namespace {

QString secretPath(const DatabaseUrl &url)
{
    if (url.kind == DatabaseUrl::Kind::Sqlite)
        return QFileInfo(url.path).absoluteDir().filePath(QStringLiteral("jwt-secret"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("jwt-secret"));
}

} // namespace

int serve(const CommandLine::Parsed &parsed)
{
    // Installed first: a stop request that arrives while we start up still stops us gracefully.
    UnixSignalWatcher stopSignals({ SIGINT, SIGTERM });
    bool stopRequested = false;
    QObject::connect(&stopSignals, &UnixSignalWatcher::received, qApp, [&stopRequested](int signal) {
        qCInfo(lcServe) << "signal" << signal << "received, stopping";
        stopRequested = true;
        QCoreApplication::quit();
    });

    ServerConfig config = parsed.config;
    if (config.jwtSecret.isEmpty()) {
        const QString path = secretPath(config.database);
        const auto secret = SecretFile::loadOrCreate(path);
        if (!secret) {
            qCCritical(lcServe).noquote() << secret.error();
            return 1;
        }
        config.jwtSecret = *secret;
        qCInfo(lcServe).noquote() << "JWT key from" << path;
    }

    Database database(config.database);
    const int applied = Migrator(database).migrate();
    qCInfo(lcServe).noquote() << "database" << config.database.displayString() << "ready," << applied
                              << "migration(s) applied";
    // Articles written by hand, by an older version during a rolling upgrade, or there before migration
    // 0009 are queued for their phrase pairs: made once the server listens, and every minute.
    PhraseIndexJob phraseIndex(database);

    BlogServer server(config, database);
    if (const QString error = server.listen(); !error.isEmpty()) {
        qCCritical(lcServe).noquote() << error;
        return 1;
    }

    CommentPurgeJob purge(server.comments(), config.purgeOlderThanDays);
    purge.start(config.purgeInterval);
    phraseIndex.start(std::chrono::minutes(1));
    QTimer logFlush;
    QObject::connect(&logFlush, &QTimer::timeout, [] { LogSink::flush(); });
    logFlush.start(250);
#ifdef __GLIBC__
    // argon2 and bursts of requests leave freed heap behind; hand it back to the OS now and then.
    QTimer trim;
    QObject::connect(&trim, &QTimer::timeout, [] { malloc_trim(0); });
    trim.start(5000);
#endif

    QCoreApplication::processEvents(); // a signal that came during start-up is read here
    const int code = stopRequested ? 0 : QCoreApplication::exec();
    server.stop();
    qCInfo(lcServe) << "stopped";
    return code;
}

} // namespace blog::Commands
