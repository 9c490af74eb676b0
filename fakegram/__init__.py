"""A fake Telegram Bot API server, and the people who talk to the bot through it: what the tests, the
benchmarks and ``python -m bot demo`` run the real bot against (it needs aiohttp: the demo and dev extras).

Modules: ``entities`` (Telegram's HTML subset), ``rules`` (the rate limits as the server applies
them), ``profiles`` (where Bale's API differs from Telegram's: ``FakeTelegram(profile=BALE)``),
``records`` (what the server keeps), ``updates`` (update builders), ``server`` (the HTTP server,
``FakeTelegram``) and ``drivers`` (``Officer``, ``Journalist``, ``Admin``: a user who says
things to the bot and reads its replies). See ``fakegram/server.py`` for a tour.
"""

from fakegram.drivers import Admin, Journalist, Officer, Person
from fakegram.entities import HtmlParseError, parse_html, utf16_len
from fakegram.profiles import BALE, Profile
from fakegram.records import ApiCall, Edit, Fault, SentMessage, Upload
from fakegram.rules import FAST, TELEGRAM, RateRules, TelegramLimits
from fakegram.server import FakeTelegram, ServerThread

__all__ = [
    "BALE",
    "FAST",
    "TELEGRAM",
    "Admin",
    "ApiCall",
    "Edit",
    "FakeTelegram",
    "Fault",
    "HtmlParseError",
    "Journalist",
    "Officer",
    "Person",
    "Profile",
    "RateRules",
    "SentMessage",
    "ServerThread",
    "TelegramLimits",
    "Upload",
    "parse_html",
    "utf16_len",
]
