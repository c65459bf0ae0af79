-- Optimistic concurrency: every change to an article bumps its version, which is the ETag of its
-- answers, so a PATCH with a stale If-Match is refused instead of overwriting someone else's edit.
ALTER TABLE articles ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
