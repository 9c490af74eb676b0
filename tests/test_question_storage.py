"""The question desk's repository on a real SQLite file: profiles, conditional status changes, assignments,
the thread, notices, and the reminder queries (which stage is due, marked once, the next due time)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.text import fold
from storage import Storage
from storage.questions import RUNNING, WAITING, Incoming

T0 = datetime(2025, 12, 1, 6, 0, tzinfo=UTC)
SLA = timedelta(hours=48)
JOURNALIST, OFFICER, ADMIN = 900, 300, 1


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Storage]:
    """A freshly migrated database file with two agencies and an officer of the first."""
    storage = await Storage.open(tmp_path / "bot.db")
    for name in ("فرمانداری آبدانان", "شرکت گاز استان ایلام"):
        await storage.organizations.create(name, fold(name), None, created_by=ADMIN)
    await storage.officers.create_invite("c", 1, ADMIN, T0 + timedelta(days=30))
    await storage.officers.redeem_invite("c", OFFICER, "کارشناس", None, now=T0)
    yield storage
    await storage.close()


async def _ask(store: Storage, text: str = "پرسش درباره طرح گازرسانی روستاها", at: datetime = T0) -> int:
    question = await store.questions.create(JOURNALIST, 1, Incoming(text), release_id=None, now=at, due_at=at + SLA)
    return question.id


async def test_profile_is_saved_replaced_and_blocked_once(store: Storage) -> None:
    """A profile is created and replaced in place; a block is set once, lifted once, and ends pending input."""
    assert await store.questions.profile(JOURNALIST) is None
    first = await store.questions.save_profile(JOURNALIST, "مریم احمدی", "ایلام‌نیوز", "maryam", T0)
    await store.questions.set_pending(JOURNALIST, asking_org=1)
    second = await store.questions.save_profile(JOURNALIST, "مریم احمدی", "صدای ایلام", None, T0 + SLA)
    assert (second.outlet, second.username, second.asking_org) == ("صدای ایلام", None, 1)
    assert second.created_at == first.created_at
    assert await store.questions.block(JOURNALIST, ADMIN, "توهین", T0)
    assert not await store.questions.block(JOURNALIST, ADMIN, "دوباره", T0)
    blocked = await store.questions.profile(JOURNALIST)
    assert blocked is not None
    assert (blocked.blocked, blocked.block_reason, blocked.asking_org) == (True, "توهین", None)
    assert await store.questions.unblock(JOURNALIST, T0)
    assert not await store.questions.unblock(JOURNALIST, T0)
    assert not await store.questions.block(12345, ADMIN, "بی‌نمایه", T0), "no profile, nothing to block"


async def test_a_new_question_has_its_assignment_message_and_event(store: Storage) -> None:
    """Creating a question stores the question, one current assignment with the deadline, the thread's first
    line and the event that opened it."""
    question_id = await _ask(store)
    question = await store.questions.get(question_id)
    assert question is not None
    assert (question.status, question.organization_id, question.due_at) == ("open", 1, T0 + SLA)
    [assignment] = await store.questions.assignments(question_id)
    assert (assignment.current, assignment.assigned_at, assignment.due_at) == (True, T0, T0 + SLA)
    [line] = await store.questions.messages(question_id)
    assert (line.role, line.author_id, line.text) == ("journalist", JOURNALIST, question.text)
    [event] = await store.questions.events(question_id)
    assert (event.from_status, event.to_status, event.actor_id) == (None, "open", JOURNALIST)
    assert await store.questions.count_waiting(JOURNALIST) == 1
    assert await store.questions.count_asked_since(JOURNALIST, T0) == 1
    assert await store.questions.count_asked_since(JOURNALIST, T0 + timedelta(seconds=1)) == 0


async def test_status_changes_only_from_the_expected_statuses(store: Storage) -> None:
    """The second of two claims finds the question claimed and changes nothing; a change bound to an agency
    does nothing once the question moved to another one."""
    question_id = await _ask(store)
    assert await store.questions.change_status(question_id, "claimed", ("open",), T0, claimed_by=OFFICER)
    assert not await store.questions.change_status(question_id, "claimed", ("open",), T0, claimed_by=OFFICER + 1)
    assert not await store.questions.change_status(question_id, "answered", WAITING, T0, organization_id=2)
    assert await store.questions.change_status(question_id, "closed", WAITING, T0 + SLA, organization_id=1)
    question = await store.questions.get(question_id)
    assert question is not None
    assert (question.status, question.claimed_by, question.closed_at) == ("closed", OFFICER, T0 + SLA)
    assert await store.questions.status_of(question_id) == "closed"
    assert await store.questions.status_of(999) is None


async def test_forwarding_ends_one_assignment_and_starts_a_fresh_clock(store: Storage) -> None:
    """A forward ends the current assignment (its first response is the forward) and starts one at the new
    agency with a new deadline, which the question mirrors."""
    question_id = await _ask(store)
    later = T0 + timedelta(hours=5)
    async with store.db.transaction() as tx:
        new = await store.questions.reassign(
            question_id, 2, later, later + SLA, outcome="forwarded", outcome_reason="مربوط به گاز است",
            assigned_by=OFFICER, assign_reason="مربوط به گاز است", tx=tx,
        )  # fmt: skip
    old, current = await store.questions.assignments(question_id)
    assert (old.outcome, old.outcome_reason, old.ended_at, old.first_response_at) == (
        "forwarded", "مربوط به گاز است", later, later,
    )  # fmt: skip
    assert current == new
    assert (current.organization_id, current.assigned_at, current.due_at, current.assigned_by) == (
        2, later, later + SLA, OFFICER,
    )  # fmt: skip
    question = await store.questions.get(question_id)
    assert question is not None
    assert (question.organization_id, question.due_at) == (2, later + SLA)
    assert await store.questions.current_assignment(question_id) == current


async def test_answer_and_end_keep_the_first_times(store: Storage) -> None:
    """The first answer's time and author stay when the agency answers again; closing keeps «answered»."""
    question_id = await _ask(store)
    await store.questions.responded(question_id, T0 + timedelta(hours=1))
    await store.questions.answered(question_id, OFFICER, T0 + timedelta(hours=2))
    await store.questions.answered(question_id, OFFICER + 1, T0 + timedelta(hours=3))
    assert await store.questions.end_assignment(question_id, "closed", None, T0 + timedelta(hours=4))
    assert not await store.questions.end_assignment(question_id, "closed", None, T0 + timedelta(hours=5))
    [done] = await store.questions.assignments(question_id)
    assert (done.first_response_at, done.answered_at, done.answered_by, done.outcome, done.ended_at) == (
        T0 + timedelta(hours=1), T0 + timedelta(hours=2), OFFICER, "answered", T0 + timedelta(hours=4),
    )  # fmt: skip


