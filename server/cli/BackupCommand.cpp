#include "Commands.h"
#include "Database.h"
#include "OutputFile.h"
#include "SqliteBackup.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace blog::Commands {

int backup(const CommandLine::Parsed &parsed)
{
    const DatabaseUrl &url = parsed.config.database;
    QTextStream err(stderr);
    if (url.kind != DatabaseUrl::Kind::Sqlite) {
        err << "blog-server: backup copies SQLite databases; for PostgreSQL use pg_dump (pg_dump "
               "--format=custom, restored with pg_restore; see docs/deploy.md), or blog-server export for "
               "a copy either database can import\n";
        return 1;
    }
    if (!QFileInfo(url.path).isFile()) {
        err << "blog-server: no database at " << url.path << '\n';
        return 1;
    }
    OutputFile output(parsed.to, parsed.force);
    if (const QString error = output.create(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    // No migrations here: a backup only reads, and a server may be writing.
    Database database(url);
    SqliteBackup::copy(database, output.temporaryPath());
    database.closeThreadConnection();
    if (const QString error = output.commit(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << "backed up " << url.displayString() << " to " << output.targetPath() << " ("
                        << QString::number(double(QFileInfo(output.targetPath()).size()) / (1 << 20), 'f', 1)
                        << " MiB) in " << QString::number(double(timer.elapsed()) / 1000, 'f', 2) << " s\n";
    return 0;
}

} // namespace blog::Commands
