#include "DemoSeeder.h"

#include "ArticleRepository.h"
#include "CommentRepository.h"
#include "DatabaseError.h"
#include "DemoData.h"
#include "PasswordHasher.h"
#include "SlugMaker.h"
#include "UserRepository.h"
#include "WriteTransaction.h"

namespace blog {

DemoSeeder::DemoSeeder(Database &database, const PasswordHasher &hasher)
    : m_database(database)
    , m_hasher(hasher)
{
}

DemoSeeder::Summary DemoSeeder::seed()
{
    UserRepository users(m_database);
    ArticleRepository articles(m_database);
    CommentRepository comments(m_database);
    Summary summary;

    WriteTransaction transaction(m_database);
    for (const DemoData::Author &author : DemoData::load()) {
        if (users.existsByEmail(author.email))
            continue;
        const auto user = users.insert(
            { {}, author.email, author.fullName, m_hasher.hash(author.password), author.bio, std::nullopt });
        if (!user)
            continue;
        ++summary.users;
        for (const DemoData::Post &post : author.posts) {
            const qint64 articleId
                = articles.insert(user->id, SlugMaker::fromTitle(post.draft.title), post.draft);
            ++summary.articles;
            for (const QString &text : post.comments) {
                comments.insert(articleId, CommentAuthor { user->id, user->fullName }, text);
                ++summary.comments;
            }
        }
    }
    transaction.commit();
    return summary;
}

} // namespace blog
