-- 0001: the first schema. Timestamps are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (sortable).

CREATE TABLE organizations (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_folded       TEXT    NOT NULL UNIQUE,          -- fold(name): one agency is not added twice
    county            TEXT,                             -- county slug, NULL = province-level
    requires_approval INTEGER NOT NULL DEFAULT 0 CHECK (requires_approval IN (0, 1)),
    created_by        INTEGER,
    created_at        TEXT    NOT NULL
);

CREATE TABLE admins (
    user_id    INTEGER PRIMARY KEY,
    added_by   INTEGER,
    added_at   TEXT NOT NULL
);

CREATE TABLE officers (
    user_id         INTEGER PRIMARY KEY,                -- one Telegram user, one organization
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    full_name       TEXT    NOT NULL,
    username        TEXT,
    invite_code     TEXT,
    joined_at       TEXT    NOT NULL,
    revoked_at      TEXT,                               -- not NULL: publishing removed
    revoked_by      INTEGER,
    correcting      INTEGER REFERENCES releases (id)    -- /correct: the next text corrects this release
);
CREATE INDEX officers_by_org ON officers (organization_id);

CREATE TABLE invites (
    code            TEXT    PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    created_by      INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    used_by         INTEGER,
    used_at         TEXT,
    CHECK ((used_by IS NULL) = (used_at IS NULL))
);

CREATE TABLE topics (
    slug     TEXT    PRIMARY KEY CHECK (slug GLOB '[a-z]*' AND slug NOT GLOB '*[^a-z_]*'),
    label    TEXT    NOT NULL CHECK (length(trim(label)) > 0),
    hashtag  TEXT    NOT NULL,
    keywords TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),   -- JSON list of phrases (weight 1)
    strong_keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(strong_keywords)),   -- weight 3
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE releases (
    id                INTEGER PRIMARY KEY,
    organization_id   INTEGER NOT NULL REFERENCES organizations (id),
    author_id         INTEGER NOT NULL,                 -- the officer's user id
    status            TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN (
                          'draft', 'scheduled', 'pending_approval', 'rejected',
                          'published', 'retracted', 'cancelled')),
    raw_text          TEXT    NOT NULL,                 -- as received, for audit
    title             TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    search_text       TEXT    NOT NULL,                 -- fold(title + body)
    county            TEXT,                             -- slug, NULL = province-wide
    fingerprint       INTEGER,                          -- near-duplicate SimHash (signed 64-bit)
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    media_kind        TEXT    NOT NULL DEFAULT 'none' CHECK (media_kind IN (
                          'none', 'photo', 'video', 'document', 'album')),
    source_chat_id    INTEGER,                          -- the officer's message the draft came from
    source_message_id INTEGER,
    scheduled_at      TEXT,
    submitted_at      TEXT,                             -- first asked to publish (approval queue)
    decided_by        INTEGER,                          -- admin who approved or rejected
    decided_at        TEXT,
    rejection_reason  TEXT,
    published_at      TEXT,
    retracted_at      TEXT,
    retraction_reason TEXT,
    report_chat_id    INTEGER,                          -- the officer's live delivery report message
    report_message_id INTEGER,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CHECK (status <> 'published' OR published_at IS NOT NULL),
    CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
);
CREATE INDEX releases_by_status ON releases (status, scheduled_at);
CREATE INDEX releases_by_org ON releases (organization_id, created_at);
CREATE INDEX releases_by_published ON releases (published_at);
CREATE INDEX releases_by_fingerprint ON releases (published_at, fingerprint);

CREATE TABLE release_topics (
    release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    topic      TEXT    NOT NULL REFERENCES topics (slug) ON UPDATE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (release_id, topic)
) WITHOUT ROWID;

CREATE TABLE release_versions (
    release_id  INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    raw_text    TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    search_text TEXT    NOT NULL,
    author_id   INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (release_id, version)
) WITHOUT ROWID;

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    release_id     INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('photo', 'video', 'document', 'animation', 'audio')),
    file_id        TEXT    NOT NULL,
    file_unique_id TEXT,
    file_name      TEXT,
    mime_type      TEXT,
    file_size      INTEGER,
    UNIQUE (release_id, position)
);

