"""What operators read in a terminal: ``python -m bot`` commands, backups, restores, export and import."""

from __future__ import annotations

__all__ = [
    "CLI_BACKUP_DAMAGED",
    "CLI_BACKUP_DONE",
    "CLI_BACKUP_EXISTS",
    "CLI_BACKUP_FAILED",
    "CLI_BOT_API_REFUSED_BOT",
    "CLI_BOT_API_UNREACHABLE",
    "CLI_BOT_API_UNREACHABLE_PROXY",
    "CLI_CONFIG_ERROR",
    "CLI_DATABASE_MISSING",
    "CLI_DATABASE_NEWER",
    "CLI_DATABASE_UNREADABLE",
    "CLI_EMPTY_INPUT",
    "CLI_EXPORT_DONE",
    "CLI_EXPORT_STDOUT",
    "CLI_FILE_NOT_FOUND",
    "CLI_FOLDER_MISSING",
    "CLI_IMPORT_DONE",
    "CLI_IMPORT_MORE_ERRORS",
    "CLI_IMPORT_REFUSED",
    "CLI_MIGRATED",
    "CLI_MIGRATION_EDITED",
    "CLI_NOT_UTF8",
    "CLI_NO_MIGRATIONS",
    "CLI_PROGRESS",
    "CLI_REPORT_WRITTEN",
    "CLI_RESTORE_DAMAGED",
    "CLI_RESTORE_DONE",
    "CLI_RESTORE_FOREIGN_MIGRATION",
    "CLI_RESTORE_IN_USE",
    "CLI_RESTORE_NEWER",
    "CLI_RESTORE_NOT_DATABASE",
    "CLI_RESTORE_NO_PREVIOUS",
    "CLI_RESTORE_NO_SCHEMA",
    "CLI_RESTORE_OLDER",
    "CLI_RESTORE_PREVIOUS_EXISTS",
    "CLI_SAME_FILE",
    "DEMO_ACT",
    "DEMO_ACT_AGENCY",
    "DEMO_ACT_DELIVERY",
    "DEMO_ACT_JOIN",
    "DEMO_ACT_RELEASE",
    "DEMO_ACT_SEARCH",
    "DEMO_ACT_SUBSCRIBE",
    "DEMO_ADMIN",
    "DEMO_AGENCY",
    "DEMO_ALERT",
    "DEMO_BROKEN_DELIVERY",
    "DEMO_BROKEN_FILTER",
    "DEMO_BROKEN_INVITE",
    "DEMO_BROKEN_PREVIEW",
    "DEMO_BROKEN_REPORT",
    "DEMO_BROKEN_SEARCH",
    "DEMO_BROKEN_SILENT",
    "DEMO_BUTTONS",
    "DEMO_CAST",
    "DEMO_DONE",
    "DEMO_EDITOR",
    "DEMO_FAILED",
    "DEMO_INTRO",
    "DEMO_NEEDS_EXTRA",
    "DEMO_NOT_RECEIVED",
    "DEMO_NO_TEXT",
    "DEMO_OFFICER",
    "DEMO_PRESSES",
    "DEMO_RECEIVED",
    "DEMO_RELEASE",
    "DEMO_REPLY",
    "DEMO_REPORT",
    "DEMO_REPORTER",
    "DEMO_SAYS",
    "DEMO_SEARCH",
    "DEMO_TITLE",
    "IMPORT_BAD_COUNTY",
    "IMPORT_BAD_DATE",
    "IMPORT_BAD_JSON",
    "IMPORT_BAD_STATUS",
    "IMPORT_BAD_TOPICS",
    "IMPORT_CSV_COLUMN",
    "IMPORT_EMPTY",
    "IMPORT_FUTURE_DATE",
    "IMPORT_LINE_ERROR",
    "IMPORT_MISSING",
    "IMPORT_NOT_OBJECT",
    "IMPORT_NOT_STRING",
    "IMPORT_TOO_LONG",
    "IMPORT_UNKNOWN_COUNTY",
    "IMPORT_UNKNOWN_ORG",
    "IMPORT_UNKNOWN_TOPIC",
    "PREVIEW_ORG_PLACEHOLDER",
    "WEB_ADDRESS_TAKEN",
]

