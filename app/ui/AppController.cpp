#include "AppController.h"

#include "ApiClient.h"
#include "AppSettings.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "TokenStore.h"

#include <QApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "blog.desktop.session")

namespace blog {

AppController::AppController(ApiClient &api, TokenStore &tokens, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_tokens(tokens)
    , m_settings(settings)
    , m_commentWatcher(api)
{
    connect(&m_commentWatcher, &CommentWatcher::commentsArrived, this,
        [this](const QList<CommentNotice> &notices) {
            m_notifier.showComments(notices);
            if (m_main)
                m_main->refresh(); // the listing's comment counts
        });
    connect(&m_api, &ApiClient::unauthorized, this, [this] {
        // The token expired or was revoked: ask again, keeping the window (and its listing) as it is.
        if (!m_signIn)
            showSignIn();
    });
}

AppController::~AppController()
{
    delete m_signIn;
    delete m_main;
}

QString AppController::account() const
{
    return TokenStore::accountKey(m_settings.serverUrl(), m_settings.lastEmail());
}

void AppController::start()
{
    m_api.setBaseUrl(QUrl(m_settings.serverUrl()));
    if (m_settings.lastEmail().isEmpty()) {
        showSignIn();
        return;
    }
    m_tokens.read(account(), this, [this](std::optional<QString> token, const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcSession) << "cannot read the keychain:" << error;
        if (!token) {
            showSignIn();
            return;
        }
        m_api.setToken(*token);
        m_api.fetchProfile(this, [this](const ApiResult<User> &user) {
            const std::optional<User> last = m_settings.lastUser();
            if (user)
                showMain(*user);
            else if (user.error().kind == ApiError::Kind::Network && last)
                showMain(*last); // the server is away: write offline, into drafts, as the same author
            else if (!m_signIn)
                showSignIn();
        });
    });
}

void AppController::showSignIn()
{
    m_signIn = new SignInDialog(m_api, m_settings.serverUrl(), m_settings.lastEmail());
    m_signIn->setObjectName(QStringLiteral("signInDialog"));
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signedIn, this, &AppController::signedIn);
    connect(m_signIn, &QDialog::rejected, this, [this] {
        if (!m_main)
            QApplication::quit();
    });
    m_signIn->show();
    emit signInShown();
}

void AppController::signedIn(const SignedInUser &user, const QString &serverUrl)
{
    m_settings.setServerUrl(serverUrl);
    m_settings.setLastEmail(user.user.email);
    m_api.setToken(user.token);
    if (m_main && m_main->currentUser().id == user.user.id) {
        m_main->setSignedIn(true);
        m_main->refresh(); // signed in again after an expiry
    } else
        showMain(user.user);
    // After the window is there, so a refusal has a window to be shown in.
    m_tokens.write(account(), user.token, this, [this](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcSession) << "cannot keep the token in the keychain:" << error;
        if (m_main)
            m_main->setTokenKept(ok, error);
    });
}

void AppController::showMain(const User &user)
{
    if (m_main) {
        // We may be inside the sign-in dialog's signedIn, or a slot of the old window.
        m_main->hide();
        m_main->deleteLater();
    }
    m_settings.setLastUser(user);
    m_main = new MainWindow(m_api, m_settings, user);
    m_main->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_main, &MainWindow::signOutRequested, this, &AppController::signOut);
    m_main->show();
    m_commentWatcher.start(); // a new user starts afresh
    emit mainWindowShown();
}

void AppController::signOut()
{
    m_tokens.remove(account(), this, [](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcSession) << "cannot remove the token from the keychain:" << error;
    });
    m_commentWatcher.stop();
    m_api.setToken({});
    if (m_main) {
        m_main->close();
        m_main = nullptr;
    }
    showSignIn();
}

} // namespace blog
