-- 0007: the public newsroom (issue 15).

-- The «🔗 متن کامل» link under each delivered copy, chosen per chat with /weblink.
-- NULL: the default, on for private chats and groups, off for channels (a channel's posts are its own).
ALTER TABLE chats ADD COLUMN web_link INTEGER CHECK (web_link IS NULL OR web_link IN (0, 1));

-- The newsroom's archives, newest first: only published releases are in these indexes, so a page (and the
-- pages skipped before it) is read from the index instead of from every release's row.
CREATE INDEX releases_published ON releases (published_at) WHERE status = 'published';
CREATE INDEX releases_published_by_county ON releases (county, published_at) WHERE status = 'published';
CREATE INDEX releases_published_by_org ON releases (organization_id, published_at) WHERE status = 'published';