# bot/cli/__init__.py.
CLI_CONFIG_ERROR = "خطای پیکربندی: {message}"
CLI_MIGRATED = "پایگاه داده به‌روز است ({path}). مهاجرت‌های اعمال‌شده در این اجرا: {versions}"
CLI_NO_MIGRATIONS = "هیچ"
CLI_EMPTY_INPUT = "ورودی خالی است: متن خبر را در فایل یا ورودی استاندارد بدهید."
CLI_FILE_NOT_FOUND = "فایل پیدا نشد: {path}"
CLI_NOT_UTF8 = "فایل {path} با رمزگذاری UTF-8 خوانده نشد."

# python -m bot run / migrate on a database this code cannot run: one line, exit code 2.
CLI_DATABASE_UNREADABLE = (
    "پایگاه داده {path} فایل سالم SQLite نیست ({reason})؛ آن را با python -m bot restore از پشتیبان "
    "بازگردانید یا DATABASE_PATH را درست کنید (the database is not a readable SQLite file)."
)
CLI_DATABASE_NEWER = (
    "پایگاه داده {path} مهاجرت‌های {versions} را دارد که این نسخه نمی‌شناسد؛ نسخهٔ تازه‌تر ربات را اجرا کنید "
    "(the database was written by a newer version of the bot)."
)
CLI_MIGRATION_EDITED = (
    "مهاجرت {version} پس از اعمال روی پایگاه داده {path} تغییر کرده است؛ فایل مهاجرت را به همان نسخهٔ "
    "اعمال‌شده برگردانید (migration {version} was edited after it was applied)."
)

# python -m bot run when the Bot API does not answer getMe at start-up: one line, exit code 2. {url} is the
# base URL, without the token; {proxy} TELEGRAM_PROXY without its password.
CLI_BOT_API_UNREACHABLE = (
    "به Bot API تلگرام در {url} وصل نشد ({reason})؛ اتصال اینترنت و TELEGRAM_BASE_URL را بررسی کنید، و اگر "
    "تلگرام از این شبکه در دسترس نیست، پراکسی را در TELEGRAM_PROXY بگذارید (the Bot API is unreachable)."
)
CLI_BOT_API_UNREACHABLE_PROXY = (
    "به Bot API تلگرام در {url} از راه پراکسی {proxy} وصل نشد ({reason})؛ پراکسی روشن و در دسترس است؟ "
    "TELEGRAM_PROXY را بررسی کنید (the Bot API is unreachable through the proxy)."
)
CLI_BOT_API_REFUSED_BOT = (
    "Bot API تلگرام در {url} توکن ربات را نپذیرفت؛ BOT_TOKEN را با توکنی که ‎@BotFather‎ داده است مقایسه کنید "
    "(the token was rejected)."
)

