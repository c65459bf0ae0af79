#pragma once

#include "Expected.h"
#include "FieldError.h"
#include "Requests.h"

#include <QJsonObject>

// Request bodies: decoded and validated on the server, encoded by the desktop client.
namespace blog::RequestCodec {

Expected<SignUpRequest, FieldError> decodeSignUp(const QJsonObject &json);
Expected<SignInRequest, FieldError> decodeSignIn(const QJsonObject &json);
Expected<ProfilePatch, FieldError> decodeProfilePatch(const QJsonObject &json);
Expected<ArticleDraft, FieldError> decodeArticleDraft(const QJsonObject &json);
Expected<ArticlePatch, FieldError> decodeArticlePatch(const QJsonObject &json);
Expected<CommentDraft, FieldError> decodeCommentDraft(const QJsonObject &json);
// From the URL's query items (already percent-decoded). Unknown parameters are ignored, as browsers
// and proxies add their own.
// ?after=<cursor>&wait=<seconds> of GET /user/notifications.
Expected<NotificationQuery, FieldError> decodeNotificationQuery(
    const QList<std::pair<QString, QString>> &items);
Expected<ListingQuery, FieldError> decodeListingQuery(const QList<std::pair<QString, QString>> &items);

QJsonObject encode(const SignUpRequest &request);
QJsonObject encode(const SignInRequest &request);
QJsonObject encode(const ProfilePatch &patch);
QJsonObject encode(const ArticleDraft &draft);
QJsonObject encode(const ArticlePatch &patch);
QJsonObject encode(const CommentDraft &draft);
QList<std::pair<QString, QString>> encode(const ListingQuery &query);

} // namespace blog::RequestCodec
