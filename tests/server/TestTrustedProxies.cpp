#include "TrustedProxies.h"

#include <QTest>

using namespace blog;

class TestTrustedProxies : public QObject
{
    Q_OBJECT

    static TrustedProxies proxies(const QString &list)
    {
        const auto parsed = TrustedProxies::parse(list);
        if (!parsed)
            qFatal("%s", qPrintable(parsed.error()));
        return *parsed;
    }

private slots:
    void parsesAddressesAndRanges()
    {
        const TrustedProxies trusted = proxies(" 10.0.0.0/8, 127.0.0.1 ,fd00::/8,::1");
        QVERIFY(trusted.contains(QHostAddress("10.1.2.3")));
        QVERIFY(trusted.contains(QHostAddress("127.0.0.1")));
        QVERIFY(!trusted.contains(QHostAddress("127.0.0.2")));
        QVERIFY(trusted.contains(QHostAddress("fd12::1")));
        QVERIFY(trusted.contains(QHostAddress("::1")));
        QVERIFY(!trusted.contains(QHostAddress("11.0.0.1")));
        // A dual-stack socket's IPv4 peer.
        QVERIFY(trusted.contains(QHostAddress("::ffff:10.9.9.9")));
        QVERIFY(proxies("").isEmpty());
    }

    void refusesWhatIsNotAnAddress()
    {
        QVERIFY(!TrustedProxies::parse("nginx").hasValue());
        QVERIFY(!TrustedProxies::parse("10.0.0.0/33").hasValue());
        QVERIFY(!TrustedProxies::parse("127.0.0.1,300.1.1.1").hasValue());
        QVERIFY(TrustedProxies::parse("127.0.0.1,").hasValue());
    }

    void theClientIsTheRightmostUntrustedHop_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QByteArray>("forwarded");
        QTest::addColumn<QString>("client");
        QTest::newRow("direct client, no header")
            << "203.0.113.9" << QByteArray() << QByteArray() << "203.0.113.9";
        // Spoofing: a peer we do not trust may write anything.
        QTest::newRow("untrusted peer's header ignored")
            << "203.0.113.9" << QByteArray("1.2.3.4") << QByteArray() << "203.0.113.9";
        QTest::newRow("proxy, one hop")
            << "127.0.0.1" << QByteArray("198.51.100.7") << QByteArray() << "198.51.100.7";
        // The client may send its own X-Forwarded-For; nginx appends the real address to it.
        QTest::newRow("client-supplied prefix ignored")
            << "127.0.0.1" << QByteArray("6.6.6.6, 198.51.100.7") << QByteArray() << "198.51.100.7";
        QTest::newRow("two trusted hops")
            << "127.0.0.1" << QByteArray("6.6.6.6, 198.51.100.7, 10.0.0.5") << QByteArray() << "198.51.100.7";
        QTest::newRow("all trusted: the leftmost")
            << "127.0.0.1" << QByteArray("10.0.0.7,10.0.0.5") << QByteArray() << "10.0.0.7";
        QTest::newRow("proxy without the header")
            << "127.0.0.1" << QByteArray() << QByteArray() << "127.0.0.1";
        QTest::newRow("garbage stops at the hop that wrote it")
            << "127.0.0.1" << QByteArray("198.51.100.7, <script>") << QByteArray() << "127.0.0.1";
        QTest::newRow("IPv6 hop") << "127.0.0.1" << QByteArray("2001:db8::7") << QByteArray()
                                  << "2001:db8::7";
        QTest::newRow("IPv4 hop with a port")
            << "127.0.0.1" << QByteArray("198.51.100.7:5123") << QByteArray() << "198.51.100.7";
        QTest::newRow("Forwarded for=")
            << "127.0.0.1" << QByteArray() << QByteArray("for=6.6.6.6, for=198.51.100.7;proto=https")
            << "198.51.100.7";
        QTest::newRow("Forwarded quoted IPv6 with port")
            << "127.0.0.1" << QByteArray() << QByteArray("For=\"[2001:db8::7]:4711\"") << "2001:db8::7";
        QTest::newRow("X-Forwarded-For wins over Forwarded")
            << "127.0.0.1" << QByteArray("198.51.100.7") << QByteArray("for=6.6.6.6") << "198.51.100.7";
        QTest::newRow("dual-stack peer")
            << "::ffff:127.0.0.1" << QByteArray("198.51.100.7") << QByteArray() << "198.51.100.7";
    }

    void theClientIsTheRightmostUntrustedHop()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QByteArray, forwarded);
        QFETCH(QString, client);
        const TrustedProxies trusted = proxies("127.0.0.1,10.0.0.0/8");
        QCOMPARE(trusted.clientAddress(QHostAddress(peer), forwardedFor, forwarded), QHostAddress(client));
    }

    void withoutTrustedProxiesTheHeaderNeverCounts()
    {
        const TrustedProxies none;
        QCOMPARE(
            none.clientAddress(QHostAddress("127.0.0.1"), "198.51.100.7", {}), QHostAddress("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "TestTrustedProxies.moc"
