"""Admins edit the topic taxonomy: /addtopic, /renametopic, /topickeywords, /deltopic, /restoretopic, /topiclist.

Thin handlers: they split the typed pieces at «|» and hand them to :class:`bot.services.taxonomy.Taxonomy`, which
checks, stores, audits and makes the change live; its Persian refusals become the reply. /topics stays
the journalists' command (their filter); the admins' listing is /topiclist (alias /topics_admin).
"""

from __future__ import annotations

import html

from telegram import Message, Update

from bot import texts
from bot.domain.digits import to_persian_digits
from bot.domain.taxonomy import TaxonomyError
from bot.services.core import Core
from bot.services.taxonomy import Taxonomy
from bot.telegram.context import WireContext
from bot.telegram.handlers.admin import admin_services
from bot.telegram.handlers.admins import arguments
from storage.topics import TopicRow

MESSAGE_LIMIT = 4000  # Telegram allows 4096 characters; leave room for the HTML entities
_PIPE = "|"


def _fa(value: int) -> str:
    return to_persian_digits(str(value))


def _pieces(text: str, count: int) -> list[str]:
    """``text`` split at «|» into at most ``count`` stripped pieces."""
    return [piece.strip() for piece in text.split(_PIPE, count - 1)]


async def _taxonomy(update: Update, context: WireContext) -> tuple[Taxonomy, Message, int] | None:
    services: Core | None = await admin_services(update, context)
    if services is None or update.effective_message is None or update.effective_user is None:
        return None
    return context.runtime.taxonomy, update.effective_message, update.effective_user.id


async def add_topic(update: Update, context: WireContext) -> None:
    """/addtopic SLUG | label | keyword، keyword…: a new topic, suggested and offered at once."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(arguments(update), 3)
    if len(pieces) < 2 or not pieces[0]:
        await message.reply_text(texts.ADDTOPIC_USAGE)
        return
    slug, label, keywords = (*pieces, "")[:3]
    try:
        topic = await taxonomy.add(actor, slug, label, keywords)
    except TaxonomyError as error:
        await message.reply_text(error.message)
        return
    count = len(topic.keywords) + len(topic.strong_keywords)
    await message.reply_text(
        texts.ADDTOPIC_DONE.format(label=topic.label, slug=topic.slug, hashtag=topic.hashtag, count=_fa(count))
    )


async def rename_topic(update: Update, context: WireContext) -> None:
    """/renametopic SLUG | new label: the label everywhere, and the hashtag with it."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(arguments(update), 2)
    if len(pieces) != 2 or not pieces[0]:
        await message.reply_text(texts.RENAMETOPIC_USAGE)
        return
    try:
        old_label, topic = await taxonomy.rename(actor, pieces[0], pieces[1])
    except TaxonomyError as error:
        await message.reply_text(error.message)
        return
    await message.reply_text(
        texts.RENAMETOPIC_DONE.format(slug=topic.slug, old=old_label, new=topic.label, hashtag=topic.hashtag)
    )


