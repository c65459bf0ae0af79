#include "AppSettings.h"

namespace blog {

namespace {
const QString ServerUrlKey = QStringLiteral("server/url");
const QString LastEmailKey = QStringLiteral("server/lastEmail");
const QString LastUserIdKey = QStringLiteral("account/userId");
const QString LastUserNameKey = QStringLiteral("account/fullName");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString EditorPreviewKey = QStringLiteral("editor/showPreview");
} // namespace

AppSettings::AppSettings() = default;

QString AppSettings::serverUrl() const
{
    return m_settings.value(ServerUrlKey, defaultServerUrl()).toString();
}

void AppSettings::setServerUrl(const QString &url)
{
    m_settings.setValue(ServerUrlKey, url);
}

QString AppSettings::lastEmail() const
{
    return m_settings.value(LastEmailKey).toString();
}

void AppSettings::setLastEmail(const QString &email)
{
    m_settings.setValue(LastEmailKey, email);
}

std::optional<User> AppSettings::lastUser() const
{
    const qint64 id = m_settings.value(LastUserIdKey).toLongLong();
    if (id <= 0 || lastEmail().isEmpty())
        return std::nullopt;
    User user;
    user.id = id;
    user.fullName = m_settings.value(LastUserNameKey).toString();
    user.email = lastEmail();
    return user;
}

void AppSettings::setLastUser(const User &user)
{
    m_settings.setValue(LastUserIdKey, user.id);
    m_settings.setValue(LastUserNameKey, user.fullName);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(GeometryKey, geometry);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings.value(SplitterKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(SplitterKey, state);
}

bool AppSettings::editorShowsPreview() const
{
    return m_settings.value(EditorPreviewKey, true).toBool();
}

void AppSettings::setEditorShowsPreview(bool shows)
{
    m_settings.setValue(EditorPreviewKey, shows);
}

} // namespace blog
