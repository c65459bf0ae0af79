#include "MarkdownPreview.h"

#include <QAbstractTextDocumentLayout>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>

namespace blog {

MarkdownPreview::MarkdownPreview(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
}

void MarkdownPreview::showMarkdown(const QString &markdown)
{
    const int scroll = verticalScrollBar()->value();
    setMarkdown(markdown);
    verticalScrollBar()->setValue(scroll); // re-rendering alone must not jump to the top
    m_headingLines = headingLines(markdown);
    m_sourceLineCount = int(markdown.count(QLatin1Char('\n'))) + 1;
}

QList<int> MarkdownPreview::headingLines(const QString &markdown)
{
    static const QRegularExpression atx(QStringLiteral("^ {0,3}#{1,6}(\\s|$)"));
    static const QRegularExpression setextUnderline(QStringLiteral("^ {0,3}(=+|-+)\\s*$"));
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"));
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QList<int> headings;
    bool inCode = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (fence.match(line).hasMatch()) {
            inCode = !inCode;
            continue;
        }
        if (inCode)
            continue;
        if (atx.match(line).hasMatch()) {
            headings.append(i);
        } else if (i > 0 && !lines.at(i - 1).trimmed().isEmpty() && setextUnderline.match(line).hasMatch()
            && !atx.match(lines.at(i - 1)).hasMatch() && (headings.isEmpty() || headings.last() != i - 1)) {
            // "---" under a paragraph line makes it a heading; under nothing it is a rule.
            headings.append(i - 1);
        }
    }
    return headings;
}

QList<MarkdownPreview::Landmark> MarkdownPreview::landmarks()
{
    QTextDocument *rendered = document();
    QAbstractTextDocumentLayout *layout = rendered->documentLayout();
    QList<Landmark> marks { { 0, 0 } };
    int heading = 0;
    for (QTextBlock block = rendered->begin(); block.isValid() && heading < m_headingLines.size();
         block = block.next()) {
        if (block.blockFormat().headingLevel() > 0)
            marks.append({ m_headingLines.at(heading++), layout->blockBoundingRect(block).top() });
    }
    marks.append({ qMax(m_sourceLineCount, marks.last().sourceLine + 1), layout->documentSize().height() });
    return marks;
}

qreal MarkdownPreview::documentOffsetOf(int sourceLine)
{
    const QList<Landmark> marks = landmarks();
    for (qsizetype i = 1; i < marks.size(); ++i) {
        const Landmark &before = marks.at(i - 1);
        const Landmark &after = marks.at(i);
        if (sourceLine < after.sourceLine) {
            const qreal fraction
                = qreal(sourceLine - before.sourceLine) / (after.sourceLine - before.sourceLine);
            return before.offset + fraction * (after.offset - before.offset);
        }
    }
    return marks.last().offset;
}

void MarkdownPreview::followSourceLine(int sourceLine)
{
    // At the very top, the top: not the first heading's offset below the document's margin.
    verticalScrollBar()->setValue(sourceLine <= 0 ? 0 : qRound(documentOffsetOf(sourceLine)));
}

} // namespace blog
