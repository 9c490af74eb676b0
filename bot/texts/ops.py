"""Operations: alerts to administrators and the health check (``bot/telegram/errors.py``, ``.../health.py``)."""

from __future__ import annotations

__all__ = [
    "ADMIN_ALERT",
    "ADMIN_ALERT_DISPATCHER",
    "ADMIN_ALERT_STORAGE",
    "HEALTH_BOT_API_FAILED",
    "HEALTH_BOT_API_OK",
    "HEALTH_BOT_API_REFUSED",
    "HEALTH_DATABASE_MISSING",
    "HEALTH_DATABASE_OK",
    "HEALTH_DATABASE_UNREADABLE",
    "HEALTH_DISPATCHER_IDLE",
    "HEALTH_DISPATCHER_OK",
    "HEALTH_DISPATCHER_STALLED",
    "HEALTH_FAILED",
    "HEALTH_LINE",
    "HEALTH_MIGRATIONS_EDITED",
    "HEALTH_MIGRATIONS_PENDING",
    "HEALTH_MIGRATIONS_UNKNOWN",
    "HEALTH_OK",
    "HEALTH_QUICK_CHECK_FAILED",
    "HEALTH_WEBHOOK_NOT_SET",
    "HEALTH_WEBHOOK_OK",
    "HEALTH_WEBHOOK_UNDELIVERED",
]

# Alerts to administrators (bot/telegram/errors.py).
ADMIN_ALERT = "⚠️ خطای پیش‌بینی‌نشده در ربات: {kind}\nجزئیات در گزارش‌های سرور (update_id={update_id})."
ADMIN_ALERT_STORAGE = (
    "⚠️ پایگاه داده نوشتن را نمی‌پذیرد ({reason}) و کاربران پاسخ «سامانه موقتاً نمی‌تواند ذخیره کند» "
    "می‌گیرند. فضای دیسک و دسترسی پوشه پایگاه داده را بررسی کنید."
)
# The dispatcher's supervisor restarts the sending loop (bot/delivery/dispatcher.py, through bot/telegram/ports.py).
ADMIN_ALERT_DISPATCHER = (
    "⚠️ ارسال خبرها با خطا متوقف شد ({kind}: {reason}) و خودکار از سر گرفته می‌شود؛ "
    "تلاش دوباره {restarts} در {delay} ثانیه. جزئیات در گزارش‌های سرور."
)

# The health check: database, migrations, Bot API, webhook (bot/telegram/health.py).
HEALTH_LINE = "{mark} {check}: {detail}"
HEALTH_OK = "ok"
HEALTH_FAILED = "FAILED"
HEALTH_DATABASE_OK = (
    "پایگاه داده {path} خوانا است، هر {count} مهاجرت اعمال شده و quick_check سالم است "
    "(database readable, {count} migrations applied, quick_check ok)"
)
HEALTH_DATABASE_MISSING = (
    "فایل پایگاه داده {path} نیست؛ DATABASE_PATH را بررسی کنید یا python -m bot migrate را اجرا کنید "
    "(database file not found)"
)
HEALTH_DISPATCHER_OK = (
    "ارسال در جریان است: {due} تحویل سررسیده، آخرین پیشرفت {seconds} ثانیه پیش "
    "(dispatcher progressing: {due} due, last progress {seconds} s ago)"
)
HEALTH_DISPATCHER_IDLE = (
    "صف ارسال عقب نیست؛ {waiting} تحویل در انتظار نوبت بعدی (dispatcher not behind: {waiting} waiting)"
)
HEALTH_DISPATCHER_STALLED = (
    "ارسال متوقف مانده است: {due} تحویل سررسیده و {seconds} ثانیه هیچ پیشرفتی نبوده؛ گزارش‌های سرور و "
    "فضای دیسک را بررسی کنید (dispatcher stalled: {due} due, no progress for {seconds} s)"
)
HEALTH_DATABASE_UNREADABLE = "پایگاه داده {path} خوانده نشد: {reason} (database is not readable)"
HEALTH_MIGRATIONS_PENDING = (
    "مهاجرت‌های {versions} اعمال نشده‌اند؛ python -m bot migrate را اجرا کنید (pending migrations: {versions})"
)
HEALTH_MIGRATIONS_UNKNOWN = (
    "پایگاه داده مهاجرت‌های {versions} را دارد که این نسخه نمی‌شناسد؛ نسخهٔ تازه‌تر برنامه را نصب کنید "
    "(database is newer than the code: {versions})"
)
HEALTH_MIGRATIONS_EDITED = (
    "مهاجرت‌های {versions} پس از اعمال تغییر کرده‌اند (migrations edited after they were applied: {versions})"
)
HEALTH_QUICK_CHECK_FAILED = "بررسی یکپارچگی پایگاه داده خطا داد: {reason} (quick_check failed)"
HEALTH_BOT_API_OK = "Bot API پاسخ داد؛ ربات ‎@{username}‎ است (Bot API ok: getMe answered)"
HEALTH_BOT_API_REFUSED = "Bot API توکن را نپذیرفت؛ BOT_TOKEN را بررسی کنید: {reason} (token rejected)"
HEALTH_BOT_API_FAILED = "Bot API در دسترس نیست: {reason} (Bot API unreachable)"
HEALTH_WEBHOOK_OK = (
    "وب‌هوک در تلگرام ثبت است و {pending} به‌روزرسانی در صف دارد (webhook registered, {pending} pending updates)"
)
HEALTH_WEBHOOK_NOT_SET = (
    "وب‌هوک ثبت‌شده در تلگرام «{actual}» است، نه WEBHOOK_URL؛ آیا ربات در حال اجراست؟ "
    "(webhook not registered: is the bot running?)"
)
HEALTH_WEBHOOK_UNDELIVERED = (
    "تلگرام نمی‌تواند به‌روزرسانی‌ها را به وب‌هوک برساند ({pending} در صف): {reason}؛ "
    "پراکسی معکوس و گواهی TLS را بررسی کنید (Telegram cannot deliver to the webhook)"
)
