#pragma once

#include "ArticlePage.h"
#include "ListingRepository.h"

namespace blog {

class Database;
struct SearchTerms;

// Full-text search over the articles' title, description, text and tags (migration 0006): SQLite's FTS5
// table or PostgreSQL's tsvector documents, which triggers keep current; a search with quoted phrases is
// led by the index of their word pairs (migration 0009, PhraseIndex).
class SearchRepository
{
public:
    // How many matches, the newest, are ranked and counted: a search for a word most articles have
    // ranks the newest thousand, not a million.
    static constexpr int MaxRanked = 1000;

    explicit SearchRepository(Database &database);

    // A page of the newest MaxRanked articles that match every word and phrase of `terms` and the
    // filter, best match first (a word in the title counts most, in the text least), then newest; and
    // how many of them there are (so at most MaxRanked). The filter's order does not apply.
    ArticlePage search(
        const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset);
    // The query text handed to the database, bound as a value: every word and phrase in double quotes,
    // which both FTS5 and websearch_to_tsquery read as words, never as operators.
    static QString matchText(const SearchTerms &terms);

private:
    Database &m_database;
};

} // namespace blog
