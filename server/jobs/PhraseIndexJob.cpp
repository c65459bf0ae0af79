#include "PhraseIndexJob.h"

#include "PhraseIndex.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

namespace blog {

PhraseIndexJob::PhraseIndexJob(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            runOnce();
        } catch (const std::exception &error) {
            qCWarning(lcJobs) << "phrase index failed, will try again:" << error.what();
        }
    });
}

void PhraseIndexJob::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
}

qint64 PhraseIndexJob::runOnce()
{
    const qint64 indexed = PhraseIndex(m_database).catchUpAll();
    if (indexed > 0)
        qCInfo(lcJobs) << "made the phrase pairs of" << indexed << "article(s) queued by other writers";
    return indexed;
}

} // namespace blog
