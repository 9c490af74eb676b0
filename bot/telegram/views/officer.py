"""What officers read: the welcome, a draft's control message and its keyboards, their releases, delivery reports;
and what admins read of any release (``inspection_text``)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.domain.digits import fa
from bot.domain.jalali import YearAhead, example_times, format_date, format_datetime, format_short
from bot.domain.pipeline import ReleasePipeline
from bot.domain.render import cut_at_word
from bot.services.approval import Inspection
from bot.services.desk import MAX_TOPICS, CorrectionPreview, EmbargoNotPassed, MyReleases, Preview, RetractionQuestion
from bot.telegram.callbacks import DeskAnswer, DraftAction, DraftPick, ScheduleYear
from bot.telegram.views.reports import today_text
from storage.organizations import Organization
from storage.outbox import Progress
from storage.releases import Release

QUICK_TIMES = {"1h": "+1h", "3h": "+3h", "t9": "فردا ساعت ۹"}
MY_TITLE_CHARS = 80
CHANGES_SHOWN = 6  # sentences listed of each kind (removed, added) under a correction's preview
SENTENCE_CHARS = 200  # a longer sentence is shown cut, with «…»


def report_text(progress: Progress) -> str:
    """The live (or final) delivery report of a release."""
    if not progress.done:
        lines = [
            texts.REPORT_PROGRESS.format(
                id=fa(progress.release_id),
                sent=fa(progress.sent),
                total=fa(progress.total),
                pending=fa(progress.pending - progress.waiting),
                failed=fa(progress.failed),
            )
        ]
        if progress.waiting:
            lines.append(texts.REPORT_WAITING.format(waiting=fa(progress.waiting)))
        if progress.held:
            lines.append(texts.REPORT_HELD)
        return "\n".join(lines)
    lines = [
        texts.REPORT_FINAL.format(
            id=fa(progress.release_id),
            sent=fa(progress.sent),
            total=fa(progress.total),
            failed=fa(progress.failed),
            deactivated=fa(progress.deactivated_chats),
        )
    ]
    lines += [texts.REPORT_REASON.format(reason=r, count=fa(n)) for r, n in progress.failed_reasons.items()]
    return "\n".join(lines)


def draft_summary(preview: Preview, pipeline: ReleasePipeline, zone: ZoneInfo) -> str:
    """The control message under a preview: tags, reach, and the typed commands."""
    topics = {t.slug: t for t in pipeline.topics}
    counties = {c.slug: c for c in pipeline.counties}
    release = preview.release
    labels = [topics[s].label for s in release.topics if s in topics]
    county = counties.get(release.county) if release.county else None
    text = texts.DRAFT_SUMMARY.format(
        id=fa(release.id),
        topics="، ".join(labels) or texts.NO_TOPICS,
        county=county.name if county else texts.PROVINCE_LEVEL,
        reach=fa(preview.reach),
        example_topics="، ".join(t.label for t in list(topics.values())[:2]),
    )
    natural, numeric = example_times(datetime.now(UTC), zone)
    text += "\n" + texts.SCHEDULE_HINT.format(id=fa(release.id), natural=natural, numeric=numeric)
    if preview.needs_approval:
        text += "\n\n" + texts.DRAFT_NEEDS_APPROVAL
    if preview.embargo is not None:
        text += "\n\n" + texts.EMBARGO_FOUND.format(
            when=format_datetime(preview.embargo.until, zone),
            id=fa(release.id),
            short=format_short(preview.embargo.until, zone),
        )
    if preview.duplicate is not None:
        duplicate = preview.duplicate
        text += "\n\n" + texts.DUPLICATE_WARNING.format(
            id=fa(duplicate.release_id),
            org=duplicate.org_name,
            when=format_datetime(duplicate.published_at, zone),
            title=duplicate.title,
            draft=fa(release.id),
        )
    return text


def _button(text: str, data: DraftAction | DraftPick | DeskAnswer | ScheduleYear) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data.pack())


def draft_keyboard(preview: Preview) -> InlineKeyboardMarkup:
    """The buttons under a draft's control message: publish (or submit for approval), schedule, cancel, tags,
    replace the text."""
    draft = preview.release.id
    if preview.needs_approval:  # the agency's releases go to the admins first: the button says so
        labels = (texts.BUTTON_SUBMIT_ANYWAY, texts.BUTTON_SUBMIT)
    else:
        labels = (texts.BUTTON_PUBLISH_ANYWAY, texts.BUTTON_PUBLISH)
    publish = (
        _button(labels[0], DraftAction("pubc", draft))
        if preview.duplicate
        else _button(labels[1], DraftAction("pub", draft))
    )
    rows = [
        [
            publish,
            _button(texts.BUTTON_SCHEDULE, DraftAction("sch", draft)),
            _button(texts.BUTTON_CANCEL, DraftAction("cancel", draft)),
        ],
        [
            _button(texts.BUTTON_TOPICS, DraftAction("tp", draft)),
            _button(texts.BUTTON_COUNTY, DraftAction("ct", draft)),
            _button(texts.BUTTON_REPLACE, DraftAction("rep", draft)),
        ],
    ]
    if preview.embargo is not None:
        rows.insert(0, [_button(texts.BUTTON_SCHEDULE_EMBARGO, DraftAction("emb", draft))])
    return InlineKeyboardMarkup(rows)


def topics_keyboard(pipeline: ReleasePipeline, release: Release) -> InlineKeyboardMarkup:
    """A toggle per topic (✅ when chosen), then «done»."""
    buttons = [
        _button(("✅ " if t.slug in release.topics else "") + t.label, DraftPick("tt", release.id, t.slug))
        for t in pipeline.topics
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(texts.BUTTON_DONE, DraftAction("back", release.id))])
    return InlineKeyboardMarkup(rows)


def county_keyboard(pipeline: ReleasePipeline, release: Release) -> InlineKeyboardMarkup:
    """One button per county (✅ on the chosen one), province-wide, and back."""
    buttons = [
        _button(("✅ " if c.slug == release.county else "") + c.name, DraftPick("cs", release.id, c.slug))
        for c in pipeline.counties
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    province = ("✅ " if release.county is None else "") + texts.BUTTON_PROVINCE
    rows.append([_button(province, DraftPick("cs", release.id, "none"))])
    rows.append([_button(texts.BUTTON_BACK, DraftAction("back", release.id))])
    return InlineKeyboardMarkup(rows)


def schedule_keyboard(release_id: int) -> InlineKeyboardMarkup:
    """Quick times (in an hour, in three hours, tomorrow at nine) and back."""
    labels = {"1h": texts.BUTTON_IN_1H, "3h": texts.BUTTON_IN_3H, "t9": texts.BUTTON_TOMORROW_9}
    quick = [_button(labels[k], DraftPick("sq", release_id, k)) for k in QUICK_TIMES]
    return InlineKeyboardMarkup([quick, [_button(texts.BUTTON_BACK, DraftAction("back", release_id))]])


def topics_prompt(release_id: int) -> str:
    """The text above the topic toggles."""
    return texts.PICK_TOPICS.format(id=fa(release_id), limit=fa(MAX_TOPICS))


def my_releases_text(mine: MyReleases, zone: ZoneInfo) -> str:
    """/my: what became of the agency's releases today, then its latest releases and drafts with their status,
    reach or time; cancelled drafts only counted (HTML)."""
    if not mine.rows and not mine.cancelled:
        return texts.MY_EMPTY
    lines = [texts.MY_HEADER.format(org=html.escape(mine.organization.name)), today_text(mine.today), ""]
    for release, progress in mine.rows:
        lines.append(
            texts.MY_LINE.format(
                id=fa(release.id),
                title=html.escape(cut_at_word(release.title, MY_TITLE_CHARS)),
                status=texts.STATUS_NAMES.get(release.status, release.status),
                detail=_my_detail(release, progress, zone),
            )
        )
    if mine.cancelled:
        lines.append(texts.MY_CANCELLED.format(count=fa(mine.cancelled)))
    return "\n".join(lines)


def _my_detail(release: Release, progress: Progress, zone: ZoneInfo) -> str:
    """After a release's status in /my: its reach (and the command that shows it), or when it is scheduled for."""
    if release.status == "scheduled" and release.scheduled_at is not None:
        return texts.MY_SCHEDULED.format(when=format_datetime(release.scheduled_at, zone))
    reach = texts.MY_REACH_RETRACTED if release.status == "retracted" else texts.MY_REACH
    detail = reach.format(sent=fa(progress.sent), total=fa(progress.total)) if progress.total else ""
    if release.status == "published":
        detail += texts.MY_FULL_TEXT.format(id=release.id)
    return detail


