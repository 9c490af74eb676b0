"""Reports, statistics and the audit log for administrators (``bot/services/reports.py``, ``bot/domain/report.py``,
``bot/services/charts.py``, ``bot/telegram/handlers/reports.py``)."""

from __future__ import annotations

__all__ = [
    "AUDIT_ACTIONS",
    "AUDIT_ACTION_CODE",
    "AUDIT_ACTOR",
    "AUDIT_ACTOR_UNNAMED",
    "AUDIT_APPROVAL_OFF",
    "AUDIT_APPROVAL_ON",
    "AUDIT_DELIVERIES",
    "AUDIT_EMPTY",
    "AUDIT_HEADER",
    "AUDIT_LINE",
    "AUDIT_REASON",
    "AUDIT_SUBJECT",
    "AUDIT_SUBJECT_NAME",
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
    "REPORT_Q_CAPTION",
    "REPORT_Q_CHART_AXIS",
    "REPORT_Q_CHART_DECLINED",
    "REPORT_Q_CHART_EMPTY",
    "REPORT_Q_CHART_IN_TIME",
    "REPORT_Q_CHART_LABEL",
    "REPORT_Q_CHART_LATE",
    "REPORT_Q_CHART_PERCENT",
    "REPORT_Q_CHART_TITLE",
    "REPORT_Q_CHART_UNANSWERED",
    "REPORT_Q_CHART_UNRESOLVED",
    "REPORT_Q_CHART_WAITING",
    "REPORT_Q_CSV_HEADER",
    "REPORT_Q_DECLINES",
    "REPORT_Q_DECLINE_LINE",
    "REPORT_Q_DECLINE_MORE",
    "REPORT_Q_NONE",
    "REPORT_Q_OVERDUE_ITEM",
    "REPORT_Q_OVERDUE_LIST",
    "REPORT_Q_REASON_JOIN",
    "REPORT_Q_SUMMARY",
    "REPORT_Q_UNANSWERED",
    "REPORT_Q_UNANSWERED_LIST",
    "REPORT_SILENT_LIST",
    "REPORT_SILENT_MORE",
    "REPORT_SUMMARY",
    "REPORT_UNDER_A_MINUTE",
    "STATS_CHAT_LINE",
    "STATS_TEXT",
    "TODAY_LINE",
    "TODAY_NONE",
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
    "📰 انتشار خبر\n"
    "خبرهای منتشرشده: {published} خبر از {active} دستگاه\n"
    "دستگاه‌های بی‌خبر: {silent} از {orgs} دستگاه\n"
    "میانهٔ زمان پیش‌نویس تا انتشار: {median}\n"
    "اصلاحیه‌ها: {corrections} · پس‌گرفته‌ها: {retractions}\n"
    "نسخه‌های تازهٔ رسیده به خبرنگاران: {delivered} در {chats} گفت‌وگو · ارسال‌های ناموفق: {failed}\n"
    "جدا از این‌ها — ویرایش با اصلاحیه: {edits} نسخه · حذف با پس گرفتن: {deletions} نسخه"
)
REPORT_SILENT_LIST = "\n\nبی‌خبر در این ماه: {names}"
REPORT_SILENT_MORE = " و {count} دستگاه دیگر"
REPORT_NO_MEDIAN = "—"
REPORT_MINUTES = "{minutes} دقیقه"
REPORT_UNDER_A_MINUTE = "کمتر از یک دقیقه"
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

