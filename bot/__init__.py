"""The Ilam press-release wire on Telegram."""

import os

# Opt in to python-telegram-bot's future time-period type (timedelta) now: with the default, every
# RetryAfter it constructs emits a PTBDeprecationWarning, which our warnings-as-errors tests forbid.
os.environ.setdefault("PTB_TIMEDELTA", "1")
