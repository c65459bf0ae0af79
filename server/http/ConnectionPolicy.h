#pragma once

#include <QtGlobal>

#include <chrono>

namespace blog {

// What one client connection may cost us. QtHttpServer 6.4 enforces none of it.
struct ConnectionPolicy
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeaderBytes = 16 * 1024;
    // From the first byte of a request to its last; slower requests get 408 and the connection closes.
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(5);
    // How long a keep-alive connection may sit between requests.
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(30);
    int maxConnections = 2000;
    int maxConnectionsPerAddress = 128;
};

} // namespace blog
