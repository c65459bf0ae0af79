// libFuzzer target: any bytes as a bearer token. Only a token we issued ourselves may verify.
#include "TokenService.h"

#include <cstdlib>

using namespace blog;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const TokenService tokens(QByteArray(32, 'f'), std::chrono::hours(1));
    const QString token = QString::fromLatin1(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto userId = tokens.verify(token)) {
        // Forging a signature by chance is out of reach; a hit means verification is broken.
        if (tokens.issue(*userId).isEmpty())
            std::abort();
        std::abort();
    }
    return 0;
}