def status_text(release: Release, progress: Progress, zone: ZoneInfo) -> str:
    """/status: one release's title, status and delivery report; a release that went to nobody (yet) says why
    instead of a report of nothing."""
    status = texts.STATUS_NAMES.get(release.status, release.status)
    return f"{fa(release.id)}. {release.title}\n{status}\n\n{_delivery(release, progress, zone)}"


def _delivery(release: Release, progress: Progress, zone: ZoneInfo) -> str:
    """The delivery report of a release that was sent, else what became of it."""
    if progress.total:
        return report_text(progress)
    if release.status == "scheduled" and release.scheduled_at is not None:
        return texts.STATUS_SCHEDULED_AT.format(when=format_datetime(release.scheduled_at, zone), id=release.id)
    if release.status == "published":
        return texts.STATUS_NO_READERS
    return texts.STATUS_NOT_SENT.get(release.status, texts.STATUS_NOT_SENT["draft"])


def inspection_text(seen: Inspection, zone: ZoneInfo) -> str:
    """/status for an admin: any release with its agency, author, status, decision and delivery report."""
    release = seen.release
    lines = [
        f"{fa(release.id)}. {release.title}",
        texts.INSPECTION_WHO.format(org=seen.organization.name, author=seen.author),
        texts.INSPECTION_STATUS.format(status=texts.STATUS_NAMES.get(release.status, release.status)),
    ]
    if seen.decision is not None and seen.decided_by is not None:
        when = format_datetime(seen.decision.at, zone)
        if seen.decision.reason is None:
            lines.append(texts.INSPECTION_APPROVED.format(admin=seen.decided_by, when=when))
        else:
            lines.append(
                texts.INSPECTION_REJECTED.format(admin=seen.decided_by, when=when, reason=seen.decision.reason)
            )
    lines += ["", _delivery(release, seen.progress, zone), "", texts.INSPECTION_FULL_TEXT.format(link=release.id)]
    return "\n".join(lines)


