#include "SlugMaker.h"

#include <QTest>

using namespace blog;

class TestSlugMaker : public QObject
{
    Q_OBJECT

private slots:
    void fromTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("slug");
        QTest::newRow("tutorial seed") << "title 1/3"
                                       << "title-1-3";
        QTest::newRow("punctuation") << "Hello, World!"
                                     << "hello-world";
        QTest::newRow("spaces collapse") << "  many   spaces  "
                                         << "many-spaces";
        QTest::newRow("accents") << "Ünïcödé Straße"
                                 << "unicode-strasse";
        QTest::newRow("ligatures") << "Œuvre Æsir"
                                   << "oeuvre-aesir";
        QTest::newRow("polish") << "Łódź"
                                << "lodz";
        QTest::newRow("cyrillic stays readable") << "Привет мир"
                                                 << "привет-мир";
        QTest::newRow("cjk stays readable") << "你好 世界"
                                            << "你好-世界";
        QTest::newRow("apostrophe joins") << "Don't panic"
                                          << "dont-panic";
        QTest::newRow("digits") << "Qt 6.4 notes"
                                << "qt-6-4-notes";
        QTest::newRow("only symbols") << "!!! ???"
                                      << "article";
        QTest::newRow("emoji only") << "🎉🎉"
                                    << "article";
        QTest::newRow("emoji inside") << "party 🎉 time"
                                      << "party-time";
        QTest::newRow("empty") << ""
                               << "article";
        QTest::newRow("fullwidth") << "ＱＴ"
                                   << "qt";
    }

    void fromTitle()
    {
        QFETCH(QString, title);
        QFETCH(QString, slug);
        QCOMPARE(SlugMaker::fromTitle(title), slug);
    }

    void aWordBoundaryAtTheLimitStaysWithinIt()
    {
        // The input FuzzSlugMaker found: a separator right at character 79.
        const QString slug = SlugMaker::fromTitle(
            "i" + QString(28, '0') + "llo,2 World00p" + QString(40, '0') + "\xf3" + "00");
        QVERIFY2(slug.size() <= 80, qPrintable(slug));
        QVERIFY(!slug.endsWith('-'));
        QCOMPARE(SlugMaker::fromTitle(QString(79, 'a') + " b").size(), 79);
    }

    void longTitlesAreCut()
    {
        const QString slug = SlugMaker::fromTitle(QString(300, 'a') + " b");
        QVERIFY(slug.size() <= 80);
        QVERIFY(!slug.endsWith('-'));
    }
};

QTEST_GUILESS_MAIN(TestSlugMaker)
#include "TestSlugMaker.moc"
