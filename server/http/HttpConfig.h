#pragma once

#include "ConnectionPolicy.h"
#include "TrustedProxies.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace blog {

// What the HTTP host needs to know: where to listen, how many threads, what a connection may cost,
// whom to trust and which browser origins may call.
struct HttpConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 3001;
    // Threads answering HTTP, each with its own listening socket and database connection; 0: one a core.
    int workerThreads = 0;
    ConnectionPolicy connections;
    // Proxies whose X-Forwarded-For names the client (for the sign-in limit, the per-address caps and
    // the access log); their own connections count against the total cap only. Empty: no proxy trusted.
    TrustedProxies trustedProxies;
    // Browser origins allowed to call the API (CORS); empty: CORS off.
    QList<QByteArray> corsOrigins;
    struct Endpoint
    {
        QString host;
        quint16 port = 0; // 0: any free port
    };
    // Where Prometheus scrapes GET /metrics; unset: no metrics listener. Never the public port.
    std::optional<Endpoint> metricsListen;
};

} // namespace blog