async def topic_keywords(update: Update, context: WireContext) -> None:
    """/topickeywords SLUG | kw، kw (replace) or | +kw، -kw (add, remove); * marks a strong keyword."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(arguments(update), 2)
    if len(pieces) != 2 or not pieces[0]:
        await message.reply_text(texts.TOPICKEYWORDS_USAGE)
        return
    try:
        change = await taxonomy.edit_keywords(actor, pieces[0], pieces[1])
    except TaxonomyError as error:
        await message.reply_text(error.message)
        return
    topic = change.topic
    lines = [
        texts.TOPICKEYWORDS_DONE.format(
            label=topic.label,
            slug=topic.slug,
            count=_fa(len(topic.keywords) + len(topic.strong_keywords)),
            strong=_fa(len(topic.strong_keywords)),
        )
    ]
    if change.added:
        lines.append(texts.TOPICKEYWORDS_ADDED.format(keywords=texts.LIST_SEPARATOR.join(change.added)))
    if change.removed:
        lines.append(texts.TOPICKEYWORDS_REMOVED.format(keywords=texts.LIST_SEPARATOR.join(change.removed)))
    await _reply_long(message, "\n".join(lines), html_mode=False)


async def delete_topic(update: Update, context: WireContext) -> None:
    """/deltopic SLUG: deactivate a topic; releases and subscriptions that name it are left as they are."""
    await _set_active(update, context, active=False)


async def restore_topic(update: Update, context: WireContext) -> None:
    """/restoretopic SLUG: make a deactivated topic active again."""
    await _set_active(update, context, active=True)


async def _set_active(update: Update, context: WireContext, *, active: bool) -> None:
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    usage, done = (
        (texts.RESTORETOPIC_USAGE, texts.RESTORETOPIC_DONE) if active else (texts.DELTOPIC_USAGE, texts.DELTOPIC_DONE)
    )
    slug = arguments(update)
    if not slug or len(slug.split()) != 1:
        await message.reply_text(usage)
        return
    try:
        topic = await (taxonomy.restore(actor, slug) if active else taxonomy.deactivate(actor, slug))
    except TaxonomyError as error:
        await message.reply_text(error.message)
        return
    await message.reply_text(done.format(label=topic.label, slug=topic.slug))


async def list_topics(update: Update, context: WireContext) -> None:
    """/topiclist [SLUG]: every topic with its state and keyword count, or one topic's keywords."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, _ = found
    slug = arguments(update)
    if slug:
        try:
            topic = await taxonomy.get(slug)
        except TaxonomyError as error:
            await message.reply_text(error.message)
            return
        await _reply_long(message, _detail(topic), html_mode=True)
        return
    topics = await taxonomy.all()
    lines = [texts.TOPICLIST_HEADER.format(active=_fa(sum(t.active for t in topics)), total=_fa(len(topics)))]
    lines.extend(
        texts.TOPICLIST_LINE.format(
            mark=texts.TOPIC_MARK_ACTIVE if t.active else texts.TOPIC_MARK_INACTIVE,
            slug=t.slug,
            label=html.escape(t.label),
            state=texts.TOPIC_STATE_ACTIVE if t.active else texts.TOPIC_STATE_INACTIVE,
            count=_fa(len(t.keywords) + len(t.strong_keywords)),
        )
        for t in topics
    )
    lines += ["", texts.TOPICLIST_FOOTER]
    await _reply_long(message, "\n".join(lines), html_mode=True)


def _detail(topic: TopicRow) -> str:
    def listed(words: tuple[str, ...]) -> str:
        return html.escape(texts.LIST_SEPARATOR.join(words)) if words else texts.NONE_LABEL

    return texts.TOPIC_DETAIL.format(
        label=html.escape(topic.label),
        slug=topic.slug,
        state=texts.TOPIC_STATE_ACTIVE if topic.active else texts.TOPIC_STATE_INACTIVE,
        hashtag=html.escape(topic.hashtag),
        strong_count=_fa(len(topic.strong_keywords)),
        strong=listed(topic.strong_keywords),
        count=_fa(len(topic.keywords)),
        keywords=listed(topic.keywords),
    )


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in messages of at most ``limit`` characters, cut between lines or between listed keywords.

    Only a line longer than a message (a keyword list: plain text between «، ») is cut inside, so
    HTML tags, which stay within short lines, are never split.
    """
    messages: list[str] = []
    current = ""
    for line in text.split("\n"):
        units = line.split(texts.LIST_SEPARATOR) if len(line) > limit else [line]
        for number, unit in enumerate(units):
            joiner = texts.LIST_SEPARATOR if number else "\n"
            if current and len(current) + len(joiner) + len(unit) <= limit:
                current += joiner + unit
                continue
            if current:
                messages.append(current)
            current = unit
            while len(current) > limit:  # one keyword longer than a message: cannot happen with the checks
                messages.append(current[:limit])
                current = current[limit:]
    if current.strip():
        messages.append(current)
    return messages


async def _reply_long(message: Message, text: str, *, html_mode: bool) -> None:
    for part in split_message(text):
        if html_mode:
            await message.reply_html(part)
        else:
            await message.reply_text(part)