# The responsiveness section: journalists' questions to the agencies (bot/domain/responsiveness.py).
REPORT_Q_UNANSWERED = "بی‌پاسخ"  # an agency with questions past their time or dealt with, and not one answer
REPORT_Q_CAPTION = "❓ پاسخ‌گویی دستگاه‌ها به پرسش خبرنگاران — {month}"
REPORT_Q_SUMMARY = (
    "\n\n❓ پاسخ به پرسش خبرنگاران\n"
    "پرسش‌های دریافتی: {received} پرسش در {asked} دستگاه\n"
    "پاسخ‌داده: {answered} · در مهلت: {in_time} · با تأخیر: {late}\n"
    "میانهٔ زمان تا نخستین واکنش: {first_response} · تا پاسخ: {answer}\n"
    "باز در همین لحظه: {open} (مهلت‌گذشته: {overdue})\n"
    "ردشده: {declined} · ارجاع‌داده به دستگاه دیگر: {forwarded}"
)
REPORT_Q_NONE = "\n\n❓ پاسخ به پرسش خبرنگاران\nدر این ماه پرسشی از خبرنگاران به دستگاه‌ها نرسیده است."
REPORT_Q_UNANSWERED_LIST = "\n\nبی‌پاسخ در این ماه: {names}"
REPORT_Q_OVERDUE_LIST = "\nگذشته از مهلت در همین لحظه: {items}"
REPORT_Q_OVERDUE_ITEM = "{name} ({count})"
REPORT_Q_DECLINES = "\nدلایل رد:"
REPORT_Q_DECLINE_LINE = "\n• {name}: «{reason}»"
REPORT_Q_DECLINE_MORE = "\n• و {count} رد دیگر"
REPORT_Q_REASON_JOIN = " | "  # the reasons in one CSV cell
REPORT_Q_CSV_HEADER = (
    "پرسش‌های دریافتی",
    "پاسخ‌داده",
    "پاسخ در مهلت",
    "درصد پاسخ در مهلت (پرسش‌هایی که هنوز مهلت دارند حساب نشده‌اند)",
    "میانه زمان تا نخستین واکنش (دقیقه)",
    "میانه زمان تا پاسخ (دقیقه)",
    "باز در لحظه گزارش",
    "گذشته از مهلت در لحظه گزارش",
    "ردشده",
    "دلایل رد",
    "ارجاع‌داده",
    "وضعیت پاسخ‌گویی",
)
# The ranking chart (no «ٔ» here either).
REPORT_Q_CHART_TITLE = "پاسخ به‌موقع به پرسش خبرنگاران — {month}"
REPORT_Q_CHART_AXIS = "درصد پرسش‌ها (پرسش‌هایی که هنوز مهلت دارند حساب نشده‌اند)"
REPORT_Q_CHART_IN_TIME = "پاسخ در مهلت"
REPORT_Q_CHART_LATE = "پاسخ با تأخیر"
REPORT_Q_CHART_DECLINED = "رد شده"
REPORT_Q_CHART_UNRESOLVED = "بی‌پاسخ مانده"
# Beside each bar, its parts joined by texts.LIST_SEPARATOR. No «·» in the chart: in the Persian font it
# looks like the digit zero «۰».
REPORT_Q_CHART_LABEL = "{percent} ({in_time} از {settled})"
REPORT_Q_CHART_PERCENT = "{percent}٪"
REPORT_Q_CHART_UNANSWERED = "بی‌پاسخ ({in_time} از {settled})"
REPORT_Q_CHART_WAITING = "{waiting} پرسش هنوز در مهلت"
REPORT_Q_CHART_EMPTY = "در این ماه پرسشی به دستگاه‌ها نرسیده است"

STATS_TEXT = (
    "<b>📈 آمار خبرنامه</b>\n\n"
    "دستگاه‌ها: {orgs}\n"
    "کارشناسان فعال: {officers}\n\n"
    "<b>گفت‌وگوهای مشترک</b> (فعال / متوقف / غیرفعال)\n"
    "{chats}\n\n"
    "<b>خبرهای منتشرشده</b> (هر خبر در روز نخستین انتشارش؛ اصلاحیه خبر تازه شمرده نمی‌شود)\n"
    "امروز: {today} · هفت روز گذشته: {week} · {month_name}: {month}\n"
    "پس‌گرفته از خبرهای امروز: {retracted_today}\n\n"
    "<b>نسخه‌های تازهٔ رسیده به خبرنگاران</b>\n"
    "از خبرهای امروز: {delivered_today} · از همهٔ خبرها: {delivered}\n"
    "ناموفق: {failed_today} از خبرهای امروز · {failed} از همهٔ خبرها\n"
    "جدا از این‌ها — ویرایش با اصلاحیه: {edits_today} امروز، {edits} در کل · "
    "حذف با پس گرفتن: {deletions_today} امروز، {deletions} در کل\n\n"
    "در صف ارسال: {backlog}\n"
    "سرعت ارسال فعلی: {rate} پیام در ثانیه"
)
# What became of today's releases, in the same words in /backup and /my (bot/telegram/views/reports.py).
TODAY_LINE = (
    "خبرهای امروز: {published} خبر منتشر شد و {delivered} نسخهٔ تازه به خبرنگاران رسید؛ "
    "جدا از این‌ها، {edits} نسخه با اصلاحیه ویرایش و {deletions} نسخه با پس گرفتن حذف شد."
)
TODAY_NONE = "امروز هنوز خبری منتشر نشده است."
STATS_CHAT_LINE = "{kind}: {active} / {paused} / {deactivated}"
CHAT_TYPE_NAMES = {"private": "خصوصی", "group": "گروه", "supergroup": "ابرگروه", "channel": "کانال"}

