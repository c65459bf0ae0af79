#include "ApiClient.h"
#include "ArticleListModel.h"
#include "ArticleRepository.h"
#include "TestServer.h"
#include "WriteTransaction.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The listing model over a real server: pages as the view scrolls, 304 revalidation through the
// disk cache, and the last listing when the server is gone.
class TestArticleListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_cacheDir;

    void configure(ApiClient &api)
    {
        api.setBaseUrl(m_server->url(""));
        api.setCacheDirectory(m_cacheDir.filePath("http"));
    }

    static bool waitForPage(ArticleListModel &model)
    {
        QSignalSpy loaded(&model, &ArticleListModel::pageLoaded);
        return loaded.wait(10000);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void showsTheSeededArticlesWithTheirCommentCounts()
    {
        ApiClient api;
        configure(api);
        ArticleListModel model(api);
        model.refresh();
        QVERIFY(waitForPage(model));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.total(), 3);
        QCOMPARE(model.index(0, ArticleListModel::TitleColumn).data().toString(), "title 1/3");
        QCOMPARE(model.index(0, ArticleListModel::AuthorColumn).data().toString(), "Foo Bar");
        QCOMPARE(model.index(0, ArticleListModel::TagsColumn).data().toString(), "foo1, foo2");
        QList<int> counts;
        for (int row = 0; row < 3; ++row)
            counts.append(model.index(row, ArticleListModel::CommentsColumn).data().toInt());
        QCOMPARE(counts, QList<int>({ 2, 1, 3 }));
        QVERIFY(!model.canFetchMore());
    }

    void scrollingLoadsFurtherPages()
    {
        {
            // 500 articles written straight through the repository, in one transaction.
            ArticleRepository articles(m_server->database());
            WriteTransaction transaction(m_server->database());
            for (int i = 0; i < 497; ++i)
                articles.insert(1, QString("bulk-%1").arg(i),
                    ArticleDraft { QString("Bulk %1").arg(i), "d", "t", { "bulk" } });
            transaction.commit();
            m_server->api().listingCache().invalidate();
        }
        ApiClient api;
        configure(api);
        ArticleListModel model(api);
        model.refresh();
        QVERIFY(waitForPage(model));
        QCOMPARE(model.total(), 500);
        QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
        int pages = 1;
        while (model.canFetchMore()) {
            model.fetchMore();
            QVERIFY(waitForPage(model));
            ++pages;
        }
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(pages, 10);
        QCOMPARE(model.item(499).title, "Bulk 496");
    }

    void refreshingAnUnchangedListingIsAnswered304()
    {
        ApiClient api;
        configure(api);
        ArticleListModel model(api);
        model.refresh();
        QVERIFY(waitForPage(model));
        QVERIFY(!model.lastPageFromCache());
        const quint64 hitsBefore = m_server->api().listingCache().hits();
        model.refresh();
        QVERIFY(waitForPage(model));
        // The body came from the disk cache after the server said 304 Not Modified.
        QVERIFY(model.lastPageFromCache());
        QVERIFY(!model.isOffline());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(m_server->api().listingCache().hits() > hitsBefore); // the server was asked
    }

    void withTheServerGoneTheLastListingStaysAndSaysSo()
    {
        ApiClient api;
        configure(api);
        ArticleListModel model(api);
        model.refresh();
        QVERIFY(waitForPage(model));
        m_server.reset();
        QSignalSpy offline(&model, &ArticleListModel::offlineChanged);
        model.refresh();
        QVERIFY(waitForPage(model));
        QVERIFY(model.isOffline());
        QCOMPARE(offline.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, ArticleListModel::CommentsColumn).data().toInt(), 3);
        QVERIFY(!api.isOnline());
    }

    void aCommentCountCanBeBumpedInPlace()
    {
        ApiClient api;
        configure(api);
        ArticleListModel model(api);
        model.refresh();
        QVERIFY(waitForPage(model));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.changeCommentCount("title-2-3", +1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, ArticleListModel::CommentsColumn).data().toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestArticleListModel)
#include "TestArticleListModel.moc"
