#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <utility>

namespace blog::test {

// Blocking HTTP for tests: sends a real request with QNetworkAccessManager and spins an event loop
// until the answer (or a 10 s timeout) comes back.
class HttpClient
{
public:
    struct Response
    {
        int status = 0; // 0: no HTTP answer (connection refused, reset, timeout)
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QString networkError;

        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
    };

    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    Response get(const QUrl &url, const QString &token = {}, const Headers &headers = {});
    Response post(const QUrl &url, const QJsonObject &body, const QString &token = {});
    Response patch(const QUrl &url, const QJsonObject &body, const QString &token = {});
    Response del(const QUrl &url, const QString &token = {});
    // Anything else: raw bodies, other methods and content types.
    Response send(
        const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const Headers &headers = {});

    // Signs in (or up) and returns the token; QVERIFY-style failure reporting is the caller's.
    QString signIn(const QUrl &signInUrl, const QString &email, const QString &password);
    QString signUp(
        const QUrl &signUpUrl, const QString &email, const QString &fullName, const QString &password);

private:
    static Headers authorized(const QString &token, Headers headers);

    QNetworkAccessManager m_network;
};

} // namespace blog::test
