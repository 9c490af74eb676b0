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
    "/help — همین راهنما\n"
    "/search عبارت — جست‌وجو در آرشیو خبرها (در هر گفت‌وگو هم: نام ربات و سپس عبارت)\n"
    "/latest [تعداد] — آخرین خبرهای منتشرشده\n"
    "/release شناسه — متن کامل یک خبر\n\n"
    "<b>دریافت خبر</b>\n"
    "/topics — موضوع‌ها (/topics all یعنی همه)\n"
    "/counties — شهرستان‌ها (province یعنی خبرهای استانی)\n"
    "/agencies — دستگاه‌ها\n"
    '/keywords — کلیدواژه‌ها: +سد -تصادف "آب و فاضلاب"\n'
    "/filters — دیدن همهٔ تنظیمات\n"
    "/pause و /resume — توقف و ادامهٔ ارسال\n"
    "/quiet 23:00-07:00 — ساعت سکوت (ارسال بی‌صدا)\n"
    "/digest 08:00 — خلاصهٔ روزانه به جای ارسال فوری؛ /digest off\n"
    "/stop — لغو اشتراک\n"
    "/subscribe — مشترک کردن گروه (مدیران گروه)\n"
    "/channels و /use — تنظیم کانال‌ها و گروه‌هایی که مدیرشان هستید\n\n"
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

PREVIEW_ORG_PLACEHOLDER = "نام دستگاه"

# Dates and schedules (bot/domain/jalali.py raises these as ValueError messages).
MSG_NOT_UNDERSTOOD = (
    "زمان را متوجه نشدم. نمونه‌های درست: «۱۴۰۵/۰۹/۰۷ ۱۰:۰۰»، «۷ آذر ساعت ۱۰»، «فردا ساعت ۹»، «+۲h» یا «+۱h30m»."
)
MSG_TIME_MISSING = "ساعت را هم بنویسید، مثلاً «۷ آذر ساعت ۱۰»."
MSG_BAD_TIME = "ساعت {time} معتبر نیست؛ ساعت باید بین ۰ و ۲۳ و دقیقه بین ۰ و ۵۹ باشد."
MSG_BAD_PERIOD = "«ساعت {hour} {period}» معنا ندارد؛ ساعت را ۲۴ ساعته بنویسید، مثلاً «ساعت ۲۱»."
MSG_BAD_DATE = "تاریخ {date} در تقویم وجود ندارد."
MSG_WEEKDAY_MISMATCH = "{date} {actual} است، نه {given}."
MSG_IN_PAST = "این زمان گذشته است: {when}. زمانی در آینده بنویسید."
MSG_ZERO_DELAY = "مدت باید بیشتر از صفر باشد، مثلاً «+۳۰m»."
MSG_BAD_MONTH = "ماه را متوجه نشدم. نمونه‌های درست: «۱۴۰۵-۰۹» یا «آذر ۱۴۰۵»."

# Subscription filters (bot/domain/matching.py).
MSG_UNBALANCED_QUOTE = "گیومه‌ها جفت نیستند؛ هر عبارت چندکلمه‌ای را میان دو گیومه بنویسید، مثلاً «آب و فاضلاب»."
MSG_KEYWORD_TOO_LONG = "کلیدواژهٔ «{keyword}…» بیش از {limit} نویسه است؛ کوتاه‌ترش کنید."
ALL_LABEL = "همه"
NONE_LABEL = "ندارد"
PROVINCE_WIDE_LABEL = "استانی"
LIST_SEPARATOR = "، "

# Times of day (bot/domain/daytime.py).
MSG_BAD_TIME_OF_DAY = "«{text}» ساعت معتبری نیست؛ ساعت را مثل «۰۸:۳۰» یا «23:00» بنویسید."
MSG_BAD_TIME_RANGE = "بازه را مثل «۲۳:۰۰-۰۷:۰۰» بنویسید؛ آغاز و پایان باید فرق کنند."

# What journalists receive (bot/domain/render.py).
CORRECTION_MARK = "✏️ اصلاحیه"
CONTINUED_MARK = "(ادامه)"
META_SEPARATOR = " · "
RELEASE_ID_LABEL = "شناسه خبر"

# Roles and common refusals.
NOT_ADMIN = "این دستور فقط برای مدیران اداره کل روابط عمومی استانداری است."
PRIVATE_ONLY = "این دستور را در گفت‌وگوی خصوصی با ربات بفرستید."
NOT_A_NUMBER = "«{value}» شناسه عددی نیست."

# Organizations (admins).
ADDORG_USAGE = (
    "شکل درست:\n/addorg نام دستگاه | شناسه شهرستان\n"
    "شهرستان اختیاری است (بدون آن، دستگاه استانی است). مثال:\n/addorg فرمانداری مهران | mehran"
)
ADDORG_TOO_LONG = "نام دستگاه حداکثر {limit} نویسه است."
ADDORG_UNKNOWN_COUNTY = "شهرستان «{slug}» شناخته نشد. شناسه‌های معتبر: {slugs}"
ADDORG_EXISTS = "دستگاهی با همین نام از قبل ثبت شده است: «{name}» (شناسه {id})."
ADDORG_DONE = "دستگاه «{name}» با شناسه {id} ثبت شد ({county}).\nبرای دعوت کارشناس روابط عمومی آن: /invite {id}"
ORGS_EMPTY = "هنوز هیچ دستگاهی ثبت نشده است. با /addorg اضافه کنید."
ORGS_HEADER = "<b>دستگاه‌های ثبت‌شده</b>"
ORG_LINE = "{id}. {name} — {county} — {officers} کارشناس{approval}"
ORG_NEEDS_APPROVAL = " — نیازمند تأیید"
PROVINCE_LEVEL = "استانی"
UNKNOWN_ORG = "دستگاهی با شناسه {id} پیدا نشد. فهرست دستگاه‌ها: /orgs"

