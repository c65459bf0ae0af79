#include "ConflictQuestion.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace blog;

Q_DECLARE_METATYPE(blog::ConflictChoice)

// The question an edit meets when the article changed elsewhere: it says what differs, and each button
// is the choice it names; Escape decides nothing.
class TestConflictQuestion : public QObject
{
    Q_OBJECT

    LocalDraft m_mine;
    Article m_theirs;

    // Answers the question once it is shown, by clicking the button named `button` (empty: Escape).
    static void answerWith(const QString &button)
    {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            if (button.isEmpty())
                QTest::keyClick(box, Qt::Key_Escape);
            else
                box->findChild<QPushButton *>(button)->click();
        });
    }

private slots:
    void init()
    {
        m_mine.title = "My title";
        m_mine.description = "Same";
        m_mine.tags = { "qt" };
        m_mine.text = "one\ntwo\nthree";
        m_theirs.title = "Their title";
        m_theirs.description = "Same";
        m_theirs.tags = { "qt", "news" };
        m_theirs.text = "one\n2\nthree\nfour";
    }

    void itSaysWhatDiffers()
    {
        const QStringList differences = ConflictQuestion::differences(m_mine, m_theirs);
        QCOMPARE(differences.size(), 3); // title, tags, text; not the description
        QCOMPARE(differences.at(0), "Title: theirs “Their title”, yours “My title”");
        QCOMPARE(differences.at(1), "Tags: theirs “qt, news”, yours “qt”");
        QCOMPARE(differences.at(2), "Text: 2 line(s) only in theirs, 1 line(s) only in yours");
        const auto box = ConflictQuestion::create(nullptr, m_mine, m_theirs);
        QCOMPARE(box->informativeText(), differences.join('\n'));
        QVERIFY(box->detailedText().contains("theirs: four"));
        QVERIFY(box->detailedText().contains("mine:   two"));
    }

    void eachButtonIsItsChoice_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<ConflictChoice>("choice");
        QTest::newRow("keep mine") << "keepMineButton" << ConflictChoice::KeepMine;
        QTest::newRow("take theirs") << "takeTheirsButton" << ConflictChoice::TakeTheirs;
        QTest::newRow("new draft") << "keepAsNewButton" << ConflictChoice::KeepMineAsNewDraft;
        QTest::newRow("escape") << QString() << ConflictChoice::Undecided;
    }
    void eachButtonIsItsChoice()
    {
        QFETCH(QString, button);
        QFETCH(ConflictChoice, choice);
        answerWith(button);
        QCOMPARE(ConflictQuestion::ask(nullptr, m_mine, m_theirs), choice);
    }
};

QTEST_MAIN(TestConflictQuestion)
#include "TestConflictQuestion.moc"
