"""The question desk: what journalists, officers and admins see about questions to agencies
(``bot/services/questions.py``, ``bot/telegram/handlers/questions.py``, ``bot/telegram/views/questions.py``)."""

from __future__ import annotations

__all__ = [
    "BUTTON_ASK_AGENCY",
    "BUTTON_Q_ANSWER",
    "BUTTON_Q_CLAIM",
    "BUTTON_Q_CLOSE",
    "BUTTON_Q_DECLINE",
    "BUTTON_Q_FOLLOWUP",
    "BUTTON_Q_FORWARD",
    "BUTTON_Q_THREAD",
]

# Buttons.
BUTTON_ASK_AGENCY = "❓ پرسش از این دستگاه"
BUTTON_Q_CLAIM = "✋ پاسخ می‌دهم"
BUTTON_Q_ANSWER = "✍️ پاسخ"
BUTTON_Q_FORWARD = "↪️ ارجاع"
BUTTON_Q_DECLINE = "⛔️ رد"
BUTTON_Q_FOLLOWUP = "💬 پرسش تکمیلی"
BUTTON_Q_CLOSE = "✅ بستن پرسش"
BUTTON_Q_THREAD = "🗂 همه گفت‌وگو"

# -- The Telegram layer: commands, buttons, listings and threads (bot/telegram/handlers/questions.py,
# bot/telegram/views/questions.py). Listings and threads are HTML: values typed by users are escaped.
__all__ += [  # noqa: PLE0604 - this module's second half, kept apart so the two halves merge cleanly
    "BUTTON_Q_CLOSE_NO",
    "BUTTON_Q_CLOSE_YES",
    "Q_ANSWER_SENT",
    "Q_ANSWER_USAGE",
    "Q_ANSWER_WAITING",
    "Q_ASKED",
    "Q_ASK_NO_AGENCIES",
    "Q_ASK_PICK",
    "Q_ASK_USAGE",
    "Q_ASK_WRITE",
    "Q_ASK_WRITE_ABOUT_RELEASE",
    "Q_BLOCKED_DONE",
    "Q_BLOCK_USAGE",
    "Q_CARD_ABOUT",
    "Q_CARD_FROM",
    "Q_CARD_STATUS",
    "Q_CARD_STATUS_TIMED",
    "Q_CARD_TITLE",
    "Q_CLAIMED_ALERT",
    "Q_CLAIMED_DONE",
    "Q_CLAIM_USAGE",
    "Q_CLOSED_DONE",
    "Q_CLOSE_CONFIRM",
    "Q_CLOSE_KEPT",
    "Q_CLOSE_USAGE",
    "Q_DECLINED_DONE",
    "Q_DECLINE_USAGE",
    "Q_DECLINE_WAITING",
    "Q_FILE_KINDS",
    "Q_FOLLOWUP_SENT",
    "Q_FOLLOWUP_USAGE",
    "Q_FOLLOWUP_WAITING",
    "Q_FORWARDED_DONE",
    "Q_FORWARD_PICK",
    "Q_FORWARD_REASON_WAITING",
    "Q_FORWARD_USAGE",
    "Q_INBOX_HEADER",
    "Q_INBOX_NONE",
    "Q_LIST_LINK",
    "Q_MINE_HEADER",
    "Q_MINE_NONE",
    "Q_OPEN_HEADER",
    "Q_OPEN_NONE",
    "Q_PROFILE_BLOCKED",
    "Q_PROFILE_NONE",
    "Q_PROFILE_SAVED",
    "Q_PROFILE_SHOWN",
    "Q_PROFILE_USAGE",
    "Q_REASON_NEEDS_TEXT",
    "Q_REASSIGNED_DONE",
    "Q_REASSIGN_USAGE",
    "Q_THREAD_ADMIN",
    "Q_THREAD_AGENCY",
    "Q_THREAD_ASKED",
    "Q_THREAD_ATTACHMENT",
    "Q_THREAD_FILE",
    "Q_THREAD_JOURNALIST",
    "Q_THREAD_KINDS",
    "Q_THREAD_LINE",
    "Q_THREAD_ONE_FILE",
    "Q_THREAD_SYSTEM",
    "Q_THREAD_USAGE",
    "Q_UNBLOCKED_DONE",
    "Q_UNBLOCK_USAGE",
    "Q_UNKNOWN_AGENCY",
]

BUTTON_Q_CLOSE_YES = "✅ بله، بسته شود"
BUTTON_Q_CLOSE_NO = "نه، باز بماند"

