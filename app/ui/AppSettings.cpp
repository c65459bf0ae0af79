#include "AppSettings.h"

namespace blog {

namespace {
const QString ServerUrlKey = QStringLiteral("server/url");
const QString LastEmailKey = QStringLiteral("server/lastEmail");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString SplitterKey = QStringLiteral("window/splitter");
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

} // namespace blog
