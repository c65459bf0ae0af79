#include "Commands.h"
#include "Database.h"
#include "Migrator.h"
#include "OutputFile.h"
#include "SqliteBackup.h"
#include "TransferRepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace blog::Commands {

int restore(const CommandLine::Parsed &parsed)
{
    const DatabaseUrl &url = parsed.config.database;
    QTextStream err(stderr);
    if (url.kind != DatabaseUrl::Kind::Sqlite) {
        err << "blog-server: restore is for SQLite backups; for PostgreSQL use pg_restore on a pg_dump "
               "(see docs/deploy.md), or blog-server import of an export\n";
        return 1;
    }
    const QFileInfo source(parsed.from);
    if (!source.isFile()) {
        err << "blog-server: no backup at " << parsed.from << '\n';
        return 1;
    }
    const QFileInfo target(url.path);
    if (target.exists() && target.canonicalFilePath() == source.canonicalFilePath()) {
        err << "blog-server: the backup is the database itself\n";
        return 1;
    }
    const auto inspection = SqliteBackup::inspect(source.absoluteFilePath());
    if (!inspection) {
        err << "blog-server: " << parsed.from << " cannot be restored: " << inspection.error() << '\n';
        return 1;
    }
    const QList<Migrator::Migration> known = Migrator::available();
    if (!inspection->migrations.isEmpty() && !known.isEmpty()
        && inspection->migrations.last() > known.last().version) {
        err << "blog-server: " << parsed.from << " comes from a newer blog-server (migration "
            << inspection->migrations.last() << ")\n";
        return 1;
    }

    if (target.exists()) {
        Database current(url);
        Migrator(current).migrate();
        const TransferRepository::Counts counts = TransferRepository(current).counts();
        if (counts.users + counts.articles + counts.comments > 0 && !parsed.force) {
            err << "blog-server: " << url.path << " is not empty (" << counts.users << " users, "
                << counts.articles << " articles, " << counts.comments << " comments); --force replaces it\n";
            return 1;
        }
        // Its WAL goes with the old file below; after this it holds nothing the file lacks.
        SqliteBackup::checkpoint(current);
    }

    QDir().mkpath(target.absolutePath());
    OutputFile output(url.path, true);
    if (const QString error = output.create(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    if (const auto copied = SqliteBackup::copyFile(source.absoluteFilePath(), output.temporaryPath());
        !copied) {
        err << "blog-server: cannot copy " << parsed.from << ": " << copied.error() << '\n';
        return 1;
    }
    // A WAL or shared-memory file left beside the new database would be read as its own.
    for (const char *suffix : { "-wal", "-shm" })
        QFile::remove(url.path + QLatin1String(suffix));
    if (const QString error = output.commit(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    Database restored(url);
    const int applied = Migrator(restored).migrate();
    QTextStream(stdout) << "restored " << inspection->users << " users, " << inspection->articles
                        << " articles, " << inspection->comments << " comments from " << parsed.from
                        << " into " << url.displayString() << " (" << applied << " migration(s) applied)\n";
    return 0;
}

} // namespace blog::Commands