# Invites and officers.
INVITE_USAGE = "شکل درست: /invite شناسه‌دستگاه\nشناسه دستگاه‌ها را با /orgs ببینید."
INVITE_DONE = (
    "پیوند دعوت برای «{org}»:\n{link}\n\n"
    "این پیوند یک‌بارمصرف است و تا {expires} اعتبار دارد. آن را فقط برای کارشناس روابط عمومی همین دستگاه بفرستید."
)
JOINED = "خوش آمدید، {name}! شما اکنون کارشناس روابط عمومی «{org}» هستید."
INVITE_USED = "این پیوند دعوت قبلاً استفاده شده است. از اداره کل روابط عمومی استانداری پیوند تازه بخواهید."
INVITE_EXPIRED = "مهلت این پیوند دعوت گذشته است. از اداره کل روابط عمومی استانداری پیوند تازه بخواهید."
INVITE_UNKNOWN = "این پیوند دعوت معتبر نیست. پیوند را کامل و بدون تغییر باز کنید، یا پیوند تازه بخواهید."
OFFICERS_USAGE = "شکل درست: /officers یا /officers شناسه‌دستگاه"
OFFICERS_EMPTY = "کارشناسی ثبت نشده است. با /invite پیوند دعوت بسازید."
OFFICERS_HEADER = "<b>کارشناسان روابط عمومی</b>"
OFFICER_LINE = "{user_id} — {name}{username} — {org}{revoked}"
OFFICER_REVOKED_MARK = " — لغو شده"
REVOKE_USAGE = "شکل درست: /revoke شناسه‌کاربر\nشناسه کارشناسان را با /officers ببینید."
REVOKE_DONE = "دسترسی انتشار {name} ({user_id}) برای «{org}» لغو شد."
REVOKE_NONE = "کارشناس فعالی با شناسه {user_id} پیدا نشد."
REVOKED_NOTICE = (
    "دسترسی شما برای انتشار خبر از طرف «{org}» لغو شد. برای پرسش با اداره کل روابط عمومی استانداری تماس بگیرید."
)

# The officer desk: drafts, preview, publishing.
NOT_OFFICER = (
    "فقط کارشناسان روابط عمومی عضو می‌توانند خبر ارسال کنند. پیوند دعوت را از اداره کل روابط عمومی استانداری بگیرید."
)
OFFICER_REVOKED = "دسترسی انتشار شما لغو شده است."
DRAFT_EMPTY = "متن خبر خالی است. متن کامل خبر را بفرستید."
DRAFT_TOO_LONG = (
    "متن خبر {length} نویسه است؛ حداکثر {limit} نویسه پذیرفته می‌شود. خبر را کوتاه‌تر کنید یا در چند خبر بفرستید."
)
PREVIEW_HEADER = "👁 پیش‌نمایش پیش‌نویس {id} — خبرنگاران دقیقاً پیام(های) زیر را دریافت می‌کنند:"
DRAFT_SUMMARY = (
    "📝 پیش‌نویس {id}\n"
    "موضوع‌ها: {topics}\n"
    "شهرستان: {county}\n"
    "گیرندگان در حال حاضر: {reach} گفت‌وگو\n\n"
    "تغییر موضوع‌ها: /settopics {id} شناسه‌ها ({all_topics})\n"
    "تغییر شهرستان: /setcounty {id} شناسه یا none\n"
    "انتشار: /publish {id} — لغو: /cancel {id}"
)
NO_TOPICS = "بدون موضوع"
DUPLICATE_WARNING = (
    "⚠️ خبر مشابهی در ۷ روز گذشته منتشر شده است: خبر {id} از «{org}» در {when}:\n«{title}»\n"
    "اگر این خبر تکراری نیست، انتشار را تأیید کنید: /publish {draft} confirm"
)
BUTTON_PUBLISH = "📤 انتشار"
BUTTON_PUBLISH_ANYWAY = "📤 انتشار با وجود مشابهت"
BUTTON_CANCEL = "✖️ لغو"
UNKNOWN_RELEASE = "خبری با شناسه {id} پیدا نشد."
NOT_YOUR_RELEASE = "خبر {id} متعلق به دستگاه شما نیست."
NOT_A_DRAFT = "خبر {id} دیگر پیش‌نویس نیست (وضعیت: {status})."
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
REPORT_PROGRESS = "📊 گزارش ارسال خبر {id}\n✅ رسیده: {sent} از {total}\n⏳ در صف: {pending}\n❌ ناموفق: {failed}"
REPORT_FINAL = (
    "📊 گزارش نهایی ارسال خبر {id}\n✅ رسیده: {sent} از {total}\n❌ ناموفق: {failed}\n"
    "🚫 گفت‌وگوهای غیرفعال‌شده: {deactivated}"
)
REPORT_REASON = "  • {reason}: {count}"
MY_EMPTY = "هنوز خبری از دستگاه شما ثبت نشده است."
MY_HEADER = "<b>آخرین خبرهای {org}</b>"
MY_LINE = "{id}. {title} — {status}{reach}"
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
UNSUPPORTED_FROM_OFFICER = "استیکر، پیام صوتی و مانند آن به‌عنوان خبر پذیرفته نمی‌شود. متن خبر را بفرستید."

# Scheduling and embargo.
SCHEDULE_HINT = "زمان‌بندی: /schedule {id} زمان — مثلاً «۷ آذر ساعت ۱۰»، «۱۴۰۵/۰۹/۰۷ ۱۰:۰۰» یا «+2h»"
EMBARGO_FOUND = (
    "⏰ در متن یادداشت ممنوعیت انتشار هست: تا {when}.\nبرای انتشار خودکار در همان زمان: /schedule {id} {short}"
)
BUTTON_SCHEDULE_EMBARGO = "⏰ انتشار در زمان ممنوعیت"
SCHEDULE_USAGE = (
    "شکل درست: /schedule شناسه‌پیش‌نویس زمان\nمثال: /schedule ۱۲ ۷ آذر ساعت ۱۰ — برای لغو زمان‌بندی: /schedule ۱۲ off"
)
SCHEDULED = "⏰ خبر {id} برای {when} زمان‌بندی شد. تغییر: /schedule {id} زمان تازه — لغو زمان‌بندی: /schedule {id} off"
UNSCHEDULED = "زمان‌بندی خبر {id} لغو شد؛ دوباره پیش‌نویس است."
NOT_SCHEDULED = "خبر {id} زمان‌بندی نشده است."
PUBLISHED_ON_SCHEDULE = "📤 خبر {id} طبق زمان‌بندی منتشر شد و برای {count} گفت‌وگو در صف ارسال است."
PUBLISHED_ON_SCHEDULE_NO_READERS = "📤 خبر {id} طبق زمان‌بندی منتشر شد؛ اکنون هیچ مشترکی با این موضوع‌ها و شهرستان نیست."

