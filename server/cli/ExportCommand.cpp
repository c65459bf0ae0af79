#include "Commands.h"
#include "DataTransfer.h"
#include "Database.h"
#include "Migrator.h"
#include "OutputFile.h"
#include "ProgressLine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace blog::Commands {

int exportData(const CommandLine::Parsed &parsed)
{
    const DatabaseUrl &url = parsed.config.database;
    QTextStream err(stderr);
    if (url.kind == DatabaseUrl::Kind::Sqlite && !QFileInfo(url.path).isFile()) {
        err << "blog-server: no database at " << url.path << '\n';
        return 1;
    }
    OutputFile output(parsed.to, parsed.force);
    if (const QString error = output.create(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    QFile file(output.temporaryPath());
    if (!file.open(QIODevice::WriteOnly)) {
        err << "blog-server: cannot write " << file.fileName() << ": " << file.errorString() << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    Database database(url);
    Migrator(database).migrate();
    ProgressLine progress;
    const auto exported
        = DataTransfer(database).exportTo(file, [&progress](const DataTransfer::Counts &counts) {
              progress.show(QStringLiteral("exported %1 users, %2 articles, %3 comments")
                                .arg(counts.users)
                                .arg(counts.articles)
                                .arg(counts.comments));
          });
    progress.finish();
    file.close();
    if (!exported) {
        err << "blog-server: " << exported.error() << '\n';
        return 1;
    }
    if (file.error() != QFileDevice::NoError) {
        err << "blog-server: cannot write " << file.fileName() << ": " << file.errorString() << '\n';
        return 1;
    }
    if (const QString error = output.commit(); !error.isEmpty()) {
        err << "blog-server: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << "exported " << exported->users << " users, " << exported->articles << " articles, "
                        << exported->comments << " comments to " << output.targetPath() << " in "
                        << QString::number(double(timer.elapsed()) / 1000, 'f', 2) << " s\n";
    return 0;
}

} // namespace blog::Commands
