#include "ConflictQuestion.h"

#include <QMessageBox>
#include <QPushButton>

namespace blog {

ConflictChoice ConflictQuestion::ask(QWidget *parent, const Article &theirs)
{
    QMessageBox box(QMessageBox::Warning, tr("The article has changed"),
        tr("“%1” was changed elsewhere since you opened it.").arg(theirs.title), QMessageBox::NoButton,
        parent);
    box.setObjectName(QStringLiteral("conflictQuestion"));
    auto *keepMine = box.addButton(tr("Keep mine"), QMessageBox::AcceptRole);
    // Not RejectRole: Escape must not drop the author's text.
    auto *takeTheirs = box.addButton(tr("Take theirs"), QMessageBox::ActionRole);
    auto *asNew = box.addButton(tr("Keep mine as a new draft"), QMessageBox::ActionRole);
    box.setEscapeButton(box.addButton(QMessageBox::Cancel));
    box.setDefaultButton(keepMine);
    box.exec();
    if (box.clickedButton() == keepMine)
        return ConflictChoice::KeepMine;
    if (box.clickedButton() == takeTheirs)
        return ConflictChoice::TakeTheirs;
    if (box.clickedButton() == asNew)
        return ConflictChoice::KeepMineAsNewDraft;
    return ConflictChoice::Undecided;
}

} // namespace blog
