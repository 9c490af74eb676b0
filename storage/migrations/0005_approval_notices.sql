-- Where the bot sent each approval notice (one per admin, and one more for each /pending) and each
-- request for a rejection's reason: a reply to one of them is read as the reason, and once an admin
-- decides, every notice of the release is edited to say who decided what.
CREATE TABLE approval_notices (
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL DEFAULT 'notice' CHECK (kind IN ('notice', 'reason')),
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX approval_notices_by_release ON approval_notices (release_id);

-- The names admins go by on Telegram, as last seen when they used an admin command or button: the
-- decided notices, /status and /audit say who, not only a number.
CREATE TABLE people (
    user_id    INTEGER PRIMARY KEY,
    full_name  TEXT    NOT NULL,
    username   TEXT,
    updated_at TEXT    NOT NULL
);
