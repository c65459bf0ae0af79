#pragma once

#include <QList>
#include <QTextBrowser>

namespace blog {

// The rendered view of the Markdown being written, kept beside the text. It follows the writer's scroll:
// headings are the landmarks (a source line and the rendered block it became), and between two landmarks
// the position is interpolated, so the heading at the top of the text is at the top of the preview.
class MarkdownPreview : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownPreview(QWidget *parent = nullptr);

    void showMarkdown(const QString &markdown);
    // Scrolls so that what `sourceLine` (0-based) of the Markdown became is at the top.
    void followSourceLine(int sourceLine);
    // Where the rendered form of `sourceLine` starts, in document coordinates.
    qreal documentOffsetOf(int sourceLine);

    // The 0-based lines of `markdown` that are headings (ATX "# …" and setext "…\n===="), outside code.
    static QList<int> headingLines(const QString &markdown);

private:
    struct Landmark
    {
        int sourceLine = 0;
        qreal offset = 0;
    };
    QList<Landmark> landmarks();

    QList<int> m_headingLines;
    int m_sourceLineCount = 0;
};

} // namespace blog
