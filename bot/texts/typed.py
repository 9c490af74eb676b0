"""Strings about what people type after a command: names by label, times of day, dates without a year, counts."""

from __future__ import annotations

__all__ = [
    "AGENCY_UNKNOWN_NAME",
    "AUDIT_CLAMPED",
    "BUTTON_YEAR_AHEAD_NO",
    "BUTTON_YEAR_AHEAD_YES",
    "FILTER_UNKNOWN_AGENCY_NAMES",
    "LATEST_CLAMPED",
    "MSG_YEAR_AHEAD",
    "NAME_AMBIGUOUS",
    "NAME_AMBIGUOUS_MORE",
    "ONE_COUNTY_ONLY",
    "YEAR_AHEAD_KEPT",
]

# Names typed in commands (bot/domain/names.py, bot/services/names.py).
NAME_AMBIGUOUS = "«{typed}» با بیش از یک مورد جور است؛ یکی را با نام کامل یا شناسه‌اش بنویسید:\n{options}"
NAME_AMBIGUOUS_MORE = "… و {count} مورد دیگر"
FILTER_UNKNOWN_AGENCY_NAMES = (
    "این دستگاه‌ها را نمی‌شناسم: {values}\nنام کامل یا شناسهٔ دستگاه را بنویسید؛ فهرست دستگاه‌ها: /agencies"
)
AGENCY_UNKNOWN_NAME = "دستگاهی به نام «{name}» پیدا نشد؛ نام کامل یا شناسهٔ دستگاه را بنویسید. فهرست دستگاه‌ها: {listing}"
ONE_COUNTY_ONLY = "هر خبر یک شهرستان دارد؛ یکی را بنویسید (یا none برای خبر استانی)."

# A count above the maximum is read as the maximum (bot/domain/counts.py), and the reply says so first.
LATEST_CLAMPED = "بیش از {max} خبر را یک‌جا نشان نمی‌دهم؛ {max} خبر آخر:"
AUDIT_CLAMPED = "بیش از {max} رویداد را یک‌جا نشان نمی‌دهم؛ {max} رویداد آخر:"

# A day and month without a year that have passed this year (bot/domain/jalali.py YearAhead).
MSG_YEAR_AHEAD = "این روز امسال گذشته است. منظورتان {date} است؟"
BUTTON_YEAR_AHEAD_YES = "✅ بله، {date}"
BUTTON_YEAR_AHEAD_NO = "✖️ نه"
YEAR_AHEAD_KEPT = "زمان‌بندی خبر {id} تغییری نکرد. تاریخ را با سالش بنویسید، مثلاً:\n/schedule {id} {example}"
