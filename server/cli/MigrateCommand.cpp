#include "Commands.h"
#include "Database.h"
#include "Migrator.h"

#include <QTextStream>

namespace blog::Commands {

int migrate(const CommandLine::Parsed &parsed)
{
    Database database(parsed.config.database);
    const int applied = Migrator(database).migrate();
    QTextStream(stdout) << "applied " << applied << " migration(s) to "
                        << parsed.config.database.displayString() << '\n';
    return 0;
}

} // namespace blog::Commands
