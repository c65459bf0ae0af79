#include "Timestamp.h"

#include <QRandomGenerator>
#include <QTest>

using namespace blog;

// The hand-written fast path must say exactly what Qt's ISO 8601 code says, and leave the rest to it.
class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void formatsLikeQt()
    {
        QRandomGenerator random(20261125);
        const qint64 from = QDateTime(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(QDate(2200, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(random.bounded(from, to), Qt::UTC);
            const QString expected = time.toString(Qt::ISODateWithMs);
            QCOMPARE(Timestamp::toString(time), expected);
            QCOMPARE(Timestamp::toString(time.toLocalTime()), expected);
            QCOMPARE(Timestamp::fromString(expected), time);
        }
    }

    void edges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00.000Z");
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:34:56.789Z");
        QTest::newRow("end of year") << QStringLiteral("1999-12-31T23:59:59.999Z");
        QTest::newRow("year 1") << QStringLiteral("0001-01-01T00:00:00.000Z");
    }
    void edges()
    {
        QFETCH(QString, text);
        const QDateTime parsed = Timestamp::fromString(text);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed, QDateTime::fromString(text, Qt::ISODateWithMs));
        QCOMPARE(Timestamp::toString(parsed), text);
    }

    void otherFormsGoToQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty: invalid
        QTest::newRow("no milliseconds")
            << QStringLiteral("2026-11-25T19:04:12Z") << QStringLiteral("2026-11-25T19:04:12.000Z");
        QTest::newRow("offset") << QStringLiteral("2026-11-25T19:04:12.500+01:00")
                                << QStringLiteral("2026-11-25T18:04:12.500Z");
        QTest::newRow("30 February") << QStringLiteral("2026-02-30T00:00:00.000Z") << QString();
        // ISO 8601's end of day, which Qt reads as the next midnight
        QTest::newRow("hour 24") << QStringLiteral("2026-11-25T24:00:00.000Z")
                                 << QStringLiteral("2026-11-26T00:00:00.000Z");
        QTest::newRow("minute 60") << QStringLiteral("2026-11-25T10:60:00.000Z") << QString();
        QTest::newRow("letter in digits") << QStringLiteral("2026-1a-25T10:00:00.000Z") << QString();
        QTest::newRow("non-ASCII digit") << QStringLiteral("2026-11-2\u0665T10:00:00.000Z") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("garbage of the right length")
            << QStringLiteral("xxxxxxxxxxxxxxxxxxxxxxxx") << QString();
    }
    void otherFormsGoToQt()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const QDateTime parsed = Timestamp::fromString(text);
        if (utc.isEmpty()) {
            QVERIFY2(!parsed.isValid(), qPrintable(parsed.toString(Qt::ISODateWithMs)));
            QVERIFY(Timestamp::toString(parsed).isEmpty());
        } else {
            QCOMPARE(Timestamp::toString(parsed), utc);
        }
    }
};

QTEST_APPLESS_MAIN(TestTimestamp)
#include "TestTimestamp.moc"
