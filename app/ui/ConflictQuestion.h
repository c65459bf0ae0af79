#pragma once

#include "ConflictChoice.h"

#include <QCoreApplication>

#include <memory>

class QMessageBox;
class QWidget;

namespace blog {

// The question put to the author when their edit meets a change made elsewhere: keep mine, take
// theirs, or keep mine as a new draft. It says which fields differ, and its details show the lines of the
// text that do. Closing it decides nothing.
class ConflictQuestion
{
    Q_DECLARE_TR_FUNCTIONS(blog::ConflictQuestion)

public:
    static ConflictChoice ask(QWidget *parent, const LocalDraft &mine, const Article &theirs);
    // The question, not yet shown (for screenshots and tests).
    static std::unique_ptr<QMessageBox> create(
        QWidget *parent, const LocalDraft &mine, const Article &theirs);
    // One line per field that differs: "Title: theirs “…”, yours “…”".
    static QStringList differences(const LocalDraft &mine, const Article &theirs);
};

} // namespace blog
