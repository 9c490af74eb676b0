"""What public-relations officers see: joining, the desk (drafts, preview, publishing), scheduling and
embargo, corrections and retractions."""

from __future__ import annotations

__all__ = [
    "ALBUM_TOO_LARGE",
    "ALREADY_PUBLISHING",
    "BUTTON_BACK",
    "BUTTON_CANCEL",
    "BUTTON_COUNTY",
    "BUTTON_DONE",
    "BUTTON_DROP",
    "BUTTON_IN_1H",
    "BUTTON_IN_3H",
    "BUTTON_MAKE_DRAFT",
    "BUTTON_NOT_A_RELEASE",
    "BUTTON_OTHER_TEXT",
    "BUTTON_PREVIEW_CORRECTION",
    "BUTTON_PROVINCE",
    "BUTTON_PUBLISH",
    "BUTTON_PUBLISH_ANYWAY",
    "BUTTON_PUBLISH_NOW",
    "BUTTON_REPLACE",
    "BUTTON_RETRACT_NO",
    "BUTTON_RETRACT_YES",
    "BUTTON_SCHEDULE",
    "BUTTON_SCHEDULE_EMBARGO",
    "BUTTON_SEND_CORRECTION",
    "BUTTON_SUBMIT",
    "BUTTON_SUBMIT_ANYWAY",
    "BUTTON_TOMORROW_9",
    "BUTTON_TOPICS",
    "CANCEL_USAGE",
    "CORRECTION_ADDED",
    "CORRECTION_CARD",
    "CORRECTION_CHANGES",
    "CORRECTION_CONFIRM_HINT",
    "CORRECTION_DIFFERENT",
    "CORRECTION_DROPPED",
    "CORRECTION_MORE",
    "CORRECTION_NOTICE",
    "CORRECTION_NO_SENTENCE_CHANGED",
    "CORRECTION_OUTDATED",
    "CORRECTION_PREVIEW_HEADER",
    "CORRECTION_QUEUED",
    "CORRECTION_REMOVED",
    "CORRECTION_TAGS",
    "CORRECTION_TAGS_CHANGED",
    "CORRECTION_UNCHANGED",
    "CORRECT_USAGE",
    "CORRECT_WAITING",
    "DRAFT_CANCELLED",
    "DRAFT_EMPTY",
    "DRAFT_NEEDS_APPROVAL",
    "DRAFT_SUMMARY",
    "DRAFT_TOO_LONG",
    "DUPLICATE_WARNING",
    "EDITED_DRAFT_HEADER",
    "EDITED_NO_EFFECT",
    "EDITED_PUBLISHED",
    "EMBARGO_AND_DUPLICATE",
    "EMBARGO_FOUND",
    "EMBARGO_PUBLISH_CONFIRM",
    "INSPECTION_APPROVED",
    "INSPECTION_FULL_TEXT",
    "INSPECTION_REJECTED",
    "INSPECTION_STATUS",
    "INSPECTION_WHO",
    "INVITE_EXPIRED",
    "INVITE_UNKNOWN",
    "INVITE_USED",
    "JOINED",
    "JOINED_MORE",
    "JOINED_NEEDS_APPROVAL",
    "JOINED_PUBLISHES_AT_ONCE",
    "JOINED_WHAT_TO_SEND",
    "JUST_CANCELLED",
    "JUST_PUBLISHED",
    "JUST_RETRACTED",
    "JUST_SUBMITTED",
    "MEDIA_NEEDS_CAPTION",
    "MY_CANCELLED",
    "MY_EMPTY",
    "MY_FULL_TEXT",
    "MY_HEADER",
    "MY_LINE",
    "MY_REACH",
    "MY_REACH_RETRACTED",
    "MY_SCHEDULED",
    "NEEDS_CONFIRMATION",
    "NOT_A_DRAFT",
    "NOT_OFFICER",
    "NOT_PUBLISHED",
    "NOT_SCHEDULED",
    "NOT_YOUR_RELEASE",
    "NO_CORRECTION_WAITING",
    "NO_TOPICS",
    "OFFICER_REVOKED",
    "PICK_COUNTY",
    "PICK_SCHEDULE",
    "PICK_TOPICS",
    "PREVIEW_HEADER",
    "PREVIEW_HEADER_PARTS",
    "PUBLISHED_NO_READERS",
    "PUBLISHED_ON_SCHEDULE",
    "PUBLISHED_ON_SCHEDULE_NO_READERS",
    "PUBLISHING",
    "PUBLISH_USAGE",
    "QUESTION_CLOSED",
    "RATE_LIMITED",
    "REPLACE_WAITING",
    "REPORT_FINAL",
    "REPORT_HELD",
    "REPORT_PROGRESS",
    "REPORT_REASON",
    "REPORT_WAITING",
    "RETRACTION_KEPT",
    "RETRACTION_NOTICE",
    "RETRACTION_QUEUED",
    "RETRACTION_REASON",
    "RETRACT_CONFIRM",
    "RETRACT_CONFIRM_COPIES",
    "RETRACT_CONFIRM_NO_COPIES",
    "RETRACT_CONFIRM_NO_REASON",
    "RETRACT_CONFIRM_REASON",
    "RETRACT_CONFIRM_UNSENT",
    "RETRACT_USAGE",
    "SCHEDULED",
    "SCHEDULE_BEFORE_EMBARGO",
    "SCHEDULE_HINT",
    "SCHEDULE_USAGE",
    "SETCOUNTY_USAGE",
    "SETTOPICS_USAGE",
    "SHORT_TEXT_DROPPED",
    "SHORT_TEXT_QUESTION",
    "STATUS_NAMES",
    "STATUS_NOT_SENT",
    "STATUS_NO_READERS",
    "STATUS_SCHEDULED_AT",
    "STATUS_USAGE",
    "TOO_MANY_TOPICS",
    "UNKNOWN_COUNTY",
    "UNKNOWN_RELEASE",
    "UNKNOWN_TOPICS",
    "UNSCHEDULED",
    "UNSUPPORTED_FROM_OFFICER",
]

