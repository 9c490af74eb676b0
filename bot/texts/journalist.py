"""What journalists and the chats they manage see: releases, subscriptions and filters, digests and
the archive (``bot/domain/render.py``, ``bot/domain/matching.py``, ``bot/services/readers.py``,
``bot/telegram/handlers/journalist.py``, ``bot/telegram/handlers/chats.py``, ``bot/domain/digest.py``,
``bot/domain/archive.py``, ``bot/services/archive.py``, ``bot/telegram/handlers/archive.py``)."""

from __future__ import annotations

from bot.texts.common import WELCOME

__all__ = [
    "AGENCIES_EMPTY",
    "AGENCIES_USAGE",
    "ALREADY_ACTIVE",
    "ALREADY_PAUSED",
    "ARCHIVE_ENTRY",
    "BUTTON_ALL",
    "BUTTON_CONFIRM",
    "BUTTON_NEXT",
    "BUTTON_PREVIOUS",
    "BUTTON_STOP_NO",
    "BUTTON_STOP_YES",
    "CANNOT_RESUME",
    "CHANNELS_CURRENT",
    "CHANNELS_FOOTER",
    "CHANNELS_HEADER",
    "CHANNELS_LINE",
    "CHANNELS_NONE",
    "CHANNEL_ADDED",
    "CHANNEL_ADMIN_LOST",
    "CHANNEL_CANNOT_POST",
    "CHANNEL_POST_RIGHT_BACK",
    "CHANNEL_POST_RIGHT_LOST",
    "CHAT_UNREACHABLE",
    "CONTINUED_MARK",
    "CORRECTION_MARK",
    "DELIVERY_DIGEST",
    "DELIVERY_INSTANT",
    "DIGEST_DONE",
    "DIGEST_HEADING",
    "DIGEST_ITEM",
    "DIGEST_NOW",
    "DIGEST_OFF",
    "DIGEST_USAGE",
    "DIGEST_WITHDRAWN",
    "FILTERS_HEADER",
    "FILTERS_NONE",
    "FILTERS_NONE_PRIVATE",
    "FILTER_UNKNOWN_AGENCIES",
    "FILTER_UNKNOWN_COUNTIES",
    "FILTER_UNKNOWN_TOPICS",
    "FOR_PLACE",
    "GROUP_ADDED",
    "KEYWORDS_USAGE",
    "LATEST_BAD_COUNT",
    "LATEST_EMPTY",
    "LATEST_HEADER",
    "META_SEPARATOR",
    "MSG_KEYWORD_TOO_LONG",
    "MSG_UNBALANCED_QUOTE",
    "NOT_CHAT_ADMIN",
    "NOT_SUBSCRIBED",
    "ONBOARDING",
    "PAUSED",
    "PICKER_SAVED",
    "PICKER_STALE",
    "PICK_READER_COUNTIES",
    "PICK_READER_TOPICS",
    "PLACE_CHAT",
    "PLACE_OWN",
    "PLACE_TOPIC",
    "QUIET_DONE",
    "QUIET_NONE",
    "QUIET_OFF",
    "QUIET_SET",
    "QUIET_USAGE",
    "REASONS",
    "RELEASE_BAD_ID",
    "RELEASE_ID_LABEL",
    "RELEASE_ID_LINE",
    "RELEASE_NOT_FOUND",
    "RELEASE_RETRACTED",
    "RELEASE_USAGE",
    "RESUMED",
    "SEARCH_EMPTY",
    "SEARCH_EXPIRED",
    "SEARCH_HEADER",
    "SEARCH_MORE_THAN",
    "SEARCH_NOT_YOURS",
    "SEARCH_PAGE",
    "SEARCH_TOO_LONG",
    "SEARCH_USAGE",
    "SELECTED_MARK",
    "START_REPLY",
    "STATE_ACTIVE",
    "STATE_DEACTIVATED",
    "STATE_PAUSED",
    "STOPPED",
    "STOP_CONFIRM",
    "STOP_KEPT",
    "SUBSCRIBED",
    "SUBSCRIBED_PAUSED",
    "SUBSCRIBE_GROUP_ONLY",
    "SUBSCRIBE_REFUSED",
    "SUBSCRIPTION_STATES",
    "TOO_MANY_VALUES",
    "UNTITLED_RELEASE",
    "USE_DONE",
    "USE_ME",
    "USE_PRIVATE_ONLY",
    "USE_UNKNOWN",
    "USE_USAGE",
]

# Subscription filters (bot/domain/matching.py).
MSG_UNBALANCED_QUOTE = "گیومه‌ها جفت نیستند؛ هر عبارت چندکلمه‌ای را میان دو گیومه بنویسید، مثلاً «آب و فاضلاب»."
MSG_KEYWORD_TOO_LONG = "کلیدواژهٔ «{keyword}…» بیش از {limit} نویسه است؛ کوتاه‌ترش کنید."

