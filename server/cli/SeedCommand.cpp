#include "Commands.h"
#include "Database.h"
#include "DemoSeeder.h"
#include "Migrator.h"
#include "PasswordHasher.h"

#include <QTextStream>

namespace blog::Commands {

int seed(const CommandLine::Parsed &parsed)
{
    Database database(parsed.config.database);
    Migrator(database).migrate();
    const PasswordHasher hasher(parsed.config.hashCost);
    const DemoSeeder::Summary summary = DemoSeeder(database, hasher).seed();
    QTextStream(stdout) << "seeded " << summary.users << " user(s), " << summary.articles << " article(s), "
                        << summary.comments << " comment(s)\n";
    return 0;
}

} // namespace blog::Commands
