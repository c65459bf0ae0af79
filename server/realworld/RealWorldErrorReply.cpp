#include "RealWorldErrorReply.h"

#include "RealWorldCodec.h"

namespace blog::RealWorldErrorReply {

namespace {

QString subjectOr(const Error &error, const QString &fallback)
{
    return error.subject.isEmpty() ? fallback : error.subject;
}

Reply errors(const QString &field, const QString &message, int status)
{
    return Reply::json(RealWorldCodec::errors(field, message), status);
}

} // namespace

Reply invalid(const FieldError &error)
{
    return errors(error.field.isEmpty() ? QStringLiteral("body") : error.field, error.message, 422);
}

Reply unauthorized(bool hadToken)
{
    return errors(
        QStringLiteral("token"), hadToken ? QStringLiteral("is invalid") : QStringLiteral("is missing"), 401)
        .withHeader("WWW-Authenticate", "Token");
}

Reply from(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::BadRequest:
        return invalid(FieldError { error.field, error.message });
    case Error::Kind::Authentication:
        return unauthorized(true);
    case Error::Kind::Forbidden:
        return errors(subjectOr(error, QStringLiteral("user")), QStringLiteral("forbidden"), 403);
    case Error::Kind::NotFound:
        return errors(subjectOr(error, QStringLiteral("resource")), QStringLiteral("not found"), 404);
    case Error::Kind::Conflict:
        return errors(error.field.isEmpty() ? QStringLiteral("body") : error.field,
            QStringLiteral("has already been taken"), 409);
    case Error::Kind::Stale:
        return errors(QStringLiteral("article"), QStringLiteral("has changed"), 409);
    case Error::Kind::TooManyRequests:
    case Error::Kind::Unavailable: {
        Reply reply = errors(
            QStringLiteral("server"), error.message, error.kind == Error::Kind::TooManyRequests ? 429 : 503);
        if (error.retryAfterSeconds > 0)
            reply.withHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
        return reply;
    }
    case Error::Kind::Internal:
        break;
    }
    return errors(QStringLiteral("server"), QStringLiteral("internal error"), 500);
}

Reply from(const HttpError &error)
{
    QString field = QStringLiteral("body");
    if (error.status == 404)
        field = QStringLiteral("path");
    else if (error.status == 405)
        field = QStringLiteral("method");
    Reply reply = errors(field, error.message, error.status);
    if (!error.allow.isEmpty())
        reply.withHeader("Allow", error.allow);
    return reply;
}

} // namespace blog::RealWorldErrorReply