def officer_welcome(name: str, org: Organization) -> str:
    """What an officer reads after joining: what to send, and whether their agency's releases need approval."""
    how = texts.JOINED_NEEDS_APPROVAL if org.requires_approval else texts.JOINED_PUBLISHES_AT_ONCE
    return "\n\n".join(
        (
            texts.JOINED.format(name=name, org=org.name),
            texts.JOINED_WHAT_TO_SEND,
            how.format(org=org.name),
            texts.JOINED_MORE,
        )
    )


# -- questions the desk asks before what is public or irreversible -----------------------------------


def year_ahead_keyboard(release_id: int, question: YearAhead, zone: ZoneInfo) -> InlineKeyboardMarkup:
    """Under «منظورتان ۷ آذر ۱۴۰۶ است؟»: yes, schedule for that day next year; no, leave the release as it is."""
    minute = int(question.moment.timestamp()) // 60
    day = format_date(question.moment, zone)
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.BUTTON_YEAR_AHEAD_YES.format(date=day), ScheduleYear(release_id, minute, "y")),
                _button(texts.BUTTON_YEAR_AHEAD_NO, ScheduleYear(release_id, minute, "n")),
            ]
        ]
    )


def embargo_keyboard(question: EmbargoNotPassed) -> InlineKeyboardMarkup:
    """Under «publish before the embargo?»: publish now (confirmed), or schedule for the embargo's end."""
    return InlineKeyboardMarkup(
        [
            [_button(texts.BUTTON_PUBLISH_NOW, DraftAction("pube", question.release_id))],
            [_button(texts.BUTTON_SCHEDULE_EMBARGO, DraftAction("emb", question.release_id))],
        ]
    )


def retraction_text(question: RetractionQuestion) -> str:
    """/retract's question: the release, what would be deleted, the reason, how to confirm by typing."""
    release, n = question.release, fa(question.release.id)
    unsent = texts.RETRACT_CONFIRM_UNSENT.format(count=fa(question.unsent)) if question.unsent else ""
    if question.reason:
        reason = texts.RETRACT_CONFIRM_REASON.format(reason=question.reason)
    else:
        reason = texts.RETRACT_CONFIRM_NO_REASON.format(id=n)
    if question.copies:
        copies = texts.RETRACT_CONFIRM_COPIES.format(count=fa(question.copies))
    else:
        copies = texts.RETRACT_CONFIRM_NO_COPIES
    return texts.RETRACT_CONFIRM.format(
        id=n,
        title=release.title,
        copies=copies,
        unsent=unsent,
        reason=reason,
        typed_reason=f"{question.reason} " if question.reason else "",
    )


