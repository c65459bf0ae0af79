#pragma once

#include "Error.h"

namespace blog {

class Database;

// Whether this instance should get traffic: the database answers and its schema is the one this build
// expects (another instance may be migrating it).
class ReadinessCheck
{
public:
    explicit ReadinessCheck(Database &database);

    // Throws DatabaseError (Unavailable) when the database cannot be reached.
    Result<Done> check() const;

private:
    Database &m_database;
};

} // namespace blog