# python -m bot demo (bot/cli/demo.py): the scene played against the fake Telegram, and its cast.
DEMO_TITLE = "━━━ نمایش: خبرنامهٔ روابط عمومی استان ایلام ━━━"
DEMO_INTRO = (
    "ربات واقعی در برابر یک تلگرامِ ساختگی روی همین رایانه اجرا می‌شود: بی‌توکن، بی‌اینترنت، با پایگاه دادهٔ موقت.\n"
    "هر چه آدم‌ها می‌گویند و هر چه ربات پاسخ می‌دهد، همین‌جا چاپ می‌شود."
)
DEMO_ADMIN = "زهرا"
DEMO_OFFICER = "مریم"
DEMO_REPORTER = "علی"
DEMO_EDITOR = "سارا"
DEMO_CAST = (
    "👥 زهرا، مدیر اداره کل روابط عمومی استانداری؛ مریم، کارشناس روابط عمومی کتابخانه‌های عمومی؛ "
    "علی، خبرنگار فرهنگی؛ سارا، خبرنگار ورزشی."
)
DEMO_ACT = "\n── {number}. {title}"
DEMO_ACT_AGENCY = "مدیر دستگاهی را ثبت می‌کند و برای کارشناس روابط عمومی آن پیوند دعوت می‌سازد"
DEMO_ACT_JOIN = "کارشناس با پیوند دعوت وارد می‌شود"
DEMO_ACT_SUBSCRIBE = "دو خبرنگار مشترک می‌شوند، هر یک با موضوع خودش"
DEMO_ACT_RELEASE = "کارشناس خبر را می‌فرستد، پیش‌نمایش را می‌بیند و منتشر می‌کند"
DEMO_ACT_DELIVERY = "خبر فقط به خبرنگاری می‌رسد که موضوعش را خواسته است"
DEMO_ACT_SEARCH = "خبرنگار دیگر خبر را در آرشیو پیدا می‌کند"
DEMO_AGENCY = "اداره کل کتابخانه‌های عمومی استان ایلام"
DEMO_RELEASE = (
    "برپایی نمایشگاه بزرگ کتاب ایلام از هفته آینده\n"
    "اداره کل کتابخانه‌های عمومی استان ایلام اعلام کرد نمایشگاه بزرگ کتاب با حضور ۸۰ ناشر از سراسر کشور از "
    "شنبه هفته آینده در محل نمایشگاه‌های دائمی استان در شهر ایلام برپا می‌شود.\n"
    "علاقه‌مندان می‌توانند هر روز از ساعت ۹ تا ۲۱ از این نمایشگاه دیدن کنند و کتاب‌های تازه را با تخفیف ویژه "
    "بخرند؛ برنامه‌های جنبی شامل نشست نقد کتاب، شعرخوانی و قصه‌گویی برای کودکان است."
)
DEMO_SEARCH = "نمایشگاه کتاب"
DEMO_SAYS = "\n👤 {name}: {text}"
DEMO_PRESSES = "\n👆 {name} دکمهٔ «{button}» را می‌زند."
DEMO_ALERT = "🤖 ربات (پیام کوتاه روی صفحه): {text}"
DEMO_REPLY = "🤖 ربات ← {name}:"
DEMO_BUTTONS = "دکمه‌ها: {buttons}"
DEMO_NO_TEXT = "(پیام بی‌متن)"
DEMO_RECEIVED = "📨 {name} خبر را در تلگرامش گرفت:"
DEMO_REPORT = "\nو گزارش ارسال، در گفت‌وگوی {name}:"
DEMO_NOT_RECEIVED = "\n🔕 {name} چیزی نگرفت: موضوع این خبر را نخواسته است."
DEMO_DONE = (
    "\n✅ پایان نمایش ({seconds} ثانیه). برای راه‌اندازی ربات واقعی: "
    "BOT_TOKEN=… ADMIN_IDS=… make run (شناسهٔ خود را با /myid از ربات بپرسید)."
)
DEMO_FAILED = "❌ نمایش ناتمام ماند: {reason}"
DEMO_BROKEN_SILENT = "ربات به «{text}» پاسخ نداد."
DEMO_BROKEN_INVITE = "پاسخ /invite پیوند دعوت نداشت."
DEMO_BROKEN_PREVIEW = "زیر پیش‌نمایش دکمهٔ انتشار نبود."
DEMO_BROKEN_DELIVERY = "خبر به {name} نرسید."
DEMO_BROKEN_FILTER = "خبر به {name} هم رسید، با آنکه موضوعش را نخواسته بود."
DEMO_BROKEN_REPORT = "گزارش نهایی ارسال در گفت‌وگوی {name} نیامد یا «رسیده: ۱ از ۱» نبود."
DEMO_BROKEN_SEARCH = "جست‌وجو خبر منتشرشده را پیدا نکرد."
DEMO_NEEDS_EXTRA = (
    "نمایش به تلگرام ساختگی (fakegram) و بستهٔ aiohttp نیاز دارد: make demo، یا ‎pip install -e '.[demo]'‎ "
    "(the demo needs the [demo] extra)."
)

PREVIEW_ORG_PLACEHOLDER = "نام دستگاه"

# python -m bot report (bot/services/reports.py).
CLI_REPORT_WRITTEN = "نمودار انتشار: {png}\nنمودار پاسخ به پرسش‌ها: {questions_png}\nجدول: {csv}"

# Backup, restore, export and import (bot/cli/transfer.py; CLI_DATABASE_MISSING also bot/cli/report.py).
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
# The start-up line when the newsroom's address is taken (operator-facing, like the other start-up lines).
WEB_ADDRESS_TAKEN = (
    "خبرنامه وب نمی‌تواند روی {address} گوش دهد ({reason})؛ WEB_PORT یا WEB_LISTEN را تغییر دهید، یا با "
    "WEB_ENABLED=0 آن را خاموش کنید (the newsroom's address is taken)."
)
