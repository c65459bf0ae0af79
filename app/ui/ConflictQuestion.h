#pragma once

#include "ConflictChoice.h"

#include <QCoreApplication>

class QWidget;

namespace blog {

// The question put to the author when their edit meets a change made elsewhere: keep mine, take
// theirs, or keep mine as a new draft. Closing it decides nothing.
class ConflictQuestion
{
    Q_DECLARE_TR_FUNCTIONS(blog::ConflictQuestion)

public:
    static ConflictChoice ask(QWidget *parent, const Article &theirs);
};

} // namespace blog
