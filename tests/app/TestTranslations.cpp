#include "ApiClient.h"
#include "SignInDialog.h"
#include "Translations.h"

#include <QPushButton>
#include <QTest>

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

    void englishNeedsNone() { QVERIFY(!Translations::install(QLocale(QLocale::English))); }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