# Corrections and retractions.
CORRECT_USAGE = "شکل درست: /correct شناسه‌خبر — سپس متن اصلاح‌شده کامل را بفرستید."
CORRECT_WAITING = "متن اصلاح‌شده کامل خبر {id} را بفرستید. همه نسخه‌های ارسال‌شده با نشان «✏️ اصلاحیه» ویرایش می‌شوند."
NOT_PUBLISHED = "خبر {id} منتشر نشده است (وضعیت: {status})."
CORRECTION_QUEUED = "✏️ اصلاحیه خبر {id} ثبت شد (نسخه {version}) و {count} نسخه ارسال‌شده ویرایش می‌شود."
CORRECTION_NOTICE = "✏️ اصلاحیه: متن خبر «{title}» از {org} اصلاح شده است؛ این پیام جای ویرایش نسخه قبلی آمده است."
RETRACT_USAGE = "شکل درست: /retract شناسه‌خبر دلیل (دلیل اختیاری است)"
RETRACTION_QUEUED = "⛔️ خبر {id} پس گرفته شد؛ {count} نسخه ارسال‌شده حذف می‌شود و خبر از جست‌وجو برداشته شد."
RETRACTION_NOTICE = "⛔️ خبر «{title}» از {org} پس گرفته شد.{reason}"
RETRACTION_REASON = " دلیل: {reason}"

# Approval.
APPROVAL_USAGE = "شکل درست: /approval شناسه‌دستگاه on یا off"
APPROVAL_ON = "از این پس خبرهای «{org}» پیش از انتشار به تأیید مدیران می‌رسد."
APPROVAL_OFF = "خبرهای «{org}» از این پس بدون تأیید منتشر می‌شود."
SUBMITTED = "📨 خبر {id} برای تأیید به اداره کل روابط عمومی استانداری فرستاده شد؛ نتیجه را همین‌جا خبر می‌دهیم."
ADMIN_NEW_PENDING = "📨 خبر {id} از «{org}» منتظر تأیید است:\n«{title}»\nتأیید: /approve {id} — رد: /reject {id} دلیل"
BUTTON_APPROVE = "✅ تأیید و انتشار"
BUTTON_REJECT = "❌ رد"
PENDING_EMPTY = "خبری در انتظار تأیید نیست."
PENDING_HEADER = "<b>خبرهای در انتظار تأیید</b>"
PENDING_LINE = "{id}. {title} — {org} — {when}\n/approve {id} — /reject {id} دلیل"
APPROVE_USAGE = "شکل درست: /approve شناسه‌خبر"
REJECT_USAGE = "شکل درست: /reject شناسه‌خبر دلیل\nدلیل برای کارشناس فرستاده می‌شود."
NOT_PENDING = "خبر {id} در انتظار تأیید نیست (وضعیت: {status})."
APPROVED_ADMIN = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
APPROVED_OFFICER = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
REJECTED_ADMIN = "❌ خبر {id} رد شد و دلیل برای کارشناس فرستاده شد."
REJECTED_OFFICER = (
    "❌ خبر {id} («{title}») تأیید نشد. دلیل: {reason}\nمی‌توانید متن اصلاح‌شده را به‌عنوان خبر تازه بفرستید."
)
REJECT_BUTTON_HINT = "برای رد خبر {id} دلیل را بنویسید: /reject {id} دلیل"
MEDIA_NEEDS_CAPTION = "متن خبر را به‌عنوان توضیح (کپشن) همراه عکس، ویدئو یا فایل بفرستید؛ خبر بدون متن منتشر نمی‌شود."
ALBUM_TOO_LARGE = "یک آلبوم حداکثر ۱۰ عکس یا ویدئو دارد؛ موارد بیشتر کنار گذاشته شد."
BUTTON_SCHEDULE = "⏰ زمان‌بندی"
BUTTON_TOPICS = "🏷 موضوع‌ها"
BUTTON_COUNTY = "📍 شهرستان"
BUTTON_REPLACE = "✏️ جایگزینی متن"
BUTTON_DONE = "✔️ تمام"
BUTTON_BACK = "↩️ بازگشت"
BUTTON_PROVINCE = "استانی (همه استان)"
BUTTON_IN_1H = "یک ساعت دیگر"
BUTTON_IN_3H = "سه ساعت دیگر"
BUTTON_TOMORROW_9 = "فردا ساعت ۹"
PICK_TOPICS = "موضوع‌های خبر {id} را انتخاب کنید (حداکثر {limit}):"
PICK_COUNTY = "شهرستان خبر {id} را انتخاب کنید:"
PICK_SCHEDULE = "خبر {id} کی منتشر شود؟ زمان دیگری هم می‌توانید بنویسید: /schedule {id} زمان"
REPLACE_WAITING = "متن تازه پیش‌نویس {id} را بفرستید؛ جای متن فعلی را می‌گیرد."

# Operations.
ADMIN_ALERT = "⚠️ خطای پیش‌بینی‌نشده در ربات: {kind}\nجزئیات در گزارش‌های سرور (update_id={update_id})."

