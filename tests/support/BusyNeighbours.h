#pragma once

#include <QProcess>

#include <memory>
#include <vector>

namespace blog::test {

// CPU-bound processes (`yes`), `perCore` a core, as other programs busy on the same machine: beside them
// a thread at SCHED_IDLE gets almost no CPU (with two a core, none of the moments when the kernel has
// not yet spread one a core either). Stopped when it goes out of scope.
class BusyNeighbours
{
public:
    explicit BusyNeighbours(int perCore = 1);
    ~BusyNeighbours();
    BusyNeighbours(const BusyNeighbours &) = delete;
    BusyNeighbours &operator=(const BusyNeighbours &) = delete;

    void stop();

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace blog::test
