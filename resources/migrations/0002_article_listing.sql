-- The listing as the tutorial's "view entity": one row an article with its author's name, its tags
-- (a JSON array, in the order the author gave them) and its count of comments not deleted.
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
    (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.deleted_at IS NULL) AS total_comments
FROM articles a
JOIN users u ON u.id = a.author_id;