# Journalists: subscriptions and filters (bot/handlers/journalist.py, bot/handlers/chats.py).
ONBOARDING = (
    "برای شروع، موضوع‌هایی را که دنبال می‌کنید انتخاب کنید و «تأیید» را بزنید؛ «همه» یعنی همهٔ موضوع‌ها.\n"
    "بعد شهرستان‌ها را انتخاب می‌کنید. هر وقت خواستید با /filters تنظیمات را ببینید و با /help دستورها را."
)
START_REPLY = f"{WELCOME}\n\n{ONBOARDING}"  # /start in a private chat, above the topic picker
PICK_READER_TOPICS = "موضوع‌های {place} را انتخاب کنید و «تأیید» را بزنید («همه» یعنی بدون محدودیت موضوع):"
PICK_READER_COUNTIES = (
    "شهرستان‌های {place} را انتخاب کنید و «تأیید» را بزنید. «استانی» خبرهای کل استان است؛ "
    "«همه» یعنی بدون محدودیت شهرستان:"
)
BUTTON_ALL = "همه"
BUTTON_CONFIRM = "تأیید ✔️"
BUTTON_STOP_YES = "بله، لغو اشتراک"
BUTTON_STOP_NO = "نه، بماند"
SELECTED_MARK = "✅ "
PLACE_OWN = "این گفت‌وگو"
PLACE_CHAT = "«{title}»"
PLACE_TOPIC = "این تاپیک"
FOR_PLACE = "تنظیمات {place}:\n"
SUBSCRIBED = "✅ {place} مشترک خبرنامه است و خبرهای مطابق این تنظیمات را دریافت می‌کند:\n\n{filters}"
SUBSCRIBED_PAUSED = "{place} مشترک است ولی ارسال متوقف است؛ برای ادامه /resume را بفرستید.\n\n{filters}"
FILTERS_NONE = "{place} هنوز مشترک نیست. در گفت‌وگوی خصوصی /start و در گروه /subscribe را بفرستید."
FILTERS_HEADER = "<b>تنظیمات {place}</b>\n\n{filters}\n\n{state}\n{delivery}\n{quiet}"
STATE_ACTIVE = "وضعیت: فعال"
STATE_PAUSED = "وضعیت: متوقف (برای ادامه /resume)"
STATE_DEACTIVATED = "وضعیت: غیرفعال — {reason}"
DELIVERY_INSTANT = "شیوهٔ دریافت: فوری، هر خبر جداگانه"
DELIVERY_DIGEST = "شیوهٔ دریافت: خلاصهٔ روزانه، ساعت {time} به وقت تهران"
QUIET_NONE = "ساعت سکوت: ندارد"
QUIET_SET = "ساعت سکوت: {start} تا {end} (خبرها بی‌صدا می‌رسند)"
REASONS = {
    "removed": "ربات از این گفت‌وگو حذف شده است",
    "cannot_post": "ربات اجازهٔ ارسال پیام ندارد",
    "blocked": "ربات مسدود شده است",
}
AGENCIES_USAGE = "شناسهٔ دستگاه‌ها را بنویسید، مثلاً /agencies {example}؛ /agencies all یعنی همه. دستگاه‌ها:\n{options}"
AGENCIES_EMPTY = "هنوز هیچ دستگاهی ثبت نشده است."
KEYWORDS_USAGE = (
    "کلیدواژه‌ها را با + (باید باشد) و - (نباید باشد) بنویسید؛ عبارت چندکلمه‌ای را در گیومه:\n"
    '/keywords +سد -تصادف "آب و فاضلاب"\n/keywords clear همهٔ کلیدواژه‌ها را پاک می‌کند.\n\n{current}'
)
FILTER_UNKNOWN_TOPICS = "این موضوع‌ها را نمی‌شناسم: {values}\nموضوع‌های موجود:\n{options}"
FILTER_UNKNOWN_COUNTIES = "این شهرستان‌ها را نمی‌شناسم: {values}\nشهرستان‌های موجود:\n{options}"
FILTER_UNKNOWN_AGENCIES = "دستگاهی با این شناسه‌ها نیست: {values}\nفهرست با /agencies"
TOO_MANY_VALUES = "حداکثر {limit} مقدار در هر دستور پذیرفته می‌شود."
NOT_SUBSCRIBED = "{place} مشترک نیست؛ اول /start (گفت‌وگوی خصوصی) یا /subscribe (گروه) را بفرستید."
PAUSED = "⏸ ارسال خبر به {place} متوقف شد؛ تنظیمات محفوظ است. برای ادامه /resume را بفرستید."
ALREADY_PAUSED = "ارسال به {place} از قبل متوقف است؛ برای ادامه /resume را بفرستید."
RESUMED = "▶️ ارسال خبر به {place} دوباره برقرار شد."
ALREADY_ACTIVE = "ارسال به {place} برقرار است."
CANNOT_RESUME = "ارسال به {place} ممکن نیست: {reason}."
STOP_CONFIRM = "اشتراک {place} و همهٔ تنظیماتش حذف شود؟ (یا بنویسید /stop yes)"
STOPPED = "اشتراک {place} حذف شد. هر وقت خواستید با /start (یا /subscribe در گروه) دوباره مشترک شوید."
STOP_KEPT = "اشتراک {place} سر جایش ماند."
QUIET_USAGE = "بازهٔ سکوت را مثل /quiet 23:00-07:00 بنویسید؛ /quiet off آن را برمی‌دارد.\n{current}"
QUIET_DONE = "🔕 از {start} تا {end} به وقت تهران خبرها بی‌صدا به {place} می‌رسند."
QUIET_OFF = "🔔 ساعت سکوت {place} برداشته شد."
DIGEST_USAGE = "ساعت خلاصهٔ روزانه را مثل /digest 08:00 بنویسید؛ /digest off دریافت فوری را برمی‌گرداند.\n{current}"
DIGEST_DONE = (
    "📰 از این پس خبرهای {place} هر روز ساعت {time} به وقت تهران در یک پیام خلاصه می‌رسند (نخستین خلاصه: {first})."
)
DIGEST_NOW = "همین حالا"
DIGEST_OFF = "⚡️ خبرهای {place} دوباره فوری و جداگانه می‌رسند."
SUBSCRIBE_GROUP_ONLY = "/subscribe برای گروه‌هاست. برای مشترک شدن گفت‌وگوی خصوصی‌تان /start را بفرستید."
SUBSCRIBE_REFUSED = "ببخشید، فقط مدیران این گروه می‌توانند اشتراک و تنظیمات آن را تغییر دهند."
NOT_CHAT_ADMIN = "ببخشید، فقط مدیران {place} می‌توانند تنظیمات آن را تغییر دهند."
CHAT_UNREACHABLE = "به {place} دسترسی ندارم؛ شاید ربات از آن حذف شده است. با /use me به گفت‌وگوی خصوصی برگردید."
GROUP_ADDED = (
    "سلام! من ربات خبرنامه روابط عمومی استانم. یکی از مدیران گروه با /subscribe این گروه را مشترک کند، "
    "سپس با /topics، /counties، /agencies و /keywords خبرها را محدود کند."
)
CHANNEL_ADDED = (
    "کانال «{title}» ثبت شد ✅\nشناسهٔ آن {id} است. موضوع‌های کانال را همین‌جا انتخاب کنید، "
    "یا با /use {id} دستورهای تنظیم (/topics، /counties، /agencies، /keywords، /digest) را روی کانال بگذارید."
)
CHANNEL_CANNOT_POST = (
    "ربات در کانال «{title}» مدیر شد ولی اجازهٔ «ارسال پیام» (Post Messages) ندارد، پس نمی‌تواند خبر بفرستد. "
    "در تنظیمات مدیران کانال این اجازه را به ربات بدهید."
)
CHANNELS_NONE = "گروه یا کانالی نمی‌شناسم که شما مدیرش باشید. ربات را مدیر کانال کنید یا در گروه /subscribe بزنید."
CHANNELS_HEADER = "<b>گروه‌ها و کانال‌های شما</b>\n"
CHANNELS_LINE = "• {title} — <code>{id}</code> — {state}{current}"
CHANNELS_CURRENT = " (دستورها اکنون روی این است)"
CHANNELS_FOOTER = "\nبا /use شناسه دستورهای تنظیم روی آن گفت‌وگو اجرا می‌شوند و با /use me به گفت‌وگوی خودتان برمی‌گردند."
SUBSCRIPTION_STATES = {"active": "فعال", "paused": "متوقف", "deactivated": "غیرفعال", "none": "بدون اشتراک"}
USE_USAGE = "شکل درست: /use شناسهٔ گفت‌وگو (از /channels) یا /use me"
USE_UNKNOWN = "گفت‌وگوی {id} را نمی‌شناسم؛ ربات باید عضو آن باشد. فهرست: /channels"
USE_DONE = "از این پس دستورهای تنظیم روی {place} اجرا می‌شوند. برای برگشت: /use me"
USE_ME = "دستورهای تنظیم دوباره روی گفت‌وگوی خصوصی شما اجرا می‌شوند."
USE_PRIVATE_ONLY = "/use و /channels را در گفت‌وگوی خصوصی با ربات بفرستید."
PICKER_STALE = "این دکمه دیگر معتبر نیست؛ دوباره دستور را بفرستید."
PICKER_SAVED = "ثبت شد ✅"

