#pragma once

#include "CommentWatcher.h"
#include "DesktopNotifier.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "User.h"

#include <QObject>
#include <QPointer>

namespace blog {

class ApiClient;
class AppSettings;
class TokenStore;

// The session: restores the token from the keychain at start (no dialog when it still works), shows
// the sign-in dialog when there is none or the server refuses it (expired), and forgets it on sign-out.
//
// Ownership: the controller owns its two top-level windows, the main window and the sign-in dialog.
// Neither is the other's child, since each may outlive the other (a new user's sign-in replaces the
// window the dialog appeared over). They are let go only through the event loop (deleteLater, or
// WA_DeleteOnClose), never deleted while one of their own signals may still be on the stack.
class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(ApiClient &api, TokenStore &tokens, AppSettings &settings, QObject *parent = nullptr);
    ~AppController() override;

    void start();
    SignInDialog *signInDialog() const { return m_signIn; }
    MainWindow *mainWindow() const { return m_main; }
    CommentWatcher &commentWatcher() { return m_commentWatcher; }

signals:
    void signInShown();
    void mainWindowShown();

private:
    void showSignIn();
    void showMain(const User &user);
    void signedIn(const SignedInUser &user, const QString &serverUrl);
    void signOut();
    QString account() const;

    ApiClient &m_api;
    TokenStore &m_tokens;
    AppSettings &m_settings;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_main;
    // While someone is signed in: new comments on their articles become desktop notifications.
    CommentWatcher m_commentWatcher;
    DesktopNotifier m_notifier;
};

} // namespace blog
