-- A bulk load (blog-server import) builds the search index once at its end, instead of row by row
-- through the triggers: on SQLite every tag link rewrote its article's whole FTS row, so a million
-- articles took many minutes instead of under one. The loader puts a row in search_index_paused, inside
-- its own transaction (no other connection ever sees it), fills the tables, builds the documents of
-- every article, and takes the row out again before it commits.
CREATE TABLE search_index_paused (
    paused INTEGER PRIMARY KEY
);
{{sqlite}}
DROP TRIGGER article_search_article_added;
DROP TRIGGER article_search_article_changed;
DROP TRIGGER article_search_article_removed;
DROP TRIGGER article_search_tag_added;
DROP TRIGGER article_search_tag_removed;
CREATE TRIGGER article_search_article_added AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    INSERT INTO article_search (rowid, title, description, text, tags)
    VALUES (new.id, new.title, new.description, new.text, '');
END;
CREATE TRIGGER article_search_article_changed AFTER UPDATE OF title, description, text ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    UPDATE article_search SET title = new.title, description = new.description, text = new.text
    WHERE rowid = new.id;
END;
CREATE TRIGGER article_search_article_removed AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
END;
CREATE TRIGGER article_search_tag_added AFTER INSERT ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    UPDATE article_search
    SET tags = COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = new.article_id), '')
    WHERE rowid = new.article_id;
END;
CREATE TRIGGER article_search_tag_removed AFTER DELETE ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM search_index_paused)
BEGIN
    UPDATE article_search
    SET tags = COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = old.article_id), '')
    WHERE rowid = old.article_id;
END;
{{end}}
{{postgres}}
-- Every trigger goes through article_search_refresh: paused, it does nothing.
CREATE OR REPLACE FUNCTION article_search_refresh(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_search (article_id, document)
    SELECT a.id, blog_search_document(a.title, a.description, a.text,
               COALESCE((SELECT string_agg(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = a.id), ''))
    FROM articles a WHERE a.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM search_index_paused)
    ON CONFLICT (article_id) DO UPDATE SET document = excluded.document
$$;
{{end}}