# Digests (bot/digest.py).
DIGEST_HEADING = "📰 <b>خلاصهٔ خبرهای امروز — {date}</b>\n{count} خبر"
DIGEST_ITEM = "{number}. <b>{title}</b>\n{org} · {when}\n/release_{id}"
DIGEST_WITHDRAWN = "📰 خلاصهٔ خبرهای {date}\n⛔️ خبری که در این خلاصه بود پس گرفته شد."

# Archive: search, latest, one release, inline mode (bot/handlers/archive.py).
SEARCH_USAGE = (
    "شکل درست: /search عبارت\nمثال: /search گازرسانی چرداول\n"
    "در هر گفت‌وگوی دیگری هم می‌توانید نام ربات و سپس عبارت را بنویسید."
)
SEARCH_TOO_LONG = "عبارت جست‌وجو حداکثر {limit} نویسه است و عبارت شما {length} نویسه دارد؛ کوتاه‌تر بنویسید."
SEARCH_EMPTY = (
    "چیزی پیدا نشد. واژه‌های دیگری را امتحان کنید یا کوتاه‌تر و کلی‌تر بنویسید، مثلاً فقط «گازرسانی» یا نام شهرستان."
)
SEARCH_MORE_THAN = "بیش از {count}"
SEARCH_HEADER = "🔎 نتایج جست‌وجوی «{query}»: {total} خبر"
SEARCH_PAGE = "صفحهٔ {page} از {pages}"
BUTTON_PREVIOUS = "◀️ قبلی"
BUTTON_NEXT = "بعدی ▶️"
SEARCH_NOT_YOURS = "این دکمه‌ها مال جست‌وجوی کاربر دیگری است؛ خودتان جست‌وجو کنید: /search عبارت"
SEARCH_EXPIRED = "این جست‌وجو دیگر در دسترس نیست؛ دوباره جست‌وجو کنید: /search عبارت"
ARCHIVE_ENTRY = "{rank}. <b>{title}</b>\n{meta}\n/release_{id}"
UNTITLED_RELEASE = "(بی‌عنوان)"
LATEST_HEADER = "🗞 آخرین {count} خبر منتشرشده"
LATEST_EMPTY = "هنوز خبری در آرشیو منتشر نشده است."
LATEST_BAD_COUNT = "شکل درست: /latest یا /latest تعداد — تعداد عددی از ۱ تا {max} است (بی‌عدد: {default} خبر)."
RELEASE_USAGE = "شکل درست: /release شناسه‌خبر — مثلاً /release ۱۲۳"
RELEASE_NOT_FOUND = "خبر {id} در آرشیو نیست. شناسه را بررسی کنید یا جست‌وجو کنید: /search عبارت"
RELEASE_BAD_ID = "چنین خبری در آرشیو نیست؛ شناسه خبر یک عدد است، مثلاً /release ۱۲۳"
RELEASE_RETRACTED = "⛔️ خبر {id} در {when} از سوی دستگاه منتشرکننده پس گرفته شده است و متن آن دیگر در دسترس نیست."

# Reports, statistics and the audit log (bot/handlers/reports.py).
# No «ٔ» in chart labels: the shaping library drops combining marks (bot/charts.py).
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

