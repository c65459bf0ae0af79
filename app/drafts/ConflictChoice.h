#pragma once

#include "Article.h"
#include "LocalDraft.h"

#include <functional>

namespace blog {

// What the author wants when their changes meet a change made elsewhere (412 on publishing an edit).
// Undecided (the question was closed): nothing is sent or dropped, the next attempt asks again.
enum class ConflictChoice { KeepMine, TakeTheirs, KeepMineAsNewDraft, Undecided };

// Asked with the author's draft and the article as it is on the server now.
using ResolveConflict = std::function<ConflictChoice(const LocalDraft &mine, const Article &theirs)>;

} // namespace blog
