"""The one family of errors a user can cause: each carries the Persian sentence that tells them why.

Services raise these; the Telegram package's error route (``bot.telegram.errors``) turns any of them
into a reply, or an alert under a pressed button, and nothing else happens. Anything else that escapes
a handler is a bug: logged, and the admin chat is told.
"""

from __future__ import annotations


class UserError(Exception):
    """A request that cannot be carried out as asked; ``message`` says why, in Persian.

    ``in_chat``: the message teaches a command to type, so under a pressed button it is said in the chat
    (where it can be tapped and copied) rather than in an alert.
    """

    def __init__(self, message: str, *, in_chat: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.in_chat = in_chat


class NotAnOfficer(UserError):
    """The sender is not an (active) officer of any agency."""


class OfficerRevoked(UserError):
    """The sender was an officer, and an admin revoked them."""


class NotAnAdmin(UserError):
    """The sender is not an admin of the provincial PR office."""


class NotYourRelease(UserError):
    """The release belongs to another agency than the officer's."""


class NotYourQuestion(UserError):
    """The question is with another agency than the officer's."""


class NotAChatAdmin(UserError):
    """The sender does not control the chat they are trying to configure (or it cannot be reached)."""


class UnknownId(UserError):
    """An id that names nothing: no such release, organization, question or search."""


class WrongState(UserError):
    """The thing exists but is not in a state that allows this (a published release is no draft)."""


class InvalidInput(UserError, ValueError):
    """What was typed cannot be understood or is out of bounds: empty, too long, malformed."""


class StorageUnavailable(UserError):
    """The database refuses writes for now (a full disk, a lock held too long): nothing of the request was saved."""