CLI_REPORT_WRITTEN = "نمودار: {png}\nجدول: {csv}"
CLI_DATABASE_MISSING = "پایگاه داده پیدا نشد: {path}. DATABASE_PATH را بررسی کنید یا ربات را یک بار اجرا کنید."

# Operations: webhook, health, command menus (bot/health.py, bot/commands.py).
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

# The command menus per role (setMyCommands); Telegram allows 1-256 characters per description.
COMMAND_DESCRIPTIONS = {
    # Everyone.
    "start": "شروع و معرفی ربات",
    "help": "راهنمای دستورها",
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
}

# Administration: admins and topics (bot/handlers/topics_admin.py).
ADDADMIN_USAGE = "شکل درست: /addadmin شناسه‌کاربر\nشناسهٔ عددی حساب تلگرام آن شخص را بنویسید، مثلاً /addadmin ۱۲۳۴۵۶۷۸۹"
REMOVEADMIN_USAGE = "شکل درست: /removeadmin شناسه‌کاربر\nفهرست مدیران: /admins"
ADMIN_ID_NOT_A_NUMBER = "«{value}» شناسهٔ عددی کاربر تلگرام نیست.\n{usage}"
ADDADMIN_DONE = "کاربر {user_id} اکنون مدیر ربات است و از همین حالا همهٔ دستورهای مدیریت را دارد."
ADDADMIN_EXISTS = "کاربر {user_id} از قبل مدیر ربات است."
ADDADMIN_NOTICE = (
    "شما مدیر ربات «خبرنامه روابط عمومی استان ایلام» شدید.\n"
    "دستگاه‌ها: /orgs — کارشناسان: /officers — موضوع‌ها: /topiclist — مدیران: /admins"
)
REMOVEADMIN_FROM_SETTINGS = (
    "کاربر {user_id} در تنظیمات سرور (ADMIN_IDS) مدیر تعریف شده است و از راه ربات برداشته نمی‌شود؛ "
    "باید ADMIN_IDS را روی سرور تغییر داد."
)
REMOVEADMIN_LAST = "شما تنها مدیر ربات هستید و نمی‌توانید خودتان را بردارید؛ اول مدیر دیگری اضافه کنید: /addadmin"
REMOVEADMIN_NONE = "کاربر {user_id} مدیر ربات نیست. فهرست مدیران: /admins"
REMOVEADMIN_DONE = "دسترسی مدیریت کاربر {user_id} برداشته شد."
REMOVEADMIN_NOTICE = "دسترسی مدیریت شما در ربات «خبرنامه روابط عمومی استان ایلام» برداشته شد."
ADMINS_HEADER = "<b>مدیران ربات</b>"
ADMIN_LINE_SETTINGS = "{user_id} — از تنظیمات سرور (ADMIN_IDS){you}"
ADMIN_LINE_ADDED = "{user_id} — افزوده‌شده در {when}{by}{you}"
ADMIN_ADDED_BY = " به دست {added_by}"
ADMIN_YOU = " (شما)"
ADMINS_FOOTER = "افزودن: /addadmin شناسه — برداشتن: /removeadmin شناسه"

