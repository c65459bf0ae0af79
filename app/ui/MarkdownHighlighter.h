#pragma once

#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <memory>

namespace blog {

class SpellChecker;

// Markdown as it is typed: headings, emphasis, inline code and fenced code blocks, links, list
// markers and quotes. Colours come from the palette it is given, so dark themes read as well as light.
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    MarkdownHighlighter(QTextDocument *document, const QPalette &palette);
    // The theme changed: new colours, the whole text highlighted again.
    void setPalette(const QPalette &palette);
    QColor headingColor() const { return m_heading.foreground().color(); }

    // Underlines misspelled words of the prose (not code, not link targets); null: none.
    void setSpellChecker(std::shared_ptr<const SpellChecker> checker);
    const SpellChecker *spellChecker() const { return m_spellChecker.get(); }

    // The state of a block inside a fenced code block (```), carried to the next block.
    static constexpr int InCodeBlock = 1;

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyInline(const QString &text, const QRegularExpression &pattern, const QTextCharFormat &format);
    void underlineMisspellings(const QString &text);

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
    QRegularExpression m_linkTarget;
    std::shared_ptr<const SpellChecker> m_spellChecker;
};

} // namespace blog
