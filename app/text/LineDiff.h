#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace blog {

// Which lines two versions of a text share and which only one of them has (longest common subsequence),
// so the conflict question can show what changed rather than only that something did.
class LineDiff
{
    Q_DECLARE_TR_FUNCTIONS(blog::LineDiff)

public:
    enum class Side { Both, OnlyMine, OnlyTheirs };
    struct Line
    {
        Side side = Side::Both;
        QString text;
        friend bool operator==(const Line &, const Line &) = default;
    };

    // Beyond this many lines a side, the lines between the common head and tail are shown as replaced.
    static constexpr qsizetype MaxCompared = 2000;

    static QList<Line> compare(const QString &mine, const QString &theirs);
    // The differing lines with `context` common lines around them; "…" where common lines are left out.
    static QString describe(const QList<Line> &lines, int context = 1);
};

} // namespace blog
