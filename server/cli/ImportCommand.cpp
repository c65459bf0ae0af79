#include "Commands.h"
#include "DataTransfer.h"
#include "Database.h"
#include "Migrator.h"
#include "ProgressLine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

namespace blog::Commands {

int importData(const CommandLine::Parsed &parsed)
{
    QTextStream err(stderr);
    QFile file(parsed.from);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "blog-server: cannot read " << parsed.from << ": " << file.errorString() << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    Database database(parsed.config.database);
    Migrator(database).migrate();
    ProgressLine progress;
    const auto imported
        = DataTransfer(database).importFrom(file, [&progress](const DataTransfer::Counts &counts) {
              progress.show(QStringLiteral("imported %1 users, %2 articles, %3 comments")
                                .arg(counts.users)
                                .arg(counts.articles)
                                .arg(counts.comments));
          });
    progress.finish();
    if (!imported) {
        err << "blog-server: " << parsed.from << ": " << imported.error() << "; nothing was imported\n";
        return 1;
    }
    const double seconds = double(timer.elapsed()) / 1000;
    QTextStream out(stdout);
    out << "imported " << imported->users << " users, " << imported->articles << " articles, "
        << imported->comments << " comments into " << parsed.config.database.displayString() << " in "
        << QString::number(seconds, 'f', 2) << " s";
    if (imported->skipped > 0)
        out << " (" << imported->skipped << " lines of unknown kinds skipped)";
    out << '\n';
    return 0;
}

} // namespace blog::Commands
