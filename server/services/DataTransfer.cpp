#include "DataTransfer.h"

#include "Database.h"
#include "DatabaseError.h"
#include "ReadSnapshot.h"
#include "TransferCodec.h"
#include "TransferRepository.h"
#include "TransferWriter.h"
#include "WriteTransaction.h"

namespace blog {

namespace {

constexpr qint64 ProgressEvery = 4096;

template<typename... Handlers> struct Overloaded : Handlers...
{
    using Handlers::operator()...;
};

// What the database's refusal of a record means, for people; empty for other failures.
QString refusalOf(const TransferCodec::Record &record, DatabaseError::Kind kind)
{
    const bool taken = kind == DatabaseError::Kind::UniqueViolation;
    if (!taken && kind != DatabaseError::Kind::ForeignKeyViolation)
        return {};
    return std::visit(
        Overloaded {
            [&](const TransferUser &user) {
                return QStringLiteral("user %1: its id or e-mail is already taken").arg(user.id);
            },
            [&](const TransferArticle &article) {
                return taken ? QStringLiteral("article %1: its id or slug is already taken").arg(article.id)
                             : QStringLiteral("article %1: its author %2 is not a user of an "
                                              "earlier line")
                                   .arg(article.id)
                                   .arg(article.authorId);
            },
            [&](const TransferComment &comment) {
                return taken ? QStringLiteral("comment %1: its id is already taken").arg(comment.id)
                             : QStringLiteral("comment %1: its article %2 or its author %3 is not "
                                              "on an earlier line")
                                   .arg(comment.id)
                                   .arg(comment.articleId)
                                   .arg(comment.authorId);
            },
            [&](const TransferCodec::UnknownKind &) { return QString(); },
        },
        record);
}

// The rows of a batch of records all of kind Row.
template<typename Row> QList<Row> rowsOf(const QList<std::pair<qint64, TransferCodec::Record>> &records)
{
    QList<Row> rows;
    rows.reserve(records.size());
    for (const auto &record : records)
        rows.append(std::get<Row>(record.second));
    return rows;
}

} // namespace

DataTransfer::DataTransfer(Database &database)
    : m_database(database)
{
}

Expected<DataTransfer::Counts, QString> DataTransfer::exportTo(QIODevice &output, const Progress &progress)
{
    Counts counts;
    const auto write = [&](const QByteArray &line, qint64 &count) {
        if (output.write(line) != line.size())
            return false;
        ++count;
        if (progress && counts.total() % ProgressEvery == 0)
            progress(counts);
        return true;
    };
    bool written = false;
    {
        const ReadSnapshot snapshot(m_database);
        TransferRepository rows(m_database);
        written = rows.forEachUser([&](const TransferUser &user) {
            return write(TransferCodec::encode(user), counts.users);
        }) && rows.forEachArticle([&](const TransferArticle &article) {
            return write(TransferCodec::encode(article), counts.articles);
        }) && rows.forEachComment([&](const TransferComment &comment) {
            return write(TransferCodec::encode(comment), counts.comments);
        });
    }
    if (!written)
        return QString(QStringLiteral("cannot write the export: ") + output.errorString());
    if (progress)
        progress(counts);
    return counts;
}

Expected<DataTransfer::Counts, QString> DataTransfer::importFrom(QIODevice &input, const Progress &progress)
{
    WriteTransaction transaction(m_database);
    const TransferRepository::Counts existing = TransferRepository(m_database).counts();
    if (existing.users + existing.articles + existing.comments > 0)
        return QStringLiteral("the database is not empty (%1 users, %2 articles, %3 comments): import "
                              "needs an empty one")
            .arg(existing.users)
            .arg(existing.articles)
            .arg(existing.comments);

    Counts counts;
    TransferWriter writer(m_database);
    // Records wait here, with their line numbers, until a batch of one kind is full or the kind changes
    // (users come before the articles that name them, articles before their comments).
    QList<std::pair<qint64, TransferCodec::Record>> pending;
    const auto flush = [&]() -> std::optional<QString> {
        if (pending.isEmpty())
            return std::nullopt;
        try {
            std::visit(
                Overloaded {
                    [&](const TransferUser &) { writer.insertUsers(rowsOf<TransferUser>(pending)); },
                    [&](const TransferArticle &) { writer.insertArticles(rowsOf<TransferArticle>(pending)); },
                    [&](const TransferComment &) { writer.insertComments(rowsOf<TransferComment>(pending)); },
                    [&](const TransferCodec::UnknownKind &) {},
                },
                pending.first().second);
        } catch (const TransferWriter::RowRefused &error) {
            const auto &[lineNumber, record] = pending.at(error.index());
            const QString refusal = refusalOf(record, error.kind());
            if (refusal.isEmpty())
                throw;
            return QStringLiteral("line %1: %2").arg(lineNumber).arg(refusal);
        }
        pending.clear();
        return std::nullopt;
    };
    qint64 lineNumber = 0;
    while (!input.atEnd()) {
        QByteArray line = input.readLine();
        ++lineNumber;
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        auto record = TransferCodec::decode(line);
        if (!record)
            return QStringLiteral("line %1: %2").arg(lineNumber).arg(record.error());
        std::visit(Overloaded {
                       [&](const TransferUser &) { ++counts.users; },
                       [&](const TransferArticle &) { ++counts.articles; },
                       [&](const TransferComment &) { ++counts.comments; },
                       [&](const TransferCodec::UnknownKind &) { ++counts.skipped; },
                   },
            *record);
        if (std::holds_alternative<TransferCodec::UnknownKind>(*record))
            continue;
        if (!pending.isEmpty()
            && (pending.size() >= TransferWriter::MaxBatch
                || pending.first().second.index() != record->index())) {
            if (const auto refused = flush())
                return *refused;
        }
        pending.append({ lineNumber, std::move(*record) });
        if (progress && counts.total() % ProgressEvery == 0)
            progress(counts);
    }
    if (const auto refused = flush())
        return *refused;
    writer.finish();
    transaction.commit();
    if (progress)
        progress(counts);
    return counts;
}

} // namespace blog
