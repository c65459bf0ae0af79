#include "BusyNeighbours.h"

#include <QThread>

namespace blog::test {

BusyNeighbours::BusyNeighbours(int perCore)
{
    for (int i = 0; i < perCore * QThread::idealThreadCount(); ++i) {
        auto process = std::make_unique<QProcess>();
        process->setStandardOutputFile(QProcess::nullDevice());
        process->start(QStringLiteral("yes"), {});
        if (process->waitForStarted())
            m_processes.push_back(std::move(process));
    }
}

BusyNeighbours::~BusyNeighbours()
{
    stop();
}

void BusyNeighbours::stop()
{
    for (auto &process : m_processes) {
        process->kill();
        process->waitForFinished();
    }
    m_processes.clear();
}

} // namespace blog::test
