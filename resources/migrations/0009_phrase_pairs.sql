-- Quoted phrases are found by the pairs of neighbouring words they have (PhrasePairs): the engines'
-- own phrase matching read the positions of every article holding all of a phrase's words, seconds at a
-- million articles for words most articles have. The pairs are made in C++ (the same code reads the
-- query), so the triggers only queue the articles whose text or tags change; whoever wrote them makes
-- their pairs before committing (ArticleRepository, the import), and the server makes those queued by
-- anyone else (rows written by hand, an older version during a rolling upgrade) at start and every
-- minute (PhraseIndexJob), `migrate` at once. This migration only queues the articles already there:
-- made here, a million of them held the write lock on articles for minutes (PostgreSQL: 5.5 min).
-- Deleting an article takes its pairs along.
{{sqlite}}
-- Four columns like article_search, each field's pairs apart, so a phrase never runs from one field
-- into the next and bm25 weighs a title like a search for words does. The pairs come folded; the
-- tokenizer keeps marks inside a token (by default it splits at most of other scripts' vowel signs, so
-- pairs that differ in one would be the same tokens).
CREATE VIRTUAL TABLE article_search_pairs USING fts5(
    title, description, text, tags,
    tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*'''
);
CREATE TABLE article_search_pairs_pending (
    article_id INTEGER PRIMARY KEY
);
CREATE TRIGGER article_search_pairs_article_added AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    INSERT OR IGNORE INTO article_search_pairs_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER article_search_pairs_article_changed AFTER UPDATE OF title, description, text ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    INSERT OR IGNORE INTO article_search_pairs_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER article_search_pairs_article_removed AFTER DELETE ON articles
BEGIN
    DELETE FROM article_search_pairs WHERE rowid = old.id;
    DELETE FROM article_search_pairs_pending WHERE article_id = old.id;
END;
CREATE TRIGGER article_search_pairs_tag_added AFTER INSERT ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    INSERT OR IGNORE INTO article_search_pairs_pending (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER article_search_pairs_tag_removed AFTER DELETE ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    INSERT OR IGNORE INTO article_search_pairs_pending (article_id) VALUES (old.article_id);
END;
INSERT INTO article_search_pairs_pending (article_id) SELECT id FROM articles;
{{end}}
{{postgres}}
-- One document of pairs an article, weighted like article_search's (A title, B description and tags,
-- D text).
CREATE TABLE article_search_pairs (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    pairs tsvector NOT NULL
);
CREATE INDEX article_search_pairs_pairs ON article_search_pairs USING gin (pairs);
CREATE TABLE article_search_pairs_pending (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
-- Every search trigger goes through article_search_refresh, which now queues the articles too.
CREATE OR REPLACE FUNCTION article_search_refresh(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_search (article_id, document)
    SELECT a.id, blog_search_document(a.title, a.description, a.text,
               COALESCE((SELECT string_agg(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = a.id), ''))
    FROM articles a WHERE a.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM search_index_paused)
    ON CONFLICT (article_id) DO UPDATE SET document = excluded.document;
    INSERT INTO article_search_pairs_pending (article_id)
    SELECT a.id FROM articles a WHERE a.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM search_index_paused)
    ON CONFLICT (article_id) DO NOTHING;
$$;
INSERT INTO article_search_pairs_pending (article_id) SELECT id FROM articles;
{{end}}
