#include "ListeningSockets.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace blog::ListeningSockets {

namespace {

// A listening socket; `shared`: with SO_REUSEPORT, so that our other threads' sockets can join it.
Expected<qintptr, QString> openOne(const QHostAddress &address, quint16 port, bool shared)
{
    const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return QString::fromLocal8Bit(strerror(errno));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (shared)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
    int result;
    if (ipv6) {
        sockaddr_in6 addr {};
        addr.sin6_family = AF_INET6;
        addr.sin6_port = htons(port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&addr.sin6_addr, &raw, sizeof(raw));
        result = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    } else {
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(address.toIPv4Address());
        result = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    }
    if (result != 0 || ::listen(fd, SOMAXCONN) != 0) {
        const QString message = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return message;
    }
    return qintptr(fd);
}

quint16 portOf(qintptr fd)
{
    sockaddr_storage addr {};
    socklen_t length = sizeof(addr);
    if (::getsockname(int(fd), reinterpret_cast<sockaddr *>(&addr), &length) != 0)
        return 0;
    if (addr.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&addr)->sin_port);
}

} // namespace

Expected<Bound, QString> open(const QHostAddress &address, quint16 port, int count)
{
    Bound bound;
    bound.port = port;
    // The kernel would let sockets of another process of ours join a port shared with SO_REUSEPORT
    // and take part of its connections: a socket that does not share finds out whether anyone listens.
    if (port != 0) {
        const auto probe = openOne(address, port, false);
        if (!probe) {
            return QStringLiteral("cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(probe.error());
        }
        ::close(int(*probe));
    }
    for (int i = 0; i < count; ++i) {
        auto fd = openOne(address, bound.port, true);
        if (!fd) {
            close(bound);
            return QStringLiteral("cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(bound.port)
                .arg(fd.error());
        }
        bound.descriptors.append(*fd);
        if (bound.port == 0)
            bound.port = portOf(*fd);
    }
    return bound;
}

void close(const Bound &bound)
{
    for (const qintptr fd : bound.descriptors)
        ::close(int(fd));
}

} // namespace blog::ListeningSockets
