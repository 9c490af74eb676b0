"""Every Persian string a user sees, in one place so wording is reviewed together.

Strings with placeholders use ``str.format`` names; values are HTML-escaped by the caller when the
message is sent with parse_mode HTML.
"""

from __future__ import annotations

WELCOME = (
    "سلام! این ربات «خبرنامه روابط عمومی استان ایلام» است.\n\n"
    "🔹 <b>خبرنگاران و رسانه‌ها</b>: خبرهای رسمی دستگاه‌های اجرایی استان را بر اساس موضوع، شهرستان، "
    "دستگاه و کلیدواژه دریافت کنید، یکجا یا به‌صورت خلاصه روزانه، و در آرشیو جست‌وجو کنید.\n"
    "🔹 <b>کارشناسان روابط عمومی</b>: با پیوند دعوتی که از اداره کل روابط عمومی استانداری گرفته‌اید "
    "وارد شوید و خبرهای سازمان خود را منتشر کنید.\n\n"
    "برای دیدن فهرست دستورها /help را بفرستید."
)

HELP = (
    "<b>راهنما</b>\n\n"
    "/start — شروع و معرفی\n"
    "/help — همین راهنما\n\n"
    "دستورها لاتین هستند، چون تلگرام دستور فارسی نمی‌پذیرد؛ همه پاسخ‌ها فارسی است."
)

UNKNOWN_COMMAND = "این دستور را نمی‌شناسم. برای دیدن دستورهای موجود /help را بفرستید."

UNSUPPORTED_MESSAGE = "این پیام را نمی‌توانم پردازش کنم. برای آشنایی با کارهایی که از این ربات برمی‌آید /help را بفرستید."

INTERNAL_ERROR = "متأسفم، در پردازش درخواست شما خطایی رخ داد و ثبت شد. لطفاً چند لحظه دیگر دوباره تلاش کنید."

# CLI (operators read these in a terminal).
CLI_CONFIG_ERROR = "خطای پیکربندی: {message}"
CLI_MIGRATED = "پایگاه داده به‌روز است ({path}). مهاجرت‌های اعمال‌شده در این اجرا: {versions}"
CLI_NO_MIGRATIONS = "هیچ"
CLI_EMPTY_INPUT = "ورودی خالی است: متن خبر را در فایل یا ورودی استاندارد بدهید."
CLI_FILE_NOT_FOUND = "فایل پیدا نشد: {path}"
CLI_NOT_UTF8 = "فایل {path} با رمزگذاری UTF-8 خوانده نشد."

CLI_WEBHOOK_UNAVAILABLE = (
    "حالت وب‌هوک هنوز در این نسخه پیاده نشده است؛ WEBHOOK_URL را خالی بگذارید تا ربات با long polling "
    "اجرا شود (webhook mode is not available yet)."
)

PREVIEW_ORG_PLACEHOLDER = "نام دستگاه"
