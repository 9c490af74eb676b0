"""The help text and the command menus per role (built by ``bot/telegram/menus.py``)."""

from __future__ import annotations

__all__ = [
    "COMMAND_DESCRIPTIONS",
    "COMMAND_USAGES",
    "HELP_FOOTER",
    "HELP_LINE",
    "HELP_SECTIONS",
    "HELP_TITLE",
]

# /help is built from the handlers' command declarations (bot/telegram/commands.py): a title, then per
# section the commands the reader may use, each «/name usage — description».
HELP_TITLE = "<b>راهنما</b>"
HELP_SECTIONS = {
    "general": "",
    "receiving": "<b>دریافت خبر</b>",
    "officer": (
        "<b>کارشناس روابط عمومی: انتشار خبر</b>\n"
        "متن خبر (یا عکس، ویدیو و پرونده با متن در زیرنویس) را همین‌جا بفرستید تا پیش‌نمایش و دکمه‌های انتشار را بگیرید."
    ),
    "questions": (
        "<b>پرسش از دستگاه‌ها</b>\n"
        "پرسش شما به کارشناسان روابط عمومی همان دستگاه می‌رسد و پاسخ همین‌جا برایتان فرستاده می‌شود؛"
        " زمان پاسخ‌گویی هر دستگاه سنجیده و گزارش می‌شود. یک بار خود را با /profile معرفی کنید."
    ),
    "answers": (
        "<b>کارشناس روابط عمومی: پاسخ به پرسش خبرنگاران</b>\n"
        "برای پاسخ، روی پیام پرسش «پاسخ» (Reply) بزنید یا دکمهٔ «✍️ پاسخ» را بفشارید؛"
        " پاسخ می‌تواند متن، پیام صوتی، عکس، ویدیو یا پرونده باشد."
    ),
    "admin": "<b>مدیر روابط عمومی استان</b>",
}
HELP_LINE = "/{name}{usage} — {description}"
HELP_FOOTER = "دستورها لاتین هستند، چون تلگرام دستور فارسی نمی‌پذیرد؛ همه پاسخ‌ها فارسی است."

# What /help shows after a command's name: the arguments it takes, or a note.
COMMAND_USAGES = {
    "search": " عبارت",
    "latest": " [تعداد]",
    "release": " شناسه",
    "topics": " [موضوع‌ها | all]",
    "counties": " [شهرستان‌ها | province | all]",
    "agencies": " [شناسه‌ها | all]",
    "keywords": ' +سد -تصادف "آب و فاضلاب"',
    "quiet": " 23:00-07:00 | off",
    "digest": " 08:00 | off",
    "use": " شناسه | me",
    "publish": " شناسه",
    "schedule": " شناسه زمان",
    "settopics": " شناسه موضوع‌ها",
    "setcounty": " شناسه شهرستان",
    "cancel": " شناسه",
    "status": " شناسه",
    "correct": " شناسه",
    "retract": " شناسه [دلیل]",
    "profile": " نام | رسانه",
    "ask": " [شناسهٔ دستگاه] [متن پرسش]",
    "followup": " شناسهٔ پرسش [متن]",
    "close": " شناسهٔ پرسش",
    "thread": " شناسهٔ پرسش",
    "claim": " شناسهٔ پرسش",
    "answer": " شناسهٔ پرسش [متن پاسخ]",
    "decline": " شناسهٔ پرسش دلیل",
    "forward": " شناسهٔ پرسش شناسهٔ دستگاه دلیل",
    "reassign": " شناسهٔ پرسش شناسهٔ دستگاه",
    "block": " شناسهٔ کاربر دلیل",
    "unblock": " شناسهٔ کاربر",
    "addorg": " نام | شهرستان",
    "invite": " شناسهٔ دستگاه",
    "officers": " [شناسهٔ دستگاه]",
    "revoke": " شناسهٔ کاربر",
    "addadmin": " شناسهٔ کاربر",
    "removeadmin": " شناسهٔ کاربر",
    "approval": " شناسهٔ دستگاه on|off",
    "approve": " شناسه",
    "reject": " شناسه دلیل",
    "report": " [۱۴۰۵-۰۹]",
    "audit": " [تعداد]",
    "addtopic": " slug | نام | کلیدواژه‌ها",
    "renametopic": " slug | نام تازه",
    "topickeywords": " slug | +کلیدواژه، -کلیدواژه",
    "deltopic": " slug",
    "restoretopic": " slug",
    "topiclist": " [slug]",
}

