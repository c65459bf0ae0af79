#pragma once

#include <QByteArray>
#include <QString>

namespace blog {

// What is wrong with a request as HTTP (its method, its size, its body's format), as opposed to what it
// asks for (a service's Error). It carries its status; each front end writes it in its own error shape.
struct HttpError
{
    int status = 400;
    QString message;
    QByteArray allow; // with 405: the methods the path takes

    static HttpError noRoute(const QString &path)
    {
        return { 404, QStringLiteral("No such route: %1").arg(path), {} };
    }
    static HttpError methodNotAllowed(QByteArray allow)
    {
        return { 405, QStringLiteral("Method not allowed here"), std::move(allow) };
    }
    static HttpError payloadTooLarge(qint64 limit)
    {
        return { 413, QStringLiteral("The body is over the limit of %1 bytes").arg(limit), {} };
    }
    static HttpError unsupportedMediaType()
    {
        return { 415, QStringLiteral("Send the body as application/json"), {} };
    }
    static HttpError malformedBody(const QString &message) { return { 400, message, {} }; }
};

} // namespace blog
