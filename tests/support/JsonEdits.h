#pragma once

#include <QJsonObject>

namespace blog::test {

// A valid request body with one field changed or taken out, for the validation tests' rows.
inline QJsonObject withField(QJsonObject object, const char *key, const QJsonValue &value)
{
    object.insert(QLatin1String(key), value);
    return object;
}

inline QJsonObject withoutField(QJsonObject object, const char *key)
{
    object.remove(QLatin1String(key));
    return object;
}

} // namespace blog::test
