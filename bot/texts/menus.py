"""The help text and the command menus per role (built by ``bot/telegram/menus.py``)."""

from __future__ import annotations

__all__ = [
    "COMMAND_DESCRIPTIONS",
    "COMMAND_USAGES",
    "HELP_ADMIN_NO_DESK",
    "HELP_FOOTER",
    "HELP_GROUP_TITLE",
    "HELP_INTRO_ADMIN",
    "HELP_INTRO_GROUP",
    "HELP_INTRO_JOURNALIST",
    "HELP_INTRO_OFFICER",
    "HELP_LINE",
    "HELP_OFFICER_APPROVAL",
    "HELP_OFFICER_DIRECT",
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
        "متن خبر (یا عکس، ویدیو و فایل با متن در زیرنویس) را همین‌جا بفرستید تا پیش‌نمایش و دکمه‌های انتشار را بگیرید."
    ),
    "questions": (
        "<b>پرسش از دستگاه‌ها</b>\n"
        "پرسش شما به کارشناسان روابط عمومی همان دستگاه می‌رسد و پاسخ همین‌جا برایتان فرستاده می‌شود؛"
        " زمان پاسخ‌گویی هر دستگاه سنجیده و گزارش می‌شود. یک بار خود را با /profile معرفی کنید."
    ),
    "answers": (
        "<b>کارشناس روابط عمومی: پاسخ به پرسش خبرنگاران</b>\n"
        "برای پاسخ، روی پیام پرسش «پاسخ» (Reply) بزنید یا دکمهٔ «✍️ پاسخ» را بفشارید؛"
        " پاسخ می‌تواند متن، پیام صوتی، عکس، ویدیو یا فایل باشد."
    ),
    "admin": (
        "<b>مدیر روابط عمومی استان</b>\n"
        "خبرهای دستگاه‌هایی که تأیید لازم دارند با دکمه‌های «👁 متن کامل»، «✅ تأیید و انتشار» و «❌ رد» به شما"
        " می‌رسد؛ برای رد، دلیل را در پاسخ (Reply) به همان پیام بنویسید."
        " /status و /release هر خبری را در هر وضعیتی نشانتان می‌دهند."
    ),
}
# Under the title, who the reader is and what to do first (bot/telegram/handlers/common.py).
HELP_INTRO_JOURNALIST = (
    "خبرهای رسمی دستگاه‌های اجرایی استان را اینجا می‌گیرید: با /topics و /counties بگویید کدام خبرها برسد"
    " و با /search در آرشیو بگردید. کارشناس روابط عمومی یک دستگاه هستید؟ پیوند دعوت را از اداره کل روابط عمومی"
    " استانداری بگیرید و آن را باز کنید."
)
HELP_INTRO_OFFICER = "شما کارشناس روابط عمومی «{org}» هستید. {publishing}"
HELP_OFFICER_APPROVAL = (
    "خبرهای این دستگاه پیش از انتشار به تأیید مدیران می‌رسد: دکمهٔ «📨 ارسال برای تأیید» آن را برایشان می‌فرستد."
)
HELP_OFFICER_DIRECT = "خبرهای این دستگاه با دکمهٔ «📤 انتشار» همان لحظه برای مشترکان فرستاده می‌شود."
HELP_INTRO_ADMIN = (
    "شما مدیر خبرنامه هستید: دستگاه‌ها و کارشناسانشان را اداره می‌کنید، خبرهای دستگاه‌هایی را که تأیید لازم دارند"
    " تأیید یا رد می‌کنید و گزارش عملکرد می‌گیرید."
)
# An admin who is no officer: the desk's commands would refuse them, so /help only says whose they are.
HELP_ADMIN_NO_DESK = (
    "<b>کارشناسان روابط عمومی</b>\n"
    "انتشار خبر و پاسخ به پرسش خبرنگاران (/publish، /my، /inbox و …) کار کارشناسان دستگاه‌هاست که با پیوند"
    " /invite وارد می‌شوند؛ اگر خودتان کارشناس دستگاهی شوید، این دستورها هم در راهنمای شما می‌آید."
)
# /help in a group: only what works there.
HELP_GROUP_TITLE = "<b>راهنمای گروه</b>"
HELP_INTRO_GROUP = (
    "مدیران گروه با /subscribe گروه را مشترک می‌کنند و با /topics و /counties تنظیمش می‌کنند."
    " پرسش از دستگاه‌ها، تنظیم کانال‌ها و راهنمای کامل در گفت‌وگوی خصوصی با ربات است."
)
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
    "weblink": " on | off",
    "digest": " 08:00 | off",
    "use": " شناسه | me",
    "publish": " شناسه",
    "schedule": " شناسه زمان",
    "settopics": " شناسه موضوع‌ها",
    "setcounty": " شناسه شهرستان",
    "cancel": " شناسه",
    "status": " شناسه",
    "correct": " شناسه",
    "retract": " شناسه [دلیل] [yes]",
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
    "weblink": "پیوند «متن کامل» به صفحهٔ خبر در وبگاه",
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
    "retract": "پس گرفتن خبر منتشرشده (پیش از انجام می‌پرسد؛ yes در پایان دستور یعنی تأیید)",
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
