"""Every Persian string a user sees, in one package so wording is reviewed together.

One module per audience or area; this package re-exports every name, so call sites keep writing
``texts.NAME`` (``from bot import texts``) or ``from bot.texts import NAME`` and need not know which
module a string lives in.  A new string goes into its module's ``__all__`` as well (tests/test_texts.py
checks that).

Strings with placeholders use ``str.format`` names; values are HTML-escaped by the caller when the
message is sent with parse_mode HTML.  Numbers are put into placeholders in Persian digits by the
caller, through ``bot.domain.digits`` (``fa``, ``fa_number``); tests/test_texts.py checks every
template's placeholders against its call sites.
"""

from __future__ import annotations

from bot.texts.admin import *  # noqa: F403
from bot.texts.approval import *  # noqa: F403
from bot.texts.cli import *  # noqa: F403
from bot.texts.common import *  # noqa: F403
from bot.texts.dates import *  # noqa: F403
from bot.texts.journalist import *  # noqa: F403
from bot.texts.menus import *  # noqa: F403
from bot.texts.officer import *  # noqa: F403
from bot.texts.ops import *  # noqa: F403
from bot.texts.questions import *  # noqa: F403
from bot.texts.reports import *  # noqa: F403
from bot.texts.typed import *  # noqa: F403
from bot.texts.web import *  # noqa: F403
