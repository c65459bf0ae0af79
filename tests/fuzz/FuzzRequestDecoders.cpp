// libFuzzer target: any bytes as a request body, through the JSON parser and every request decoder.
// A decoder may refuse; it must never crash, hang, or accept what its rules forbid.
#include "RequestCodec.h"
#include "Validation.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

using namespace blog;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    const QJsonObject json = document.object();
    if (const auto signUp = RequestCodec::decodeSignUp(json)) {
        if (!Validation::isEmailLike(signUp->email) || signUp->password.size() < Validation::MinPasswordLength
            || Validation::isBlank(signUp->fullName) || signUp->fullName.contains(QChar(0)))
            std::abort();
    }
    (void)RequestCodec::decodeSignIn(json);
    (void)RequestCodec::decodeProfilePatch(json);
    if (const auto draft = RequestCodec::decodeArticleDraft(json)) {
        if (draft->tags.size() > Validation::MaxTagCount || draft->title.size() > Validation::MaxTitleLength
            || Validation::isBlank(draft->title))
            std::abort();
        for (const QString &tag : draft->tags) {
            if (tag.isEmpty() || tag.size() > Validation::MaxTagLength)
                std::abort();
        }
    }
    (void)RequestCodec::decodeArticlePatch(json);
    if (const auto comment = RequestCodec::decodeCommentDraft(json)) {
        if (Validation::isBlank(comment->text) || comment->text.size() > Validation::MaxCommentLength)
            std::abort();
    }
    return 0;
}
