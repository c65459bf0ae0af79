#include "ApiClient.h"
#include "DraftListDialog.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "SignInDialog.h"
#include "Translations.h"

#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace blog;

// The embedded German and French translations load and are used by the real widgets.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanTranslatesTheSignInDialog()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German)));
        ApiClient api;
        SignInDialog dialog(api, "http://127.0.0.1:3001", QString());
        QCOMPARE(dialog.windowTitle(), "Bei Ihrem Blog anmelden");
        QCOMPARE(dialog.findChild<QPushButton *>("signInButton")->text(), "Anmelden");
        QCOMPARE(QCoreApplication::translate("blog::ArticleListModel", "Comments"), "Kommentare");
    }

    void frenchIsThereToo()
    {
        QVERIFY(Translations::install(QLocale(QLocale::French)));
        QCOMPARE(QCoreApplication::translate("blog::SignInDialog", "Sign in"), "Se connecter");
    }

    void theDraftsListSpeaksGermanToo()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German)));
        QTemporaryDir dir;
        ApiClient api;
        DraftStore store(dir.filePath("drafts.sqlite"));
        DraftPublisher publisher(api, store);
        DraftListDialog list(publisher);
        QCOMPARE(list.windowTitle(), "Entwürfe");
        QCOMPARE(list.findChild<QPushButton *>("publishDraftButton")->text(), "&Veröffentlichen");
    }

    // Every message lupdate found has a finished translation, in both languages.
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << QStringLiteral(BLOG_TRANSLATIONS_DIR "/blog_de.ts");
        QTest::newRow("fr") << QStringLiteral(BLOG_TRANSLATIONS_DIR "/blog_fr.ts");
    }
    void everyMessageIsTranslated()
    {
        QFETCH(QString, file);
        QFile ts(file);
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString source;
        QStringList untranslated;
        int messages = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const bool unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty())
                    untranslated.append(source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(" | ")));
    }

    void englishNeedsNone() { QVERIFY(!Translations::install(QLocale(QLocale::English))); }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
