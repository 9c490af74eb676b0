"""Admins edit the topic taxonomy: /addtopic, /renametopic, /topickeywords, /deltopic, /restoretopic, /topiclist.

Thin handlers: they split the typed pieces at «|» and hand them to :class:`bot.services.taxonomy.Taxonomy`, which
checks, stores, audits and makes the change live; its Persian refusals become the reply. /topics stays
the journalists' command (their filter); the admins' listing is /topiclist (alias /topics_admin).
"""

from __future__ import annotations

import html

from telegram import Message, Update

from bot import texts
from bot.domain.digits import fa
from bot.services.taxonomy import Taxonomy
from bot.telegram.args import command_text
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.replies import reply_long
from storage.topics import TopicRow

_PIPE = "|"


def _pieces(text: str, count: int) -> list[str]:
    """``text`` split at «|» into at most ``count`` stripped pieces."""
    return [piece.strip() for piece in text.split(_PIPE, count - 1)]


async def _taxonomy(update: Update, context: WireContext) -> tuple[Taxonomy, Message, int] | None:
    found = await admin_request(update, context)
    if found is None:
        return None
    message, admin = found
    return context.runtime.taxonomy, message, admin.id


async def add_topic(update: Update, context: WireContext) -> None:
    """/addtopic SLUG | label | keyword، keyword…: a new topic, suggested and offered at once."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(command_text(message), 3)
    if len(pieces) < 2 or not pieces[0]:
        await message.reply_text(texts.ADDTOPIC_USAGE)
        return
    slug, label, keywords = (*pieces, "")[:3]
    topic = await taxonomy.add(actor, slug, label, keywords)
    count = len(topic.keywords) + len(topic.strong_keywords)
    await message.reply_text(
        texts.ADDTOPIC_DONE.format(label=topic.label, slug=topic.slug, hashtag=topic.hashtag, count=fa(count))
    )


async def rename_topic(update: Update, context: WireContext) -> None:
    """/renametopic SLUG | new label: the label everywhere, and the hashtag with it."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(command_text(message), 2)
    if len(pieces) != 2 or not pieces[0]:
        await message.reply_text(texts.RENAMETOPIC_USAGE)
        return
    old_label, topic = await taxonomy.rename(actor, pieces[0], pieces[1])
    await message.reply_text(
        texts.RENAMETOPIC_DONE.format(slug=topic.slug, old=old_label, new=topic.label, hashtag=topic.hashtag)
    )


async def topic_keywords(update: Update, context: WireContext) -> None:
    """/topickeywords SLUG | kw، kw (replace) or | +kw، -kw (add, remove); * marks a strong keyword."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, actor = found
    pieces = _pieces(command_text(message), 2)
    if len(pieces) != 2 or not pieces[0]:
        await message.reply_text(texts.TOPICKEYWORDS_USAGE)
        return
    change = await taxonomy.edit_keywords(actor, pieces[0], pieces[1])
    topic = change.topic
    lines = [
        texts.TOPICKEYWORDS_DONE.format(
            label=topic.label,
            slug=topic.slug,
            count=fa(len(topic.keywords) + len(topic.strong_keywords)),
            strong=fa(len(topic.strong_keywords)),
        )
    ]
    if change.added:
        lines.append(texts.TOPICKEYWORDS_ADDED.format(keywords=texts.LIST_SEPARATOR.join(change.added)))
    if change.removed:
        lines.append(texts.TOPICKEYWORDS_REMOVED.format(keywords=texts.LIST_SEPARATOR.join(change.removed)))
    await reply_long(message, "\n".join(lines), html_mode=False)


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
    slug = command_text(message)
    if not slug or len(slug.split()) != 1:
        await message.reply_text(usage)
        return
    topic = await (taxonomy.restore(actor, slug) if active else taxonomy.deactivate(actor, slug))
    await message.reply_text(done.format(label=topic.label, slug=topic.slug))


async def list_topics(update: Update, context: WireContext) -> None:
    """/topiclist [SLUG]: every topic with its state and keyword count, or one topic's keywords."""
    found = await _taxonomy(update, context)
    if found is None:
        return
    taxonomy, message, _ = found
    slug = command_text(message)
    if slug:
        topic = await taxonomy.get(slug)
        await reply_long(message, _detail(topic), html_mode=True)
        return
    topics = await taxonomy.all()
    lines = [texts.TOPICLIST_HEADER.format(active=fa(sum(t.active for t in topics)), total=fa(len(topics)))]
    lines.extend(
        texts.TOPICLIST_LINE.format(
            mark=texts.TOPIC_MARK_ACTIVE if t.active else texts.TOPIC_MARK_INACTIVE,
            slug=t.slug,
            label=html.escape(t.label),
            state=texts.TOPIC_STATE_ACTIVE if t.active else texts.TOPIC_STATE_INACTIVE,
            count=fa(len(t.keywords) + len(t.strong_keywords)),
        )
        for t in topics
    )
    lines += ["", texts.TOPICLIST_FOOTER]
    await reply_long(message, "\n".join(lines), html_mode=True)


def _detail(topic: TopicRow) -> str:
    def listed(words: tuple[str, ...]) -> str:
        return html.escape(texts.LIST_SEPARATOR.join(words)) if words else texts.NONE_LABEL

    return texts.TOPIC_DETAIL.format(
        label=html.escape(topic.label),
        slug=topic.slug,
        state=texts.TOPIC_STATE_ACTIVE if topic.active else texts.TOPIC_STATE_INACTIVE,
        hashtag=html.escape(topic.hashtag),
        strong_count=fa(len(topic.strong_keywords)),
        strong=listed(topic.strong_keywords),
        count=fa(len(topic.keywords)),
        keywords=listed(topic.keywords),
    )


COMMANDS = (
    command("addtopic", add_topic, Menu.ADMIN),
    command("renametopic", rename_topic, Menu.ADMIN),
    command("topickeywords", topic_keywords, Menu.ADMIN),
    command("deltopic", delete_topic, Menu.ADMIN),
    command("restoretopic", restore_topic, Menu.ADMIN),
    command("topiclist", list_topics, Menu.ADMIN, aliases=("topics_admin",)),
)
HANDLERS = command_handlers(COMMANDS)
