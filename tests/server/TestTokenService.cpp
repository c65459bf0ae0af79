#include "HandMadeToken.h"
#include "TokenService.h"
#include "VerifiedTokenCache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace blog;
using namespace blog::test;

class TestTokenService : public QObject
{
    Q_OBJECT

    const QByteArray m_secret = QByteArray(32, 's');
    TokenService m_tokens { m_secret, std::chrono::hours(1) };
    qint64 now() const { return QDateTime::currentSecsSinceEpoch(); }

private slots:
    void issuedTokensVerify() { QCOMPARE(m_tokens.verify(m_tokens.issue(42)), std::optional<qint64>(42)); }

    void handMadeHs256IsAccepted()
    {
        const QString token = handMadeToken({ { "alg", "HS256" }, { "typ", "JWT" } },
            { { "id", 5 }, { "exp", now() + 60 } }, m_secret, QCryptographicHash::Sha256);
        QCOMPARE(m_tokens.verify(token), std::optional<qint64>(5));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("token");
        const QJsonObject hs256 { { "alg", "HS256" }, { "typ", "JWT" } };
        const QJsonObject valid { { "id", 5 }, { "exp", now() + 60 } };
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << "abc";
        QTest::newRow("expired") << m_tokens.issue(5, now() - 100, now() - 1);
        QTest::newRow("no exp") << handMadeToken(
            hs256, { { "id", 5 } }, m_secret, QCryptographicHash::Sha256);
        QTest::newRow("no id") << handMadeToken(
            hs256, { { "exp", now() + 60 } }, m_secret, QCryptographicHash::Sha256);
        QTest::newRow("id zero") << handMadeToken(
            hs256, { { "id", 0 }, { "exp", now() + 60 } }, m_secret, QCryptographicHash::Sha256);
        QTest::newRow("id as string") << handMadeToken(
            hs256, { { "id", "5" }, { "exp", now() + 60 } }, m_secret, QCryptographicHash::Sha256);
        QTest::newRow("other secret")
            << handMadeToken(hs256, valid, QByteArray(32, 'x'), QCryptographicHash::Sha256);
        QTest::newRow("HS512 with our secret") << handMadeToken(
            { { "alg", "HS512" }, { "typ", "JWT" } }, valid, m_secret, QCryptographicHash::Sha512);
        QTest::newRow("HS384 with our secret") << handMadeToken(
            { { "alg", "HS384" }, { "typ", "JWT" } }, valid, m_secret, QCryptographicHash::Sha384);
        const QByteArray noneToken = base64Url(R"({"alg":"none","typ":"JWT"})") + '.'
            + base64Url(QJsonDocument(valid).toJson(QJsonDocument::Compact)) + '.';
        QTest::newRow("alg none") << QString::fromLatin1(noneToken);
        QString tampered = m_tokens.issue(5);
        tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
        QTest::newRow("tampered signature") << tampered;
        const QString issued = m_tokens.issue(5);
        const QStringList parts = issued.split('.');
        const QByteArray otherPayload = base64Url(
            QJsonDocument(QJsonObject { { "id", 1 }, { "exp", now() + 60 } }).toJson(QJsonDocument::Compact));
        QTest::newRow("swapped payload")
            << parts[0] + '.' + QString::fromLatin1(otherPayload) + '.' + parts[2];
        QTest::newRow("oversized") << QString(5000, 'a');
    }

    void rejects()
    {
        QFETCH(QString, token);
        QCOMPARE(m_tokens.verify(token), std::nullopt);
    }

    void refusesAnEmptySecret()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TokenService(QByteArray(), std::chrono::hours(1)));
    }

    void lifetimeIsConfigurable()
    {
        const TokenService shortLived(m_secret, std::chrono::seconds(1));
        const QString token = shortLived.issue(3);
        QCOMPARE(shortLived.verify(token), std::optional<qint64>(3));
        QCOMPARE(shortLived.verify(token), std::optional<qint64>(3)); // now from the cache
        QTest::qWait(2100);
        QCOMPARE(shortLived.verify(token), std::nullopt);
    }

    void verifiedTokensAreRememberedUntilTheyExpire()
    {
        VerifiedTokenCache cache(3);
        cache.remember("a", 1, 100);
        QCOMPARE(cache.find("a", 99), std::optional<qint64>(1));
        QCOMPARE(cache.find("a", 100), std::nullopt);
        QCOMPARE(cache.find("b", 50), std::nullopt);
    }

    void verifiedTokensAreBounded()
    {
        VerifiedTokenCache cache(3);
        for (int i = 1; i <= 3; ++i)
            cache.remember(QByteArray::number(i), i, 100);
        QCOMPARE(cache.find("3", 0), std::optional<qint64>(3));
        cache.remember("4", 4, 100); // full: starts over with this one
        QCOMPARE(cache.find("4", 0), std::optional<qint64>(4));
        QCOMPARE(cache.find("1", 0), std::nullopt);
        QCOMPARE(cache.find("3", 0), std::nullopt);
    }

    void aRememberedTokenIsNotTrustedByAnotherSecret()
    {
        const QString token = m_tokens.issue(8);
        QCOMPARE(m_tokens.verify(token), std::optional<qint64>(8));
        const TokenService other(QByteArray(32, 'o'), std::chrono::hours(1));
        QCOMPARE(other.verify(token), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "TestTokenService.moc"
