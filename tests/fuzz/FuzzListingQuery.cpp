// libFuzzer target: any bytes as the listing's query string. Whatever is accepted is within bounds.
#include "RequestCodec.h"
#include "Validation.h"

#include <QUrlQuery>

#include <cstdlib>

using namespace blog;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QUrlQuery query(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    QList<std::pair<QString, QString>> items;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        items.append({ key, value });
    if (const auto decoded = RequestCodec::decodeListingQuery(items)) {
        if (decoded->limit < 1 || decoded->limit > Validation::MaxPageLimit || decoded->offset < 0)
            std::abort();
    }
    return 0;
}
