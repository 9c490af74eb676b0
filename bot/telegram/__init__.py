"""Everything that speaks Telegram: handlers, views, callback data, command arguments, menus, the error route."""