ADDTOPIC_USAGE = (
    "شکل درست:\n/addtopic شناسه | نام موضوع | کلیدواژه۱، کلیدواژه۲، …\n"
    "شناسه با حروف کوچک لاتین و _ است (۲ تا ۳۲ نویسه). کلیدواژه‌ای که با * شروع شود «قوی» است و سه برابر وزن دارد. "
    "مثال:\n/addtopic drones | پهپاد و فناوری هوایی | پهپاد، عکسبرداری هوایی، *پرنده هدایت‌پذیر"
)
RENAMETOPIC_USAGE = "شکل درست: /renametopic شناسه | نام تازه\nمثال: /renametopic health | سلامت و بهداشت"
TOPICKEYWORDS_USAGE = (
    "شکل درست:\n/topickeywords شناسه | کلیدواژه۱، کلیدواژه۲ — همهٔ کلیدواژه‌ها را با این فهرست جایگزین می‌کند\n"
    "/topickeywords شناسه | +کلیدواژه، -کلیدواژه — یکی را اضافه یا حذف می‌کند\n"
    "کلیدواژهٔ «قوی» (سه برابر وزن) را با * بنویسید: *زلزله یا +*زلزله\n"
    "کلیدواژه‌های کنونی یک موضوع: /topiclist شناسه"
)
DELTOPIC_USAGE = (
    "شکل درست: /deltopic شناسه\n"
    "موضوع غیرفعال می‌شود: خبرها و اشتراک‌های قبلی دست نمی‌خورند، ولی دیگر پیشنهاد یا انتخاب نمی‌شود."
)
RESTORETOPIC_USAGE = "شکل درست: /restoretopic شناسه\nموضوع‌های غیرفعال را در /topiclist ببینید."
TOPIC_BAD_SLUG = (
    "شناسهٔ «{slug}» پذیرفته نیست: شناسه با یک حرف کوچک لاتین شروع می‌شود و فقط حروف کوچک لاتین و _ دارد "
    "(۲ تا ۳۲ نویسه)، مثلاً water_supply."
)
TOPIC_UNKNOWN = "موضوعی با شناسهٔ «{slug}» نیست. فهرست موضوع‌ها: /topiclist"
TOPIC_EXISTS = "موضوعی با شناسهٔ «{slug}» از قبل هست: «{label}». شناسهٔ دیگری انتخاب کنید."
TOPIC_EXISTS_INACTIVE = (
    "موضوع «{label}» با شناسهٔ «{slug}» از قبل هست ولی غیرفعال است. برای فعال کردن دوباره: /restoretopic {slug}"
)
TOPIC_EMPTY_LABEL = "نام موضوع خالی است. نام فارسی موضوع را بعد از شناسه و «|» بنویسید."
TOPIC_LABEL_TOO_LONG = "نام موضوع حداکثر {limit} نویسه است؛ کوتاه‌ترش کنید."
TOPIC_LABEL_NOT_PERSIAN = "نام موضوع باید فارسی باشد و دست‌کم یک واژهٔ فارسی داشته باشد؛ «{label}» پذیرفته نیست."
TOPIC_LABEL_TAKEN = "موضوع «{slug}» همین نام «{label}» را دارد؛ نام دیگری انتخاب کنید."
TOPIC_NO_KEYWORDS = (
    "هیچ کلیدواژه‌ای نوشته نشده است. کلیدواژه‌ها را بعد از «|» بنویسید و با «،» جدا کنید، مثلاً: پهپاد، عکسبرداری هوایی"
)
TOPIC_KEYWORD_TOO_LONG = "کلیدواژهٔ «{keyword}» بیش از {limit} نویسه است؛ کوتاه‌ترش کنید."
TOPIC_KEYWORD_NOT_WORD = "«{keyword}» کلیدواژه نیست؛ کلیدواژه باید دست‌کم یک حرف یا رقم داشته باشد."
TOPIC_TOO_MANY_KEYWORDS = "هر موضوع حداکثر {limit} کلیدواژه دارد."
TOPIC_KEYWORD_CONFLICT = (
    "کلیدواژهٔ «{keyword}» از قبل در موضوع «{label}» ({slug}) هست؛ هر کلیدواژه فقط در یک موضوع می‌آید. "
    "اگر باید به این موضوع بیاید، اول از آنجا برداریدش: /topickeywords {slug} | -{keyword}"
)
TOPICKEYWORDS_MIXED = (
    "یا همهٔ کلیدواژه‌ها را بی + و - بنویسید (جایگزینی کامل فهرست)، یا همه را با + و - (افزودن و حذف)؛ "
    "این دو را با هم نیاورید."
)
TOPICKEYWORDS_NOT_FOUND = "کلیدواژهٔ «{keyword}» در موضوع {slug} نیست. کلیدواژه‌های آن: /topiclist {slug}"
TOPICKEYWORDS_WOULD_EMPTY = (
    "موضوع بی‌کلیدواژه نمی‌ماند؛ دست‌کم یک کلیدواژه نگه دارید. برای کنار گذاشتن موضوع: /deltopic {slug}"
)
TOPICKEYWORDS_UNCHANGED = "کلیدواژه‌های موضوع {slug} همین‌ها بود؛ چیزی تغییر نکرد."
TOPIC_ALREADY_INACTIVE = "موضوع «{label}» ({slug}) از قبل غیرفعال است."
TOPIC_ALREADY_ACTIVE = "موضوع «{label}» ({slug}) فعال است."
TOPIC_LAST_ACTIVE = "«{label}» تنها موضوع فعال است و غیرفعال نمی‌شود؛ اول موضوع دیگری بیفزایید."
ADDTOPIC_DONE = (
    "موضوع «{label}» با شناسهٔ {slug} و برچسب #{hashtag} افزوده شد ({count} کلیدواژه).\n"
    "از همین حالا برای خبرهای تازه پیشنهاد می‌شود و خبرنگاران می‌توانند آن را انتخاب کنند."
)
RENAMETOPIC_DONE = "نام موضوع {slug} از «{old}» به «{new}» تغییر کرد؛ برچسب آن اکنون #{hashtag} است."
RENAMETOPIC_SAME = "نام موضوع {slug} همین حالا «{label}» است."
TOPICKEYWORDS_DONE = "کلیدواژه‌های موضوع «{label}» ({slug}) به‌روز شد: {count} کلیدواژه، {strong} تا قوی."
TOPICKEYWORDS_ADDED = "افزوده: {keywords}"
TOPICKEYWORDS_REMOVED = "برداشته: {keywords}"
DELTOPIC_DONE = (
    "موضوع «{label}» ({slug}) غیرفعال شد: دیگر برای خبرهای تازه پیشنهاد نمی‌شود و در فهرست‌های انتخاب نیست؛ "
    "خبرها و اشتراک‌های قبلی دست نمی‌خورند. برای بازگرداندن: /restoretopic {slug}"
)
RESTORETOPIC_DONE = "موضوع «{label}» ({slug}) دوباره فعال شد و پیشنهاد و انتخاب می‌شود."
TOPICLIST_HEADER = "<b>موضوع‌ها</b> — {active} فعال از {total}"
TOPICLIST_LINE = "{mark} <code>{slug}</code> — {label} — {state} — {count} کلیدواژه"
TOPIC_MARK_ACTIVE = "🟢"
TOPIC_MARK_INACTIVE = "⚪️"
TOPIC_STATE_ACTIVE = "فعال"
TOPIC_STATE_INACTIVE = "غیرفعال"
TOPICLIST_FOOTER = (
    "کلیدواژه‌های یک موضوع: /topiclist شناسه\n"
    "افزودن: /addtopic — تغییر نام: /renametopic — کلیدواژه‌ها: /topickeywords — "
    "غیرفعال کردن: /deltopic — فعال کردن دوباره: /restoretopic"
)
TOPIC_DETAIL = (
    "<b>{label}</b> (<code>{slug}</code>) — {state}\n"
    "برچسب: #{hashtag}\n\n"
    "کلیدواژه‌های قوی ({strong_count}): {strong}\n\n"
    "کلیدواژه‌ها ({count}): {keywords}"
)

# Backups, export and import (bot/handlers/ops.py, bot/transfer.py).
BACKUP_CAPTION = (
    "🗄 پشتیبان پایگاه داده — {when}\n"
    "حجم: {size} · خبرهای منتشرشده: {releases} · اشتراک‌های فعال: {subscriptions}\n"
    "برای بازگرداندن، ربات را روی سرور متوقف کنید و بزنید: python -m bot restore {name}"
)
BACKUP_DAMAGED_NOTE = "\n⚠️ بررسی سلامت این نسخه خطا داد ({problem})؛ پایگاه داده را هرچه زودتر بررسی کنید."
BACKUP_TOO_BIG = (
    "پشتیبان {size} شد و از سقف ۵۰ مگابایتی فایل‌هایی که ربات در تلگرام می‌فرستد بزرگ‌تر است. "
    "روی سرور با این دستور پشتیبان بگیرید:\npython -m bot backup مسیر‌فایل"
)
SIZE_MEGABYTES = "{value} مگابایت"
SIZE_KILOBYTES = "{value} کیلوبایت"

