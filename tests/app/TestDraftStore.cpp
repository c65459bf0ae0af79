#include "DraftStore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;

// The drafts database on its own: a real SQLite file in a temp dir, reopened as the next start would.
class TestDraftStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath("drafts/account.sqlite"); }

    static void rawExec(const QString &file, const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
            db.setDatabaseName(file);
            QVERIFY(db.open());
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                QVERIFY2(query.exec(statement), qPrintable(statement));
            }
        }
        QSqlDatabase::removeDatabase("raw");
    }

    static QVariant rawScalar(const QString &file, const QString &sql)
    {
        QVariant value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
            db.setDatabaseName(file);
            QSqlQuery query(db);
            if (db.open() && query.exec(sql) && query.next())
                value = query.value(0);
        }
        QSqlDatabase::removeDatabase("raw");
        return value;
    }

    static LocalDraft sampleDraft()
    {
        LocalDraft draft;
        draft.title = "A title";
        draft.description = "About it";
        draft.text = "# Heading\n\nSome *text* with ünïcödé.";
        draft.tags = { "qt", "c++" };
        draft.cursorPosition = 12;
        return draft;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(path()); }

    void createsTheFileWithItsSchemaVersion()
    {
        DraftStore store(path());
        QVERIFY2(store.isOpen(), qPrintable(store.errorString()));
        QVERIFY(QFile::exists(path()));
        QCOMPARE(store.schemaVersion(), DraftStore::SchemaVersion);
        QVERIFY(store.drafts().isEmpty());
    }

    void aDraftSurvivesReopeningWithEveryField()
    {
        LocalDraft draft = sampleDraft();
        {
            DraftStore store(path());
            QSignalSpy changed(&store, &DraftStore::draftsChanged);
            QVERIFY(store.save(draft));
            QVERIFY(draft.id > 0);
            QVERIFY(draft.updatedAt.isValid());
            QCOMPARE(changed.count(), 1);
        }
        DraftStore reopened(path());
        const auto found = reopened.find(draft.id);
        QVERIFY(found);
        QCOMPARE(found->title, draft.title);
        QCOMPARE(found->description, draft.description);
        QCOMPARE(found->text, draft.text);
        QCOMPARE(found->tags, draft.tags);
        QCOMPARE(found->cursorPosition, 12);
        QCOMPARE(found->articleId, 0);
        QCOMPARE(found->state, LocalDraft::State::Editing);
        QCOMPARE(found->updatedAt, draft.updatedAt);
    }

    void savingAgainUpdatesTheSameDraft()
    {
        DraftStore store(path());
        LocalDraft draft = sampleDraft();
        QVERIFY(store.save(draft));
        const qint64 id = draft.id;
        draft.text = "Changed";
        draft.cursorPosition = 3;
        QVERIFY(store.save(draft));
        QCOMPARE(draft.id, id);
        QCOMPARE(store.drafts().size(), 1);
        QCOMPARE(store.find(id)->text, "Changed");
        QCOMPARE(store.find(id)->cursorPosition, 3);
    }

    void draftsAreListedNewestFirst()
    {
        DraftStore store(path());
        LocalDraft first = sampleDraft();
        LocalDraft second = sampleDraft();
        second.title = "Second";
        QVERIFY(store.save(first));
        QTest::qWait(5);
        QVERIFY(store.save(second));
        QCOMPARE(store.drafts().first().id, second.id);
        QTest::qWait(5);
        QVERIFY(store.save(first));
        QCOMPARE(store.drafts().first().id, first.id);
    }

    void anEditDraftRemembersItsArticleAndVersion()
    {
        DraftStore store(path());
        Article article;
        article.id = 7;
        article.slug = "seven";
        article.title = "Seven";
        article.version = 4;
        LocalDraft draft = draftOf(article);
        QVERIFY(store.save(draft));
        const auto found = store.findForArticle(7);
        QVERIFY(found);
        QCOMPARE(found->id, draft.id);
        QCOMPARE(found->baseVersion, 4);
        QCOMPARE(found->articleSlug, "seven");
        QVERIFY(found->isEdit());
        QVERIFY(!store.findForArticle(8));
        // One draft an article: a second one is refused, the first is untouched.
        LocalDraft another = draftOf(article);
        another.title = "Other";
        QVERIFY(!store.save(another));
        QCOMPARE(store.drafts().size(), 1);
        QCOMPARE(store.findForArticle(7)->title, "Seven");
    }

    void stateOpenFlagAndRemoval()
    {
        DraftStore store(path());
        LocalDraft a = sampleDraft();
        LocalDraft b = sampleDraft();
        QVERIFY(store.save(a));
        QVERIFY(store.save(b));
        QVERIFY(store.setState(a.id, LocalDraft::State::Queued));
        QCOMPARE(store.queuedDrafts().size(), 1);
        QCOMPARE(store.queuedDrafts().first().id, a.id);
        QVERIFY(store.setState(a.id, LocalDraft::State::Editing, "refused"));
        QCOMPARE(store.find(a.id)->lastError, "refused");
        QVERIFY(store.queuedDrafts().isEmpty());

        QVERIFY(store.draftsLeftOpen().isEmpty());
        QVERIFY(store.setOpenInEditor(b.id, true));
        QCOMPARE(store.draftsLeftOpen().size(), 1);
        QCOMPARE(store.draftsLeftOpen().first().id, b.id);

        QVERIFY(store.remove(a.id));
        QVERIFY(!store.find(a.id));
        QCOMPARE(store.drafts().size(), 1);
        // A draft removed meanwhile is not brought back by a late save.
        QVERIFY(store.remove(b.id));
        QVERIFY(!store.save(b));
        QVERIFY(store.drafts().isEmpty());
    }

    void pendingCommentsAreKeptInOrderPerArticle()
    {
        DraftStore store(path());
        QSignalSpy changed(&store, &DraftStore::pendingCommentsChanged);
        const qint64 one = store.addPendingComment("a", "first");
        const qint64 two = store.addPendingComment("b", "second");
        const qint64 three = store.addPendingComment("a", "third");
        QVERIFY(one > 0 && two > 0 && three > 0);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(store.pendingComments().size(), 3);
        const auto onA = store.pendingComments("a");
        QCOMPARE(onA.size(), 2);
        QCOMPARE(onA.at(0).text, "first");
        QCOMPARE(onA.at(1).text, "third");
        QVERIFY(store.setPendingCommentError(one, "not found"));
        QCOMPARE(store.pendingComments("a").first().lastError, "not found");
        QVERIFY(store.removePendingComment(one));
        QCOMPARE(store.pendingComments("a").size(), 1);
    }

    void aRefusedCommentIsMarkedAsSuch()
    {
        DraftStore store(path());
        const qint64 again = store.addPendingComment("a", "server failing");
        const qint64 never = store.addPendingComment("b", "article gone");
        QVERIFY(store.setPendingCommentError(again, "Service unavailable"));
        QVERIFY(store.refusePendingComment(never, "Article not found"));
        const QList<PendingComment> kept = store.pendingComments();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept[0].lastError, "Service unavailable");
        QVERIFY(!kept[0].refused);
        QCOMPARE(kept[1].lastError, "Article not found");
        QVERIFY(kept[1].refused);
    }

    void aCommentInProgressIsKeptPerArticleUntilItIsBlank()
    {
        {
            DraftStore store(path());
            QCOMPARE(store.commentDraft("a"), "");
            QVERIFY(store.saveCommentDraft("a", "half a thought"));
            QVERIFY(store.saveCommentDraft("b", "another"));
            QVERIFY(store.saveCommentDraft("a", "half a thought, finished"));
        }
        DraftStore store(path()); // as the next start finds it
        QCOMPARE(store.commentDraft("a"), "half a thought, finished");
        QCOMPARE(store.commentDraft("b"), "another");
        QVERIFY(store.saveCommentDraft("a", "  \n"));
        QCOMPARE(store.commentDraft("a"), "");
        QCOMPARE(rawScalar(path(), "SELECT count(*) FROM comment_drafts").toInt(), 1);
    }

    void everyCommentInProgressIsListedNewestFirstAndEachChangeSaid()
    {
        DraftStore store(path());
        QSignalSpy changed(&store, &DraftStore::commentDraftChanged);
        // Slugs in the other order than their times: the list goes by time.
        QVERIFY(store.saveCommentDraft("b-older", "first"));
        QTest::qWait(5); // distinct times
        QVERIFY(store.saveCommentDraft("a-newer", "second"));
        const QList<CommentInProgress> comments = store.commentDrafts();
        QCOMPARE(comments.size(), 2);
        QCOMPARE(comments[0].articleSlug, "a-newer");
        QCOMPARE(comments[0].text, "second");
        QCOMPARE(comments[1].articleSlug, "b-older");
        QVERIFY(comments[1].updatedAt.isValid() && comments[1].updatedAt <= comments[0].updatedAt);
        QVERIFY(store.saveCommentDraft("b-older", " "));
        QCOMPARE(store.commentDrafts().size(), 1);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.last().at(0).toString(), "b-older");
        QCOMPARE(changed.last().at(1).toString(), ""); // removed
    }

    void anOlderFileIsBroughtUpToDateKeepingItsDrafts()
    {
        LocalDraft draft = sampleDraft();
        {
            DraftStore store(path());
            QVERIFY(store.save(draft));
        }
        // As version 1 left it: no tables for comments yet, no spelling language.
        rawExec(path(),
            { "DROP TABLE pending_comments", "DROP TABLE comment_drafts",
                "ALTER TABLE drafts DROP COLUMN language", "PRAGMA user_version = 1" });
        DraftStore store(path());
        QVERIFY2(store.isOpen(), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), DraftStore::SchemaVersion);
        QCOMPARE(store.find(draft.id)->title, draft.title);
        QVERIFY(store.addPendingComment("a", "works") > 0);
        QVERIFY(store.saveCommentDraft("a", "works too"));
        QCOMPARE(store.commentDraft("a"), "works too");
        LocalDraft upgraded = *store.find(draft.id);
        QCOMPARE(upgraded.language, QString());
        upgraded.language = "fr_FR";
        QVERIFY(store.save(upgraded));
        QCOMPARE(store.find(draft.id)->language, QString("fr_FR"));
    }

    void aFileFromANewerVersionIsNotTouched()
    {
        {
            DraftStore store(path());
            QVERIFY(store.isOpen());
        }
        rawExec(path(), { "PRAGMA user_version = 99" });
        DraftStore store(path());
        QVERIFY(!store.isOpen());
        QVERIFY(store.errorString().contains("newer"));
        LocalDraft draft = sampleDraft();
        QVERIFY(!store.save(draft));
        QCOMPARE(store.schemaVersion(), 99);
    }

    void eachAccountHasItsOwnFileUnderTheAppData()
    {
        const QString a = DraftStore::pathFor("http://blog.example", 1);
        QCOMPARE(DraftStore::pathFor("http://blog.example", 1), a);
        QVERIFY(a != DraftStore::pathFor("http://blog.example", 2));
        QVERIFY(a != DraftStore::pathFor("http://other.example", 1));
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts/"));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "TestDraftStore.moc"
