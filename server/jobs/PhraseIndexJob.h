#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace blog {

class Database;

// Makes the phrase pairs of articles queued by writes that did not make them: rows written by hand, or
// by an older version of the server during a rolling upgrade (PhraseIndex). Runs on a timer while the
// server serves, and once at start.
class PhraseIndexJob : public QObject
{
    Q_OBJECT

public:
    explicit PhraseIndexJob(Database &database, QObject *parent = nullptr);

    void start(std::chrono::milliseconds interval);
    qint64 runOnce();

private:
    Database &m_database;
    QTimer m_timer;
};

} // namespace blog
