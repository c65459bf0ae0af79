#pragma once

#include "Error.h"
#include "FieldError.h"
#include "HttpError.h"
#include "Reply.h"

// RealWorld's error shape, {"errors":{"<field>":["<message>"]}}, and its statuses: 401 token, 403/404
// naming the article, comment or profile, 409 "has already been taken", 422 for what fails validation.
// The one place the RealWorld front end turns errors into replies.
namespace blog::RealWorldErrorReply {

Reply from(const Error &error);
Reply from(const HttpError &error);
Reply invalid(const FieldError &error);
// 401 for a request without a token ("is missing") or with one that does not verify ("is invalid").
Reply unauthorized(bool hadToken);

} // namespace blog::RealWorldErrorReply