# Journalists: the profile.
Q_PROFILE_USAGE = (
    "نام و رسانهٔ خود را با «|» جدا کنید:\n/profile نام و نام خانوادگی | نام رسانه\nمثلاً: /profile مریم احمدی | ایلام‌نیوز"
)
Q_PROFILE_NONE = (
    "هنوز خودتان را معرفی نکرده‌اید. پیش از پرسیدن، یک بار نام و رسانهٔ خود را بفرستید؛"
    " دستگاه آن را کنار پرسش شما می‌بیند:\n/profile نام و نام خانوادگی | نام رسانه\nمثلاً: /profile مریم احمدی | ایلام‌نیوز"
)
Q_PROFILE_SHOWN = (
    "👤 دستگاه‌ها شما را این‌گونه می‌بینند:\nنام: {name}\nرسانه: {outlet}\n\n"
    "برای تغییر: /profile نام | رسانه\nبرای پرسش از یک دستگاه: /ask"
)
Q_PROFILE_BLOCKED = "\n\n⛔️ امکان پرسیدن از شما گرفته شده است. دلیل: {reason}"
Q_PROFILE_SAVED = "✅ ثبت شد. دستگاه‌ها شما را این‌گونه می‌بینند: {name} ({outlet}).\nاکنون می‌توانید بپرسید: /ask"

# Journalists: asking.
Q_ASK_USAGE = (
    "برای پرسش از یک دستگاه:\n/ask شناسهٔ دستگاه متن پرسش\n"
    "یا فقط /ask را بفرستید و دستگاه را از فهرست برگزینید."
)
Q_UNKNOWN_AGENCY = "دستگاهی با شناسه {id} پیدا نشد. برای دیدن فهرست دستگاه‌ها /ask را بفرستید."
Q_ASK_NO_AGENCIES = "هنوز هیچ دستگاهی در ربات ثبت نشده است."
Q_ASK_PICK = "از کدام دستگاه می‌پرسید؟ ({page} از {pages})\nیا بنویسید: /ask شناسهٔ دستگاه متن پرسش"
Q_ASK_WRITE = "✍️ پرسش خود از «{org}» را در پیام بعدی بنویسید."
Q_ASK_WRITE_ABOUT_RELEASE = (
    "✍️ پرسش خود از «{org}» دربارهٔ خبر {release} را در پیام بعدی بنویسید؛ خبر همراه پرسش به دستگاه می‌رسد."
)
Q_ASKED = (
    "✅ پرسش {id} شما به «{org}» رسید.\n⏳ مهلت پاسخ: {deadline} ({left})\n"
    "پاسخ همین‌جا برایتان فرستاده می‌شود. پرسش‌های شما و وضعیتشان: /questions"
)

# Journalists: follow-ups and closing.
Q_FOLLOWUP_USAGE = "/followup شناسهٔ پرسش متن\nیا به پیام پاسخ دستگاه «پاسخ» (Reply) بزنید."
Q_FOLLOWUP_WAITING = "✍️ پرسش تکمیلی خود دربارهٔ پرسش {id} را در پیام بعدی بنویسید."
Q_FOLLOWUP_SENT = "✅ پرسش تکمیلی شما در پرسش {id} به «{org}» رسید."
Q_CLOSE_USAGE = "/close شناسهٔ پرسش\nشناسه‌ها در /questions هست."
Q_CLOSE_CONFIRM = "پرسش {id} بسته شود؟ پس از بستن، پاسخ یا پرسش تکمیلی دیگری در آن فرستاده نمی‌شود."
Q_CLOSED_DONE = "✅ پرسش {id} بسته شد."
Q_CLOSE_KEPT = "پرسش {id} باز ماند."
Q_THREAD_USAGE = "/thread شناسهٔ پرسش\nشناسه‌ها در /questions هست."

