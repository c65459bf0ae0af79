#pragma once

#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace blog {

// Markdown as it is typed: headings, emphasis, inline code and fenced code blocks, links, list
// markers and quotes. Colours come from the palette it is given, so dark themes read as well as light.
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    MarkdownHighlighter(QTextDocument *document, const QPalette &palette);

    // The state of a block inside a fenced code block (```), carried to the next block.
    static constexpr int InCodeBlock = 1;

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyInline(const QString &text, const QRegularExpression &pattern, const QTextCharFormat &format);

    QTextCharFormat m_heading;
    QTextCharFormat m_bold;
    QTextCharFormat m_italic;
    QTextCharFormat m_code;
    QTextCharFormat m_link;
    QTextCharFormat m_marker;
    QTextCharFormat m_quote;
    QRegularExpression m_fence;
    QRegularExpression m_headingLine;
    QRegularExpression m_quoteLine;
    QRegularExpression m_listMarker;
    QRegularExpression m_boldSpan;
    QRegularExpression m_italicSpan;
    QRegularExpression m_codeSpan;
    QRegularExpression m_linkSpan;
};

} // namespace blog
