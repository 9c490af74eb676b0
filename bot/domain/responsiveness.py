"""The responsiveness section of the accountability report: how each agency dealt with journalists' questions.

Counted per agency over the question assignments that started in the month (``assigned_at``, on the bot's
clock like the publishing section), as they stand at ``now`` (passed in, so a report can be reproduced):

- ``received``: its assignments, except those that left it by a forward, or by an admin's reassignment
  before their time ran out. A forwarded question is counted at the agency it was forwarded to, where its
  clock started afresh; the agency that forwarded it counts it under ``forwarded``. A question an admin
  took away after its deadline stays the agency's: received, and never answered there;
- ``answered``; ``answered_in_time``: answered no later than the assignment's deadline (``answered_at <=
  due_at``); the others were answered late;
- median minutes to the first response (the first claim, answer, decline or forward; over every assignment
  of the agency that has one, forwarded ones included, since a forward is a response) and to the answer
  (over the received ones that were answered);
- ``open_now``: the question is with the agency now (``ended_at`` NULL), unanswered, neither declined nor
  closed; ``overdue_now``: those whose deadline is before ``now``; the rest are still ``waiting``;
- ``declined`` (with the reasons) and ``forwarded``.

The ranking is by the share answered within the time of the *settled* questions: those received minus
those still waiting, since a question asked an hour ago can be held against nobody yet. An agency with
settled questions and not one answer is ``unanswered``: the report marks it «بی‌پاسخ», as it marks an
agency that published nothing «بی‌خبر».
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain.medians import median_minutes

# A question in one of these states is no longer waiting for anyone's answer.
FINISHED_STATUSES = frozenset({"declined", "closed"})


class AssignmentFacts(Protocol):
    """One agency's turn with a question (``storage.reports.AssignmentRecord``)."""

    @property
    def question_id(self) -> int: ...
    @property
    def organization_id(self) -> int: ...
    @property
    def assigned_at(self) -> datetime: ...
    @property
    def due_at(self) -> datetime: ...
    @property
    def first_response_at(self) -> datetime | None: ...
    @property
    def answered_at(self) -> datetime | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def outcome_reason(self) -> str | None: ...
    @property
    def ended_at(self) -> datetime | None: ...
    @property
    def question_status(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ResponsivenessRow:
    """One agency's line of the responsiveness section."""

    organization_id: int
    name: str
    received: int = 0
    answered: int = 0
    answered_in_time: int = 0
    first_response_minutes: float | None = None
    answer_minutes: float | None = None
    open_now: int = 0
    overdue_now: int = 0
    declined: int = 0
    decline_reasons: tuple[str, ...] = ()
    forwarded: int = 0

    @property
    def answered_late(self) -> int:
        """Answered after the deadline."""
        return self.answered - self.answered_in_time

    @property
    def waiting(self) -> int:
        """Open now and still within the time: not yet held against the agency."""
        return self.open_now - self.overdue_now

    @property
    def settled(self) -> int:
        """Received questions that can be judged: answered, declined, closed, or past their time."""
        return self.received - self.waiting

    @property
    def unresolved(self) -> int:
        """Settled questions neither answered nor declined (overdue now, or closed without an answer)."""
        return max(self.settled - self.answered - self.declined, 0)

    @property
    def in_time_share(self) -> float | None:
        """Answered within the time, as a share of the settled questions; None when none is settled."""
        return self.answered_in_time / self.settled if self.settled else None

    @property
    def in_time_percent(self) -> int | None:
        """``in_time_share`` as a whole percentage."""
        share = self.in_time_share
        return None if share is None else round(share * 100)

    @property
    def unanswered(self) -> bool:
        """Settled questions and not one answer: the agency the report marks «بی‌پاسخ»."""
        return self.settled > 0 and self.answered == 0


@dataclass(frozen=True, slots=True)
class Responsiveness:
    """Every agency's responsiveness in a month, ranked, and the medians over all agencies."""

    rows: tuple[ResponsivenessRow, ...] = ()
    first_response_minutes: float | None = None
    answer_minutes: float | None = None

    @property
    def ranked(self) -> tuple[ResponsivenessRow, ...]:
        """The agencies that received questions, best first (the chart's bars)."""
        return tuple(row for row in self.rows if row.received)

    @property
    def unanswered(self) -> tuple[ResponsivenessRow, ...]:
        """The agencies marked «بی‌پاسخ», in ranking order."""
        return tuple(row for row in self.rows if row.unanswered)

    @property
    def overdue(self) -> tuple[ResponsivenessRow, ...]:
        """The agencies with questions past their time now, most first (ties by ranking)."""
        return tuple(sorted((row for row in self.rows if row.overdue_now), key=lambda row: -row.overdue_now))

    @property
    def asked(self) -> bool:
        """Whether any question reached any agency in the month (forwarded ones included)."""
        return any(row.received or row.forwarded for row in self.rows)

    @property
    def totals(self) -> ResponsivenessRow:
        """Every agency together: the counts summed, the medians over every assignment (no reasons)."""
        return ResponsivenessRow(
            organization_id=0,
            name="",
            received=sum(row.received for row in self.rows),
            answered=sum(row.answered for row in self.rows),
            answered_in_time=sum(row.answered_in_time for row in self.rows),
            first_response_minutes=self.first_response_minutes,
            answer_minutes=self.answer_minutes,
            open_now=sum(row.open_now for row in self.rows),
            overdue_now=sum(row.overdue_now for row in self.rows),
            declined=sum(row.declined for row in self.rows),
            forwarded=sum(row.forwarded for row in self.rows),
        )

    def row(self, organization_id: int) -> ResponsivenessRow | None:
        """The agency's row, or None for an agency the section does not know."""
        return next((row for row in self.rows if row.organization_id == organization_id), None)


def _left_the_agency(assignment: AssignmentFacts) -> bool:
    """Forwarded away, or reassigned by an admin within its time: it was not the agency's to answer."""
    if assignment.outcome == "forwarded":
        return True
    return assignment.outcome == "reassigned" and (
        assignment.ended_at is None or assignment.ended_at <= assignment.due_at
    )


def _is_open(assignment: AssignmentFacts) -> bool:
    return (
        assignment.ended_at is None
        and assignment.answered_at is None
        and assignment.question_status not in FINISHED_STATUSES
    )


def _is_declined(assignment: AssignmentFacts) -> bool:
    # The assignment's outcome says it; the question's status covers a current assignment not yet ended.
    return assignment.outcome == "declined" or (
        assignment.ended_at is None and assignment.question_status == "declined"
    )


def _rank_key(row: ResponsivenessRow) -> tuple[int, float, int, int, int]:
    """Agencies with questions first, by share within the time (unknown after known), the more settled
    questions first, then id; agencies without questions after them, by id."""
    if not row.received:
        return (2, 0.0, 0, 0, row.organization_id)
    share = row.in_time_share
    return (0 if share is not None else 1, -(share or 0.0), -row.settled, -row.received, row.organization_id)


@dataclass(frozen=True, slots=True)
class _Turn:
    """One agency's whole turn with a question: assignments an admin gave back to the same agency, as one."""

    question_id: int
    organization_id: int
    assigned_at: datetime
    due_at: datetime
    first_response_at: datetime | None
    answered_at: datetime | None
    outcome: str | None
    outcome_reason: str | None
    ended_at: datetime | None
    question_status: str


def _turns(assignments: Sequence[AssignmentFacts]) -> list[AssignmentFacts]:
    """The assignments, with one an admin reassigned to the agency that already had it merged into the one
    before: the question is counted once there, judged by its first deadline (a fresh clock given after the
    agency let it expire does not make a late answer timely)."""
    turns: list[AssignmentFacts] = []
    last: dict[int, int] = {}  # question -> index of its latest turn
    for a in sorted(assignments, key=lambda a: a.assigned_at):
        index = last.get(a.question_id)
        before = turns[index] if index is not None else None
        if (
            index is not None
            and before is not None
            and before.outcome == "reassigned"
            and before.organization_id == a.organization_id
        ):
            responses = [t for t in (before.first_response_at, a.first_response_at) if t is not None]
            answers = [t for t in (before.answered_at, a.answered_at) if t is not None]
            turns[index] = _Turn(
                question_id=a.question_id,
                organization_id=a.organization_id,
                assigned_at=before.assigned_at,
                due_at=before.due_at,
                first_response_at=min(responses, default=None),
                answered_at=min(answers, default=None),
                outcome=a.outcome,
                outcome_reason=a.outcome_reason,
                ended_at=a.ended_at,
                question_status=a.question_status,
            )
            continue
        last[a.question_id] = len(turns)
        turns.append(a)
    return turns


def build_responsiveness(
    agencies: Sequence[tuple[int, str]], assignments: Sequence[AssignmentFacts], now: datetime
) -> Responsiveness:
    """Count ``assignments`` per agency (every one of ``agencies`` gets a row, in ranking order) as at ``now``."""
    assignments = _turns(assignments)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reasons: dict[int, list[str]] = defaultdict(list)
    first_responses: dict[int, list[timedelta]] = defaultdict(list)
    answers: dict[int, list[timedelta]] = defaultdict(list)
    for a in assignments:
        org = a.organization_id
        if a.first_response_at is not None:
            first_responses[org].append(a.first_response_at - a.assigned_at)
        if _left_the_agency(a):
            counts[org]["forwarded"] += a.outcome == "forwarded"
            continue
        counts[org]["received"] += 1
        if a.answered_at is not None:
            counts[org]["answered"] += 1
            counts[org]["answered_in_time"] += a.answered_at <= a.due_at
            answers[org].append(a.answered_at - a.assigned_at)
        if _is_declined(a):
            counts[org]["declined"] += 1
            if a.outcome_reason and a.outcome_reason.strip():
                reasons[org].append(" ".join(a.outcome_reason.split()))
        if _is_open(a):
            counts[org]["open_now"] += 1
            counts[org]["overdue_now"] += a.due_at < now
    rows = [
        ResponsivenessRow(
            organization_id=org_id,
            name=name,
            received=counts[org_id]["received"],
            answered=counts[org_id]["answered"],
            answered_in_time=counts[org_id]["answered_in_time"],
            first_response_minutes=median_minutes(first_responses[org_id]),
            answer_minutes=median_minutes(answers[org_id]),
            open_now=counts[org_id]["open_now"],
            overdue_now=counts[org_id]["overdue_now"],
            declined=counts[org_id]["declined"],
            decline_reasons=tuple(reasons[org_id]),
            forwarded=counts[org_id]["forwarded"],
        )
        for org_id, name in agencies
    ]
    rows.sort(key=_rank_key)
    return Responsiveness(
        rows=tuple(rows),
        first_response_minutes=median_minutes([d for org in first_responses.values() for d in org]),
        answer_minutes=median_minutes([d for org in answers.values() for d in org]),
    )