# Joining with an invite link (bot/telegram/handlers/officer.py).
JOINED = "خوش آمدید، {name}! شما اکنون کارشناس روابط عمومی «{org}» هستید."
JOINED_WHAT_TO_SEND = (
    "📝 متن کامل هر خبر را همین‌جا بفرستید؛ عکس، ویدیو یا فایل را با متن خبر در زیرنویس (کپشن) آن. "
    "سطر نخست، اگر تیتر باشد، عنوان خبر می‌شود. ربات متن را یکدست می‌کند، موضوع و شهرستان پیشنهاد می‌دهد "
    "و پیش‌نمایش را دقیقاً همان‌طور که به خبرنگاران می‌رسد نشانتان می‌دهد؛ تا دکمهٔ زیر آن را نزنید چیزی فرستاده نمی‌شود."
)
JOINED_NEEDS_APPROVAL = (
    "📨 خبرهای «{org}» پیش از انتشار به تأیید اداره کل روابط عمومی استانداری می‌رسد: دکمهٔ «📨 ارسال برای تأیید» "
    "خبر را برای مدیران می‌فرستد و نتیجه (تأیید یا دلیل رد) همین‌جا به شما گفته می‌شود."
)
JOINED_PUBLISHES_AT_ONCE = (
    "📤 خبرهای «{org}» بی‌واسطه منتشر می‌شود: با دکمهٔ «📤 انتشار» خبر همان لحظه برای خبرنگاران مشترک فرستاده می‌شود."
)
JOINED_MORE = "خبرها و پیش‌نویس‌های شما: /my — همهٔ دستورها: /help"
INVITE_USED = "این پیوند دعوت قبلاً استفاده شده است. از اداره کل روابط عمومی استانداری پیوند تازه بخواهید."
INVITE_EXPIRED = "مهلت این پیوند دعوت گذشته است. از اداره کل روابط عمومی استانداری پیوند تازه بخواهید."
INVITE_UNKNOWN = "این پیوند دعوت معتبر نیست. پیوند را کامل و بدون تغییر باز کنید، یا پیوند تازه بخواهید."

