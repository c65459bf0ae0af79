#pragma once

#include "PhraseIndex.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace blog {

class Database;

// Makes the phrase pairs of articles queued by writes that did not make them (PhraseIndex): rows written
// by hand, by an older version of the server during a rolling upgrade, the articles there were when
// migration 0009 ran. Runs soon after start and then on a timer, on the thread that started it, a
// bounded share at a time, so that thread's other timers and a signal to stop wait for one share at most.
class PhraseIndexJob : public QObject
{
    Q_OBJECT

public:
    explicit PhraseIndexJob(Database &database, QObject *parent = nullptr);

    // How many articles one run indexes at most; with more queued, the next run follows at once.
    static constexpr qint64 ShareOfARun = 20 * PhraseIndex::BatchSize;

    void start(std::chrono::milliseconds interval);
    // Returns how many articles it indexed.
    qint64 runOnce();

private:
    void runAndReschedule();

    Database &m_database;
    QTimer m_timer;
};

} // namespace blog
