#pragma once

#include <QString>

namespace blog {

struct Social
{
    QString twitter;
    QString facebook;
    QString linkedin;

    friend bool operator==(const Social &, const Social &) = default;
};

} // namespace blog