# The officer desk: drafts, preview, publishing.
NOT_OFFICER = (
    "فقط کارشناسان روابط عمومی عضو می‌توانند خبر ارسال کنند. پیوند دعوت را از اداره کل روابط عمومی استانداری بگیرید."
)
OFFICER_REVOKED = (
    "دسترسی شما برای انتشار خبر لغو شده است. اگر اشتباهی رخ داده، با اداره کل روابط عمومی استانداری تماس بگیرید."
)
DRAFT_EMPTY = "متن خبر خالی است. متن کامل خبر را بفرستید."
DRAFT_TOO_LONG = (
    "متن خبر {length} نویسه است؛ حداکثر {limit} نویسه پذیرفته می‌شود. خبر را کوتاه‌تر کنید یا در چند خبر بفرستید."
)
PREVIEW_HEADER = "👁 پیش‌نمایش پیش‌نویس {id} — خبرنگاران دقیقاً پیام زیر را دریافت می‌کنند:"
PREVIEW_HEADER_PARTS = "👁 پیش‌نمایش پیش‌نویس {id} — خبرنگاران دقیقاً این {count} پیام را دریافت می‌کنند:"
DRAFT_SUMMARY = (
    "📝 پیش‌نویس {id}\n"
    "موضوع‌ها: {topics}\n"
    "شهرستان: {county}\n"
    "گیرندگان در حال حاضر: {reach} گفت‌وگو\n\n"
    "تغییر موضوع‌ها: /settopics {id} و نام موضوع‌ها، مثلاً /settopics {id} {example_topics}\n"
    "تغییر شهرستان: /setcounty {id} و نام شهرستان، یا /setcounty {id} none برای خبر استانی\n"
    "انتشار: /publish {id} — لغو: /cancel {id}"
)
NO_TOPICS = "بدون موضوع"
DUPLICATE_WARNING = (
    "⚠️ خبر مشابهی در ۷ روز گذشته منتشر شده است: خبر {id} از «{org}» در {when}:\n«{title}»\n"
    "اگر این خبر تکراری نیست، انتشار را تأیید کنید: /publish {draft} confirm"
)
BUTTON_PUBLISH = "📤 انتشار"
BUTTON_PUBLISH_ANYWAY = "📤 انتشار با وجود مشابهت"
# An agency whose releases need approval: publishing sends the draft to the admins.
BUTTON_SUBMIT = "📨 ارسال برای تأیید"
BUTTON_SUBMIT_ANYWAY = "📨 ارسال برای تأیید با وجود مشابهت"
DRAFT_NEEDS_APPROVAL = "📨 خبرهای دستگاه شما پیش از انتشار به تأیید مدیران می‌رسد؛ نتیجه را همین‌جا خبر می‌دهیم."
BUTTON_CANCEL = "✖️ لغو"
UNKNOWN_RELEASE = "خبری با شناسه {id} پیدا نشد."
NOT_YOUR_RELEASE = "خبر {id} از دستگاه شما نیست؛ فقط خبرهای دستگاه خودتان را می‌توانید ببینید و تغییر دهید."
NOT_A_DRAFT = "خبر {id} دیگر پیش‌نویس نیست (وضعیت: {status})؛ وضعیت و گزارش ارسال: /status {id}"
PUBLISH_USAGE = "شکل درست: /publish شناسه‌پیش‌نویس"
CANCEL_USAGE = "شکل درست: /cancel شناسه‌پیش‌نویس"
SETTOPICS_USAGE = "شکل درست: /settopics شناسه‌پیش‌نویس موضوع۱ موضوع۲ …\nموضوع‌ها: {all_topics}"
SETCOUNTY_USAGE = "شکل درست: /setcounty شناسه‌پیش‌نویس شناسه‌شهرستان یا none\nشهرستان‌ها: {all_counties}"
UNKNOWN_TOPICS = "این موضوع‌ها شناخته نشد: {slugs}\nموضوع‌های معتبر: {all_topics}"
TOO_MANY_TOPICS = "حداکثر {limit} موضوع برای هر خبر."
UNKNOWN_COUNTY = "شهرستان «{slug}» شناخته نشد. شهرستان‌ها: {all_counties} یا none برای خبر استانی"
NEEDS_CONFIRMATION = "این خبر به خبر {id} شبیه است. اگر تکراری نیست: /publish {draft} confirm"
RATE_LIMITED = "در یک ساعت گذشته {count} خبر منتشر کرده‌اید؛ سقف {limit} خبر در ساعت است. کمی بعد دوباره تلاش کنید."
DRAFT_CANCELLED = "پیش‌نویس {id} لغو شد."
PUBLISHING = "📤 خبر {id} منتشر شد و برای {count} گفت‌وگو در صف ارسال است."
PUBLISHED_NO_READERS = "📤 خبر {id} منتشر شد و در آرشیو است؛ اکنون هیچ مشترکی با این موضوع‌ها و شهرستان نیست."
# A request that lost to another one changing the same release at the same moment (the status is
# checked inside the transaction that changes it), and a second press of «انتشار».
ALREADY_PUBLISHING = "خبر {id} در حال انتشار است؛ لازم نیست دوباره بزنید. گزارش ارسال: /status {id}"
JUST_PUBLISHED = "خبر {id} همین حالا منتشر شد؛ برای پس گرفتن آن: /retract {id}"
JUST_CANCELLED = "خبر {id} همین حالا لغو شد و منتشر نمی‌شود."
JUST_SUBMITTED = "خبر {id} همین حالا برای تأیید به اداره کل روابط عمومی استانداری فرستاده شد."
JUST_RETRACTED = "خبر {id} همین حالا پس گرفته شد."
REPORT_PROGRESS = "📊 گزارش ارسال خبر {id}\n✅ رسیده: {sent} از {total}\n⏳ در صف: {pending}\n❌ ناموفق: {failed}"
# Part of the pending ones: a transient error from Telegram (a timeout, a 5xx, a network failure) is retried.
REPORT_WAITING = "📡 در انتظار تلگرام (تلاش دوباره خودکار): {waiting}"
REPORT_HELD = "⏸ ارسال موقتاً متوقف است: سامانه نمی‌تواند ذخیره کند؛ پس از رفع مشکل خودکار ادامه می‌یابد."
REPORT_FINAL = (
    "📊 گزارش نهایی ارسال خبر {id}\n✅ رسیده: {sent} از {total}\n❌ ناموفق: {failed}\n"
    "🚫 گفت‌وگوهای غیرفعال‌شده: {deactivated}"
)
REPORT_REASON = "  • {reason}: {count}"
MY_EMPTY = "هنوز خبری از دستگاه شما ثبت نشده است."
MY_HEADER = "<b>آخرین خبرها و پیش‌نویس‌های «{org}»</b>"
MY_LINE = "{id}. {title}\n     {status}{detail}"
# After the status: how many of the chats it went to have it (not «۵/۵», which reads as a date), or when it goes out.
MY_REACH = " — رسیده به {sent} از {total} گیرنده"
MY_REACH_RETRACTED = " — پیش از پس گرفتن به {sent} از {total} گیرنده رسیده بود"
MY_SCHEDULED = " برای {when}"
MY_FULL_TEXT = " — /release_{id}"
MY_CANCELLED = "\n{count} پیش‌نویس لغوشده در این فهرست نیامده است."
STATUS_USAGE = "شکل درست: /status شناسه‌خبر"
STATUS_NAMES = {
    "draft": "پیش‌نویس",
    "scheduled": "زمان‌بندی‌شده",
    "pending_approval": "در انتظار تأیید",
    "rejected": "ردشده",
    "published": "منتشرشده",
    "retracted": "پس‌گرفته",
    "cancelled": "لغوشده",
}
# /status of a release that went to nobody (yet): what became of it, instead of a report of nothing.
STATUS_NOT_SENT = {
    "draft": "پیش‌نویس است و هنوز به کسی نرسیده است؛ تا «📤 انتشار» را نزنید یا /publish را نفرستید، فرستاده نمی‌شود.",
    "pending_approval": (
        "در انتظار تأیید مدیران است و هنوز به کسی نرسیده است؛ پس از تأیید همان لحظه برای مشترکان فرستاده می‌شود"
        " و نتیجه را همین‌جا به شما خبر می‌دهیم."
    ),
    "rejected": "مدیران آن را تأیید نکردند و به کسی نرسید؛ می‌توانید متن اصلاح‌شده را به‌عنوان خبر تازه بفرستید.",
    "cancelled": "لغو شد و به کسی نرسید.",
    "retracted": "پس گرفته شد؛ نسخه‌ای از آن به کسی نرسیده بود.",
}
STATUS_SCHEDULED_AT = (
    "⏰ برای {when} زمان‌بندی شده و هنوز به کسی نرسیده است؛ در آن زمان خودکار منتشر می‌شود."
    " لغو زمان‌بندی: /schedule {id} off"
)
STATUS_NO_READERS = "منتشر شد و در آرشیو است؛ هنگام انتشار هیچ مشترکی با این موضوع‌ها و شهرستان نبود."
# /status for an admin: any release, with its agency and author, and the decision on it.
INSPECTION_WHO = "دستگاه: «{org}» — فرستنده: {author}"
INSPECTION_STATUS = "وضعیت: {status}"
INSPECTION_APPROVED = "✅ تأیید: {admin}، {when}"
INSPECTION_REJECTED = "❌ رد: {admin}، {when}\nدلیل: {reason}"
INSPECTION_FULL_TEXT = "متن کامل: /release_{link}"
UNSUPPORTED_FROM_OFFICER = "استیکر، پیام صوتی و مانند آن به‌عنوان خبر پذیرفته نمی‌شود. متن خبر را بفرستید."

