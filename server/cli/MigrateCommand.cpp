#include "Commands.h"
#include "Database.h"
#include "Migrator.h"
#include "PhraseIndex.h"

#include <QTextStream>

namespace blog::Commands {

int migrate(const CommandLine::Parsed &parsed)
{
    Database database(parsed.config.database);
    const int applied = Migrator(database).migrate();
    QTextStream out(stdout);
    out << "applied " << applied << " migration(s) to " << parsed.config.database.displayString() << '\n';
    // The queued articles' phrase pairs (migration 0009 queues every article there was), which serve
    // would otherwise make while it serves.
    if (const qint64 indexed = PhraseIndex(database).catchUpQueued(); indexed > 0)
        out << "made the phrase pairs of " << indexed << " article(s)\n";
    return 0;
}

} // namespace blog::Commands
