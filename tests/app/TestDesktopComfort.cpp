#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "DraftListDialog.h"
#include "DraftPublisher.h"
#include "FieldErrorLabel.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "MarkdownHighlighter.h"
#include "ProfileDialog.h"
#include "SignInDialog.h"
#include "TestServer.h"
#include "ThemeColors.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace blog;
using namespace blog::test;

// What every window owes its user whatever the desktop: a name for each control a screen reader lands on,
// and colours that follow the system palette, dark themes included, changed while the app runs.
class TestDesktopComfort : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    User m_user;
    QPalette m_systemPalette;

    // Controls that take keyboard focus and have no accessible name, as "class objectName".
    static QStringList unnamedControls(QWidget *window)
    {
        QStringList unnamed;
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(window))
                continue;
            // Parts of a compound control (a combo box's line edit, a scroll area's viewport) are named
            // through it.
            if (widget->parentWidget() && widget->parentWidget()->focusProxy() == widget)
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed.append(
                    QStringLiteral("%1 %2").arg(widget->metaObject()->className(), widget->objectName()));
        }
        return unnamed;
    }

    static QPalette darkPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        dark.setColor(QPalette::HighlightedText, Qt::black);
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
        return dark;
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(*m_api, *m_settings, m_user);
        window->show();
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        loaded.wait(10000);
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_systemPalette = QApplication::palette();
    }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setCacheDirectory(m_cacheDir.filePath("http"));
        m_settings = std::make_unique<AppSettings>();
        HttpClient http;
        const auto signIn = http.post(m_server->url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        m_api->setToken(signIn.json().value("token").toString());
        m_user.id = signIn.json().value("id").toInteger();
        m_user.fullName = signIn.json().value("fullName").toString();
    }
    void cleanup()
    {
        QApplication::setPalette(m_systemPalette);
        m_api.reset();
        m_server.reset();
    }

    void everyControlOfTheMainWindowHasAName()
    {
        const auto window = openWindow();
        QVERIFY(window->listingModel()->rowCount() > 0);
        window->openArticle(window->listingModel()->item(0).slug);
        QTRY_VERIFY(window->articleView()->article().has_value());
        const QStringList unnamed = unnamedControls(window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
    }

    void everyControlOfTheDialogsHasAName()
    {
        const auto window = openWindow();
        ArticleEditorDialog editor(window->draftPublisher(), LocalDraft {});
        editor.show();
        DraftListDialog drafts(window->draftPublisher());
        drafts.show();
        SignInDialog signIn(*m_api, m_server->url("").toString(), QString());
        signIn.show();
        ProfileDialog profile(*m_api, m_user);
        profile.show();
        for (QWidget *dialog : std::initializer_list<QWidget *> { &editor, &drafts, &signIn, &profile }) {
            const QStringList unnamed = unnamedControls(dialog);
            QVERIFY2(unnamed.isEmpty(), qPrintable(dialog->objectName() + ": " + unnamed.join(", ")));
        }
    }

    void aDarkThemeChosenWhileTheAppRunsIsFollowed()
    {
        const auto window = openWindow();
        ArticleEditorDialog editor(window->draftPublisher(), LocalDraft {});
        editor.show();
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        auto *highlighter = text->document()->findChild<MarkdownHighlighter *>();
        auto *error = editor.findChild<FieldErrorLabel *>("generalError");
        auto *banner = window->findChild<QLabel *>("offlineBanner");
        const QString lightBanner = banner->styleSheet();

        for (const QPalette &palette : { darkPalette(), m_systemPalette }) {
            QApplication::setPalette(palette);
            QCoreApplication::processEvents();
            const QColor base = palette.color(QPalette::Base);
            const QColor window = palette.color(QPalette::Window);
            QVERIFY2(ThemeColors::contrast(highlighter->headingColor(), base) >= 3,
                qPrintable(highlighter->headingColor().name()));
            const QColor errorColor = error->palette().color(QPalette::WindowText);
            QCOMPARE(errorColor, ThemeColors::errorText(palette));
            QVERIFY2(ThemeColors::contrast(errorColor, window) >= 4.5, qPrintable(errorColor.name()));
            QVERIFY(banner->styleSheet().contains(palette.color(QPalette::WindowText).name()));
        }
        QCOMPARE(banner->styleSheet(), lightBanner); // back to the light theme, back to the light banner

        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QVERIFY(banner->styleSheet() != lightBanner);
        // The banner's text on its background reads in the dark too.
        const QRegularExpression background("background: (#[0-9a-f]{6})");
        const QColor bannerBackground(background.match(banner->styleSheet()).captured(1));
        QVERIFY(ThemeColors::contrast(darkPalette().color(QPalette::WindowText), bannerBackground) >= 4.5);
    }
};

QTEST_MAIN(TestDesktopComfort)
#include "TestDesktopComfort.moc"