AUDIT_USAGE = "شکل درست: /audit یا /audit تعداد — تعداد عددی از ۱ تا {max} است (بی‌عدد: {default} رویداد)."
AUDIT_EMPTY = "دفتر رویدادها هنوز خالی است."
AUDIT_HEADER = "<b>🧾 آخرین {count} رویداد</b>"
# One entry: when — who (by name) — what (in words) — on what (by name) — a reason or a count.
AUDIT_LINE = "{when} — {actor} — {action}{subject}{details}"
AUDIT_ACTOR = "{name} ({id})"
AUDIT_ACTOR_UNNAMED = "کاربر {id}"
AUDIT_ACTION_CODE = "<code>{code}</code>"  # an event this version has no words for
AUDIT_SUBJECT = " — {kind} {id}{name}"
AUDIT_SUBJECT_NAME = " «{name}»"
AUDIT_REASON = " — دلیل: {reason}"
AUDIT_APPROVAL_ON = " — روشن"
AUDIT_APPROVAL_OFF = " — خاموش"
AUDIT_DELIVERIES = " — برای {count} گفت‌وگو"
AUDIT_SYSTEM = "سامانه"
AUDIT_SUBJECT_NAMES = {
    "release": "خبر",
    "organization": "دستگاه",
    "officer": "کارشناس",
    "chat": "گفت‌وگو",
    "subscription": "اشتراک",
    "topic": "موضوع",
    "admin": "مدیر",
    "user": "کاربر",
    "question": "پرسش",
}
# What each recorded event means (storage.audit: the codes the services write).
AUDIT_ACTIONS = {
    "admin.add": "افزودن مدیر",
    "admin.remove": "برداشتن مدیر",
    "archive.import": "درون‌ریزی آرشیو",
    "database.backup": "گرفتن نسخهٔ پشتیبان",
    "invite.create": "ساختن پیوند دعوت",
    "officer.join": "پیوستن کارشناس با پیوند دعوت",
    "officer.revoke": "لغو دسترسی کارشناس",
    "organization.create": "افزودن دستگاه",
    "organization.approval": "تأیید پیش از انتشار",
    "release.draft": "پیش‌نویس تازه",
    "release.replace_text": "جایگزینی متن پیش‌نویس",
    "release.schedule": "زمان‌بندی انتشار",
    "release.unschedule": "لغو زمان‌بندی",
    "release.cancel": "لغو پیش‌نویس",
    "release.submit": "فرستادن برای تأیید",
    "release.approve": "تأیید و انتشار",
    "release.reject": "رد خبر",
    "release.publish": "انتشار خبر",
    "release.correct": "اصلاح خبر منتشرشده",
    "release.retract": "پس گرفتن خبر",
    "subscription.create": "اشتراک گروه",
    "subscription.filters": "تغییر تنظیمات دریافت",
    "subscription.paused": "توقف ارسال",
    "subscription.active": "ادامهٔ ارسال",
    "subscription.digest": "تنظیم خلاصهٔ روزانه",
    "subscription.quiet": "تنظیم ساعت سکوت",
    "subscription.stop": "لغو اشتراک",
    "chat.joined": "افزوده شدن ربات",
    "chat.cannot_post": "گرفتن اجازهٔ ارسال از ربات",
    "chat.removed": "بیرون رفتن ربات",
    "chat.web_link": "تنظیم پیوند «متن کامل» به وبگاه",
    "topic.create": "افزودن موضوع",
    "topic.rename": "تغییر نام موضوع",
    "topic.keywords": "تغییر کلیدواژه‌های موضوع",
    "topic.deactivate": "غیرفعال کردن موضوع",
    "topic.restore": "فعال کردن دوبارهٔ موضوع",
    "journalist.profile": "معرفی خبرنگار",
    "journalist.blocked": "بستن امکان پرسش",
    "journalist.unblocked": "بازکردن امکان پرسش",
    "question.asked": "پرسش تازه",
    "question.claimed": "برداشتن پرسش",
    "question.answered": "پاسخ به پرسش",
    "question.followed_up": "پرسش تکمیلی",
    "question.declined": "رد پرسش",
    "question.forwarded": "ارجاع پرسش",
    "question.reassigned": "سپردن پرسش به دستگاه دیگر",
    "question.closed": "بستن پرسش",
    "question.expired": "گذشتن مهلت پرسش",
}
