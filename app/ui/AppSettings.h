#pragma once

#include "User.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <optional>

namespace blog {

// What the desktop client remembers between runs (QSettings), typed. Never the token: that is the
// keychain's (TokenStore).
class AppSettings
{
public:
    AppSettings();

    QString serverUrl() const;
    void setServerUrl(const QString &url);
    QString lastEmail() const;
    void setLastEmail(const QString &email);
    // Who last signed in (id, name, e-mail; nothing secret), so the window can open without the server.
    std::optional<User> lastUser() const;
    void setLastUser(const User &user);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    // Whether the article editor shows its preview beside the text (it does unless turned off).
    bool editorShowsPreview() const;
    void setEditorShowsPreview(bool shows);

    static QString defaultServerUrl() { return QStringLiteral("http://127.0.0.1:3001"); }

private:
    mutable QSettings m_settings;
};

} // namespace blog