-- A chat the bot knows: a private chat, a group, a supergroup (maybe a forum) or a channel.
CREATE TABLE chats (
    id          INTEGER PRIMARY KEY,                    -- Telegram chat id
    type        TEXT    NOT NULL CHECK (type IN ('private', 'group', 'supergroup', 'channel')),
    title       TEXT,
    username    TEXT,
    is_forum    INTEGER NOT NULL DEFAULT 0 CHECK (is_forum IN (0, 1)),
    bot_status  TEXT    NOT NULL DEFAULT 'member' CHECK (bot_status IN (
                    'member', 'administrator', 'restricted', 'left', 'kicked')),
    can_post    INTEGER NOT NULL DEFAULT 1 CHECK (can_post IN (0, 1)),
    added_by    INTEGER,                                -- who added the bot (channels, groups)
    migrated_to INTEGER,                                -- a group upgraded to this supergroup id
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

-- Users who control a chat (checked with the Bot API on every change; this is the last result).
CREATE TABLE chat_controllers (
    chat_id    INTEGER NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('owner', 'creator', 'administrator')),
    checked_at TEXT    NOT NULL,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;
CREATE INDEX chat_controllers_by_user ON chat_controllers (user_id);

-- A subscription: where releases go (a chat, or one topic of a forum) and how.
CREATE TABLE subscriptions (
    id                 INTEGER PRIMARY KEY,
    chat_id            INTEGER NOT NULL REFERENCES chats (id) ON UPDATE CASCADE ON DELETE CASCADE,
    thread_id          INTEGER NOT NULL DEFAULT 0,      -- forum topic id, 0 = the chat itself
    state              TEXT    NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'deactivated')),
    deactivated_reason TEXT,
    digest_time        TEXT CHECK (digest_time IS NULL OR digest_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    quiet_start        TEXT CHECK (quiet_start IS NULL OR quiet_start GLOB '[0-2][0-9]:[0-5][0-9]'),
    quiet_end          TEXT CHECK (quiet_end IS NULL OR quiet_end GLOB '[0-2][0-9]:[0-5][0-9]'),
    created_by         INTEGER,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (chat_id, thread_id)
);
CREATE INDEX subscriptions_by_state ON subscriptions (state);

-- One filter value per row; a dimension with no rows does not restrict.
CREATE TABLE subscription_filters (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    dimension       TEXT    NOT NULL CHECK (dimension IN ('topic', 'county', 'organization', 'include', 'exclude')),
    value           TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 128),
    PRIMARY KEY (subscription_id, dimension, value)
) WITHOUT ROWID;

-- The rendered message parts of each release version (shared by every delivery of that version).
CREATE TABLE release_parts (
    release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('text', 'photo', 'video', 'document', 'album')),
    html       TEXT    NOT NULL,
    PRIMARY KEY (release_id, version, position)
) WITHOUT ROWID;

-- The outbox: one row per release (or correction, retraction, digest, notice) and target chat.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    release_id      INTEGER REFERENCES releases (id),
    subscription_id INTEGER REFERENCES subscriptions (id) ON DELETE SET NULL,
    chat_id         INTEGER NOT NULL,                   -- follows chat migrations
    thread_id       INTEGER NOT NULL DEFAULT 0,
    action          TEXT    NOT NULL DEFAULT 'send' CHECK (action IN ('send', 'edit', 'delete', 'digest', 'notice')),
    version         INTEGER NOT NULL DEFAULT 1,         -- the release version this action carries
    replaces        INTEGER REFERENCES deliveries (id), -- for edit/delete: the delivery whose messages change
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN (
                        'pending', 'in_flight', 'sent', 'failed', 'cancelled')),
    silent          INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1)),
    fallback_html   TEXT,                               -- notice sent where an edit/deletion is refused
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    finished_at     TEXT
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
-- The dispatcher reads each (release, action) stream of due deliveries in order through this index.
CREATE INDEX deliveries_stream ON deliveries (status, release_id, action, next_attempt_at, id);
CREATE INDEX deliveries_by_release ON deliveries (release_id, action, status);
CREATE INDEX deliveries_by_chat ON deliveries (chat_id);
CREATE UNIQUE INDEX deliveries_once ON deliveries (release_id, subscription_id, action, version)
    WHERE action IN ('send', 'edit', 'delete') AND subscription_id IS NOT NULL;

-- Each message a delivery consists of; a restart resumes at the first part not yet sent.
CREATE TABLE delivery_parts (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('text', 'photo', 'video', 'document', 'album', 'notice')),
    html        TEXT,                                   -- NULL: take it from release_parts
    status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    message_ids TEXT    CHECK (message_ids IS NULL OR json_valid(message_ids)),   -- JSON list
    sent_at     TEXT,
    last_error  TEXT,
    PRIMARY KEY (delivery_id, position)
) WITHOUT ROWID;

-- Releases waiting for a chat's daily digest.
CREATE TABLE digest_items (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    release_id      INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    queued_at       TEXT    NOT NULL,
    delivery_id     INTEGER REFERENCES deliveries (id),  -- the digest message that carried it
    PRIMARY KEY (subscription_id, release_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    actor_id     INTEGER,                               -- NULL: the system
    action       TEXT    NOT NULL,
    subject_type TEXT,
    subject_id   TEXT,
    details      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Full-text search over the folded text of published releases only: a retracted or unpublished
-- release is not in the index at all, so it can never be found.
CREATE VIRTUAL TABLE releases_fts USING fts5 (
    search_text,
    content = 'releases',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER releases_fts_insert AFTER INSERT ON releases WHEN new.status = 'published' BEGIN
    INSERT INTO releases_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER releases_fts_delete AFTER DELETE ON releases WHEN old.status = 'published' BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

-- One trigger, so the old entry always leaves the index before the new one enters.
CREATE TRIGGER releases_fts_update AFTER UPDATE OF status, search_text ON releases BEGIN
    INSERT INTO releases_fts (releases_fts, rowid, search_text)
        SELECT 'delete', old.id, old.search_text WHERE old.status = 'published';
    INSERT INTO releases_fts (rowid, search_text)
        SELECT new.id, new.search_text WHERE new.status = 'published';
END;
