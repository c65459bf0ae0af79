#include "LineDiff.h"

#include <vector>

namespace blog {

QList<LineDiff::Line> LineDiff::compare(const QString &mine, const QString &theirs)
{
    const QStringList a = mine.split(QLatin1Char('\n'));
    const QStringList b = theirs.split(QLatin1Char('\n'));
    // The common head and tail cost nothing; only the middle needs the quadratic table.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
        && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;

    QList<Line> lines;
    for (qsizetype i = 0; i < head; ++i)
        lines.append({ Side::Both, a.at(i) });
    if (n > MaxCompared || m > MaxCompared) {
        for (qsizetype i = 0; i < n; ++i)
            lines.append({ Side::OnlyMine, a.at(head + i) });
        for (qsizetype j = 0; j < m; ++j)
            lines.append({ Side::OnlyTheirs, b.at(head + j) });
    } else {
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..] (middles only).
        std::vector<std::vector<int>> common(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                common[i][j] = a.at(head + i) == b.at(head + j)
                    ? common[i + 1][j + 1] + 1
                    : std::max(common[i + 1][j], common[i][j + 1]);
            }
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.at(head + i) == b.at(head + j)) {
                lines.append({ Side::Both, a.at(head + i) });
                ++i;
                ++j;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                lines.append({ Side::OnlyTheirs, b.at(head + j++) });
            } else {
                lines.append({ Side::OnlyMine, a.at(head + i++) });
            }
        }
    }
    for (qsizetype i = a.size() - tail; i < a.size(); ++i)
        lines.append({ Side::Both, a.at(i) });
    return lines;
}

QString LineDiff::describe(const QList<Line> &lines, int context)
{
    QStringList out;
    qsizetype lastShown = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        bool nearChange = lines.at(i).side != Side::Both;
        for (qsizetype k = std::max<qsizetype>(0, i - context);
             !nearChange && k <= std::min(lines.size() - 1, i + context); ++k)
            nearChange = lines.at(k).side != Side::Both;
        if (!nearChange)
            continue;
        if (lastShown >= 0 && i > lastShown + 1)
            out.append(QStringLiteral("…"));
        switch (lines.at(i).side) {
        case Side::Both:
            out.append(QStringLiteral("        ") + lines.at(i).text);
            break;
        case Side::OnlyMine:
            out.append(tr("mine:   %1").arg(lines.at(i).text));
            break;
        case Side::OnlyTheirs:
            out.append(tr("theirs: %1").arg(lines.at(i).text));
            break;
        }
        lastShown = i;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace blog
