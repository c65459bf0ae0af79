-- What the RealWorld API adds to the domain: a username per user (unique regardless of letter case,
-- compared through username_key like e-mails through email_key), an image URL, follows and favorites.
ALTER TABLE users ADD COLUMN username TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN username_key TEXT;
ALTER TABLE users ADD COLUMN image TEXT;
-- Existing users get their e-mail's local part, made unique. Unique by construction needs a loop that
-- neither dialect spells the same way, so the Migrator runs this step in C++ (Migrator::fillUsernames).
{{step:fill_usernames}};
CREATE UNIQUE INDEX users_username_key ON users (username_key);

CREATE TABLE follows (
    follower_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followed_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (follower_id, followed_id)
);
CREATE INDEX follows_followed ON follows (followed_id);

-- The primary key serves "articles a user favours, newest first"; the second index counts an
-- article's favourites.
CREATE TABLE favorites (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, article_id)
);
CREATE INDEX favorites_article ON favorites (article_id);

-- Filtered listings walk these newest first and stop after a page: a tag's articles, an author's.
CREATE INDEX article_tags_tag_article ON article_tags (tag_id, article_id);
DROP INDEX article_tags_tag;
CREATE INDEX articles_author_id ON articles (author_id, id);
DROP INDEX articles_author;

-- The listing view gains what RealWorld's lists show: timestamps, the author's username, bio and image,
-- and the count of favourites. Columns a query does not select are not computed.
DROP VIEW article_listing;
CREATE VIEW article_listing AS
SELECT
    a.id AS id,
    a.slug AS slug,
    a.title AS title,
    a.description AS description,
    a.author_id AS author_id,
    u.full_name AS author_name,
    COALESCE(CAST((SELECT {{json_array_agg}}(ordered.name)
                   FROM (SELECT t.name AS name
                         FROM article_tags link
                         JOIN tags t ON t.id = link.tag_id
                         WHERE link.article_id = a.id
                         ORDER BY link.position) AS ordered) AS TEXT), '[]') AS tags,
    (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.deleted_at IS NULL) AS total_comments,
    a.created_at AS created_at,
    a.updated_at AS updated_at,
    u.username AS author_username,
    u.bio AS author_bio,
    u.image AS author_image,
    (SELECT count(*) FROM favorites f WHERE f.article_id = a.id) AS favorites_count
FROM articles a
JOIN users u ON u.id = a.author_id;