# What journalists receive (bot/domain/render.py).
CORRECTION_MARK = "✏️ اصلاحیه"
CONTINUED_MARK = "(ادامه)"
META_SEPARATOR = " · "
RELEASE_ID_LABEL = "شناسه خبر"
# The id line under a release: the id as a command a tap sends (Telegram links «/release_123»), Latin digits.
RELEASE_ID_LINE = "{label}: /release_{id}"

# Journalists: subscriptions and filters (bot/telegram/handlers/journalist.py, bot/telegram/handlers/chats.py).
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
BUTTON_CONFIRM = "✔️ تأیید"
BUTTON_STOP_YES = "بله، لغو اشتراک"
BUTTON_STOP_NO = "نه، بماند"
SELECTED_MARK = "✅ "
PLACE_OWN = "این گفت‌وگو"
PLACE_CHAT = "«{title}»"
PLACE_TOPIC = "این تاپیک"
FOR_PLACE = "تنظیمات {place}:\n"
SUBSCRIBED = "✅ {place} مشترک خبرنامه است و خبرهای مطابق این تنظیمات را دریافت می‌کند:\n\n{filters}"
SUBSCRIBED_PAUSED = "{place} مشترک است ولی ارسال متوقف است؛ برای ادامه /resume را بفرستید.\n\n{filters}"
FILTERS_NONE = (
    "{place} هنوز مشترک نیست: در گروه، مدیران گروه /subscribe را بفرستند؛ برای کانال، با /topics موضوع‌هایش را"
    " انتخاب کنید."
)
# /filters in a private chat that is not subscribed yet (right after /start, say): the topic list again.
FILTERS_NONE_PRIVATE = (
    "{place} هنوز مشترک نیست: موضوع‌هایی را که دنبال می‌کنید انتخاب کنید و «تأیید» را بزنید («همه» یعنی همهٔ"
    " موضوع‌ها)؛ بعد شهرستان‌ها را انتخاب می‌کنید و خبرها از همان لحظه می‌رسند."
)
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
AGENCIES_USAGE = (
    "شناسه یا نام دستگاه‌ها را بنویسید، مثلاً /agencies {example}؛ /agencies all یعنی همه. دستگاه‌ها:\n{options}"
)
AGENCIES_EMPTY = "هنوز هیچ دستگاهی ثبت نشده است."
KEYWORDS_USAGE = (
    "کلیدواژه‌ها را با + (باید باشد) و - (نباید باشد) بنویسید؛ عبارت چندکلمه‌ای را در گیومه:\n"
    '/keywords +سد -تصادف "آب و فاضلاب"\n/keywords clear همهٔ کلیدواژه‌ها را پاک می‌کند.\n\n{current}'
)
FILTER_UNKNOWN_TOPICS = "این موضوع‌ها را نمی‌شناسم: {values}\nموضوع‌های موجود:\n{options}"
FILTER_UNKNOWN_COUNTIES = "این شهرستان‌ها را نمی‌شناسم: {values}\nشهرستان‌های موجود:\n{options}"
FILTER_UNKNOWN_AGENCIES = "دستگاهی با این شناسه‌ها نیست: {values}\nفهرست با /agencies"
TOO_MANY_VALUES = "حداکثر {limit} مقدار در هر دستور پذیرفته می‌شود."
NOT_SUBSCRIBED = (
    "{place} هنوز مشترک نیست: در گفت‌وگوی خصوصی با /topics موضوع‌ها را انتخاب کنید و «تأیید» را بزنید؛"
    " در گروه، مدیران گروه /subscribe را بفرستند."
)
PAUSED = "⏸ ارسال خبر به {place} متوقف شد؛ تنظیمات محفوظ است. برای ادامه /resume را بفرستید."
ALREADY_PAUSED = "ارسال به {place} از قبل متوقف است؛ برای ادامه /resume را بفرستید."
RESUMED = "▶️ ارسال خبر به {place} دوباره برقرار شد."
ALREADY_ACTIVE = "ارسال به {place} برقرار است."
CANNOT_RESUME = "ارسال به {place} ممکن نیست: {reason}."
STOP_CONFIRM = "اشتراک {place} و همهٔ تنظیماتش حذف شود؟ (یا بنویسید /stop yes)"
STOPPED = "اشتراک {place} حذف شد. هر وقت خواستید با /start (یا /subscribe در گروه) دوباره مشترک شوید."
STOP_KEPT = "اشتراک {place} لغو نشد و تنظیماتش همان است که بود."
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
    "سلام! این ربات «خبرنامه روابط عمومی استان ایلام» است و خبرهای رسمی دستگاه‌های اجرایی استان را می‌رساند.\n"
    "برای دریافت خبر در این گروه، یکی از مدیران گروه /subscribe را بفرستد؛ سپس با /topics، /counties، "
    "/agencies و /keywords می‌توانید خبرها را به موضوع، شهرستان، دستگاه یا کلیدواژهٔ دلخواه محدود کنید."
)
CHANNEL_ADDED = (
    "✅ کانال «{title}» در خبرنامه ثبت شد و ربات می‌تواند در آن خبر منتشر کند.\n"
    "شناسهٔ کانال {id} است. موضوع‌های کانال را همین‌جا انتخاب کنید، "
    "یا با /use {id} دستورهای تنظیم (/topics، /counties، /agencies، /keywords، /digest) را روی کانال بگذارید."
)
# What the person who changed the bot's rights in a channel is told (bot/telegram/handlers/chats.py).
CHANNEL_CANNOT_POST = (
    "ربات در کانال «{title}» مدیر شد، ولی اجازهٔ «ارسال پیام» (Post Messages) را ندارد و تا آن را نگیرد "
    "خبری در کانال منتشر نمی‌کند. در تنظیمات مدیران کانال این اجازه را به ربات بدهید."
)
CHANNEL_POST_RIGHT_LOST = (
    "⚠️ اجازهٔ «ارسال پیام» (Post Messages) ربات در کانال «{title}» برداشته شد. ربات هنوز مدیر کانال است، "
    "ولی دیگر نمی‌تواند خبر بفرستد؛ ارسال خبر به کانال متوقف شد و تنظیمات آن محفوظ است. "
    "برای ادامه، این اجازه را در تنظیمات مدیران کانال دوباره به ربات بدهید."
)
CHANNEL_ADMIN_LOST = (
    "⚠️ ربات دیگر مدیر کانال «{title}» نیست و نمی‌تواند در آن خبر بفرستد؛ ارسال خبر به کانال متوقف شد و "
    "تنظیمات آن محفوظ است. برای ادامه، ربات را دوباره مدیر کانال کنید و اجازهٔ «ارسال پیام» (Post Messages) "
    "را به آن بدهید."
)
CHANNEL_POST_RIGHT_BACK = (
    "✅ ربات اکنون اجازهٔ «ارسال پیام» (Post Messages) را در کانال «{title}» دارد و خبرهای مطابق تنظیمات کانال "
    "در آن منتشر می‌شود. شناسهٔ کانال {id} است؛ موضوع‌ها را همین‌جا بازبینی کنید، یا با /use {id} "
    "دستورهای تنظیم (/topics، /counties، /agencies، /keywords، /digest) را روی کانال بگذارید."
)
CHANNELS_NONE = "گروه یا کانالی نمی‌شناسم که شما مدیرش باشید. ربات را مدیر کانال کنید یا در گروه /subscribe را بفرستید."
CHANNELS_HEADER = "<b>گروه‌ها و کانال‌های شما</b>\n"
CHANNELS_LINE = "• {title} — <code>{id}</code> — {state}{current}"
CHANNELS_CURRENT = " (دستورهای تنظیم اکنون روی همین است)"
CHANNELS_FOOTER = "\nبا /use شناسه دستورهای تنظیم روی آن گفت‌وگو اجرا می‌شوند و با /use me به گفت‌وگوی خودتان برمی‌گردند."
SUBSCRIPTION_STATES = {"active": "فعال", "paused": "متوقف", "deactivated": "غیرفعال", "none": "بدون اشتراک"}
USE_USAGE = "شکل درست: /use شناسهٔ گفت‌وگو (از /channels) یا /use me"
USE_UNKNOWN = "گفت‌وگوی {id} را نمی‌شناسم؛ ربات باید عضو آن باشد. فهرست: /channels"
USE_DONE = "از این پس دستورهای تنظیم روی {place} اجرا می‌شوند. برای برگشت: /use me"
USE_ME = "دستورهای تنظیم دوباره روی گفت‌وگوی خصوصی شما اجرا می‌شوند."
USE_PRIVATE_ONLY = "/use و /channels را در گفت‌وگوی خصوصی با ربات بفرستید."
PICKER_STALE = "این دکمه دیگر معتبر نیست؛ دوباره دستور را بفرستید."
PICKER_SAVED = "ثبت شد ✅"

# Digests (bot/services/digests.py).
DIGEST_HEADING = "📰 <b>خلاصهٔ خبرهای امروز — {date}</b>\n{count} خبر"
DIGEST_ITEM = "{number}. <b>{title}</b>\n{org} · {when}\n/release_{id}"
DIGEST_WITHDRAWN = "📰 خلاصهٔ خبرهای {date}\n⛔️ خبری که در این خلاصه بود پس گرفته شد."

# Archive: search, latest, one release, inline mode (bot/telegram/handlers/archive.py).
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
SEARCH_NOT_YOURS = "این دکمه‌ها برای جست‌وجوی کاربر دیگری است؛ خودتان جست‌وجو کنید: /search عبارت"
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
