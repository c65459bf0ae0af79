#include "Commands.h"
#include "CommentPurgeJob.h"
#include "CommentRepository.h"
#include "Database.h"
#include "Migrator.h"

#include <QTextStream>

namespace blog::Commands {

int purgeComments(const CommandLine::Parsed &parsed)
{
    Database database(parsed.config.database);
    Migrator(database).migrate();
    CommentRepository comments(database);
    const int removed = CommentPurgeJob(comments, parsed.olderThanDays).runOnce();
    QTextStream(stdout) << "removed " << removed << " comment(s) deleted more than " << parsed.olderThanDays
                        << " day(s) ago\n";
    return 0;
}

} // namespace blog::Commands
