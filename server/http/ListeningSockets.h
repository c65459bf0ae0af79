#pragma once

#include "Expected.h"

#include <QHostAddress>
#include <QList>

namespace blog::ListeningSockets {

struct Bound
{
    QList<qintptr> descriptors;
    quint16 port = 0;
};

// `count` listening sockets on one address and port with SO_REUSEPORT, so the kernel spreads new
// connections over our worker threads. Port 0 picks a free port, shared by all of them.
Expected<Bound, QString> open(const QHostAddress &address, quint16 port, int count);
void close(const Bound &bound);

} // namespace blog::ListeningSockets
