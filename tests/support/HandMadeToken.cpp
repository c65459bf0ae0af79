#include "HandMadeToken.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace blog::test {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString handMadeToken(const QJsonObject &header, const QJsonObject &payload, const QByteArray &secret,
    std::optional<QCryptographicHash::Algorithm> hash)
{
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature
        = hash ? base64Url(QMessageAuthenticationCode::hash(signingInput, secret, *hash)) : QByteArray();
    return QString::fromLatin1(signingInput + '.' + signature);
}

} // namespace blog::test
