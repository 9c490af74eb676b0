"""What the province's public-relations administrators see: organizations, invites, officers, admins,
topics and the ``/backup`` command."""

from __future__ import annotations

__all__ = [
    "ADDADMIN_DONE",
    "ADDADMIN_EXISTS",
    "ADDADMIN_NOTICE",
    "ADDADMIN_USAGE",
    "ADDORG_DONE",
    "ADDORG_EXISTS",
    "ADDORG_TOO_LONG",
    "ADDORG_UNKNOWN_COUNTY",
    "ADDORG_USAGE",
    "ADDTOPIC_DONE",
    "ADDTOPIC_USAGE",
    "ADMINS_FOOTER",
    "ADMINS_HEADER",
    "ADMIN_ADDED_BY",
    "ADMIN_ID_NOT_A_NUMBER",
    "ADMIN_LINE_ADDED",
    "ADMIN_LINE_SETTINGS",
    "ADMIN_YOU",
    "BACKUP_CAPTION",
    "BACKUP_DAMAGED_NOTE",
    "BACKUP_TOO_BIG",
    "DELTOPIC_DONE",
    "DELTOPIC_USAGE",
    "INVITE_DONE",
    "INVITE_USAGE",
    "JOINED_NEEDS_APPROVAL_ADMINS",
    "OFFICERS_EMPTY",
    "OFFICERS_HEADER",
    "OFFICERS_USAGE",
    "OFFICER_JOINED_ADMINS",
    "OFFICER_LINE",
    "OFFICER_REVOKED_ADMINS",
    "OFFICER_REVOKED_MARK",
    "OFFICER_USERNAME",
    "ORGS_EMPTY",
    "ORGS_HEADER",
    "ORG_LINE",
    "ORG_NEEDS_APPROVAL",
    "PROVINCE_LEVEL",
    "REMOVEADMIN_DONE",
    "REMOVEADMIN_FROM_SETTINGS",
    "REMOVEADMIN_LAST",
    "REMOVEADMIN_NONE",
    "REMOVEADMIN_NOTICE",
    "REMOVEADMIN_USAGE",
    "RENAMETOPIC_DONE",
    "RENAMETOPIC_SAME",
    "RENAMETOPIC_USAGE",
    "RESTORETOPIC_DONE",
    "RESTORETOPIC_USAGE",
    "REVOKED_NOTICE",
    "REVOKE_DONE",
    "REVOKE_NONE",
    "REVOKE_USAGE",
    "SIZE_KILOBYTES",
    "SIZE_MEGABYTES",
    "TOPICKEYWORDS_ADDED",
    "TOPICKEYWORDS_DONE",
    "TOPICKEYWORDS_MIXED",
    "TOPICKEYWORDS_NOT_FOUND",
    "TOPICKEYWORDS_REMOVED",
    "TOPICKEYWORDS_UNCHANGED",
    "TOPICKEYWORDS_USAGE",
    "TOPICKEYWORDS_WOULD_EMPTY",
    "TOPICLIST_FOOTER",
    "TOPICLIST_HEADER",
    "TOPICLIST_LINE",
    "TOPIC_ALREADY_ACTIVE",
    "TOPIC_ALREADY_INACTIVE",
    "TOPIC_BAD_SLUG",
    "TOPIC_DETAIL",
    "TOPIC_EMPTY_LABEL",
    "TOPIC_EXISTS",
    "TOPIC_EXISTS_INACTIVE",
    "TOPIC_KEYWORD_CONFLICT",
    "TOPIC_KEYWORD_NOT_WORD",
    "TOPIC_KEYWORD_TOO_LONG",
    "TOPIC_LABEL_NOT_PERSIAN",
    "TOPIC_LABEL_TAKEN",
    "TOPIC_LABEL_TOO_LONG",
    "TOPIC_LAST_ACTIVE",
    "TOPIC_MARK_ACTIVE",
    "TOPIC_MARK_INACTIVE",
    "TOPIC_NO_KEYWORDS",
    "TOPIC_STATE_ACTIVE",
    "TOPIC_STATE_INACTIVE",
    "TOPIC_TOO_MANY_KEYWORDS",
    "TOPIC_UNKNOWN",
    "UNKNOWN_ORG",
]

