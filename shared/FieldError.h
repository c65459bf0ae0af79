#pragma once

#include <QString>

namespace blog {

// What is wrong with one field of a request: the field's JSON name and a sentence for people.
struct FieldError
{
    QString field;
    QString message;
};

} // namespace blog
