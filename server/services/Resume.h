#pragma once

#include "Error.h"

#include <functional>

namespace blog {

// Runs a step of a request's work back on the thread that took the request (and at its priority),
// after work elsewhere, such as hashing, is done. What the step throws is answered like any other
// failure of that request.
using Resume = std::function<void(std::function<void()>)>;

// Receives the outcome of work that completes later.
template<typename T> using Completion = std::function<void(Result<T>)>;

} // namespace blog
