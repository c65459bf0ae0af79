#include "Validation.h"

#include <QSet>

#include <algorithm>

namespace blog::Validation {

bool isEmailLike(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != email.lastIndexOf(QLatin1Char('@')))
        return false;
    const QStringView domain = QStringView(email).mid(at + 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == domain.size() - 1)
        return false;
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return !domain.contains(QLatin1String("..")) && !domain.startsWith(QLatin1Char('.'));
}

QString emailKey(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

namespace {
bool isUsernameChar(QChar c)
{
    return !c.isSpace() && c.category() != QChar::Other_Control && c != QLatin1Char('/')
        && c != QLatin1Char('?') && c != QLatin1Char('#') && c != QLatin1Char('%');
}
} // namespace

bool isUsernameLike(const QString &username)
{
    if (username.isEmpty() || username.size() > MaxUsernameLength)
        return false;
    return std::all_of(username.begin(), username.end(), isUsernameChar);
}

QString usernameKey(const QString &username)
{
    return username.toCaseFolded();
}

QString usernameFromEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    QString name;
    for (const QChar c : QStringView(email).left(at < 0 ? email.size() : at)) {
        if (isUsernameChar(c))
            name.append(c);
    }
    name.truncate(MaxUsernameLength);
    return name.isEmpty() ? QStringLiteral("user") : name;
}

QString usernameCandidate(const QString &base, int n)
{
    if (n <= 1)
        return base;
    const QString suffix = QLatin1Char('-') + QString::number(n);
    return base.left(MaxUsernameLength - suffix.size()) + suffix;
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString trimmed = tag.trimmed();
        const QString key = trimmed.toCaseFolded();
        if (!trimmed.isEmpty() && seen.contains(key))
            continue;
        seen.insert(key);
        result.append(trimmed);
    }
    return result;
}

} // namespace blog::Validation
