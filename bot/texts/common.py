"""Strings every audience may see: the welcome, generic refusals and errors, and shared labels."""

from __future__ import annotations

__all__ = [
    "ALL_AGENCIES_LABEL",
    "ALL_COUNTIES_LABEL",
    "ALL_TOPICS_LABEL",
    "FILTER_AGENCIES_LINE",
    "FILTER_COUNTIES_LINE",
    "FILTER_EXCLUDED_LINE",
    "FILTER_KEYWORDS_LINE",
    "FILTER_TOPICS_LINE",
    "INTERNAL_ERROR",
    "LIST_SEPARATOR",
    "MY_ID",
    "MY_ID_CHAT",
    "NONE_LABEL",
    "NOT_ADMIN",
    "NO_KEYWORD_LIMIT_LABEL",
    "PRIVATE_ONLY",
    "PROVINCE_WIDE_LABEL",
    "STORAGE_UNAVAILABLE",
    "UNKNOWN_AGENCY_LABEL",
    "UNKNOWN_COMMAND",
    "UNSUPPORTED_MESSAGE",
    "WELCOME",
]

WELCOME = (
    "سلام! این ربات «خبرنامه روابط عمومی استان ایلام» است.\n\n"
    "🔹 <b>خبرنگاران و رسانه‌ها</b>: خبرهای رسمی دستگاه‌های اجرایی استان را بر اساس موضوع، شهرستان، "
    "دستگاه و کلیدواژه دریافت کنید، هر خبر فوری یا همه یکجا در خلاصهٔ روزانه، و در آرشیو جست‌وجو کنید.\n"
    "🔹 <b>کارشناسان روابط عمومی</b>: با پیوند دعوتی که از اداره کل روابط عمومی استانداری گرفته‌اید "
    "وارد شوید و خبرهای دستگاه خود را منتشر کنید.\n\n"
    "برای دیدن فهرست دستورها /help را بفرستید."
)

# /myid: the ids stay in Latin digits inside <code> (a tap copies them), to be pasted into the settings.
MY_ID = (
    "🆔 شناسهٔ عددی شما در تلگرام: <code>{user_id}</code>\n"
    "برای مدیر شدن، گردانندهٔ ربات این عدد را در تنظیم ADMIN_IDS می‌گذارد (با لمس عدد، رونوشت برداشته می‌شود)."
)
MY_ID_CHAT = "شناسهٔ این گروه: <code>{chat_id}</code> (برای تنظیم ADMIN_CHAT_ID، اگر خطاها باید به این گروه برسند)"

UNKNOWN_COMMAND = "این دستور را نمی‌شناسم. برای دیدن دستورهای موجود /help را بفرستید."

# A private message nothing else takes (a stranger's text, a sticker): where to go instead.
UNSUPPORTED_MESSAGE = (
    "این پیام به جایی فرستاده نمی‌شود؛ این ربات خبرنامهٔ روابط عمومی دستگاه‌های استان است.\n"
    "• دریافت خبرها: /start\n"
    "• جست‌وجو در آرشیو: /search و پس از آن عبارت، مثلاً /search سد\n"
    "• کارشناس روابط عمومی یک دستگاه هستید؟ پیوند دعوت را از اداره کل روابط عمومی استانداری بگیرید و باز کنید؛"
    " پس از آن، متن خبر را همین‌جا می‌فرستید.\n"
    "همهٔ دستورها: /help"
)

INTERNAL_ERROR = "متأسفم، در پردازش درخواست شما خطایی رخ داد و ثبت شد. لطفاً چند لحظه دیگر دوباره تلاش کنید."

# The database refuses writes for now (a full disk, a lock held too long): nothing of the request was saved.
STORAGE_UNAVAILABLE = (
    "⏳ سامانه موقتاً نمی‌تواند ذخیره کند و درخواست شما ثبت نشد. مدیران باخبر شده‌اند؛ لطفاً چند دقیقه دیگر دوباره بفرستید."
)

# Roles and common refusals.
NOT_ADMIN = "این دستور فقط برای مدیران اداره کل روابط عمومی استانداری است."
PRIVATE_ONLY = "این دستور را در گفت‌وگوی خصوصی با ربات بفرستید."

# Labels shared by filters, releases, reports and lists (bot/domain/matching.py, bot/domain/render.py, …).
# A filter dimension left unset lets everything through: each says so in its own words (not a bare «همه»).
FILTER_TOPICS_LINE = "موضوع‌ها: {value}"
FILTER_COUNTIES_LINE = "شهرستان‌ها: {value}"
FILTER_AGENCIES_LINE = "دستگاه‌ها: {value}"
FILTER_KEYWORDS_LINE = "کلیدواژه‌ها (دست‌کم یکی): {value}"
FILTER_EXCLUDED_LINE = "کلیدواژه‌های کنارگذاشته: {value}"
ALL_TOPICS_LABEL = "همهٔ موضوع‌ها"
ALL_COUNTIES_LABEL = "همهٔ شهرستان‌ها و خبرهای استانی"
ALL_AGENCIES_LABEL = "همهٔ دستگاه‌ها"
NO_KEYWORD_LIMIT_LABEL = "بدون محدودیت کلیدواژه"
NONE_LABEL = "ندارد"
UNKNOWN_AGENCY_LABEL = "دستگاه {id}"
PROVINCE_WIDE_LABEL = "استانی"
LIST_SEPARATOR = "، "