def retraction_keyboard(question: RetractionQuestion) -> InlineKeyboardMarkup:
    """Confirm or keep, for the stored question."""
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.BUTTON_RETRACT_YES, DeskAnswer(question.request_id, "y")),
                _button(texts.BUTTON_RETRACT_NO, DeskAnswer(question.request_id, "n")),
            ]
        ]
    )


def _clipped(sentence: str) -> str:
    return sentence if len(sentence) <= SENTENCE_CHARS else sentence[: SENTENCE_CHARS - 1].rstrip() + "…"


def _listed(template: str, sentences: Sequence[str]) -> list[str]:
    lines = [template.format(sentence=_clipped(s)) for s in sentences[:CHANGES_SHOWN]]
    if len(sentences) > CHANGES_SHOWN:
        lines.append(texts.CORRECTION_MORE.format(count=fa(len(sentences) - CHANGES_SHOWN)))
    return lines


def _tag_names(pipeline: ReleasePipeline, topics: Sequence[str], county: str | None) -> tuple[str, str]:
    labels = {t.slug: t.label for t in pipeline.topics}
    names = {c.slug: c.name for c in pipeline.counties}
    shown_topics = "، ".join(labels.get(s, s) for s in topics) or texts.NO_TOPICS
    return shown_topics, names.get(county, county) if county else texts.PROVINCE_LEVEL


def correction_card(preview: CorrectionPreview, pipeline: ReleasePipeline) -> str:
    """Under a correction's preview: what changed (sentences removed and added), the tags it gets, a warning
    when it reads as another release, and how to confirm."""
    release, corrected, changes = preview.release, preview.corrected, preview.changes
    n = fa(release.id)
    lines = [texts.CORRECTION_CARD.format(id=n, title=corrected.title), ""]
    if changes.any:
        lines.append(texts.CORRECTION_CHANGES)
        lines += _listed(texts.CORRECTION_REMOVED, changes.removed)
        lines += _listed(texts.CORRECTION_ADDED, changes.added)
    else:
        lines.append(texts.CORRECTION_NO_SENTENCE_CHANGED)
    topics, county = _tag_names(pipeline, corrected.topics, corrected.county)
    old_topics, old_county = _tag_names(pipeline, release.topics, release.county)
    if topics != old_topics:
        topics += texts.CORRECTION_TAGS_CHANGED.format(before=old_topics)
    if county != old_county:
        county += texts.CORRECTION_TAGS_CHANGED.format(before=old_county)
    lines += ["", texts.CORRECTION_TAGS.format(topics=topics, county=county)]
    if changes.looks_different:
        lines += ["", texts.CORRECTION_DIFFERENT.format(id=n, kept=fa(changes.kept), total=fa(changes.old_count))]
    lines += ["", texts.CORRECTION_CONFIRM_HINT.format(id=n)]
    return "\n".join(lines)


def correction_keyboard(preview: CorrectionPreview) -> InlineKeyboardMarkup:
    """Send the correction, write another text, or drop it."""
    request = preview.request_id
    return InlineKeyboardMarkup(
        [
            [_button(texts.BUTTON_SEND_CORRECTION, DeskAnswer(request, "y"))],
            [
                _button(texts.BUTTON_OTHER_TEXT, DeskAnswer(request, "r")),
                _button(texts.BUTTON_DROP, DeskAnswer(request, "n")),
            ],
        ]
    )


def short_text_keyboard(request_id: int) -> InlineKeyboardMarkup:
    """Under «this text is short; is it a release?»: make it a draft, or not."""
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.BUTTON_MAKE_DRAFT, DeskAnswer(request_id, "y")),
                _button(texts.BUTTON_NOT_A_RELEASE, DeskAnswer(request_id, "n")),
            ]
        ]
    )


def edited_published_keyboard(request_id: int) -> InlineKeyboardMarkup:
    """Under «this message is a published release»: preview the correction with the edited text."""
    return InlineKeyboardMarkup([[_button(texts.BUTTON_PREVIEW_CORRECTION, DeskAnswer(request_id, "y"))]])