# Scheduling and embargo.
SCHEDULE_HINT = "زمان‌بندی: /schedule {id} زمان — مثلاً «{natural}»، «{numeric}» یا «+2h»"
EMBARGO_FOUND = (
    "⏰ در متن یادداشت ممنوعیت انتشار هست: تا {when}. این جمله در پیام خبرنگاران نمی‌آید.\n"
    "برای انتشار خودکار پس از پایان ممنوعیت: /schedule {id} {short}"
)
# /publish (or «انتشار») before the embargo the release's own text names.
EMBARGO_PUBLISH_CONFIRM = (
    "⏰ متن خبر {id} می‌گوید تا {when} منتشر نشود:\n«{sentence}»\n\n"
    "اگر همین حالا منتشر شود، این جمله از متن حذف می‌شود.\n"
    "انتشار همین حالا: دکمه زیر، یا /publish {id} confirm\n"
    "انتشار خودکار پس از پایان ممنوعیت: دکمه زیر، یا /schedule {id} {short}"
)
EMBARGO_AND_DUPLICATE = "⚠️ این خبر به خبر {id} («{title}») هم شبیه است؛ تأیید انتشار یعنی تکراری نیست."
BUTTON_PUBLISH_NOW = "📤 انتشار همین حالا"
SCHEDULE_BEFORE_EMBARGO = (
    "⏰ {when} پیش از پایان ممنوعیتی است که متن خبر {id} می‌گوید ({until}).\n"
    "برای زمان پایان ممنوعیت: /schedule {id} {short}\n"
    "اگر با این حال همان زمان را می‌خواهید: /schedule {id} {typed} confirm"
)
BUTTON_SCHEDULE_EMBARGO = "⏰ انتشار پس از پایان ممنوعیت"
SCHEDULE_USAGE = (
    "شکل درست: /schedule شناسه‌پیش‌نویس زمان\nمثال: /schedule ۱۲ {natural} — برای لغو زمان‌بندی: /schedule ۱۲ off"
)
SCHEDULED = "⏰ خبر {id} برای {when} زمان‌بندی شد. تغییر: /schedule {id} زمان تازه — لغو زمان‌بندی: /schedule {id} off"
UNSCHEDULED = "زمان‌بندی خبر {id} لغو شد؛ دوباره پیش‌نویس است."
NOT_SCHEDULED = "خبر {id} زمان‌بندی نشده است."
PUBLISHED_ON_SCHEDULE = "📤 خبر {id} طبق زمان‌بندی منتشر شد و برای {count} گفت‌وگو در صف ارسال است."
PUBLISHED_ON_SCHEDULE_NO_READERS = "📤 خبر {id} طبق زمان‌بندی منتشر شد؛ اکنون هیچ مشترکی با این موضوع‌ها و شهرستان نیست."

