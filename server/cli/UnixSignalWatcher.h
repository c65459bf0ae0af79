#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <csignal>
#include <initializer_list>
#include <memory>

namespace blog {

// Turns SIGINT/SIGTERM into a Qt signal: the handler only writes to a socket pair, the event loop
// reads it (the only async-signal-safe way to reach Qt).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    static void handle(int signalNumber);

    std::unique_ptr<QSocketNotifier> m_notifier;
    static int s_fds[2];
};

} // namespace blog
