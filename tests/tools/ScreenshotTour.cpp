// Drives the real desktop client against a running server and saves the screenshots the README
// shows (./dev screenshots runs it under Xvfb): the sign-in dialog, the main window with an article
// open, and the profile dialog.
#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "SignInDialog.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace blog;

namespace {

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(300); // let layouts and fonts settle
    const bool ok = widget->grab().save(path);
    qInfo("%s %s", ok ? "saved" : "FAILED to save", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("blog-desktop-screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url") });
    parser.addOption(
        { QStringLiteral("out"), QStringLiteral("Directory for the PNGs."), QStringLiteral("dir") });
    parser.process(app);
    const QString server = parser.value(QStringLiteral("server"));
    const QDir out(parser.value(QStringLiteral("out")));
    QDir().mkpath(out.absolutePath());

    ApiClient api;
    AppSettings settings;
    settings.setWindowGeometry({});
    settings.setSplitterState({});
    bool ok = true;

    SignInDialog signIn(api, server, QStringLiteral("foo@bar.com"));
    signIn.show();
    QTest::keyClicks(
        signIn.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("password123"));
    ok &= save(&signIn, out.filePath(QStringLiteral("sign-in.png")));
    QSignalSpy signedIn(&signIn, &SignInDialog::signedIn);
    QTest::mouseClick(signIn.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    if (!signedIn.wait(10000))
        qFatal("sign-in failed");
    const auto user = signedIn.first().first().value<SignedInUser>();
    api.setToken(user.token);

    MainWindow window(api, settings, user.user);
    window.setConfirm([](const QString &) { return false; });
    window.resize(1240, 760);
    window.show();
    QSignalSpy listed(window.listingModel(), &ArticleListModel::pageLoaded);
    if (!listed.wait(10000))
        qFatal("no listing");
    // The window opens the first row by itself; wait for the third one's article.
    const QString slug = window.listingModel()->item(2).slug;
    window.findChild<QTableView *>(QStringLiteral("articleTable"))->selectRow(2);
    if (!QTest::qWaitFor(
            [&] { return window.articleView()->article() && window.articleView()->article()->slug == slug; },
            10000))
        qFatal("no article");
    auto *comments = window.findChild<QListView *>(QStringLiteral("commentList"));
    comments->setCurrentIndex(comments->model()->index(0, 0));
    QTest::keyClicks(window.findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")),
        QStringLiteral("Great list, thanks!"));
    ok &= save(&window, out.filePath(QStringLiteral("main-window.png")));

    ProfileDialog profile(api, user.user, &window);
    profile.show();
    ok &= save(&profile, out.filePath(QStringLiteral("profile.png")));
    return ok ? 0 : 1;
}
