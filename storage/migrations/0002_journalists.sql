-- Journalists: daily digests, the chat a user's filter commands apply to, and saved searches for paging.

-- When the subscription's last digest went out (UTC): a restart neither repeats a digest nor skips one.
ALTER TABLE subscriptions ADD COLUMN digest_sent_at TEXT;

-- Releases waiting for a digest are read per subscription; a retraction finds them per release.
CREATE INDEX digest_items_waiting ON digest_items (subscription_id, queued_at) WHERE delivery_id IS NULL;
CREATE INDEX digest_items_by_release ON digest_items (release_id);

-- The chat (or forum topic) a user's filter commands apply to, chosen with /use; none = their private chat.
CREATE TABLE user_targets (
    user_id    INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
    thread_id  INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL
);

-- A search a user ran, so its paging buttons carry only an id (callback data holds 64 bytes).
CREATE TABLE searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    query      TEXT    NOT NULL CHECK (length(query) BETWEEN 1 AND 256),
    created_at TEXT    NOT NULL
);