# Corrections and retractions.
CORRECT_USAGE = "شکل درست: /correct شناسه‌خبر — سپس متن اصلاح‌شده کامل را بفرستید."
CORRECT_WAITING = (
    "✏️ متن اصلاح‌شده کامل خبر {id} را بفرستید (در پیام بعدی، یا در پاسخ به همین پیام).\n"
    "پیش از ارسال، پیش‌نمایش اصلاحیه و جمله‌های تغییرکرده را می‌بینید؛ تا تأیید نکنید، هیچ نسخه‌ای ویرایش نمی‌شود.\n"
    "حالت اصلاح فقط برای همان یک پیام است و با هر فرمان دیگری هم پایان می‌یابد."
)
CORRECTION_PREVIEW_HEADER = (
    "👁 پیش‌نمایش اصلاحیه خبر {id} — اگر تأیید کنید، {copies} نسخه ارسال‌شده به این شکل ویرایش می‌شود:"
)
CORRECTION_CARD = "✏️ اصلاحیه خبر {id}: «{title}»"
CORRECTION_CHANGES = "تغییرها (➖ جمله حذف‌شده، ➕ جمله تازه):"
CORRECTION_NO_SENTENCE_CHANGED = "جمله‌ها همان است؛ فقط نگارش، فاصله‌ها یا نشانه‌ها تغییر کرده است."
CORRECTION_REMOVED = "➖ {sentence}"
CORRECTION_ADDED = "➕ {sentence}"
CORRECTION_MORE = "… و {count} جمله دیگر"
CORRECTION_TAGS = "موضوع‌ها: {topics}\nشهرستان: {county}"
CORRECTION_TAGS_CHANGED = " (پیش‌تر: {before})"
CORRECTION_DIFFERENT = (
    "⚠️ این متن با خبر {id} بسیار فرق دارد ({kept} جمله از {total} جمله خبر منتشرشده در آن مانده است)؛ "
    "شاید خبر دیگری است. اگر خبر تازه است، «انصراف» را بزنید و متن را جداگانه بفرستید تا پیش‌نویس تازه شود."
)
CORRECTION_CONFIRM_HINT = "ارسال اصلاحیه: دکمه زیر، یا «بله» را بفرستید (یا: /correct {id} yes)."
CORRECTION_UNCHANGED = "متن تازه با متن منتشرشده خبر {id} یکی است؛ چیزی برای اصلاح نیست."
CORRECTION_OUTDATED = (
    "خبر {id} پس از این پیش‌نمایش دوباره اصلاح شده است؛ این اصلاحیه فرستاده نشد. برای اصلاحیه تازه: /correct {id}"
)
CORRECTION_DROPPED = "اصلاحیه خبر {id} فرستاده نشد؛ خبر همان‌طور که منتشر شده است می‌ماند."
NO_CORRECTION_WAITING = (
    "اصلاحیه‌ای برای خبر {id} در انتظار تأیید نیست. نخست /correct {id} و سپس متن اصلاح‌شده را بفرستید."
)
BUTTON_SEND_CORRECTION = "✅ ارسال اصلاحیه"
BUTTON_OTHER_TEXT = "✏️ متن دیگر"
BUTTON_DROP = "✖️ انصراف"
NOT_PUBLISHED = "خبر {id} منتشر نشده است (وضعیت: {status})."
CORRECTION_QUEUED = "✏️ اصلاحیهٔ خبر {id} ثبت شد (ویراست {version} متن) و {count} نسخهٔ ارسال‌شده اصلاح می‌شود."
CORRECTION_NOTICE = "✏️ اصلاحیه: متن خبر «{title}» از {org} اصلاح شده است؛ این پیام جای ویرایش نسخه قبلی آمده است."
RETRACT_USAGE = (
    "شکل درست: /retract شناسه‌خبر دلیل (دلیل اختیاری است)؛ ربات پیش از پس گرفتن می‌پرسد.\n"
    "برای تأیید در همان دستور، yes را در پایان بنویسید: /retract شناسه‌خبر دلیل yes"
)
RETRACT_CONFIRM = (
    "⛔️ پس گرفتن خبر {id}: «{title}»\n"
    "{copies}{unsent} و خبر از جست‌وجو، آرشیو و خلاصه‌های روزانه برداشته می‌شود. این کار برگشت‌پذیر نیست.\n"
    "{reason}\n\n"
    "پس گرفته شود؟ دکمه زیر، یا: /retract {id} {typed_reason}yes"
)
RETRACT_CONFIRM_COPIES = (
    "{count} نسخه ارسال‌شده از گفت‌وگوهای خبرنگاران حذف می‌شود (هر جا حذف ممکن نباشد، اطلاعیه پس گرفتن می‌رود)"
)
RETRACT_CONFIRM_NO_COPIES = "هنوز نسخه‌ای به گفت‌وگوهای خبرنگاران نرسیده است"
RETRACT_CONFIRM_UNSENT = "؛ {count} نسخه هم که هنوز نرفته است دیگر فرستاده نمی‌شود"
RETRACT_CONFIRM_REASON = "دلیل: {reason}"
RETRACT_CONFIRM_NO_REASON = "دلیلی نوشته نشده است؛ برای نوشتن دلیل: /retract {id} دلیل"
RETRACTION_QUEUED = (
    "⛔️ خبر {id} پس گرفته شد: «{title}»، به دست {name}. {count} نسخه ارسال‌شده حذف می‌شود و خبر از جست‌وجو "
    "برداشته شد.{reason}"
)
RETRACTION_KEPT = "خبر {id} پس گرفته نشد و همچنان منتشرشده است."
BUTTON_RETRACT_YES = "⛔️ بله، پس گرفته شود"
BUTTON_RETRACT_NO = "↩️ نه، بماند"
RETRACTION_NOTICE = "⛔️ خبر «{title}» از {org} پس گرفته شد.{reason}"
RETRACTION_REASON = " دلیل: {reason}"

