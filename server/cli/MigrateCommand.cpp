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
    // Articles written by hand (or copied in by SQL) have no phrase pairs yet; serve would make them at
    // start.
    if (const qint64 indexed = PhraseIndex(database).catchUpAll(); indexed > 0)
        out << "made the phrase pairs of " << indexed << " article(s)\n";
    return 0;
}

} // namespace blog::Commands