# The command menus per role (setMyCommands); Telegram allows 1-256 characters per description.
COMMAND_DESCRIPTIONS = {
    # Everyone.
    "start": "شروع و معرفی ربات",
    "help": "راهنمای دستورها",
    "myid": "شناسهٔ عددی شما در تلگرام",
    "topics": "موضوع‌های خبرهای دریافتی",
    "counties": "شهرستان‌های خبرهای دریافتی",
    "agencies": "دستگاه‌های اجرایی دلخواه",
    "keywords": "کلیدواژه‌های دلخواه و ناخواسته",
    "filters": "دیدن همهٔ تنظیمات دریافت خبر",
    "pause": "توقف موقت ارسال خبر",
    "resume": "ادامهٔ ارسال خبر",
    "digest": "خلاصهٔ روزانه به جای ارسال فوری",
    "quiet": "ساعت سکوت (ارسال بی‌صدا)",
    "stop": "لغو اشتراک",
    "search": "جست‌وجو در آرشیو خبرها",
    "latest": "آخرین خبرهای منتشرشده",
    "release": "متن کامل یک خبر با شناسه‌اش",
    "channels": "کانال‌ها و گروه‌هایی که مدیرشان هستید",
    "use": "انتخاب گفت‌وگویی که تنظیمش می‌کنید",
    "subscribe": "مشترک کردن این گروه (مدیران گروه)",
    "profile": "معرفی خود به دستگاه‌ها (نام و رسانه)",
    "ask": "پرسش از یک دستگاه اجرایی",
    "questions": "پرسش‌های من و وضعیت پاسخ‌ها",
    "followup": "پرسش تکمیلی در گفت‌وگوی یک پرسش",
    "close": "بستن پرسشی که پاسخش را گرفته‌اید",
    "thread": "گفت‌وگوی کامل یک پرسش",
    # Officers.
    "publish": "انتشار پیش‌نویس",
    "schedule": "زمان‌بندی انتشار پیش‌نویس",
    "settopics": "تعیین موضوع‌های پیش‌نویس",
    "setcounty": "تعیین شهرستان پیش‌نویس",
    "cancel": "لغو پیش‌نویس",
    "my": "خبرها و پیش‌نویس‌های من",
    "status": "وضعیت ارسال یک خبر",
    "correct": "اصلاح متن خبر منتشرشده",
    "retract": "پس گرفتن خبر منتشرشده",
    "inbox": "پرسش‌های خبرنگاران از دستگاه شما",
    "claim": "برداشتن پرسش برای پاسخ",
    "answer": "پاسخ به پرسش خبرنگار",
    "decline": "رد پرسش با ذکر دلیل",
    "forward": "ارجاع پرسش به دستگاه دیگر",
    # Admins.
    "addorg": "افزودن دستگاه اجرایی",
    "orgs": "فهرست دستگاه‌ها",
    "invite": "پیوند دعوت کارشناس روابط عمومی",
    "officers": "فهرست کارشناسان روابط عمومی",
    "revoke": "لغو دسترسی کارشناس",
    "addadmin": "افزودن مدیر",
    "removeadmin": "برداشتن مدیر",
    "admins": "فهرست مدیران",
    "approval": "تأیید پیش از انتشار برای یک دستگاه",
    "pending": "خبرهای در انتظار تأیید",
    "approve": "تأیید خبر",
    "reject": "رد خبر با ذکر دلیل",
    "stats": "آمار ربات",
    "report": "گزارش ماهانهٔ عملکرد دستگاه‌ها",
    "audit": "آخرین رویدادهای ثبت‌شده",
    "backup": "نسخهٔ پشتیبان پایگاه داده",
    "addtopic": "افزودن موضوع",
    "renametopic": "تغییر نام موضوع",
    "topickeywords": "کلیدواژه‌های یک موضوع",
    "deltopic": "غیرفعال کردن موضوع",
    "restoretopic": "فعال کردن دوبارهٔ موضوع",
    "topiclist": "فهرست موضوع‌ها و کلیدواژه‌ها",
    "reassign": "سپردن پرسش به دستگاه دیگر با مهلت تازه",
    "block": "بستن امکان پرسش برای یک خبرنگار",
    "unblock": "بازکردن دوبارهٔ امکان پرسش",
}
