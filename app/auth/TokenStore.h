#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace blog {

// Keeps the sign-in token in the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Store) through QtKeychain; never in QSettings or a plain file, and no insecure fallback. One entry
// per account ("email at server"), so several servers or users do not overwrite each other.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QString service = QStringLiteral("blog-desktop"), QObject *parent = nullptr);

    static QString accountKey(const QString &serverUrl, const QString &email);

    // `done` gets the token, or nullopt when there is none (or the keychain cannot be used: `error` says).
    void read(const QString &account, QObject *context,
        std::function<void(std::optional<QString>, QString error)> done);
    void write(const QString &account, const QString &token, QObject *context,
        std::function<void(bool ok, QString error)> done);
    void remove(const QString &account, QObject *context, std::function<void(bool ok, QString error)> done);

private:
    QString m_service;
};

} // namespace blog
