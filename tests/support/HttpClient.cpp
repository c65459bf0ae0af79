#include "HttpClient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace blog::test {

QJsonObject HttpClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpClient::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::Headers HttpClient::authorized(const QString &token, Headers headers)
{
    if (!token.isEmpty())
        headers.append({ "Authorization", "Bearer " + token.toLatin1() });
    return headers;
}

HttpClient::Response HttpClient::get(const QUrl &url, const QString &token, const Headers &headers)
{
    return send("GET", url, {}, authorized(token, headers));
}

HttpClient::Response HttpClient::post(const QUrl &url, const QJsonObject &body, const QString &token)
{
    return send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
        authorized(token, { { "Content-Type", "application/json" } }));
}

HttpClient::Response HttpClient::patch(const QUrl &url, const QJsonObject &body, const QString &token)
{
    return send("PATCH", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
        authorized(token, { { "Content-Type", "application/json" } }));
}

HttpClient::Response HttpClient::del(const QUrl &url, const QString &token)
{
    return send("DELETE", url, {}, authorized(token, {}));
}

HttpClient::Response HttpClient::send(
    const QByteArray &method, const QUrl &url, const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QBuffer *buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(10000);
    loop.exec();

    Response response;
    if (!reply->isFinished()) {
        reply->abort();
        response.networkError = QStringLiteral("timeout");
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append({ pair.first, pair.second });
    if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.networkError = reply->errorString();
    reply->deleteLater();
    return response;
}

QString HttpClient::signIn(const QUrl &signInUrl, const QString &email, const QString &password)
{
    const Response response
        = post(signInUrl, { { QStringLiteral("email"), email }, { QStringLiteral("password"), password } });
    return response.json().value(QStringLiteral("token")).toString();
}

QString HttpClient::signUp(
    const QUrl &signUpUrl, const QString &email, const QString &fullName, const QString &password)
{
    const Response response = post(signUpUrl,
        { { QStringLiteral("email"), email }, { QStringLiteral("fullName"), fullName },
            { QStringLiteral("password"), password } });
    return response.json().value(QStringLiteral("token")).toString();
}

} // namespace blog::test
