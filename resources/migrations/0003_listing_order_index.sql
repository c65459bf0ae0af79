-- The listing pages by article id with OFFSET. SQLite walks the table itself for that (whole rows, text
-- included); an index on the id alone is a few pages and makes deep offsets ~100x cheaper. Harmless on
-- PostgreSQL, whose primary key index already serves.
CREATE INDEX articles_listing_order ON articles (id);