# Media, buttons and pickers of the desk (bot/services/desk.py, bot/telegram/handlers/officer.py).
MEDIA_NEEDS_CAPTION = "متن خبر را در زیرنویس (کپشن) عکس، ویدیو یا فایل بفرستید؛ خبر بدون متن منتشر نمی‌شود."
ALBUM_TOO_LARGE = "هر آلبوم حداکثر ۱۰ عکس یا ویدیو دارد؛ بقیه کنار گذاشته شد."
BUTTON_SCHEDULE = "⏰ زمان‌بندی"
BUTTON_TOPICS = "🏷 موضوع‌ها"
BUTTON_COUNTY = "📍 شهرستان"
BUTTON_REPLACE = "✏️ جایگزینی متن"
BUTTON_DONE = "✔️ تأیید"  # the same word as the journalists' pickers (BUTTON_CONFIRM)
BUTTON_BACK = "↩️ بازگشت"
BUTTON_PROVINCE = "استانی (همه استان)"
BUTTON_IN_1H = "یک ساعت دیگر"
BUTTON_IN_3H = "سه ساعت دیگر"
BUTTON_TOMORROW_9 = "فردا ساعت ۹"
PICK_TOPICS = "موضوع‌های خبر {id} را انتخاب کنید (حداکثر {limit}):"
PICK_COUNTY = "شهرستان خبر {id} را انتخاب کنید:"
PICK_SCHEDULE = (
    "خبر {id} کی منتشر شود؟ یکی از دکمه‌ها را بزنید، یا زمان را در پاسخ (ریپلای) به همین پیام بنویسید، "
    "مثلاً «فردا ساعت ۱۰»؛ یا: /schedule {id} زمان"
)
REPLACE_WAITING = "متن تازه پیش‌نویس {id} را بفرستید (در پیام بعدی، یا در پاسخ به همین پیام)؛ جای متن فعلی را می‌گیرد."

