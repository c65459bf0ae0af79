#include "CommandLine.h"
#include "Commands.h"
#include "Database.h"
#include "LogSink.h"
#include "SqlDriverPlugins.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <exception>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // glibc's default is up to eight malloc arenas a core, each keeping what was freed in it. Two a core:
    // with only two in all, which threads shared one depended on the order they started, and two HTTP
    // threads on one arena served article details at half the rate (futex waits on the arena lock);
    // resident memory measured the same with 2, 4 and 8 (glibc's MALLOC_ARENA_MAX, when set, decides).
    if (qEnvironmentVariableIsEmpty("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, int(std::max(2U, 2 * std::thread::hardware_concurrency())));
#endif
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
