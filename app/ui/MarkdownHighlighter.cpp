#include "MarkdownHighlighter.h"

#include "SpellChecker.h"
#include "ThemeColors.h"

#include <QFontDatabase>

namespace blog {

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_fence(QStringLiteral("^\\s*(```|~~~)"))
    , m_headingLine(QStringLiteral("^#{1,6}\\s"))
    , m_quoteLine(QStringLiteral("^\\s*>"))
    , m_listMarker(QStringLiteral("^\\s*([-*+]|\\d+[.)])\\s"))
    , m_boldSpan(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"))
    , m_italicSpan(QStringLiteral("(?<![*_\\w])([*_])(?=[^\\s*_])(.+?)(?<=[^\\s*_])\\1(?![*_\\w])"))
    , m_codeSpan(QStringLiteral("`[^`]+`"))
    , m_linkSpan(QStringLiteral("\\[[^\\]]+\\]\\([^)\\s]+\\)"))
    , m_linkTarget(QStringLiteral("\\]\\([^)\\s]+\\)|<[^>\\s]+>|https?://\\S+"))
{
    setPalette(palette);
}

void MarkdownHighlighter::setPalette(const QPalette &palette)
{
    using ThemeColors::blended;
    const QColor text = palette.color(QPalette::Text);
    const QColor link = palette.color(QPalette::Link);
    m_heading.setFontWeight(QFont::Bold);
    m_heading.setForeground(blended(text, link, 0.6));
    m_bold.setFontWeight(QFont::Bold);
    m_italic.setFontItalic(true);
    m_code.setFontFamilies({ QFontDatabase::systemFont(QFontDatabase::FixedFont).family() });
    m_code.setForeground(blended(text, palette.color(QPalette::Highlight), 0.5));
    m_code.setBackground(blended(palette.color(QPalette::Base), text, 0.08));
    m_link.setForeground(link);
    m_link.setFontUnderline(true);
    m_marker.setForeground(blended(text, link, 0.8));
    m_marker.setFontWeight(QFont::Bold);
    m_quote.setFontItalic(true);
    m_quote.setForeground(blended(text, palette.color(QPalette::Base), 0.35));
    rehighlight();
}

void MarkdownHighlighter::applyInline(
    const QString &text, const QRegularExpression &pattern, const QTextCharFormat &format)
{
    auto matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        // Merged with what is there, so **bold** inside a heading stays a heading's colour.
        for (qsizetype i = match.capturedStart(); i < match.capturedEnd(); ++i) {
            QTextCharFormat merged = QSyntaxHighlighter::format(int(i));
            merged.merge(format);
            setFormat(int(i), 1, merged);
        }
    }
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    const bool fence = m_fence.match(text).hasMatch();
    const bool wasInCode = previousBlockState() == InCodeBlock;
    if (wasInCode || fence) {
        setFormat(0, int(text.size()), m_code);
        // A fence opens a block, or closes the one it is in.
        setCurrentBlockState(fence ? (wasInCode ? 0 : InCodeBlock) : InCodeBlock);
        return;
    }
    setCurrentBlockState(0);
    if (m_headingLine.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_heading);
    } else if (m_quoteLine.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_quote);
    } else if (const auto marker = m_listMarker.match(text); marker.hasMatch()) {
        setFormat(int(marker.capturedStart(1)), int(marker.capturedLength(1)), m_marker);
    }
    applyInline(text, m_boldSpan, m_bold);
    applyInline(text, m_italicSpan, m_italic);
    applyInline(text, m_linkSpan, m_link);
    applyInline(text, m_codeSpan, m_code);
    underlineMisspellings(text);
}

void MarkdownHighlighter::setSpellChecker(std::shared_ptr<const SpellChecker> checker)
{
    m_spellChecker = std::move(checker);
    rehighlight();
}

void MarkdownHighlighter::underlineMisspellings(const QString &text)
{
    if (!m_spellChecker)
        return;
    // Code and addresses are not prose.
    QList<std::pair<qsizetype, qsizetype>> skipped;
    for (const QRegularExpression *pattern : { &m_codeSpan, &m_linkTarget }) {
        auto matches = pattern->globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            skipped.append({ match.capturedStart(), match.capturedEnd() });
        }
    }
    for (const auto &[start, length] : m_spellChecker->misspellings(text)) {
        const bool inSkipped = std::any_of(skipped.cbegin(), skipped.cend(),
            [start = start](const auto &range) { return start >= range.first && start < range.second; });
        if (inSkipped)
            continue;
        for (qsizetype i = start; i < start + length; ++i) {
            QTextCharFormat merged = QSyntaxHighlighter::format(int(i));
            merged.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            merged.setUnderlineColor(Qt::red);
            setFormat(int(i), 1, merged);
        }
    }
}

} // namespace blog
