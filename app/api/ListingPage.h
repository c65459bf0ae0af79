#pragma once

#include "ArticlePage.h"

namespace blog {

// A page of the listing as the client got it: fresh, revalidated (304, served from the disk cache),
// or from the disk cache alone because the server could not be reached.
struct ListingPage
{
    ArticlePage page;
    bool fromCache = false;
    bool offline = false;
};

} // namespace blog
