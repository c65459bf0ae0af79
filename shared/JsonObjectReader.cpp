#include "JsonObjectReader.h"

#include <QJsonArray>

namespace blog {

JsonObjectReader::JsonObjectReader(const QJsonObject &object, QString fieldPrefix)
    : m_object(object)
    , m_prefix(std::move(fieldPrefix))
{
}

QString JsonObjectReader::fieldName(QLatin1String key) const
{
    return m_prefix.isEmpty() ? QString(key) : m_prefix + QLatin1Char('.') + key;
}

void JsonObjectReader::fail(QLatin1String key, const QString &message)
{
    if (!m_error)
        m_error = FieldError { fieldName(key), message };
}

void JsonObjectReader::fail(const FieldError &nested)
{
    if (!m_error)
        m_error = nested;
}

void JsonObjectReader::allowOnly(std::initializer_list<QLatin1String> allowed)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
            const QString name = m_prefix.isEmpty() ? it.key() : m_prefix + QLatin1Char('.') + it.key();
            if (!m_error)
                m_error = FieldError { name, QStringLiteral("Unknown field: %1").arg(name) };
            return;
        }
    }
}

std::optional<QString> JsonObjectReader::string(
    QLatin1String key, Presence presence, int maxLength, int minLength)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (presence == Presence::Required)
            fail(key, QStringLiteral("%1 is required").arg(fieldName(key)));
        return std::nullopt;
    }
    if (!value.isString()) {
        fail(key, QStringLiteral("%1 must be a string").arg(fieldName(key)));
        return std::nullopt;
    }
    const QString text = value.toString();
    // PostgreSQL cannot store U+0000 in text, and no person types it.
    if (text.contains(QChar(0))) {
        fail(key, QStringLiteral("%1 must not contain NUL characters").arg(fieldName(key)));
        return std::nullopt;
    }
    if (presence == Presence::Required && text.trimmed().isEmpty()) {
        fail(key, QStringLiteral("%1 must not be blank").arg(fieldName(key)));
        return std::nullopt;
    }
    if (text.size() > maxLength) {
        fail(key, QStringLiteral("%1 must be at most %2 characters").arg(fieldName(key)).arg(maxLength));
        return std::nullopt;
    }
    if (text.size() < minLength) {
        fail(key, QStringLiteral("%1 must be at least %2 characters").arg(fieldName(key)).arg(minLength));
        return std::nullopt;
    }
    return text;
}

std::optional<QStringList> JsonObjectReader::stringList(
    QLatin1String key, Presence presence, int maxCount, int maxLength)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (presence == Presence::Required)
            fail(key, QStringLiteral("%1 is required").arg(fieldName(key)));
        return std::nullopt;
    }
    if (!value.isArray()) {
        fail(key, QStringLiteral("%1 must be an array of strings").arg(fieldName(key)));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > maxCount) {
        fail(key, QStringLiteral("%1 must have at most %2 entries").arg(fieldName(key)).arg(maxCount));
        return std::nullopt;
    }
    QStringList list;
    list.reserve(array.size());
    for (const QJsonValue &entry : array) {
        if (!entry.isString()) {
            fail(key, QStringLiteral("%1 must be an array of strings").arg(fieldName(key)));
            return std::nullopt;
        }
        const QString text = entry.toString().trimmed();
        if (text.contains(QChar(0))) {
            fail(key, QStringLiteral("%1 must not contain NUL characters").arg(fieldName(key)));
            return std::nullopt;
        }
        if (text.isEmpty()) {
            fail(key, QStringLiteral("%1 must not contain blank entries").arg(fieldName(key)));
            return std::nullopt;
        }
        if (text.size() > maxLength) {
            fail(key,
                QStringLiteral("each of %1 must be at most %2 characters")
                    .arg(fieldName(key))
                    .arg(maxLength));
            return std::nullopt;
        }
        list.append(text);
    }
    return list;
}

QJsonObject JsonObjectReader::object(QLatin1String key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, QStringLiteral("%1 must be an object").arg(fieldName(key)));
        return {};
    }
    return value.toObject();
}

} // namespace blog
