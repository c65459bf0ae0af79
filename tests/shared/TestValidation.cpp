#include "Validation.h"

#include <QTest>

using namespace blog;

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void emailLike_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "foo@bar.com" << true;
        QTest::newRow("subdomain") << "a.b+c@mail.example.org" << true;
        QTest::newRow("unicode") << "jörg@bücher.de" << true;
        QTest::newRow("no at") << "foo.bar.com" << false;
        QTest::newRow("two ats") << "a@b@c.com" << false;
        QTest::newRow("no local part") << "@bar.com" << false;
        QTest::newRow("no dot in domain") << "foo@bar" << false;
        QTest::newRow("trailing dot") << "foo@bar." << false;
        QTest::newRow("leading dot") << "foo@.bar.com" << false;
        QTest::newRow("double dot") << "foo@bar..com" << false;
        QTest::newRow("space") << "fo o@bar.com" << false;
        QTest::newRow("newline") << "foo@bar.com\n" << false;
    }

    void emailLike()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(Validation::isEmailLike(email), valid);
    }

    void emailKeyIgnoresCaseAndSpace()
    {
        QCOMPARE(Validation::emailKey(" Foo@BAR.com "), Validation::emailKey("foo@bar.com"));
        QCOMPARE(Validation::emailKey("STRASSE@x.de"), Validation::emailKey("strasse@x.de"));
    }

    void tagsAreTrimmedAndUnique()
    {
        QCOMPARE(Validation::normalizedTags({ " a", "A ", "b", "a", "B" }), QStringList({ "a", "b" }));
        QCOMPARE(Validation::normalizedTags({}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "TestValidation.moc"
