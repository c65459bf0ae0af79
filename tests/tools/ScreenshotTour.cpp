// Drives the real desktop client against a running server and saves the screenshots the README
// shows (./dev screenshots runs it under Xvfb): the sign-in dialog, the main window with an article
// open, the listing filtered by a tag, the profile dialog, the editor with highlighted Markdown and its
// preview, the conflict question, and the drafts list (with the comments not on the server yet).
#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "ConflictQuestion.h"
#include "DraftListDialog.h"
#include "DraftStore.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "SignInDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
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

    // Drafts of an earlier tour would be offered back and listed.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts"))
        .removeRecursively();
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

    // The listing filtered by a tag, the open article favoured.
    window.findChild<QPlainTextEdit *>(QStringLiteral("commentEdit"))->clear();
    QSignalSpy filtered(window.listingModel(), &ArticleListModel::pageLoaded);
    window.filterBar()->setMode(FilterBar::Mode::Tag);
    auto *tagEdit = window.findChild<QLineEdit *>(QStringLiteral("tagFilterEdit"));
    QTest::keyClicks(tagEdit, QStringLiteral("foo3"));
    QTest::keyClick(tagEdit, Qt::Key_Return);
    if (!filtered.wait(10000))
        qFatal("no filtered listing");
    auto *favorite = window.findChild<QPushButton *>(QStringLiteral("favoriteButton"));
    QTest::mouseClick(favorite, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return favorite->isChecked(); }, 10000))
        qFatal("not favoured");
    ok &= save(&window, out.filePath(QStringLiteral("main-window-filters.png")));

    ProfileDialog profile(api, user.user, &window);
    profile.show();
    ok &= save(&profile, out.filePath(QStringLiteral("profile.png")));
    profile.close();

    LocalDraft writing;
    writing.title = QStringLiteral("Drafts that survive a crash");
    writing.description = QStringLiteral("How blog-desktop keeps every keystroke");
    writing.tags = { QStringLiteral("qt"), QStringLiteral("sqlite") };
    writing.text = QStringLiteral(
        "# Drafts that survive a crash\n\n"
        "Every article you write is a **draft** on your computer until the server has it. "
        "It is saved *two seconds* after you stop typing, in a [SQLite](https://sqlite.org) file.\n\n"
        "## What is kept\n\n"
        "- the text, the title and the tags\n"
        "- where the cursor was\n"
        "- the version of the article an edit began from\n\n"
        "> Publishing removes the draft only once the server confirmed.\n\n"
        "```\nBEGIN IMMEDIATE;\nUPDATE drafts SET text = ? WHERE id = ?;\nCOMMIT;\n```\n\n"
        "Use `Ctrl+S` to save at once.");
    ArticleEditorDialog *editor = window.openDraft(writing);
    editor->setPreviewVisible(true);
    editor->resize(1180, 680);
    ok &= save(editor, out.filePath(QStringLiteral("editor.png")));
    editor->close();

    Article theirs = *window.articleView()->article();
    LocalDraft mine = draftOf(theirs);
    mine.title = theirs.title + QStringLiteral(" (revised)");
    theirs.text.replace(QStringLiteral("."), QStringLiteral("!"));
    const auto conflict = ConflictQuestion::create(&window, mine, theirs);
    conflict->show();
    ok &= save(conflict.get(), out.filePath(QStringLiteral("conflict.png")));
    conflict->close();

    LocalDraft queued;
    queued.title = QStringLiteral("Notes from the train");
    queued.text = QStringLiteral("Written offline.");
    queued.state = LocalDraft::State::Queued;
    window.drafts().save(queued);
    LocalDraft edit;
    edit.articleId = window.articleView()->article()->id;
    edit.articleSlug = window.articleView()->article()->slug;
    edit.title = window.articleView()->article()->title;
    window.drafts().save(edit);
    // Comments not on the server yet, one on an article deleted meanwhile.
    window.drafts().saveCommentDraft(QStringLiteral("a-deleted-article"),
        QStringLiteral("I tried this on Qt 6.4 and the plan cache\nbehaved differently."));
    const qint64 refused = window.drafts().addPendingComment(
        QStringLiteral("release-notes-2-1"), QStringLiteral("Thanks, the upgrade went smoothly."));
    window.drafts().refusePendingComment(refused, QStringLiteral("Article not found"));
    DraftListDialog *drafts = window.showDrafts();
    drafts->resize(760, 520);
    ok &= save(drafts, out.filePath(QStringLiteral("drafts.png")));
    return ok ? 0 : 1;
}
