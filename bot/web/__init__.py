"""The public newsroom: Persian web pages and RSS, Atom and JSON feeds of published releases.

One more front end over the services (``bot.services.newsroom``), served by aiohttp in the bot's own
event loop; it never touches Telegram nor the database directly, and has no write endpoint.
"""

from bot.web.server import WebServer

__all__ = ["WebServer"]
