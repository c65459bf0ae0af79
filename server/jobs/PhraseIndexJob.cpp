#include "PhraseIndexJob.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

namespace blog {

PhraseIndexJob::PhraseIndexJob(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    connect(&m_timer, &QTimer::timeout, this, &PhraseIndexJob::runAndReschedule);
}

void PhraseIndexJob::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    QTimer::singleShot(0, this, &PhraseIndexJob::runAndReschedule);
}

void PhraseIndexJob::runAndReschedule()
{
    try {
        if (runOnce() >= ShareOfARun)
            QTimer::singleShot(0, this, &PhraseIndexJob::runAndReschedule);
    } catch (const std::exception &error) {
        qCWarning(lcJobs) << "phrase index failed, will try again:" << error.what();
    }
}

qint64 PhraseIndexJob::runOnce()
{
    const qint64 indexed = PhraseIndex(m_database).catchUpQueued(ShareOfARun);
    if (indexed > 0)
        qCInfo(lcJobs) << "made the phrase pairs of" << indexed << "article(s) queued by other writers";
    return indexed;
}

} // namespace blog
