// libFuzzer target: any text as an article title. The slug is never empty, has no spaces, no
// leading, trailing or doubled '-', and is at most 80 characters.
#include "SlugMaker.h"

#include <cstdlib>

using namespace blog;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString title = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString slug = SlugMaker::fromTitle(title);
    if (slug.isEmpty() || slug.size() > 80 || slug.startsWith(QLatin1Char('-'))
        || slug.endsWith(QLatin1Char('-')) || slug.contains(QLatin1String("--")))
        std::abort();
    for (const QChar c : slug) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-')) || c.isUpper() || c.isSpace())
            std::abort();
    }
    return 0;
}
