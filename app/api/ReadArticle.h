#pragma once

#include "Article.h"
#include "ArticleStanding.h"

namespace blog {

// An article as the signed-in reader gets it: with how they stand to it (favourite, following its
// author). Signed out, the standing says nobody favours it but counts nothing either.
struct ReadArticle
{
    Article article;
    ArticleStanding standing;
};

} // namespace blog
