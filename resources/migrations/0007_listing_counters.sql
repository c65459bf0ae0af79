-- The listing's tags and comment counts, kept on the article by the writes instead of computed for every
-- row a page shows: two correlated subqueries a row (a sorted json_agg over the tag links, a count over
-- the comments) were most of a listing page's cost at a million articles, and on PostgreSQL each one is
-- a SubPlan run per row. tag_list is the article's tags as a JSON array in the author's order, written
-- with the links (ArticleRepository, TransferWriter); comment_count the comments not deleted, moved by
-- every insert and soft delete in the same transaction (CommentRepository, TransferWriter).
ALTER TABLE articles ADD COLUMN comment_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN tag_list TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET comment_count = (SELECT count(*) FROM comments c
                                     WHERE c.article_id = articles.id AND c.deleted_at IS NULL)
WHERE id IN (SELECT article_id FROM comments WHERE deleted_at IS NULL);
UPDATE articles SET tag_list = COALESCE(CAST((SELECT {{json_array_agg}}(ordered.name)
                                             FROM (SELECT t.name AS name
                                                   FROM article_tags link
                                                   JOIN tags t ON t.id = link.tag_id
                                                   WHERE link.article_id = articles.id
                                                   ORDER BY link.position) AS ordered) AS TEXT), '[]')
WHERE id IN (SELECT article_id FROM article_tags);

DROP VIEW article_listing;
CREATE VIEW article_listing AS
SELECT
    a.id AS id,
    a.slug AS slug,
    a.title AS title,
    a.description AS description,
    a.author_id AS author_id,
    u.full_name AS author_name,
    a.tag_list AS tags,
    a.comment_count AS total_comments,
    a.created_at AS created_at,
    a.updated_at AS updated_at,
    u.username AS author_username,
    u.bio AS author_bio,
    u.image AS author_image,
    (SELECT count(*) FROM favorites f WHERE f.article_id = a.id) AS favorites_count
FROM articles a
JOIN users u ON u.id = a.author_id;
