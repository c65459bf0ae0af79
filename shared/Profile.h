#pragma once

#include <QString>

namespace blog {

// A user as another user sees them: no e-mail, and whether the viewer follows them.
struct Profile
{
    qint64 id = 0;
    QString username;
    QString bio;
    QString image;
    bool following = false;
};

} // namespace blog
