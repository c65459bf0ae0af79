#pragma once

#include "FieldError.h"

#include <QJsonObject>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace blog {

// Reads typed fields out of a request's JSON object and keeps the first thing wrong with it,
// so decoders read as a list of fields and their rules.
class JsonObjectReader
{
public:
    enum class Presence { Required, Optional };

    explicit JsonObjectReader(const QJsonObject &object, QString fieldPrefix = {});

    // Fails on any key not in `allowed`: a client that sends `id` must not believe it was applied.
    void allowOnly(std::initializer_list<QLatin1String> allowed);

    // A string; Required also rejects blank text. Returns nullopt when absent or wrong.
    std::optional<QString> string(QLatin1String key, Presence presence, int maxLength, int minLength = 0);
    std::optional<QStringList> stringList(QLatin1String key, Presence presence, int maxCount, int maxLength);

    bool contains(QLatin1String key) const { return m_object.contains(key); }
    bool isNull(QLatin1String key) const { return m_object.value(key).isNull(); }
    QJsonObject object(QLatin1String key);

    void fail(QLatin1String key, const QString &message);
    // Keeps an error found in a nested object (its field already carries the full path).
    void fail(const FieldError &nested);
    bool hasError() const { return m_error.has_value(); }
    const FieldError &error() const { return *m_error; }

private:
    QString fieldName(QLatin1String key) const;

    QJsonObject m_object;
    QString m_prefix;
    std::optional<FieldError> m_error;
};

} // namespace blog
