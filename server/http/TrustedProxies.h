#pragma once

#include "Expected.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <utility>

namespace blog {

// The reverse proxies (nginx, a load balancer) whose X-Forwarded-For we believe. Behind them every
// connection comes from the proxy's address, so the client is what the proxies say it is; from any
// other peer those headers are whatever the client wrote and are ignored.
class TrustedProxies
{
public:
    TrustedProxies() = default;
    // "CIDR[,CIDR...]": 10.0.0.0/8, 127.0.0.1 (a single address is a /32 or /128), ::1, fd00::/8.
    static Expected<TrustedProxies, QString> parse(const QString &list);

    bool isEmpty() const { return m_subnets.isEmpty(); }
    bool contains(const QHostAddress &address) const;
    // The client behind `peer`: the peer itself unless it is trusted; then, walking X-Forwarded-For (or
    // else the standard Forwarded header's for= values) from the right, the first address that is not a
    // trusted proxy. An entry that is not an address stops the walk at the hop that wrote it.
    QHostAddress clientAddress(
        const QHostAddress &peer, QByteArrayView forwardedFor, QByteArrayView forwarded) const;

    // IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d; compare them as IPv4.
    static QHostAddress normalized(const QHostAddress &address);

private:
    QList<std::pair<QHostAddress, int>> m_subnets;
};

} // namespace blog
