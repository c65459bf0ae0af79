#include "TrustedProxies.h"

#include <QByteArray>
#include <QStringList>

namespace blog {

namespace {

// One hop of X-Forwarded-For ("203.0.113.7", "2001:db8::1") or of Forwarded's for= ("203.0.113.7:4711",
// "\"[2001:db8::1]:4711\""). Ports and brackets are dropped; "unknown" or garbage is a null address.
QHostAddress parseHop(QByteArrayView text)
{
    QByteArray hop = text.trimmed().toByteArray();
    if (hop.size() >= 2 && hop.startsWith('"') && hop.endsWith('"'))
        hop = hop.mid(1, hop.size() - 2);
    if (hop.startsWith('[')) {
        const qsizetype close = hop.indexOf(']');
        if (close < 0)
            return {};
        hop = hop.mid(1, close - 1);
    } else if (hop.count(':') == 1) {
        hop.truncate(hop.indexOf(':')); // IPv4 with a port
    }
    QHostAddress address;
    if (hop.isEmpty() || !address.setAddress(QString::fromLatin1(hop)))
        return {};
    return TrustedProxies::normalized(address);
}

// The for= values of a Forwarded header, in order (RFC 7239: hops separated by commas, pairs by
// semicolons).
QList<QByteArray> forwardedFor(QByteArrayView header)
{
    QList<QByteArray> hops;
    for (const QByteArray &element : header.toByteArray().split(',')) {
        QByteArray value;
        for (const QByteArray &pair : element.split(';')) {
            const QByteArray trimmed = pair.trimmed();
            if (trimmed.size() > 4 && trimmed.left(4).toLower() == "for=")
                value = trimmed.mid(4);
        }
        hops.append(value); // an element without for= is a hop we know nothing about
    }
    return hops;
}

} // namespace

Expected<TrustedProxies, QString> TrustedProxies::parse(const QString &list)
{
    TrustedProxies proxies;
    for (const QString &item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString text = item.trimmed();
        if (text.isEmpty())
            continue;
        std::pair<QHostAddress, int> subnet = text.contains(QLatin1Char('/'))
            ? QHostAddress::parseSubnet(text)
            : std::pair<QHostAddress, int> { QHostAddress(text), -1 };
        if (subnet.first.isNull())
            return QStringLiteral("not an address or CIDR range: %1").arg(text);
        subnet.first = normalized(subnet.first);
        if (subnet.second < 0)
            subnet.second = subnet.first.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        proxies.m_subnets.append(subnet);
    }
    return proxies;
}

QHostAddress TrustedProxies::normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 && address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(v4) : address;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    if (m_subnets.isEmpty())
        return false;
    const QHostAddress plain = normalized(address);
    for (const auto &[network, prefix] : m_subnets) {
        if (plain.isInSubnet(network, prefix))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(
    const QHostAddress &peer, QByteArrayView forwardedForHeader, QByteArrayView forwardedHeader) const
{
    const QHostAddress direct = normalized(peer);
    if (!contains(direct))
        return direct;
    QList<QByteArray> hops;
    if (!forwardedForHeader.isEmpty())
        hops = forwardedForHeader.toByteArray().split(',');
    else if (!forwardedHeader.isEmpty())
        hops = forwardedFor(forwardedHeader);
    QHostAddress client = direct;
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QHostAddress address = parseHop(*hop);
        if (address.isNull())
            break; // the trusted hop that wrote this is as far as we can see
        client = address;
        if (!contains(address))
            break;
    }
    return client;
}

} // namespace blog
