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
        const auto record = TransferCodec::decode(line);
        if (!record)
            return QStringLiteral("line %1: %2").arg(lineNumber).arg(record.error());
        try {
            std::visit(Overloaded {
                           [&](const TransferUser &user) {
                               writer.insertUser(user);
                               ++counts.users;
                           },
                           [&](const TransferArticle &article) {
                               writer.insertArticle(article);
                               ++counts.articles;
                           },
                           [&](const TransferComment &comment) {
                               writer.insertComment(comment);
                               ++counts.comments;
                           },
                           [&](const TransferCodec::UnknownKind &) { ++counts.skipped; },
                       },
                *record);
        } catch (const DatabaseError &error) {
            const QString refusal = refusalOf(*record, error.kind());
            if (refusal.isEmpty())
                throw;
            return QStringLiteral("line %1: %2").arg(lineNumber).arg(refusal);
        }
        if (progress && counts.total() % ProgressEvery == 0)
            progress(counts);
    }
    writer.resetIdSequences();
    transaction.commit();
    if (progress)
        progress(counts);
    return counts;
}

} // namespace blog
