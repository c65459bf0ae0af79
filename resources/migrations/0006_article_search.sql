-- Full-text search over articles: title, description, text and tags, kept current by triggers (every
-- write path: the API, import, seed, rows written by hand), built here for the rows already there.
-- English stemming ("running" finds "run"); accents folded ("é" finds "e"); other scripts kept as words.
-- The two databases differ too much for one spelling, so each has its own block.
{{sqlite}}
-- FTS5 (Debian's SQLite 3.40 has it). A table that keeps its own copy of the text: deleting from it needs
-- no old values, which a tag change or a cascade could not give reliably (external content).
-- rowid = articles.id; tags are one text of the names separated by spaces.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, description, text, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search (rowid, title, description, text, tags)
SELECT a.id, a.title, a.description, a.text,
       COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                 WHERE l.article_id = a.id), '')
FROM articles a;
CREATE TRIGGER article_search_article_added AFTER INSERT ON articles
BEGIN
    INSERT INTO article_search (rowid, title, description, text, tags)
    VALUES (new.id, new.title, new.description, new.text, '');
END;
CREATE TRIGGER article_search_article_changed AFTER UPDATE OF title, description, text ON articles
BEGIN
    UPDATE article_search SET title = new.title, description = new.description, text = new.text
    WHERE rowid = new.id;
END;
CREATE TRIGGER article_search_article_removed AFTER DELETE ON articles
BEGIN
    DELETE FROM article_search WHERE rowid = old.id;
END;
CREATE TRIGGER article_search_tag_added AFTER INSERT ON article_tags
BEGIN
    UPDATE article_search
    SET tags = COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = new.article_id), '')
    WHERE rowid = new.article_id;
END;
CREATE TRIGGER article_search_tag_removed AFTER DELETE ON article_tags
BEGIN
    UPDATE article_search
    SET tags = COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = old.article_id), '')
    WHERE rowid = old.article_id;
END;
{{end}}
{{postgres}}
-- Accents are folded by the unaccent extension: part of Debian's postgresql package and trusted, so the
-- database's owner may create it. Where it cannot be created, a table of the Latin-1 and Latin
-- Extended-A letters with diacritics folds them instead (other scripts' accents then stay).
DO $$
DECLARE
    home text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'unaccent is not available (%); search folds Latin accents by a table', SQLERRM;
    END;
    SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
    IF home IS NOT NULL THEN
        EXECUTE format('CREATE FUNCTION blog_search_fold(value text) RETURNS text '
                       'LANGUAGE sql STABLE PARALLEL SAFE AS %L',
                       format('SELECT %I.unaccent(%L, value)', home, quote_ident(home) || '.unaccent'));
    ELSE
        EXECUTE format('CREATE FUNCTION blog_search_fold(value text) RETURNS text '
                       'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
                       format('SELECT translate(value, %L, %L)',
                              'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžØøĐđĦħŁłıŦŧ',
                              'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoDdHhLliTt'));
    END IF;
END $$;
-- The weights rank a match in the title first (A), then description and tags (B), then the text (D).
CREATE FUNCTION blog_search_document(title text, description text, body text, tags text)
RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('english', blog_search_fold(title)), 'A')
        || setweight(to_tsvector('english', blog_search_fold(description)), 'B')
        || setweight(to_tsvector('english', blog_search_fold(tags)), 'B')
        || setweight(to_tsvector('english', blog_search_fold(body)), 'D')
$$;
-- Apart from articles, so the listing's rows stay narrow; gone with its article.
CREATE TABLE article_search (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX article_search_document ON article_search USING gin (document);
-- The documents of the given articles made again from their rows; articles gone are skipped.
CREATE FUNCTION article_search_refresh(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO article_search (article_id, document)
    SELECT a.id, blog_search_document(a.title, a.description, a.text,
               COALESCE((SELECT string_agg(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                         WHERE l.article_id = a.id), ''))
    FROM articles a WHERE a.id = ANY (ids)
    ON CONFLICT (article_id) DO UPDATE SET document = excluded.document
$$;
SELECT article_search_refresh(ARRAY(SELECT id FROM articles));
-- Once a statement, not once a row: an import's or a post's many tag links make each document once.
CREATE FUNCTION article_search_articles_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_refresh(ARRAY(SELECT id FROM added));
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_articles_added AFTER INSERT ON articles
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION article_search_articles_added();
CREATE FUNCTION article_search_article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_refresh(ARRAY[NEW.id]);
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_article_changed AFTER UPDATE OF title, description, text ON articles
FOR EACH ROW EXECUTE FUNCTION article_search_article_changed();
CREATE FUNCTION article_search_tags_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_refresh(ARRAY(SELECT DISTINCT article_id FROM added));
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_tags_added AFTER INSERT ON article_tags
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION article_search_tags_added();
CREATE FUNCTION article_search_tags_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM article_search_refresh(ARRAY(SELECT DISTINCT article_id FROM removed));
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_tags_removed AFTER DELETE ON article_tags
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION article_search_tags_removed();
{{end}}