CLI_DATABASE_MISSING = "پایگاه داده پیدا نشد: {path}. DATABASE_PATH را بررسی کنید (database file not found)."
CLI_FOLDER_MISSING = "پوشهٔ {path} وجود ندارد (folder not found)."
CLI_SAME_FILE = "{path} همان پایگاه دادهٔ ربات است؛ مسیر دیگری بدهید (refusing to copy the database onto itself)."
CLI_BACKUP_EXISTS = "فایل {path} از قبل وجود دارد؛ برای بازنویسی --force بدهید (refusing to overwrite without --force)."
CLI_BACKUP_FAILED = "پشتیبان‌گیری از {path} نشد: {error} (backup failed)."
CLI_BACKUP_DAMAGED = (
    "پشتیبان نوشته نشد: بررسی سلامت نسخه خطا داد، پس خود پایگاه داده آسیب دیده است: {problem} "
    "(integrity_check failed; the database itself is damaged)."
)
CLI_BACKUP_DONE = (
    "پشتیبان نوشته و بررسی شد: {path} — {size}، {releases} خبر منتشرشده، {subscriptions} اشتراک فعال "
    "(backup written, integrity_check ok, {bytes} bytes)."
)
CLI_RESTORE_NOT_DATABASE = "{path} پایگاه دادهٔ SQLite نیست: {error} (not an SQLite database)."
CLI_RESTORE_DAMAGED = "پشتیبان {path} سالم نیست و بازگردانده نشد: {problem} (integrity_check failed)."
CLI_RESTORE_NO_SCHEMA = "{path} پشتیبان این ربات نیست: جدول schema_migrations را ندارد (not a backup of this bot)."
CLI_RESTORE_NEWER = (
    "پشتیبان {path} از نسخهٔ جدیدتری از ربات است (طرح {found}، این نسخه تا {known})؛ اول ربات را به‌روز کنید "
    "(the backup's schema is newer than this bot)."
)
CLI_RESTORE_FOREIGN_MIGRATION = (
    "مهاجرت {version} در پشتیبان با مهاجرت همین شماره در این نسخه یکی نیست؛ بازگردانده نشد "
    "(migration checksum differs)."
)
CLI_RESTORE_IN_USE = (
    "پایگاه دادهٔ {path} در حال استفاده است؛ اول ربات را متوقف کنید و دوباره امتحان کنید "
    "(database is in use: stop the bot first)."
)
CLI_RESTORE_PREVIOUS_EXISTS = (
    "{path} از بازگردانی قبلی مانده است؛ آن را جابه‌جا کنید یا با --force رویش بنویسید "
    "(refusing to overwrite the previous before-restore copy without --force)."
)
CLI_RESTORE_DONE = (
    "بازگردانی انجام شد: {path} ← {backup} ({releases} خبر منتشرشده، {subscriptions} اشتراک فعال). "
    "نسخهٔ قبلی: {previous}. حالا ربات را راه بیندازید (restored; start the bot)."
)
CLI_RESTORE_NO_PREVIOUS = "نبود"
CLI_RESTORE_OLDER = (
    "طرح پشتیبان قدیمی‌تر است ({found} از {known})؛ ربات هنگام شروع مهاجرت‌های تازه را اعمال می‌کند "
    "(the bot migrates it when it starts)."
)
CLI_EXPORT_DONE = "{count} خبر صادر شد: {path} (exported)."
CLI_EXPORT_STDOUT = "خروجی استاندارد"
CLI_IMPORT_REFUSED = (
    "هیچ خبری وارد نشد: {count} رکورد نادرست است. آن‌ها را اصلاح و دوباره اجرا کنید "
    "(nothing imported: {count} bad records; fix them and run again):"
)
CLI_IMPORT_MORE_ERRORS = "… و {count} خطای دیگر (and {count} more)"
CLI_IMPORT_DONE = (
    "ورود تمام شد: {imported} خبر وارد شد، {skipped} تکراری و {unpublished} منتشرنشده کنار گذاشته شد، "
    "{orgs} دستگاه تازه ساخته شد (imported {imported}, skipped {skipped} duplicates and {unpublished} "
    "unpublished, created {orgs} organizations)."
)
CLI_PROGRESS = "[{bar}] {done}/{total} releases"
IMPORT_LINE_ERROR = "line {line}: {problem}"
IMPORT_BAD_JSON = "not valid JSON ({error}) — JSON نادرست"
IMPORT_NOT_OBJECT = "not a JSON object — هر خط باید یک شیء JSON باشد"
IMPORT_MISSING = 'missing "{field}" — فیلد {field} نیست'
IMPORT_NOT_STRING = '"{field}" must be a string — {field} باید متن باشد'
IMPORT_EMPTY = 'empty "{field}" — {field} خالی است'
IMPORT_TOO_LONG = '"{field}" has {length} characters, more than {limit} — بیش از حد بلند است'
IMPORT_BAD_DATE = 'bad "published_at" {value}: use ISO 8601 such as 2024-05-01T09:30:00Z — تاریخ نادرست'
IMPORT_FUTURE_DATE = '"published_at" {value} is in the future — تاریخ در آینده است'
IMPORT_BAD_STATUS = 'unknown "status" {value} — وضعیت ناشناخته'
IMPORT_UNKNOWN_ORG = 'unknown organization "{name}": add it with /addorg or pass --org-create — دستگاه ناشناخته'
IMPORT_BAD_TOPICS = '"topics" must be a list of topic slugs — topics باید فهرست شناسهٔ موضوع‌ها باشد'
IMPORT_UNKNOWN_TOPIC = 'unknown topic "{slug}" (known: {known}) — موضوع ناشناخته'
IMPORT_BAD_COUNTY = '"county" must be a county slug or null — county باید شناسهٔ شهرستان یا null باشد'
IMPORT_UNKNOWN_COUNTY = 'unknown county "{slug}" (known: {known}) — شهرستان ناشناخته'
IMPORT_CSV_COLUMN = 'the CSV header has no "{field}" column — ستون {field} در سرستون‌ها نیست'
