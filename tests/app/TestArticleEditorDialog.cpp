#include "ApiClient.h"
#include "ArticleEditorDialog.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "HttpClient.h"
#include "MarkdownPreview.h"
#include "TestServer.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

using namespace blog;
using namespace blog::test;

Q_DECLARE_METATYPE(blog::ConflictChoice)

// The editor over a real server and a real drafts file: what is typed is kept as a draft (after typing
// stops, on focus loss, on close), publishing drops the draft only once the server has the article, and
// a change made elsewhere since the draft began lets the author choose.
class TestArticleEditorDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DraftStore> m_store;
    std::unique_ptr<DraftPublisher> m_publisher;
    HttpClient m_http;

    QString token()
    {
        return m_http.signIn(m_server->url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword);
    }
    QString storedTitle(const QString &slug)
    {
        const auto response = m_http.get(m_server->url("/article/" + slug));
        return response.status == 200 ? response.json().value("title").toString() : QString();
    }
    Article loadArticle(const QString &slug)
    {
        std::optional<ApiResult<Article>> loaded;
        m_api->fetchArticle(slug, this, [&](const ApiResult<Article> &r) { loaded = r; });
        if (!QTest::qWaitFor([&] { return loaded.has_value(); }, 10000) || !*loaded)
            qFatal("cannot load %s", qPrintable(slug));
        return **loaded;
    }
    static void showActive(QWidget &widget)
    {
        widget.show();
        QApplication::setActiveWindow(&widget);
        QVERIFY(QTest::qWaitForWindowActive(&widget));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_dir = std::make_unique<QTemporaryDir>();
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setToken(token());
        m_store = std::make_unique<DraftStore>(m_dir->filePath("drafts.sqlite"));
        QVERIFY(m_store->isOpen());
        m_publisher = std::make_unique<DraftPublisher>(*m_api, *m_store);
    }
    void cleanup()
    {
        m_publisher.reset();
        m_store.reset();
        m_api.reset();
        m_server.reset();
    }

    void spellingSuggestionsReplaceTheWordAndTheLanguageIsTheDraftsOwn()
    {
        LocalDraft draft;
        draft.text = "This is a smple text";
        draft.language = "en_US";
        ArticleEditorDialog editor(*m_publisher, draft);
        editor.show();
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        auto *language = editor.findChild<QComboBox *>("spellLanguageCombo");
        QCOMPARE(language->currentData().toString(), QString("en_US"));

        QTextCursor atWord = text->textCursor();
        atWord.setPosition(12); // inside "smple"
        const QPoint position = text->cursorRect(atWord).center();
        std::unique_ptr<QMenu> menu(editor.createTextContextMenu(position));
        QAction *simple = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->objectName() == "spellingSuggestion" && action->text() == "simple")
                simple = action;
        }
        QVERIFY(simple);
        QVERIFY(menu->findChild<QAction *>("ignoreSpelling"));
        simple->trigger();
        QCOMPARE(text->toPlainText(), QString("This is a simple text"));
        // A correct word gets the usual menu only.
        std::unique_ptr<QMenu> plain(editor.createTextContextMenu(position));
        QVERIFY(!plain->findChild<QAction *>("ignoreSpelling"));

        // Another language, kept with the draft.
        const int german = language->findData("de_DE");
        QVERIFY(german > 0);
        language->setCurrentIndex(german);
        emit language->activated(german);
        editor.saveDraft();
        const QList<LocalDraft> drafts = m_store->drafts();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().language, QString("de_DE"));
    }

    void typingIsSavedAsADraftOnceTypingStops()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QSignalSpy saved(&editor, &ArticleEditorDialog::draftSaved);
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QTest::keyClicks(editor.findChild<QLineEdit *>("titleEdit"), "Autosaved");
        QTest::keyClicks(text, "Some words");
        QTest::qWait(1000);
        QTest::keyClicks(text, " more"); // restarts the wait
        QElapsedTimer sinceLastKey;
        sinceLastKey.start();
        QVERIFY(m_store->drafts().isEmpty()); // not at every keystroke
        QVERIFY(saved.wait(5000));
        const qint64 elapsed = sinceLastKey.elapsed();
        qInfo("saved %lld ms after the last keystroke", elapsed);
        QVERIFY(elapsed >= ArticleEditorDialog::AutosaveDelayMs - 50);
        QCOMPARE(saved.count(), 1);
        const QList<LocalDraft> drafts = m_store->drafts();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().title, "Autosaved");
        QCOMPARE(drafts.first().text, "Some words more");
        QCOMPARE(drafts.first().cursorPosition, 15);
        QVERIFY(drafts.first().isOpenInEditor);
        QCOMPARE(editor.findChild<QLabel *>("draftStatusLabel")->text().isEmpty(), false);
    }

    void typingThatNeverPausesIsSavedAllTheSame()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QSignalSpy saved(&editor, &ArticleEditorDialog::draftSaved);
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QElapsedTimer sinceFirstKey;
        sinceFirstKey.start();
        // A key every 300 ms never leaves the 2 s pause that saves; before the deadline a crash would
        // have lost all of it.
        int typed = 0;
        while (saved.isEmpty() && sinceFirstKey.elapsed() < 3 * ArticleEditorDialog::AutosaveAtMostMs) {
            QTest::keyClicks(text, "x");
            ++typed;
            QTest::qWait(300);
        }
        const qint64 elapsed = sinceFirstKey.elapsed();
        qInfo("saved %lld ms after the first keystroke, %d typed", elapsed, typed);
        QCOMPARE(saved.count(), 1);
        QVERIFY(elapsed >= ArticleEditorDialog::AutosaveAtMostMs - 50);
        QVERIFY(elapsed < ArticleEditorDialog::AutosaveAtMostMs + 1000);
        const QList<LocalDraft> drafts = m_store->drafts();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().text, QString(typed, QLatin1Char('x')));
        // The next stretch of typing has a deadline of its own.
        QTest::keyClicks(text, "y");
        QVERIFY(saved.wait(ArticleEditorDialog::AutosaveDelayMs + 1000));
        QCOMPARE(m_store->drafts().first().text, QString(typed, QLatin1Char('x')) + "y");
    }

    void leavingAFieldSavesAtOnce()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        showActive(editor);
        auto *title = editor.findChild<QLineEdit *>("titleEdit");
        title->setFocus();
        QTest::keyClicks(title, "Focus");
        QVERIFY(m_store->drafts().isEmpty());
        editor.findChild<QLineEdit *>("descriptionEdit")->setFocus();
        QCOMPARE(m_store->drafts().size(), 1);
        QCOMPARE(m_store->drafts().first().title, "Focus");
    }

    void closingKeepsWhatWasTypedAndNothingForAnEmptyEditor()
    {
        {
            ArticleEditorDialog empty(*m_publisher, LocalDraft {});
            empty.show();
            QTest::mouseClick(empty.findChild<QPushButton *>("closeButton"), Qt::LeftButton);
        }
        QVERIFY(m_store->drafts().isEmpty());
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QTest::keyClicks(editor.findChild<QPlainTextEdit *>("textEdit"), "Closed quickly");
        QTest::mouseClick(editor.findChild<QPushButton *>("closeButton"), Qt::LeftButton);
        QVERIFY(!editor.isVisible());
        QCOMPARE(m_store->drafts().size(), 1);
        QCOMPARE(m_store->drafts().first().text, "Closed quickly");
        // Closed on purpose: not offered back as if the app had crashed.
        QVERIFY(m_store->draftsLeftOpen().isEmpty());
    }

    void reopeningADraftRestoresTextAndCursor()
    {
        LocalDraft draft;
        draft.title = "Reopened";
        draft.text = "line one\nline two";
        draft.cursorPosition = 4;
        QVERIFY(m_store->save(draft));
        ArticleEditorDialog editor(*m_publisher, *m_store->find(draft.id));
        editor.show();
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QCOMPARE(text->toPlainText(), "line one\nline two");
        QCOMPARE(text->textCursor().position(), 4);
        QCOMPARE(editor.findChild<QLineEdit *>("titleEdit")->text(), "Reopened");
        QVERIFY(m_store->find(draft.id)->isOpenInEditor);
        // Typing goes on where it stopped, not in the title.
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QCOMPARE(QApplication::focusWidget(), text);
    }

    void aNewArticleStartsAtItsTitle()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QCOMPARE(QApplication::focusWidget(), editor.findChild<QLineEdit *>("titleEdit"));
    }

    void publishingDropsTheDraftOnlyOnceTheServerHasIt()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QSignalSpy published(&editor, &ArticleEditorDialog::articleSaved);
        QTest::keyClicks(editor.findChild<QLineEdit *>("titleEdit"), "From a draft");
        QTest::keyClicks(editor.findChild<QLineEdit *>("descriptionEdit"), "d");
        QTest::keyClicks(editor.findChild<QPlainTextEdit *>("textEdit"), "Body");
        QTest::mouseClick(editor.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        // Kept until the answer comes.
        QCOMPARE(m_store->drafts().size(), 1);
        QVERIFY(published.wait(10000));
        QCOMPARE(storedTitle("from-a-draft"), "From a draft");
        QVERIFY(m_store->drafts().isEmpty());
        QVERIFY(!editor.isVisible());
    }

    void aRefusedDraftIsKeptWithTheReason()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        QTest::keyClicks(editor.findChild<QPlainTextEdit *>("textEdit"), "No title yet");
        QTest::mouseClick(editor.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_store->drafts().isEmpty() && !m_store->drafts().first().lastError.isEmpty());
        QCOMPARE(m_store->drafts().first().text, "No title yet");
        QVERIFY(editor.isVisible());
        QCOMPARE(m_http.get(m_server->url("/article")).json().value("total").toInt(), 3);
    }

    void anEditDraftRemembersTheVersionItBeganFrom()
    {
        const Article article = loadArticle("title-1-3");
        QVERIFY(article.version > 0);
        ArticleEditorDialog editor(*m_publisher, draftOf(article));
        editor.show();
        QCOMPARE(editor.findChild<QLineEdit *>("titleEdit")->text(), article.title);
        QTest::keyClicks(editor.findChild<QPlainTextEdit *>("textEdit"), "!");
        editor.saveDraft();
        const auto draft = m_store->findForArticle(article.id);
        QVERIFY(draft);
        QCOMPARE(draft->baseVersion, article.version);
        QCOMPARE(draft->articleSlug, "title-1-3");
    }

    void ctrlSSavesTheDraftAtOnce()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        showActive(editor);
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        text->setFocus();
        QTest::keyClicks(text, "Saved by hand");
        QVERIFY(m_store->drafts().isEmpty());
        QTest::keyClick(text, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(m_store->drafts().size(), 1);
        QCOMPARE(m_store->drafts().first().text, "Saved by hand");
        QCOMPARE(text->toPlainText(), "Saved by hand"); // not typed as an "s"
    }

    void ctrlEnterPublishes()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        showActive(editor);
        QSignalSpy published(&editor, &ArticleEditorDialog::articleSaved);
        QTest::keyClicks(editor.findChild<QLineEdit *>("titleEdit"), "By keyboard");
        QTest::keyClicks(editor.findChild<QLineEdit *>("descriptionEdit"), "d");
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        text->setFocus();
        QTest::keyClicks(text, "Body");
        QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(published.wait(10000));
        QCOMPARE(storedTitle("by-keyboard"), "By keyboard");
        QVERIFY(m_store->drafts().isEmpty());
    }

    void theWordCountFollowsTheText()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        auto *count = editor.findChild<QLabel *>("wordCountLabel");
        QCOMPARE(count->text(), "Words: 0");
        editor.findChild<QPlainTextEdit *>("textEdit")
            ->insertPlainText("# Title\n\n- **one** two, don't - 42");
        QCOMPARE(count->text(), "Words: 5");
        QCOMPARE(ArticleEditorDialog::wordCount("Grüße aus Köln — schön!"), 4);
        QCOMPARE(ArticleEditorDialog::wordCount("  \n# - ** >"), 0);
    }

    void theTextIsHighlightedAsItIsTyped()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.show();
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QVERIFY(text->document()->findChild<QSyntaxHighlighter *>());
        QCoreApplication::processEvents(); // the highlighter's first pass
        QTest::keyClicks(text, "# Heading");
        const auto formats = text->document()->firstBlock().layout()->formats();
        QVERIFY(!formats.isEmpty());
        QCOMPARE(formats.first().format.fontWeight(), int(QFont::Bold));
    }

    void thePreviewBesideTheTextRendersWhatIsTyped()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        showActive(editor);
        auto *preview = editor.findChild<MarkdownPreview *>("previewBrowser");
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QVERIFY(editor.isPreviewVisible());
        QVERIFY(preview->isVisible() && text->isVisible()); // side by side, not one or the other
        QVERIFY(preview->geometry().left() >= text->geometry().right());
        QTest::keyClicks(text, "## Hello **world**");
        QTRY_COMPARE(preview->document()->firstBlock().text(), "Hello world");
        QCOMPARE(preview->document()->firstBlock().blockFormat().headingLevel(), 2);

        // Turned off, it stays off for the next editor.
        editor.findChild<QToolButton *>("previewButton")->click();
        QVERIFY(!preview->isVisible());
        ArticleEditorDialog next(*m_publisher, LocalDraft {});
        QVERIFY(!next.isPreviewVisible());
        next.setPreviewVisible(true);
        QVERIFY(next.isPreviewVisible());
    }

    void thePreviewFollowsTheTextsScroll()
    {
        QString markdown;
        for (int section = 1; section <= 6; ++section) {
            markdown += QStringLiteral("# Section %1\n\n").arg(section);
            for (int line = 0; line < 30; ++line)
                markdown += QStringLiteral("Line %1 of section %2, a sentence long enough to be a line.\n\n")
                                .arg(line)
                                .arg(section);
        }
        QCOMPARE(MarkdownPreview::headingLines(markdown).size(), 6);
        QCOMPARE(MarkdownPreview::headingLines("Title\n=====\n\n```\n# not a heading\n```\n- a\n\n---\n"),
            QList<int> { 0 });

        LocalDraft draft;
        draft.title = "Long";
        draft.text = markdown;
        ArticleEditorDialog editor(*m_publisher, draft);
        showActive(editor);
        auto *preview = editor.findChild<MarkdownPreview *>("previewBrowser");
        auto *text = editor.findChild<QPlainTextEdit *>("textEdit");
        QTRY_COMPARE(preview->document()->firstBlock().text(), "Section 1");

        const int section4 = MarkdownPreview::headingLines(markdown).at(3);
        text->verticalScrollBar()->setValue(section4); // QPlainTextEdit scrolls by line
        QCOMPARE(text->cursorForPosition(QPoint(0, 0)).blockNumber(), section4);
        QTRY_VERIFY(preview->verticalScrollBar()->value() > 0);
        QCOMPARE(preview->cursorForPosition(QPoint(0, 0)).block().text(), "Section 4");

        // Halfway to the next heading in the text is about halfway there in the preview.
        const int section5 = MarkdownPreview::headingLines(markdown).at(4);
        text->verticalScrollBar()->setValue((section4 + section5) / 2);
        const QString middle = preview->cursorForPosition(QPoint(0, 0)).block().text();
        QVERIFY2(middle.contains("of section 4"), qPrintable(middle));
        const int line = middle.section(' ', 1, 1).toInt();
        QVERIFY2(line >= 10 && line <= 20, qPrintable(middle));

        text->verticalScrollBar()->setValue(0);
        QCOMPARE(preview->verticalScrollBar()->value(), 0);
    }

    void tagsAreCompletedFromThoseInUse()
    {
        ArticleEditorDialog editor(*m_publisher, LocalDraft {});
        editor.setKnownTags({ "qt", "databases", "qml", "Qt", "rust" });
        showActive(editor);
        auto *tags = editor.findChild<QLineEdit *>("tagsEdit");
        tags->setFocus();
        QTest::keyClicks(tags, "rust, q");
        QCompleter *completer = tags->completer();
        QVERIFY(completer);
        QCOMPARE(completer->completionCount(), 2); // qml, qt: "Qt" is the same tag
        QTRY_VERIFY(completer->popup()->isVisible());
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(tags->text(), "rust, qml, ");
        QTest::keyClicks(tags, "DA");
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), "rust, qml, databases, ");
    }

    void publishingOverAChangeMadeElsewhereAsksTheAuthor_data()
    {
        QTest::addColumn<ConflictChoice>("choice");
        QTest::newRow("keep mine") << ConflictChoice::KeepMine;
        QTest::newRow("take theirs") << ConflictChoice::TakeTheirs;
        QTest::newRow("keep mine as a new draft") << ConflictChoice::KeepMineAsNewDraft;
        QTest::newRow("undecided") << ConflictChoice::Undecided;
    }
    void publishingOverAChangeMadeElsewhereAsksTheAuthor()
    {
        QFETCH(ConflictChoice, choice);
        const Article loaded = loadArticle("title-1-3");
        ArticleEditorDialog editor(*m_publisher, draftOf(loaded));
        QList<Article> asked;
        editor.setResolveConflict([&](const LocalDraft &, const Article &theirs) {
            asked.append(theirs);
            return choice;
        });
        QSignalSpy savedSpy(&editor, &ArticleEditorDialog::articleSaved);
        editor.show();

        // Someone else (another device) changes the title meanwhile.
        QCOMPARE(m_http.patch(m_server->url("/article/1"), { { "title", "Theirs" } }, token()).status, 200);

        auto *title = editor.findChild<QLineEdit *>("titleEdit");
        title->clear();
        QTest::keyClicks(title, "Mine");
        QTest::mouseClick(editor.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, "Theirs");

        switch (choice) {
        case ConflictChoice::KeepMine:
            QTRY_COMPARE(savedSpy.count(), 1);
            QCOMPARE(savedSpy.first().first().value<Article>().title, "Mine");
            QCOMPARE(storedTitle("title-1-3"), "Mine");
            QVERIFY(m_store->drafts().isEmpty());
            break;
        case ConflictChoice::TakeTheirs:
            QTRY_COMPARE(title->text(), "Theirs");
            QCOMPARE(savedSpy.count(), 0);
            QVERIFY(editor.isVisible());
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            // The draft now starts from their version: publishing again is no conflict.
            QCOMPARE(m_store->findForArticle(1)->title, "Theirs");
            QCOMPARE(m_store->findForArticle(1)->baseVersion, asked.first().version);
            break;
        case ConflictChoice::KeepMineAsNewDraft: {
            QTest::qWait(200);
            QCOMPARE(savedSpy.count(), 0);
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            QCOMPARE(storedTitle("mine"), QString()); // a draft, not published
            const QList<LocalDraft> drafts = m_store->drafts();
            QCOMPARE(drafts.size(), 1);
            QCOMPARE(drafts.first().title, "Mine");
            QVERIFY(!drafts.first().isEdit());
            QCOMPARE(editor.windowTitle(), "New article");
            break;
        }
        case ConflictChoice::Undecided:
            QTest::qWait(200);
            QCOMPARE(title->text(), "Mine"); // nothing of the author's is lost
            QCOMPARE(savedSpy.count(), 0);
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            QCOMPARE(m_store->findForArticle(1)->title, "Mine");
            break;
        }
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(TestArticleEditorDialog)
#include "TestArticleEditorDialog.moc"
