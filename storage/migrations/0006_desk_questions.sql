-- 0006: the officer desk asks before what is public or irreversible (issue 13), and keeps the
-- question in the database, so a restart does not lose it and a button pressed later still works.

-- A question the desk asked an officer, answered by a button (its id is in the button) or, while
-- ``typed`` is 1, by «بله» typed as the officer's next message. ``kind``: retract (``text`` is the
-- reason), correct (``text`` is the corrected text, previewed; ``version`` the version it corrects),
-- draft (a short text that may not be a release), edit (an edited message behind a published release;
-- ``text`` is the edited text). Answered questions are deleted.
CREATE TABLE desk_requests (
    id                INTEGER PRIMARY KEY,
    user_id           INTEGER NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('retract', 'correct', 'draft', 'edit')),
    release_id        INTEGER REFERENCES releases (id),
    version           INTEGER,
    text              TEXT,
    source_chat_id    INTEGER,
    source_message_id INTEGER,
    typed             INTEGER NOT NULL DEFAULT 1 CHECK (typed IN (0, 1)),
    created_at        TEXT    NOT NULL,
    CHECK (kind = 'draft' OR release_id IS NOT NULL)
);
CREATE INDEX desk_requests_by_user ON desk_requests (user_id, created_at);

-- A message in which the bot asked an officer for something about a release: a reply to it is the
-- answer (``schedule``: a time; ``correct``: the corrected text; ``replace``: a draft's new text).
CREATE TABLE desk_prompts (
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('schedule', 'correct', 'replace')),
    release_id INTEGER NOT NULL REFERENCES releases (id),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;

-- An edited message is matched to the release it became.
CREATE INDEX releases_by_source ON releases (source_chat_id, source_message_id);
