#include "PasswordHasher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace blog;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void productionCostIsTheArgon2PackageDefault()
    {
        const PasswordHasher hasher;
        QElapsedTimer timer;
        timer.start();
        const QString hash = hasher.hash("password123");
        qInfo() << "one argon2id hash at m=64MiB,t=3,p=4 took" << timer.elapsed() << "ms";
        QVERIFY2(hash.startsWith("$argon2id$v=19$m=65536,t=3,p=4$"), qPrintable(hash));
        QVERIFY(hasher.verify("password123", hash));
        QVERIFY(!hasher.verify("password124", hash));
    }

    void saltMakesEveryHashDifferent()
    {
        const PasswordHasher hasher({ 1024, 1, 1 });
        QVERIFY(hasher.hash("same") != hasher.hash("same"));
    }

    void verifiesHashesMadeWithAnotherCost()
    {
        const PasswordHasher cheap({ 1024, 1, 1 });
        const PasswordHasher other({ 2048, 2, 1 });
        QVERIFY(other.verify("pässwörd", cheap.hash("pässwörd")));
    }

    void refusesWhatIsNotAnArgon2idHash()
    {
        const PasswordHasher hasher({ 1024, 1, 1 });
        QVERIFY(!hasher.verify("x", ""));
        QVERIFY(!hasher.verify("x", "plain-text"));
        QVERIFY(!hasher.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
