#include "MarkdownHighlighter.h"

#include <QFontDatabase>

namespace blog {

namespace {

// Between the text colour and `accent`: visible on light and dark backgrounds alike.
QColor mixed(const QColor &text, const QColor &accent, qreal share)
{
    return QColor::fromRgbF(text.redF() * (1 - share) + accent.redF() * share,
        text.greenF() * (1 - share) + accent.greenF() * share,
        text.blueF() * (1 - share) + accent.blueF() * share);
}

} // namespace

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
{
    const QColor text = palette.color(QPalette::Text);
    const QColor link = palette.color(QPalette::Link);
    m_heading.setFontWeight(QFont::Bold);
    m_heading.setForeground(mixed(text, link, 0.6));
    m_bold.setFontWeight(QFont::Bold);
    m_italic.setFontItalic(true);
    m_code.setFontFamilies({ QFontDatabase::systemFont(QFontDatabase::FixedFont).family() });
    m_code.setForeground(mixed(text, palette.color(QPalette::Highlight), 0.5));
    m_code.setBackground(mixed(palette.color(QPalette::Base), text, 0.08));
    m_link.setForeground(link);
    m_link.setFontUnderline(true);
    m_marker.setForeground(mixed(text, link, 0.8));
    m_marker.setFontWeight(QFont::Bold);
    m_quote.setFontItalic(true);
    m_quote.setForeground(mixed(text, palette.color(QPalette::Base), 0.35));
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
}

} // namespace blog
