"""Dates, schedules and times of day as users type them (raised as ValueError messages by
``bot/domain/jalali.py`` and ``bot/domain/daytime.py``)."""

from __future__ import annotations

__all__ = [
    "MSG_BAD_DATE",
    "MSG_BAD_MONTH",
    "MSG_BAD_PERIOD",
    "MSG_BAD_TIME",
    "MSG_BAD_TIME_OF_DAY",
    "MSG_BAD_TIME_RANGE",
    "MSG_IN_PAST",
    "MSG_NOT_UNDERSTOOD",
    "MSG_TIME_MISSING",
    "MSG_WEEKDAY_MISMATCH",
    "MSG_ZERO_DELAY",
]

# Dates and schedules (bot/domain/jalali.py).
MSG_NOT_UNDERSTOOD = "زمان را متوجه نشدم. نمونه‌های درست: «{numeric}»، «{natural}»، «فردا ساعت ۹»، «+۲h» یا «+۱h۳۰m»."
MSG_TIME_MISSING = "ساعت را هم بنویسید، مثلاً «{natural}»."
MSG_BAD_TIME = "ساعت {time} معتبر نیست؛ ساعت باید بین ۰ و ۲۳ و دقیقه بین ۰ و ۵۹ باشد."
MSG_BAD_PERIOD = "«ساعت {hour} {period}» معنا ندارد؛ ساعت را ۲۴ ساعته بنویسید، مثلاً «ساعت ۲۱»."
MSG_BAD_DATE = "تاریخ {date} در تقویم وجود ندارد."
MSG_WEEKDAY_MISMATCH = "{date} {actual} است، نه {given}."
MSG_IN_PAST = "این زمان گذشته است: {when}. زمانی در آینده بنویسید."
MSG_ZERO_DELAY = "مدت باید بیشتر از صفر باشد، مثلاً «+۳۰m»."
MSG_BAD_MONTH = "ماه را متوجه نشدم. نمونه‌های درست: «۱۴۰۵-۰۹» یا «آذر ۱۴۰۵»."

# Times of day (bot/domain/daytime.py).
MSG_BAD_TIME_OF_DAY = "«{text}» ساعت معتبری نیست؛ ساعت را مثل «۰۸:۳۰» یا «23:00» بنویسید."
MSG_BAD_TIME_RANGE = "بازه را مثل «۲۳:۰۰-۰۷:۰۰» بنویسید؛ آغاز و پایان باید فرق کنند."
