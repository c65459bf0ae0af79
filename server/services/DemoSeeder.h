#pragma once

namespace blog {

class Database;
class PasswordHasher;

// Writes the demo data (resources/demo/demo.json) in one transaction. A user whose e-mail is already
// there is skipped with everything they wrote, so running it twice adds nothing.
class DemoSeeder
{
public:
    struct Summary
    {
        int users = 0;
        int articles = 0;
        int comments = 0;
    };

    DemoSeeder(Database &database, const PasswordHasher &hasher);

    Summary seed();

private:
    Database &m_database;
    const PasswordHasher &m_hasher;
};

} // namespace blog
