"""Reports, statistics and the audit log for administrators (``bot/services/reports.py``, ``bot/domain/report.py``,
``bot/services/charts.py``, ``bot/telegram/handlers/reports.py``)."""

from __future__ import annotations

__all__ = [
    "AUDIT_EMPTY",
    "AUDIT_HEADER",
    "AUDIT_LINE",
    "AUDIT_SUBJECT",
    "AUDIT_SUBJECT_NAMES",
    "AUDIT_SYSTEM",
    "AUDIT_USAGE",
    "CHAT_TYPE_NAMES",
    "REPORT_CAPTION",
    "REPORT_CHART_AXIS",
    "REPORT_CHART_EMPTY",
    "REPORT_CHART_SILENT",
    "REPORT_CHART_TITLE",
    "REPORT_CSV_HEADER",
    "REPORT_CSV_SILENT",
    "REPORT_DAYS",
    "REPORT_DURATION_JOIN",
    "REPORT_HOURS",
    "REPORT_MINUTES",
    "REPORT_NO_MEDIAN",
    "REPORT_NO_ORGS",
    "REPORT_SILENT_LIST",
    "REPORT_SILENT_MORE",
    "REPORT_SUMMARY",
    "STATS_CHAT_LINE",
    "STATS_TEXT",
]

# Reports, statistics and the audit log (bot/telegram/handlers/reports.py).
# No «ٔ» in chart labels: the shaping library drops combining marks (bot/services/charts.py).
REPORT_CHART_TITLE = "خبرهای منتشرشده هر دستگاه — {month}"
REPORT_CHART_AXIS = "تعداد خبرهای منتشرشده"
REPORT_CHART_SILENT = "بی‌خبر"
REPORT_CHART_EMPTY = "هنوز هیچ دستگاهی ثبت نشده است"
REPORT_NO_ORGS = "هنوز هیچ دستگاهی ثبت نشده است؛ گزارشی برای ساختن نیست. با /addorg دستگاه اضافه کنید."
REPORT_CAPTION = "📊 گزارش پاسخ‌گویی روابط عمومی دستگاه‌ها — {month}"
REPORT_SUMMARY = (
    "📊 گزارش پاسخ‌گویی روابط عمومی دستگاه‌ها — {month}\n\n"
    "خبرهای منتشرشده: {published} خبر از {active} دستگاه\n"
    "دستگاه‌های بی‌خبر: {silent} از {orgs} دستگاه\n"
    "میانهٔ زمان پیش‌نویس تا انتشار: {median}\n"
    "اصلاحیه‌ها: {corrections} · پس‌گرفته‌ها: {retractions}\n"
    "گفت‌وگوهای دریافت‌کننده: {chats} · ارسال‌های ناموفق: {failed}"
)
REPORT_SILENT_LIST = "\n\nبی‌خبر در این ماه: {names}"
REPORT_SILENT_MORE = " و {count} دستگاه دیگر"
REPORT_NO_MEDIAN = "—"
REPORT_MINUTES = "{minutes} دقیقه"
REPORT_HOURS = "{hours} ساعت"
REPORT_DAYS = "{days} روز"
REPORT_DURATION_JOIN = " و "
# The CSV's header row (Excel opens the UTF-8 file with its BOM and shows these as they are).
REPORT_CSV_HEADER = (
    "شناسه",
    "دستگاه",
    "خبرهای منتشرشده",
    "میانه زمان پیش‌نویس تا انتشار (دقیقه)",
    "اصلاحیه‌ها",
    "پس‌گرفته‌ها",
    "گفت‌وگوهای دریافت‌کننده",
    "ارسال‌های ناموفق",
    "وضعیت",
)
REPORT_CSV_SILENT = "بی‌خبر"

STATS_TEXT = (
    "<b>📈 آمار خبرنامه</b>\n\n"
    "دستگاه‌ها: {orgs}\n"
    "کارشناسان فعال: {officers}\n\n"
    "<b>گفت‌وگوهای مشترک</b> (فعال / متوقف / غیرفعال)\n"
    "{chats}\n\n"
    "<b>خبرهای منتشرشده</b>\n"
    "امروز: {today} · هفت روز گذشته: {week} · {month_name}: {month}\n\n"
    "<b>ارسال‌ها</b>\n"
    "موفق: {sent} (امروز {sent_today}) · ناموفق: {failed} (امروز {failed_today})\n"
    "در صف ارسال: {backlog}\n"
    "سرعت ارسال فعلی: {rate} پیام در ثانیه"
)
STATS_CHAT_LINE = "{kind}: {active} / {paused} / {deactivated}"
CHAT_TYPE_NAMES = {"private": "خصوصی", "group": "گروه", "supergroup": "ابرگروه", "channel": "کانال"}

AUDIT_USAGE = "شکل درست: /audit یا /audit تعداد — تعداد عددی از ۱ تا {max} است (بی‌عدد: {default} رویداد)."
AUDIT_EMPTY = "دفتر رویدادها هنوز خالی است."
AUDIT_HEADER = "<b>🧾 آخرین {count} رویداد</b>"
AUDIT_LINE = "{when} — {actor} — <code>{action}</code>{subject}"
AUDIT_SUBJECT = " — {kind} {id}"
AUDIT_SYSTEM = "سامانه"
AUDIT_SUBJECT_NAMES = {
    "release": "خبر",
    "organization": "دستگاه",
    "officer": "کارشناس",
    "chat": "گفت‌وگو",
    "subscription": "اشتراک",
    "topic": "موضوع",
    "admin": "مدیر",
}