# Officers.
Q_CLAIM_USAGE = "/claim شناسهٔ پرسش\nپرسش‌های بی‌پاسخ دستگاه شما: /inbox"
Q_CLAIMED_ALERT = "پاسخ به پرسش {id} با شماست."
Q_CLAIMED_DONE = (
    "✋ پاسخ به پرسش {id} با شما ثبت شد و خبرنگار و همکارانتان باخبر شدند.\n"
    "پاسخ را با «پاسخ» (Reply) روی پیام پرسش بفرستید، یا: /answer {id}"
)
Q_ANSWER_USAGE = "/answer شناسهٔ پرسش\nسپس پاسخ را در پیام بعدی بفرستید. پرسش‌های بی‌پاسخ: /inbox"
Q_ANSWER_WAITING = (
    "✍️ پاسخ پرسش {id} را در پیام بعدی بفرستید: متن، پیام صوتی، عکس، ویدیو یا پرونده (توضیح را در زیرنویس بنویسید)."
)
Q_ANSWER_SENT = "✅ پاسخ شما به پرسش {id} برای خبرنگار فرستاده شد."
Q_DECLINE_USAGE = "/decline شناسهٔ پرسش دلیل\nدلیل برای خبرنگار فرستاده می‌شود."
Q_DECLINE_WAITING = "دلیل رد پرسش {id} را در پیام بعدی بنویسید؛ برای خبرنگار فرستاده می‌شود."
Q_DECLINED_DONE = "⛔️ پرسش {id} رد شد و دلیل آن برای خبرنگار فرستاده شد."
Q_FORWARD_USAGE = (
    "/forward شناسهٔ پرسش شناسهٔ دستگاه دلیل\n"
    "یا دکمهٔ «↪️ ارجاع» زیر پیام پرسش را بزنید و دستگاه را از فهرست برگزینید."
)
Q_FORWARD_PICK = "پرسش {id} را به کدام دستگاه ارجاع می‌دهید؟ ({page} از {pages})"
Q_FORWARD_REASON_WAITING = (
    "دلیل ارجاع پرسش {id} به «{org}» را در پیام بعدی بنویسید؛ خبرنگار و آن دستگاه دلیل را می‌بینند.\n"
    "(یا: /forward {id} {org_id} دلیل)"
)
Q_FORWARDED_DONE = "↪️ پرسش {id} به «{org}» ارجاع شد؛ مهلت پاسخ آن دستگاه از همین حالا شمرده می‌شود."
Q_REASON_NEEDS_TEXT = "دلیل را به صورت یک پیام متنی بنویسید."
Q_THREAD_ONE_FILE = "هر پیام در گفت‌وگوی پرسش یک فایل می‌پذیرد؛ فایل‌ها را یکی‌یکی بفرستید."
Q_THREAD_KINDS = "این نوع پیام در گفت‌وگوی پرسش پذیرفته نمی‌شود؛ متن، پیام صوتی، عکس، ویدیو یا پرونده بفرستید."

# Admins.
Q_REASSIGN_USAGE = "/reassign شناسهٔ پرسش شناسهٔ دستگاه\nپرسش‌های باز همهٔ دستگاه‌ها: /questions"
Q_REASSIGNED_DONE = "↪️ پرسش {id} به «{org}» سپرده شد؛ مهلت تازهٔ پاسخ: {deadline}."
Q_BLOCK_USAGE = "/block شناسهٔ کاربر دلیل\nدلیل را خبرنگار هنگام پرسیدن می‌بیند."
Q_BLOCKED_DONE = "⛔️ کاربر {user_id} دیگر نمی‌تواند از دستگاه‌ها بپرسد. دلیل: {reason}"
Q_UNBLOCK_USAGE = "/unblock شناسهٔ کاربر"
Q_UNBLOCKED_DONE = "✅ کاربر {user_id} دوباره می‌تواند از دستگاه‌ها بپرسد."

# Listings (HTML): /questions, /inbox, /questions for admins.
Q_MINE_HEADER = "<b>پرسش‌های شما</b> (تازه‌ترین در بالا)"
Q_MINE_NONE = "هنوز از دستگاهی نپرسیده‌اید. برای پرسش: /ask"
Q_INBOX_HEADER = "<b>پرسش‌های بی‌پاسخ «{org}»</b> (قدیمی‌ترین در بالا)"
Q_INBOX_NONE = "پرسش بی‌پاسخی برای «{org}» نیست. 👌"
Q_OPEN_HEADER = "<b>پرسش‌های باز همهٔ دستگاه‌ها</b> (مهلت‌گذشته‌ها در بالا)"
Q_OPEN_NONE = "هیچ پرسش بازی نزد هیچ دستگاهی نیست."
Q_CARD_TITLE = "<b>پرسش {id}</b> · {org}"
Q_CARD_FROM = "از: {journalist}"
Q_CARD_ABOUT = "دربارهٔ خبر {release}: «{title}»"
Q_CARD_STATUS = "وضعیت: {status}"
Q_CARD_STATUS_TIMED = "وضعیت: {status} · ⏳ {left} ({deadline})"
Q_LIST_LINK = "گفت‌وگو: /thread_{id}"

# A question's thread (HTML).
Q_THREAD_ASKED = "پرسیده‌شده: {asked}"
Q_THREAD_JOURNALIST = "🙋 {name}"
Q_THREAD_AGENCY = "🏛 {org}"
Q_THREAD_ADMIN = "🏛 روابط عمومی استانداری"
Q_THREAD_SYSTEM = "ℹ️ ربات"
Q_THREAD_LINE = "{who} · {when}"
Q_THREAD_FILE = "📎 {kind}"
Q_THREAD_ATTACHMENT = "📎 پیوست گفت‌وگوی پرسش {id}"
Q_FILE_KINDS = {
    "photo": "عکس",
    "video": "ویدیو",
    "document": "پرونده",
    "voice": "پیام صوتی",
    "audio": "فایل صوتی",
}