async def test_thread_notices_and_answering_mode(store: Storage) -> None:
    """Thread lines keep their files; a notice maps back to its question; /answer's mode is kept per officer."""
    question_id = await _ask(store)
    attachment = Incoming("", "document", "F1", "u1", "a.pdf", "application/pdf")
    await store.questions.add_message(
        question_id, attachment, author_id=OFFICER, role="officer", organization_id=1, now=T0
    )
    _, answer = await store.questions.messages(question_id)
    assert (answer.kind, answer.file_id, answer.file_name, answer.as_incoming().has_file) == (
        "document", "F1", "a.pdf", True,
    )  # fmt: skip
    assert await store.questions.last_answerer(question_id, 1) == OFFICER
    assert await store.questions.last_answerer(question_id, 2) is None
    await store.questions.remember_notice(OFFICER, 77, question_id)
    assert await store.questions.question_of_notice(OFFICER, 77) == question_id
    assert await store.questions.question_of_notice(OFFICER, 78) is None
    await store.questions.set_answering(OFFICER, question_id)
    assert await store.questions.answering(OFFICER) == question_id
    await store.questions.set_answering(OFFICER, None)
    assert await store.questions.answering(OFFICER) is None


@pytest.mark.parametrize(
    ("hours", "stage"),
    [(23.9, None), (24.01, "half"), (43.2, "late"), (47.99, "late"), (48.0, "expire"), (100, "expire")],
)
async def test_the_due_stage_follows_the_share_of_time_passed(store: Storage, hours: float, stage: str | None) -> None:
    """Half the time gives «half», 90 % «late» (even when the half one was never sent), the deadline «expire»."""
    question_id = await _ask(store)
    due = await store.questions.due_reminders(T0 + timedelta(hours=hours))
    assert [(d.stage, d.question.id) for d in due] == ([] if stage is None else [(stage, question_id)])


async def test_each_stage_is_marked_once_and_the_next_due_time_moves_on(store: Storage) -> None:
    """Marking a stage succeeds once; after «late» the half reminder is never due; nothing is due for an
    answered assignment or a question that is not open or claimed."""
    question_id = await _ask(store)
    assert await store.questions.next_due() == T0 + SLA / 2
    [due] = await store.questions.due_reminders(T0 + timedelta(hours=25))
    assert await store.questions.mark_stage(due.assignment.id, "half", T0 + timedelta(hours=25))
    assert not await store.questions.mark_stage(due.assignment.id, "half", T0 + timedelta(hours=25))
    assert await store.questions.due_reminders(T0 + timedelta(hours=26)) == []
    assert await store.questions.next_due() == T0 + SLA * 0.9
    assert await store.questions.mark_stage(due.assignment.id, "late", T0 + timedelta(hours=44))
    assert await store.questions.next_due() == T0 + SLA
    other = await _ask(store, at=T0 + timedelta(hours=1))
    [late] = await store.questions.due_reminders(T0 + timedelta(hours=45, minutes=30))
    assert (late.stage, late.question.id) == ("late", other)
    assert await store.questions.mark_stage(late.assignment.id, "late", T0 + timedelta(hours=46))
    assert not await store.questions.mark_stage(late.assignment.id, "half", T0 + timedelta(hours=46))
    await store.questions.answered(other, OFFICER, T0 + timedelta(hours=46))
    assert not await store.questions.mark_stage(late.assignment.id, "expire", T0 + timedelta(hours=50))
    assert await store.questions.change_status(question_id, "declined", RUNNING, T0)
    assert await store.questions.due_reminders(T0 + timedelta(days=9)) == []
    assert await store.questions.next_due() is None


async def test_lists_by_journalist_status_and_release(store: Storage) -> None:
    """The journalist's questions come newest first; an agency's waiting ones earliest deadline first."""
    first = await _ask(store)
    second = await _ask(store, at=T0 - timedelta(hours=1))
    release = await store.questions.create(
        JOURNALIST, 2, Incoming("درباره خبر"), release_id=None, now=T0, due_at=T0 + SLA
    )
    assert [q.id for q in await store.questions.of_journalist(JOURNALIST)] == [release.id, second, first]
    assert [q.id for q in await store.questions.with_status(WAITING, organization_id=1)] == [second, first]
    assert [q.id for q in await store.questions.with_status(WAITING)] == [second, first, release.id]
    assert await store.questions.referring_to(1) == []
