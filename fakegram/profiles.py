"""Messenger profiles of the fake Bot API server: what differs between Telegram and Bale (بله).

``FakeTelegram(profile=BALE)`` answers as Bale's Bot API does where ``docs/BALE.md`` found it out,
and ``TELEGRAM`` (the default) is the fake's behaviour before profiles existed, unchanged.  Every
field of ``BALE`` says where it comes from: «docs» (Bale's documentation, docs.bale.ai, as quoted by
the sources in ``docs/BALE.md``), «project» (reported by a public project that runs a bot on Bale)
or «conservative» (nothing could be confirmed: the stricter choice, so a bot that passes here does
not depend on the unconfirmed behaviour).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = ["BALE", "BALE_METHODS", "TELEGRAM", "Profile"]

MB = 1024 * 1024


def _lower(names: str) -> frozenset[str]:
    return frozenset(name.lower() for name in names.split())


@dataclass(frozen=True)
class Profile:
    """What a messenger's Bot API accepts and how it answers.  Method names are matched
    case-insensitively (both APIs treat them so)."""

    name: str
    #: the methods the API has (lower case); None: every method the fake implements
    methods: frozenset[str] | None = None
    #: the answer to a method outside ``methods``: (HTTP status and error_code, description)
    unsupported_method: tuple[int, str] = (404, "Not Found")
    #: the answer to a send over the rate limits (or a ``retry_after`` fault): HTTP status and
    #: error_code, and the description ({seconds} is replaced)
    rate_limited: tuple[int, str] = (429, "Too Many Requests: retry after {seconds}")
    #: whether that answer has parameters.retry_after (python-telegram-bot raises RetryAfter only then;
    #: a 429 without it is a NetworkError)
    rate_limit_retry_after: bool = True
    #: parameters refused with 400 and the description after "Bad Request: "
    refused_params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: parameters accepted and dropped without effect (still visible in ``ApiCall.params``)
    ignored_params: frozenset[str] = frozenset()
    #: parse modes that are applied (lower case)
    parse_modes: frozenset[str] = frozenset({"html", "markdown", "markdownv2"})
    #: what another parse mode gets: "refuse" (400 unsupported parse_mode) or "ignore" (the text is
    #: kept exactly as sent, tags and all, with no entities)
    other_parse_mode: Literal["refuse", "ignore"] = "refuse"
    max_text: int = 4096  # UTF-16 code units, after entity parsing
    max_caption: int = 1024
    max_callback_data: int = 64  # bytes
    #: upload limits (multipart) in bytes; None: not checked
    max_photo_upload: int | None = None
    max_file_upload: int | None = None
    #: the largest file getFile hands out for download; None: not checked
    max_download: int | None = None
    #: the update types the messenger sends; None: every type
    update_types: frozenset[str] | None = None
    chat_types: frozenset[str] = frozenset({"private", "group", "supergroup", "channel"})
    forum_topics: bool = True
    inline_mode: bool = True
    #: whether webhook deliveries carry X-Telegram-Bot-Api-Secret-Token when a secret_token was set
    webhook_secret_header: bool = True
    #: the ports a webhook URL may use; None: not checked
    webhook_ports: frozenset[int] | None = None
    #: False: editing a message that carries an inline keyboard is refused ("message can't be edited")
    edit_keyboard_messages: bool = True
    #: False: a successful edit answers ``true`` instead of the edited Message
    edit_returns_message: bool = True
    #: a bot may delete a message only this many seconds after sending it; None: any time
    delete_window: float | None = None

    def has_method(self, key: str) -> bool:
        return self.methods is None or key.lower() in self.methods

    def has_update(self, kind: str) -> bool:
        return self.update_types is None or kind in self.update_types

    def supergroups(self) -> bool:
        return "supergroup" in self.chat_types


#: Telegram as the fake answered before profiles: no method or parameter refused, HTML, Markdown and
#: MarkdownV2 accepted, Telegram's text/caption/callback limits, uploads and downloads unchecked.
TELEGRAM = Profile(name="telegram")

#: docs: the method list of docs.bale.ai (getMe … askReview).  Absent and so refused with 404 like
#: any unknown method: answerInlineQuery (no inline mode), the forum-topic methods, setMyCommands,
#: getMyCommands, deleteMyCommands, setChatMenuButton, setMyName/Description, deleteMessages.
BALE_METHODS = _lower(
    """
    getMe logOut close getUpdates setWebhook deleteWebhook getWebhookInfo
    sendMessage forwardMessage copyMessage sendPhoto sendAudio sendDocument sendVideo sendAnimation
    sendVoice sendMediaGroup sendLocation sendContact sendSticker sendChatAction getFile
    editMessageText editMessageCaption editMessageReplyMarkup deleteMessage
    getChat getChatAdministrators getChatMembersCount getChatMemberCount getChatMember
    banChatMember unbanChatMember restrictChatMember promoteChatMember
    setChatTitle setChatDescription setChatPhoto deleteChatPhoto leaveChat
    createChatInviteLink revokeChatInviteLink exportChatInviteLink
    pinChatMessage unpinChatMessage unpinAllChatMessages answerCallbackQuery
    sendInvoice createInvoiceLink answerPreCheckoutQuery inquireTransaction askReview
    uploadStickerFile createNewStickerSet addStickerToSet
    """
)

BALE = Profile(
    name="bale",
    methods=BALE_METHODS,
    # conservative: Bale's answer to an unknown method is not documented; 404 "Not Found" is
    # Telegram's, and projects report 404 from tapi.bale.ai for a wrong token or method
    unsupported_method=(404, "Not Found"),
    # no published rate limits.  project: python-bale-bot recognises the description «bot limit
    # exceed» and backs off by itself (2, 4, 6 s) without reading retry_after.  conservative: 429 with
    # that description and no retry_after, which python-telegram-bot reports as a NetworkError
    rate_limited=(429, "bot limit exceed"),
    rate_limit_retry_after=False,
    refused_params=MappingProxyType(
        {
            # docs: no forum topics (chat types private, group, channel).  conservative: refused
            # rather than ignored, so a message meant for a topic never lands in the general chat
            "message_thread_id": "message_thread_id is not supported",
            "direct_messages_topic_id": "direct_messages_topic_id is not supported",
        }
    ),
    ignored_params=frozenset(
        {
            # docs: setWebhook takes only url; project: no secret_token and no header on delivery
            "secret_token",
            # docs: not among sendMessage's parameters; conservative: dropped, as the Bot API does
            # with unknown fields, so nothing the bot relies on them for happens
            "link_preview_options",
            "disable_web_page_preview",
            "protect_content",
            "allow_paid_broadcast",
            "entities",
            "caption_entities",
            "reply_parameters",
        }
    ),
    # docs: no parse_mode parameter (Bale renders its own Markdown: *bold*, _italic_, [text](url));
    # project: HTML sent to Bale shows its tags raw.  So any parse_mode is ignored and the text kept
    parse_modes=frozenset(),
    other_parse_mode="ignore",
    max_text=4096,  # docs: sendMessage text 1-4096 characters
    # conservative: docs are quoted as 0-4096 for photo captions and «larger than Telegram» for other
    # media, a project's node as 1024; Telegram's 1024 holds on both
    max_caption=1024,
    max_callback_data=64,  # conservative: not documented; Telegram's 64 bytes (a project cuts to 64)
    max_photo_upload=10 * MB,  # docs: photos by multipart up to 10 MB
    max_file_upload=50 * MB,  # docs: other files by multipart up to 50 MB
    max_download=20 * MB,  # docs: getFile up to 20 MB
    # docs: an Update has message, edited_message, callback_query or pre_checkout_query; project
    # (Balethon's Update): also channel_post, edited_channel_post, shipping_query.  No my_chat_member,
    # chat_member, inline_query: the bot is not told when it is added to a group or channel
    update_types=frozenset(
        {
            "message",
            "edited_message",
            "channel_post",
            "edited_channel_post",
            "callback_query",
            "shipping_query",
            "pre_checkout_query",
        }
    ),
    chat_types=frozenset({"private", "group", "channel"}),  # docs: no supergroup
    forum_topics=False,  # docs and project: no topics
    inline_mode=False,  # docs: no answerInlineQuery; project: «Bale does not support inline mode»
    webhook_secret_header=False,  # docs: setWebhook has only url; project: no header on delivery
    webhook_ports=frozenset({443, 88}),  # docs: webhooks on ports 443 and 88 only
    # project: editing a message that carries an inline keyboard is unreliable on Bale.
    # conservative: refused, so the bot's fallback (a new message) is what the tests see
    edit_keyboard_messages=False,
    # project: editMessageText answers a stub (message_id 0, no text), not the message.
    # conservative: answered ``true``, which python-telegram-bot accepts, so the bot can't use it
    edit_returns_message=False,
    delete_window=48 * 3600,  # docs: a message can be deleted within 48 hours
)
