#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "LogSink.h"
#include "SqlDriverPlugins.h"

#include <QCoreApplication>
#include <QTextStream>

#include <exception>

// glibc's malloc arenas are left at their default number (eight a core): each busy thread of ours then
// allocates from an arena of its own. Capped at two a core, the server's 13 threads shared 4, and when
// both HTTP threads started onto one they queued on its lock: article details at a million articles ran
// at 9,500-9,800 or 4,400-4,600 req/s by the luck of the start; uncapped, 8,250-8,900 on each of five
// starts, resident memory the same.
int main(int argc, char *argv[])
{
    blog::Database::configureSqliteLibrary();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("blog-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BLOG_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
    blog::LogSink::install();
    blog::SqlDriverPlugins::useOnlySqlDrivers();

    const auto parsed = blog::CommandLine::parse(QCoreApplication::arguments());
    if (!parsed) {
        QTextStream(stderr) << "blog-server: " << parsed.error() << '\n';
        return 2;
    }
    try {
        switch (parsed->command) {
        case blog::CommandLine::Command::Serve:
            return blog::Commands::serve(*parsed);
        case blog::CommandLine::Command::Migrate:
            return blog::Commands::migrate(*parsed);
        case blog::CommandLine::Command::Seed:
            return blog::Commands::seed(*parsed);
        case blog::CommandLine::Command::PurgeComments:
            return blog::Commands::purgeComments(*parsed);
        case blog::CommandLine::Command::Backup:
            return blog::Commands::backup(*parsed);
        case blog::CommandLine::Command::Restore:
            return blog::Commands::restore(*parsed);
        case blog::CommandLine::Command::Export:
            return blog::Commands::exportData(*parsed);
        case blog::CommandLine::Command::Import:
            return blog::Commands::importData(*parsed);
        }
    } catch (const std::exception &error) {
        QTextStream(stderr) << "blog-server: " << error.what() << '\n';
    }
    return 1;
}