# Organizations (bot/telegram/handlers/admin.py).
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

# Invites and officers (bot/telegram/handlers/admin.py; what the invited officer sees is in bot/texts/officer.py).
INVITE_USAGE = "شکل درست: /invite شناسهٔ دستگاه\nشناسهٔ دستگاه‌ها را با /orgs ببینید."
INVITE_DONE = (
    "پیوند دعوت برای «{org}»:\n{link}\n\n"
    "این پیوند یک‌بارمصرف است و تا {expires} اعتبار دارد. آن را فقط برای کارشناس روابط عمومی همین دستگاه بفرستید."
)
OFFICERS_USAGE = "شکل درست: /officers یا /officers شناسهٔ دستگاه"
OFFICERS_EMPTY = "کارشناسی ثبت نشده است. با /invite پیوند دعوت بسازید."
OFFICERS_HEADER = "<b>کارشناسان روابط عمومی</b>"
OFFICER_LINE = "{user_id} — {name}{username} — {org}{revoked}"
OFFICER_REVOKED_MARK = " — لغو شده"
REVOKE_USAGE = "شکل درست: /revoke شناسه‌کاربر\nشناسه کارشناسان را با /officers ببینید."
# Every admin hears when an officer joins through an invite, and when another admin revokes one.
OFFICER_JOINED_ADMINS = (
    "👤 {name}{username} (شناسهٔ کاربر {user_id}) با پیوند دعوت، کارشناس روابط عمومی «{org}» شد.{approval}\n"
    "کارشناسان این دستگاه: /officers {org_id} — لغو دسترسی: /revoke {user_id}"
)
OFFICER_USERNAME = " (@{username})"
JOINED_NEEDS_APPROVAL_ADMINS = "\nخبرهای این دستگاه پیش از انتشار به تأیید مدیران می‌رسد."
OFFICER_REVOKED_ADMINS = "🚫 {admin} دسترسی انتشار {name} (شناسهٔ کاربر {user_id})، کارشناس «{org}»، را لغو کرد."
REVOKE_DONE = "دسترسی انتشار {name} ({user_id}) برای «{org}» لغو شد."
REVOKE_NONE = "کارشناس فعالی با شناسه {user_id} پیدا نشد."
REVOKED_NOTICE = (
    "دسترسی شما برای انتشار خبر از طرف «{org}» لغو شد. برای پرسش با اداره کل روابط عمومی استانداری تماس بگیرید."
)

# Administration: admins and topics (bot/telegram/handlers/topics.py).
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

# The /backup command (bot/telegram/handlers/ops.py); sizes come from bot/services/transfer.py's format_size.
BACKUP_CAPTION = (
    "🗄 پشتیبان پایگاه داده — {when}\n"
    "حجم: {size} · خبرهای آرشیو: {releases} · اشتراک‌های فعال: {subscriptions}\n"
    "{today}\n"
    "برای بازگرداندن، ربات را روی سرور متوقف کنید و این دستور را بزنید: python -m bot restore {name}"
)
BACKUP_DAMAGED_NOTE = "\n⚠️ بررسی سلامت این نسخه خطا داد ({problem})؛ پایگاه داده را هرچه زودتر بررسی کنید."
BACKUP_TOO_BIG = (
    "پشتیبان {size} شد و از سقف ۵۰ مگابایتی فایل‌هایی که ربات در تلگرام می‌فرستد بزرگ‌تر است. "
    "روی سرور با این دستور پشتیبان بگیرید:\npython -m bot backup مسیر‌فایل"
)
SIZE_MEGABYTES = "{value} مگابایت"
SIZE_KILOBYTES = "{value} کیلوبایت"
