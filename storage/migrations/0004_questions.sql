-- 0004: the question desk. Journalists ask an agency; its officers claim, answer, forward or decline;
-- every agency's responsiveness is measured per assignment (a forwarded question's clock restarts at
-- the new agency and is counted there). Timestamps are UTC text like everywhere else.

-- A journalist's profile (shown to the agency), the block an admin may put on asking, and what the
-- journalist's next private message means (a question to an agency, or a follow-up in a thread).
CREATE TABLE journalist_profiles (
    user_id          INTEGER PRIMARY KEY,
    full_name        TEXT    NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 64),
    outlet           TEXT    NOT NULL CHECK (length(trim(outlet)) BETWEEN 1 AND 64),
    username         TEXT,
    blocked_at       TEXT,                                   -- not NULL: may not ask
    blocked_by       INTEGER,
    block_reason     TEXT,
    asking_org       INTEGER REFERENCES organizations (id),  -- /ask with a picker: the next message asks this agency
    asking_release   INTEGER REFERENCES releases (id),       -- ... about this release (the release's button)
    following_up     INTEGER REFERENCES questions (id),      -- the next message is a follow-up in this thread
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    CHECK ((blocked_at IS NULL) = (blocked_by IS NULL))
);

-- A question: one thread between one journalist and the agency it is with now.
CREATE TABLE questions (
    id              INTEGER PRIMARY KEY,
    journalist_id   INTEGER NOT NULL,                        -- the journalist's user id (= their private chat)
    organization_id INTEGER NOT NULL REFERENCES organizations (id),  -- the agency it is with now
    release_id      INTEGER REFERENCES releases (id),        -- the release it was asked about, if any
    text            TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    status          TEXT    NOT NULL DEFAULT 'open' CHECK (status IN (
                        'open', 'claimed', 'answered', 'closed', 'declined', 'forwarded', 'expired')),
    claimed_by      INTEGER,                                 -- the officer who said «پاسخ می‌دهم»
    asked_at        TEXT    NOT NULL,
    due_at          TEXT    NOT NULL,                        -- the current assignment's deadline
    closed_at       TEXT,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX questions_by_journalist ON questions (journalist_id, asked_at);
CREATE INDEX questions_by_org ON questions (organization_id, status, due_at);
CREATE INDEX questions_by_status ON questions (status, due_at);

-- Each agency a question was with, and how that agency dealt with it: what the responsiveness report
-- counts. The current assignment is the one with ended_at NULL (at most one per question).
CREATE TABLE question_assignments (
    id                INTEGER PRIMARY KEY,
    question_id       INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    organization_id   INTEGER NOT NULL REFERENCES organizations (id),
    assigned_at       TEXT    NOT NULL,                      -- the clock starts here
    due_at            TEXT    NOT NULL,                      -- assigned_at + QUESTION_SLA_HOURS
    assigned_by       INTEGER,                               -- NULL: the journalist asked; else the officer or admin
    assign_reason     TEXT,                                  -- why it was forwarded here
    first_response_at TEXT,                                  -- first claim, answer, decline or forward by this agency
    answered_at       TEXT,                                  -- first answer by this agency
    answered_by       INTEGER,
    outcome           TEXT CHECK (outcome IN ('answered', 'declined', 'forwarded', 'reassigned', 'closed')),
    outcome_reason    TEXT,                                  -- the reason of a decline or forward
    ended_at          TEXT,                                  -- the question left this agency or was closed
    reminded_half_at  TEXT,                                  -- reminders to the agency's officers (never twice)
    reminded_late_at  TEXT,                                  -- at 90 % of the time
    escalated_at      TEXT                                   -- overdue: the admins were told
);
CREATE UNIQUE INDEX question_assignments_current ON question_assignments (question_id) WHERE ended_at IS NULL;
CREATE INDEX question_assignments_by_org ON question_assignments (organization_id, assigned_at);
CREATE INDEX question_assignments_due ON question_assignments (due_at) WHERE ended_at IS NULL AND answered_at IS NULL;

-- The thread: the question, follow-ups, answers and system lines, with attachments by file id.
CREATE TABLE question_messages (
    id              INTEGER PRIMARY KEY,
    question_id     INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    author_id       INTEGER,                                 -- NULL: the bot (a retraction shown in the thread)
    role            TEXT    NOT NULL CHECK (role IN ('journalist', 'officer', 'admin', 'system')),
    organization_id INTEGER REFERENCES organizations (id),   -- the officer's agency when role = 'officer'
    text            TEXT    NOT NULL DEFAULT '',
    kind            TEXT    NOT NULL DEFAULT 'text' CHECK (kind IN (
                        'text', 'photo', 'video', 'document', 'voice', 'audio')),
    file_id         TEXT,
    file_unique_id  TEXT,
    file_name       TEXT,
    mime_type       TEXT,
    created_at      TEXT    NOT NULL,
    CHECK (kind = 'text' OR file_id IS NOT NULL)
);
CREATE INDEX question_messages_by_question ON question_messages (question_id, id);

-- Every status change: who, when, from what to what, and why.
CREATE TABLE question_events (
    id              INTEGER PRIMARY KEY,
    question_id     INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    actor_id        INTEGER,                                 -- NULL: the bot (expiry)
    from_status     TEXT,
    to_status       TEXT    NOT NULL,
    organization_id INTEGER REFERENCES organizations (id),
    reason          TEXT
);
CREATE INDEX question_events_by_question ON question_events (question_id, id);

-- Where the bot sent a question's notices, so that a plain reply to one reaches its thread.
CREATE TABLE question_notices (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;

-- /answer Q_ID: the officer's next message is the answer to this question.
ALTER TABLE officers ADD COLUMN answering INTEGER REFERENCES questions (id);
-- «⛔️ رد» or an agency picked in «↪️ ارجاع»: the officer's next message is the reason (JSON: action,
-- question_id, organization_id, asked_at); it survives a restart and lapses after a quarter of an hour.
ALTER TABLE officers ADD COLUMN reason_prompt TEXT CHECK (reason_prompt IS NULL OR json_valid(reason_prompt));
