#include "MarkdownHighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace blog;

// The highlighter on a real QTextDocument: which characters of which line get which format.
class TestMarkdownHighlighter : public QObject
{
    Q_OBJECT

    QTextDocument m_document;
    std::unique_ptr<MarkdownHighlighter> m_highlighter;

    QTextCharFormat formatAt(int line, int column) const
    {
        const QTextBlock block = m_document.findBlockByNumber(line);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                return range.format;
        }
        return {};
    }
    bool isBold(int line, int column) const { return formatAt(line, column).fontWeight() == QFont::Bold; }
    bool isItalic(int line, int column) const { return formatAt(line, column).fontItalic(); }
    bool isCode(int line, int column) const
    {
        return formatAt(line, column).background().style() != Qt::NoBrush;
    }

private slots:
    void initTestCase()
    {
        // A document reports its changes (and so gets highlighted) only once it has a layout, as in an
        // editor.
        m_document.documentLayout();
    }
    void init()
    {
        m_highlighter = std::make_unique<MarkdownHighlighter>(&m_document, QApplication::palette());
        // Attaching schedules a full pass; from then on every change is highlighted as it happens.
        QCoreApplication::processEvents();
    }

    void headingsAreBoldToTheEndOfTheLine()
    {
        m_document.setPlainText("# A heading\n#not one\nplain");
        QVERIFY(isBold(0, 0));
        QVERIFY(isBold(0, 10));
        QVERIFY(!isBold(1, 3));
        QVERIFY(!isBold(2, 0));
    }

    void boldItalicCodeAndLinksInsideALine()
    {
        const QString line = "one **two** three *four* five `six` [seven](http://x.example) 2*3*4";
        m_document.setPlainText(line);
        QVERIFY(!isBold(0, line.indexOf("one")));
        QVERIFY(isBold(0, line.indexOf("two")));
        QVERIFY(!isItalic(0, line.indexOf("two")));
        QVERIFY(!isBold(0, line.indexOf("three")));
        QVERIFY(isItalic(0, line.indexOf("four")));
        QVERIFY(isCode(0, line.indexOf("six")));
        QVERIFY(!isCode(0, line.indexOf("five")));
        QVERIFY(formatAt(0, line.indexOf("seven")).fontUnderline());
        QVERIFY(!isItalic(0, line.indexOf("3"))); // multiplication is not emphasis
    }

    void fencedCodeRunsUntilItsClosingFence()
    {
        m_document.setPlainText("before\n```\n# not a heading\n**not bold**\n```\nafter **bold**");
        QVERIFY(!isCode(0, 0));
        QVERIFY(isCode(2, 2));
        QVERIFY(!isBold(2, 2));
        QVERIFY(isCode(3, 3));
        QCOMPARE(m_document.findBlockByNumber(3).userState(), MarkdownHighlighter::InCodeBlock);
        QVERIFY(!isCode(5, 0));
        QVERIFY(isBold(5, 8));
    }

    void typingAFenceRehighlightsTheLinesAfterIt()
    {
        m_document.setPlainText("a\n# b\nc");
        QVERIFY(isBold(1, 2));
        QTextCursor cursor(m_document.findBlockByNumber(0));
        cursor.insertText("```\n");
        QVERIFY(isCode(2, 2)); // "# b" is now inside the code block
        QVERIFY(!isBold(2, 2));
    }

    void listMarkersAndQuotes()
    {
        m_document.setPlainText("- item\n12. numbered\n> quoted");
        QVERIFY(isBold(0, 0));
        QVERIFY(!isBold(0, 2));
        QVERIFY(isBold(1, 1));
        QVERIFY(isItalic(2, 3));
    }
};

QTEST_MAIN(TestMarkdownHighlighter)
#include "TestMarkdownHighlighter.moc"
