-- SQLite's word index again, with marks inside its words. FTS5's unicode61 tokenizer ends a word at
-- any character outside its categories, by default "L* N* Co": most vowel signs of Indic, Thai and
-- other scripts are marks (M*), so "किताब" (book) was indexed as "क", "त", "ब", and a search for "की"
-- found every "के". Latin accents stay folded: remove_diacritics drops a combining accent inside a
-- word like the accented letter's own. Made again here for the articles already there, inside the
-- migration (a million articles: 50 s at start, once); the triggers of 0008 go on writing to the new
-- table by its name. PostgreSQL's parser already keeps marks inside words.
{{sqlite}}
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(
    title, description, text, tags,
    tokenize = 'porter unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
);
INSERT INTO article_search (rowid, title, description, text, tags)
SELECT a.id, a.title, a.description, a.text,
       COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags l JOIN tags t ON t.id = l.tag_id
                 WHERE l.article_id = a.id), '')
FROM articles a ORDER BY a.id;
{{end}}