# A short text that may not be a release (bot/services/desk.py ``looks_like_release``).
SHORT_TEXT_QUESTION = (
    "این متن کوتاه است؛ آیا خبر است؟\n"
    "خبر معمولاً تیتری در خط اول و دست‌کم چند جمله متن دارد. اگر همین پیام خبر است، دکمه زیر را بزنید "
    "یا «بله» را بفرستید تا پیش‌نویس شود؛ وگرنه متن کامل خبر را بفرستید."
)
SHORT_TEXT_DROPPED = "بسیار خب؛ از آن متن پیش‌نویسی ساخته نشد."
BUTTON_MAKE_DRAFT = "📝 بله، پیش‌نویس شود"
BUTTON_NOT_A_RELEASE = "✖️ نه، خبر نیست"
# A question the desk asked that is answered already, set aside by a newer one, or too old.
QUESTION_CLOSED = "این پرسش دیگر باز نیست (پاسخ داده شده یا کهنه شده است). اگر هنوز لازم است، از نو شروع کنید."

# Editing a message the officer sent (Telegram's «ویرایش»).
EDITED_DRAFT_HEADER = "✏️ پیام شما ویرایش شد و پیش‌نویس {id} هم به‌روز شد. پیش‌نمایش تازه، همان که خبرنگاران دریافت می‌کنند:"
EDITED_PUBLISHED = (
    "✏️ این پیام متن خبر منتشرشده {id} است: «{title}»\n"
    "ویرایش آن در این گفت‌وگو، نسخه‌هایی را که برای خبرنگاران رفته است تغییر نمی‌دهد. برای اصلاح خبر با همین "
    "متن ویرایش‌شده دکمه زیر را بزنید (پیش از ارسال، پیش‌نمایش و تغییرها را می‌بینید)، یا: /correct {id}"
)
EDITED_NO_EFFECT = "ویرایش این پیام در خبر {id} اثری ندارد (وضعیت خبر: {status})."
BUTTON_PREVIEW_CORRECTION = "✏️ پیش‌نمایش اصلاحیه با این متن"
