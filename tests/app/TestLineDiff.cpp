#include "LineDiff.h"

#include <QTest>

using namespace blog;
using Side = LineDiff::Side;

// What the conflict question shows of two versions of a text: the lines each has alone, in order.
class TestLineDiff : public QObject
{
    Q_OBJECT

    static QString sides(const QList<LineDiff::Line> &lines)
    {
        QString out;
        for (const auto &line : lines)
            out += line.side == Side::Both ? ' ' : line.side == Side::OnlyMine ? '-' : '+';
        return out;
    }

private slots:
    void equalTextsShareEveryLine()
    {
        QCOMPARE(sides(LineDiff::compare("a\nb\nc", "a\nb\nc")), "   ");
        QCOMPARE(LineDiff::describe(LineDiff::compare("a\nb", "a\nb")), QString());
    }

    void aChangedLineIsOnlyMineThenOnlyTheirs()
    {
        const auto lines = LineDiff::compare("a\nb\nc\nd", "a\nB\nc\nd\ne");
        QCOMPARE(sides(lines), " +-  +");
        QCOMPARE(lines.at(1), (LineDiff::Line { Side::OnlyTheirs, "B" }));
        QCOMPARE(lines.at(2), (LineDiff::Line { Side::OnlyMine, "b" }));
    }

    void theLongestCommonPartIsKept()
    {
        // "x" moved from the start to the end: the four lines between stay common.
        QCOMPARE(sides(LineDiff::compare("x\n1\n2\n3\n4", "1\n2\n3\n4\nx")), "-    +");
    }

    void describeShowsChangesWithContextAndElidesTheRest()
    {
        QStringList mine;
        for (int i = 0; i < 20; ++i)
            mine << QString::number(i);
        QStringList theirs = mine;
        theirs[3] = "three";
        theirs[15] = "fifteen";
        const QString described = LineDiff::describe(LineDiff::compare(mine.join('\n'), theirs.join('\n')));
        QCOMPARE(described.split('\n'),
            QStringList({ "        2", "theirs: three", "mine:   3", "        4", "…", "        14",
                "theirs: fifteen", "mine:   15", "        16" }));
    }

    void hugeTextsStayCheap()
    {
        QStringList mine;
        QStringList theirs;
        for (int i = 0; i < 50000; ++i) {
            mine << QString("line %1").arg(i);
            theirs << QString("line %1").arg(i % 7 == 0 ? -i : i);
        }
        const auto lines = LineDiff::compare(mine.join('\n'), theirs.join('\n'));
        QCOMPARE(lines.first().side, Side::Both); // "line 0" is the same on both sides
        QVERIFY(lines.size() > 50000);
    }
};

QTEST_APPLESS_MAIN(TestLineDiff)
#include "TestLineDiff.moc"
