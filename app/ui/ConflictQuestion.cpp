#include "ConflictQuestion.h"

#include "LineDiff.h"

#include <QMessageBox>
#include <QPushButton>

namespace blog {

namespace {

QString shortened(const QString &text)
{
    constexpr qsizetype Shown = 60;
    return text.size() > Shown ? text.left(Shown - 1) + QStringLiteral("…") : text;
}

} // namespace

QStringList ConflictQuestion::differences(const LocalDraft &mine, const Article &theirs)
{
    QStringList lines;
    const auto compare = [&lines](const QString &field, const QString &yours, const QString &their) {
        if (yours != their)
            lines.append(tr("%1: theirs “%2”, yours “%3”").arg(field, shortened(their), shortened(yours)));
    };
    compare(tr("Title"), mine.title, theirs.title);
    compare(tr("Description"), mine.description, theirs.description);
    compare(tr("Tags"), mine.tags.join(QStringLiteral(", ")), theirs.tags.join(QStringLiteral(", ")));
    if (mine.text != theirs.text) {
        int added = 0;
        int removed = 0;
        for (const LineDiff::Line &line : LineDiff::compare(mine.text, theirs.text)) {
            added += line.side == LineDiff::Side::OnlyTheirs;
            removed += line.side == LineDiff::Side::OnlyMine;
        }
        lines.append(tr("Text: %n line(s) only in theirs", nullptr, added) + QStringLiteral(", ")
            + tr("%n line(s) only in yours", nullptr, removed));
    }
    return lines;
}

std::unique_ptr<QMessageBox> ConflictQuestion::create(
    QWidget *parent, const LocalDraft &mine, const Article &theirs)
{
    auto box = std::make_unique<QMessageBox>(QMessageBox::Warning, tr("The article has changed"),
        tr("“%1” was changed elsewhere since you opened it.").arg(theirs.title), QMessageBox::NoButton,
        parent);
    box->setObjectName(QStringLiteral("conflictQuestion"));
    const QStringList changed = differences(mine, theirs);
    if (!changed.isEmpty())
        box->setInformativeText(changed.join(QLatin1Char('\n')));
    if (mine.text != theirs.text)
        box->setDetailedText(LineDiff::describe(LineDiff::compare(mine.text, theirs.text)));
    auto *keepMine = box->addButton(tr("Keep mine"), QMessageBox::AcceptRole);
    keepMine->setObjectName(QStringLiteral("keepMineButton"));
    // Not RejectRole: Escape must not drop the author's text.
    box->addButton(tr("Take theirs"), QMessageBox::ActionRole)
        ->setObjectName(QStringLiteral("takeTheirsButton"));
    box->addButton(tr("Keep mine as a new draft"), QMessageBox::ActionRole)
        ->setObjectName(QStringLiteral("keepAsNewButton"));
    box->setEscapeButton(box->addButton(QMessageBox::Cancel));
    box->setDefaultButton(keepMine);
    return box;
}

ConflictChoice ConflictQuestion::ask(QWidget *parent, const LocalDraft &mine, const Article &theirs)
{
    const std::unique_ptr<QMessageBox> box = create(parent, mine, theirs);
    box->exec();
    const QString clicked = box->clickedButton() ? box->clickedButton()->objectName() : QString();
    if (clicked == QLatin1String("keepMineButton"))
        return ConflictChoice::KeepMine;
    if (clicked == QLatin1String("takeTheirsButton"))
        return ConflictChoice::TakeTheirs;
    if (clicked == QLatin1String("keepAsNewButton"))
        return ConflictChoice::KeepMineAsNewDraft;
    return ConflictChoice::Undecided;
}

} // namespace blog
