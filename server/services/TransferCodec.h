#pragma once

#include "Expected.h"
#include "TransferRecords.h"

#include <QByteArray>

#include <variant>

// The export format, JSON Lines: one object a line, told apart by "kind" ("user", "article",
// "comment"). Readers skip kinds they do not know and ignore fields they do not know, so later versions
// may add both.
namespace blog::TransferCodec {

struct UnknownKind
{
    QString kind;
};

using Record = std::variant<TransferUser, TransferArticle, TransferComment, UnknownKind>;

// One line each, '\n' included.
QByteArray encode(const TransferUser &user);
QByteArray encode(const TransferArticle &article);
QByteArray encode(const TransferComment &comment);

// A line without its '\n'. Error: what is wrong with it, for people (the caller adds the line number).
Expected<Record, QString> decode(const QByteArray &line);

} // namespace blog::TransferCodec
