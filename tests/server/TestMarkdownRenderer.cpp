#include "MarkdownRenderer.h"

#include <QRegularExpression>
#include <QTest>

using namespace blog;

namespace {

// The values of every href and src in `html`.
QStringList linkTargets(const QByteArray &html)
{
    static const QRegularExpression target(QStringLiteral("\\b(?:href|src)=\"([^\"]*)\""));
    QStringList targets;
    for (auto matches = target.globalMatch(QString::fromUtf8(html)); matches.hasNext();)
        targets.append(matches.next().captured(1));
    return targets;
}

} // namespace

// Articles' Markdown as HTML: rendered, with raw HTML and unsafe link targets kept out.
class TestMarkdownRenderer : public QObject
{
    Q_OBJECT

private slots:
    void rendersMarkdown()
    {
        QCOMPARE(MarkdownRenderer::toHtml("# Title\n\nSome **bold** and `code`.\n"),
            QByteArray("<h1>Title</h1>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n"));
        QCOMPARE(MarkdownRenderer::toHtml("| a |\n|---|\n| b |\n").contains("<table>"), true);
        QCOMPARE(MarkdownRenderer::toHtml("[site](https://example.org/?a=1&b=2)"),
            QByteArray("<p><a href=\"https://example.org/?a=1&amp;b=2\">site</a></p>\n"));
    }

    void rawHtmlIsText()
    {
        QCOMPARE(MarkdownRenderer::toHtml("<script>alert(1)</script>"),
            QByteArray("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"));
        QCOMPARE(MarkdownRenderer::toHtml("a <img src=x onerror=alert(1)> b"),
            QByteArray("<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n"));
        // Text that looks like an attribute stays text: quotes are escaped.
        QCOMPARE(MarkdownRenderer::toHtml("x href=\"javascript:alert(1)\""),
            QByteArray("<p>x href=&quot;javascript:alert(1)&quot;</p>\n"));
    }

    void unsafeLinkTargetsBecomeHash_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("javascript") << "[x](javascript:alert(1))";
        QTest::newRow("upper case") << "[x](JavaScript:alert(1))";
        QTest::newRow("entity colon") << "[x](javascript&#58;alert(1))";
        QTest::newRow("entity letters") << "[x](&#106;avascript:alert(1))";
        QTest::newRow("data") << "[x](data:text/html,<script>alert(1)</script>)";
        QTest::newRow("vbscript") << "[x](vbscript:msgbox)";
        QTest::newRow("autolink") << "<javascript:alert(1)>";
        QTest::newRow("image") << "![x](javascript:alert(1))";
        QTest::newRow("reference") << "[x][r]\n\n[r]: javascript:alert(1)";
    }
    void unsafeLinkTargetsBecomeHash()
    {
        QFETCH(QString, markdown);
        const QByteArray html = MarkdownRenderer::toHtml(markdown);
        const QStringList targets = linkTargets(html);
        QVERIFY2(targets == QStringList { QStringLiteral("#") }, html.constData());
    }

    void safeUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << "https://example.org" << true;
        QTest::newRow("http") << "HTTP://example.org" << true;
        QTest::newRow("mailto") << "mailto:a@b.c" << true;
        QTest::newRow("relative") << "/posts/x" << true;
        QTest::newRow("fragment") << "#top" << true;
        QTest::newRow("colon after a slash") << "a/b:c" << true;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("leading space") << " javascript:alert(1)" << false;
        QTest::newRow("tab inside") << "java\tscript:alert(1)" << false;
        QTest::newRow("newline inside") << "java\nscript:alert(1)" << false;
        QTest::newRow("control first") << QStringLiteral("\x01javascript:alert(1)") << false;
        QTest::newRow("data") << "data:text/html;base64,AAAA" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
    }
    void safeUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, safe);
        QCOMPARE(MarkdownRenderer::isSafeUrl(url), safe);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownRenderer)
#include "TestMarkdownRenderer.moc"
