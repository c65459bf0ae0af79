#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "DraftStore.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace blog;
using namespace blog::test;

namespace {

const QString TitleTyped = QStringLiteral("Written before the crash");
// "First line", Return, "Second line", then Up: the cursor ends after "First line".
const QString TextTyped = QStringLiteral("First line\nSecond line");
constexpr int CursorAfterUp = 10;

// The child process: a main window, a new article typed into its editor, then it waits to be killed.
int writeAndWait(const QString &serverUrl, const QString &token, qint64 userId)
{
    ApiClient api;
    api.setBaseUrl(QUrl(serverUrl));
    api.setToken(token);
    AppSettings settings;
    User user;
    user.id = userId;
    user.fullName = QStringLiteral("Child");
    MainWindow window(api, settings, user);
    window.setConfirm([](const QString &) { return false; });
    window.show();
    window.findChild<QAction *>("newArticleAction")->trigger();
    auto *editor = window.findChild<ArticleEditorDialog *>();
    if (!editor)
        return 2;
    QTest::keyClicks(editor->findChild<QLineEdit *>("titleEdit"), TitleTyped);
    auto *text = editor->findChild<QPlainTextEdit *>("textEdit");
    QTest::keyClicks(text, "First line");
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, "Second line");
    QTest::keyClick(text, Qt::Key_Up);
    std::fputs("typed\n", stdout);
    std::fflush(stdout);
    return QApplication::exec();
}

} // namespace

// What an author typed survives the app being killed (SIGKILL: no handler, no destructor runs), and
// the next start offers it back where the cursor was; a normal quit keeps the draft too.
class TestDraftRecovery : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    HttpClient m_http;
    QString m_token;
    User m_user;
    QStringList m_questions;

    std::unique_ptr<MainWindow> startWindow(bool restore)
    {
        auto window = std::make_unique<MainWindow>(*m_api, *m_settings, m_user);
        window->setConfirm([this, restore](const QString &question) {
            m_questions.append(question);
            return restore;
        });
        window->show();
        return window;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts")
            .removeRecursively();
        m_server = std::make_unique<TestServer>();
        const auto signIn = m_http.post(m_server->url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        m_token = signIn.json().value("token").toString();
        m_user.id = signIn.json().value("id").toInteger();
        m_user.fullName = signIn.json().value("fullName").toString();
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setToken(m_token);
        m_settings = std::make_unique<AppSettings>();
        m_questions.clear();
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void aKilledAppOffersTheDraftBackWithTheCursor()
    {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
            { "--write-and-wait", m_server->url("").toString(), m_token, QString::number(m_user.id) });
        QVERIFY(child.waitForStarted());
        QVERIFY(QTest::qWaitFor(
            [&] { return child.canReadLine() || child.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(child.readLine().trimmed(), "typed");
        QElapsedTimer sinceLastKey;
        sinceLastKey.start();

        // The child's autosave, seen through a connection of our own to its drafts file.
        DraftStore observer(DraftStore::pathFor(m_server->url("").toString(), m_user.id));
        QVERIFY(observer.isOpen());
        QVERIFY(QTest::qWaitFor(
            [&] { return !observer.drafts().isEmpty() && observer.drafts().first().text == TextTyped; },
            10000));
        const qint64 savedAfter = sinceLastKey.elapsed();
        qInfo("the child's draft was on disk %lld ms after its last keystroke", savedAfter);
        QVERIFY(savedAfter < 2 * ArticleEditorDialog::AutosaveDelayMs);

        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto window = startWindow(true);
        QTRY_COMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(TitleTyped));
        ArticleEditorDialog *editor = nullptr;
        QTRY_VERIFY((editor = window->findChild<ArticleEditorDialog *>()) != nullptr);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->findChild<QLineEdit *>("titleEdit")->text(), TitleTyped);
        auto *text = editor->findChild<QPlainTextEdit *>("textEdit");
        QCOMPARE(text->toPlainText(), TextTyped);
        QCOMPARE(text->textCursor().position(), CursorAfterUp);
    }

    void declinedItStaysInTheDraftsAndIsNotAskedAgain()
    {
        DraftStore store(DraftStore::pathFor(m_server->url("").toString(), m_user.id));
        LocalDraft draft;
        draft.title = "Left open";
        draft.isOpenInEditor = true;
        QVERIFY(store.save(draft));
        {
            auto window = startWindow(false);
            QTRY_COMPARE(m_questions.size(), 1);
            QVERIFY(!window->findChild<ArticleEditorDialog *>());
        }
        QCOMPARE(store.drafts().size(), 1);
        auto again = startWindow(true);
        QTest::qWait(100);
        QCOMPARE(m_questions.size(), 1);
    }

    void quittingSavesWhatWasTypedSinceTheLastSave()
    {
        {
            auto window = startWindow(false);
            window->findChild<QAction *>("newArticleAction")->trigger();
            auto *editor = window->findChild<ArticleEditorDialog *>();
            QTest::keyClicks(editor->findChild<QPlainTextEdit *>("textEdit"), "Typed just before quitting");
            window->close();
        } // the window and its editor are gone before the autosave would have run
        DraftStore store(DraftStore::pathFor(m_server->url("").toString(), m_user.id));
        QCOMPARE(store.drafts().size(), 1);
        QCOMPARE(store.drafts().first().text, "Typed just before quitting");
        QVERIFY(store.draftsLeftOpen().isEmpty()); // a normal quit: nothing to offer back
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc == 5 && qstrcmp(argv[1], "--write-and-wait") == 0)
        return writeAndWait(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
            QByteArray(argv[4]).toLongLong());
    TestDraftRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestDraftRecovery.moc"
