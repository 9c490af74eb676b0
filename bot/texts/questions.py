"""The question desk: what journalists, officers and admins see about questions to agencies
(``bot/services/questions.py``, ``bot/telegram/handlers/questions.py``, ``bot/telegram/views/questions.py``).

Notices are sent as plain text (no parse mode), like every other notice of ``Notices.tell``: names and
texts typed by users go in as they are."""

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
    "Q_ABOUT_RELEASE",
    "Q_ALREADY_BLOCKED",
    "Q_ALREADY_CLAIMED",
    "Q_ALREADY_YOURS",
    "Q_ANSWER_EMPTY",
    "Q_ANSWER_FILE_ONLY",
    "Q_ANSWER_TOO_LONG",
    "Q_BLOCKED",
    "Q_BY_ADMIN",
    "Q_CHANGE_NAMES",
    "Q_CLOSED_BY_ADMIN",
    "Q_DEADLINE",
    "Q_FORWARD_SAME_ORG",
    "Q_HEAD_FORWARDED_IN",
    "Q_HEAD_NEW",
    "Q_HEAD_REASSIGNED_IN",
    "Q_JOURNALIST",
    "Q_JOURNALIST_WITH_USERNAME",
    "Q_NEXT_MESSAGE_IS_IT",
    "Q_NOTHING_PENDING",
    "Q_NOT_AN_OFFICER",
    "Q_NOT_BLOCKED",
    "Q_NOT_YOURS",
    "Q_NO_PROFILE",
    "Q_NO_PROFILE_TO_BLOCK",
    "Q_OFFICER_REVOKED",
    "Q_PROFILE_LENGTH",
    "Q_REASON_NEEDED",
    "Q_REASON_TOO_LONG",
    "Q_RELEASE_OF_ANOTHER_AGENCY",
    "Q_SPAN_DAYS",
    "Q_SPAN_DAYS_HOURS",
    "Q_SPAN_HOURS",
    "Q_SPAN_HOURS_MINUTES",
    "Q_SPAN_MINUTES",
    "Q_STATUS_NAMES",
    "Q_SYSTEM_DECLINED",
    "Q_SYSTEM_EXPIRED",
    "Q_SYSTEM_FORWARDED",
    "Q_SYSTEM_REASSIGNED",
    "Q_SYSTEM_RELEASE_CHANGED",
    "Q_TELL_ANSWERED",
    "Q_TELL_CLAIMED",
    "Q_TELL_DECLINED",
    "Q_TELL_EXPIRED_ADMIN",
    "Q_TELL_EXPIRED_CLAIMER",
    "Q_TELL_EXPIRED_JOURNALIST",
    "Q_TELL_FOLLOWUP",
    "Q_TELL_FORWARDED",
    "Q_TELL_NO_OFFICERS_ADMIN",
    "Q_TELL_QUESTION",
    "Q_TELL_REASSIGNED",
    "Q_TELL_RELEASE_CHANGED",
    "Q_TELL_REMIND_HALF",
    "Q_TELL_REMIND_LATE",
    "Q_TEXT_TOO_LONG",
    "Q_TEXT_TOO_SHORT",
    "Q_TIME_LEFT",
    "Q_TIME_LEFT_UNDER_A_MINUTE",
    "Q_TIME_OVERDUE",
    "Q_TIME_OVERDUE_UNDER_A_MINUTE",
    "Q_TOO_MANY_OPEN",
    "Q_TOO_MANY_TODAY",
    "Q_UNKNOWN",
    "Q_UNKNOWN_AGENCY",
    "Q_UNKNOWN_FORWARD_AGENCY",
    "Q_WRONG_STATE",
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

# Statuses as the journalist, the officers and the admins read them.
Q_STATUS_NAMES = {
    "open": "در انتظار پاسخ",
    "claimed": "در دست بررسی",
    "answered": "پاسخ داده شده",
    "closed": "بسته",
    "declined": "رد شده",
    "forwarded": "ارجاع شده",
    "expired": "مهلت گذشته",
}

# Time left and deadlines (bot/domain/deadline.py): «۵ ساعت و ۲۰ دقیقه مانده», «تا ۱۳ آذر، ساعت ۱۰:۳۰».
Q_SPAN_DAYS = "{days} روز"
Q_SPAN_DAYS_HOURS = "{days} روز و {hours} ساعت"
Q_SPAN_HOURS = "{hours} ساعت"
Q_SPAN_HOURS_MINUTES = "{hours} ساعت و {minutes} دقیقه"
Q_SPAN_MINUTES = "{minutes} دقیقه"
Q_TIME_LEFT = "{span} مانده"
Q_TIME_LEFT_UNDER_A_MINUTE = "کمتر از یک دقیقه مانده"
Q_TIME_OVERDUE = "{span} از مهلت گذشته"
Q_TIME_OVERDUE_UNDER_A_MINUTE = "کمتر از یک دقیقه از مهلت گذشته"
Q_DEADLINE = "تا {day} {month}، ساعت {time}"

# Refusals (bot/services/questions.py).
Q_NO_PROFILE = (
    "پیش از پرسیدن، یک بار خودتان را معرفی کنید؛ دستگاه نام و رسانهٔ شما را کنار پرسش می‌بیند:\n"
    "/profile نام و نام خانوادگی | نام رسانه\n"
    "مثلاً: /profile مریم احمدی | ایلام‌نیوز"
)
Q_PROFILE_LENGTH = "نام و نام رسانه هر کدام باید بین {min} تا {max} نویسه باشند، مثل: /profile مریم احمدی | ایلام‌نیوز"
Q_BLOCKED = "روابط عمومی استانداری امکان پرسیدن را از شما گرفته است. دلیل: {reason}"
Q_TOO_MANY_OPEN = (
    "{count} پرسش شما هنوز بی‌پاسخ است و بیش از {limit} پرسش باز پذیرفته نمی‌شود. "
    "پرسشی را ببندید یا منتظر پاسخ بمانید. فهرست: /questions"
)
Q_TOO_MANY_TODAY = "امروز {count} پرسش فرستاده‌اید و بیش از {limit} پرسش در روز پذیرفته نمی‌شود؛ فردا دوباره بپرسید."
Q_TEXT_TOO_SHORT = "متن پرسش کوتاه است ({length} نویسه)؛ دست‌کم {min} نویسه بنویسید تا دستگاه بداند چه می‌خواهید."
Q_TEXT_TOO_LONG = "متن پرسش بلند است ({length} نویسه)؛ حداکثر {max} نویسه بنویسید."
# Added to a refused question or follow-up when the bot keeps waiting for it.
Q_NEXT_MESSAGE_IS_IT = "پیام بعدی شما همین پرسش است."
Q_UNKNOWN_AGENCY = "دستگاهی با شناسه {id} پیدا نشد. فهرست دستگاه‌ها و شناسه‌هایشان را با /ask (بدون شناسه) ببینید."
Q_UNKNOWN_FORWARD_AGENCY = (
    "دستگاهی با شناسه {id} پیدا نشد. دکمهٔ «↪️ ارجاع» زیر پرسش، دستگاه‌ها را برای انتخاب نشان می‌دهد."
)
Q_ANSWER_EMPTY = "پاسخ خالی است؛ متن پاسخ را بنویسید یا فایلی بفرستید."
Q_ANSWER_TOO_LONG = "پاسخ بلند است ({length} نویسه)؛ حداکثر {max} نویسه. آن را در چند پیام یا به شکل فایل بفرستید."
Q_REASON_NEEDED = "دلیل را هم بنویسید؛ خبرنگار آن را می‌بیند."
Q_REASON_TOO_LONG = "دلیل بلند است ({length} نویسه)؛ حداکثر {max} نویسه."
Q_UNKNOWN = "پرسشی با شناسه {id} پیدا نشد."
Q_NOT_YOURS = "پرسش {id} نزد دستگاه شما نیست."
Q_RELEASE_OF_ANOTHER_AGENCY = "خبر {release} از «{org}» نیست؛ پرسش دربارهٔ آن را از دستگاه خودش بپرسید."
Q_ALREADY_CLAIMED = "«{name}» پیش از شما پاسخ به پرسش {id} را بر عهده گرفته است."
Q_ALREADY_YOURS = "پاسخ به پرسش {id} را پیش‌تر بر عهده گرفته‌اید؛ پاسخ را بفرستید: /answer {id}"
Q_WRONG_STATE = "پرسش {id} {status} است و دیگر نمی‌توان در آن کاری کرد."
Q_FORWARD_SAME_ORG = "پرسش {id} همین حالا نزد «{org}» است؛ دستگاه دیگری را برگزینید."
Q_NOTHING_PENDING = "پیامی منتظر نبود. برای پرسش از یک دستگاه: /ask"
Q_NO_PROFILE_TO_BLOCK = "کاربر {user_id} هنوز خود را با /profile معرفی نکرده است و تا معرفی نکند نمی‌تواند بپرسد."
Q_ALREADY_BLOCKED = "کاربر {user_id} از پیش مسدود است."
Q_NOT_BLOCKED = "کاربر {user_id} مسدود نیست."

# Pieces of notices.
Q_JOURNALIST = "{name} ({outlet})"
Q_JOURNALIST_WITH_USERNAME = "{name} ({outlet}، ‎@{username})"
Q_ABOUT_RELEASE = "\nدربارهٔ خبر «{title}» (متن کامل: /release_{release})"
# An answer sent as a file without a caption, by the file's kind.
Q_ANSWER_FILE_ONLY = {
    "voice": "(پاسخ به‌صورت پیام صوتی است.)",
    "audio": "(پاسخ در فایل صوتی پیوست است.)",
    "photo": "(پاسخ در عکس پیوست است.)",
    "video": "(پاسخ در ویدیوی پیوست است.)",
    "document": "(پاسخ در فایل پیوست است.)",
}
Q_BY_ADMIN = "روابط عمومی استانداری"

# Notices to the agency's officers.
Q_HEAD_NEW = "❓ پرسش تازهٔ {id} از {journalist}"
Q_HEAD_FORWARDED_IN = "↪️ «{org}» پرسش {id} از {journalist} را به دستگاه شما ارجاع داد.\nدلیل: {reason}"
Q_HEAD_REASSIGNED_IN = "↪️ روابط عمومی استانداری پرسش {id} از {journalist} را به دستگاه شما سپرد."
Q_TELL_QUESTION = (
    "{head}{about}\n\n{text}\n\n"
    "⏳ مهلت پاسخ: {deadline} ({left})\n"
    "برای پاسخ، به همین پیام پاسخ دهید یا دکمه‌ها را بزنید."
)
Q_TELL_FOLLOWUP = "💬 پرسش تکمیلی {journalist} در پرسش {id}:\n\n{text}"
Q_TELL_REMIND_HALF = "⏳ یادآوری: نیمی از مهلت پاسخ به پرسش {id} گذشته است؛ {left} ({deadline}).\n\n{text}"
Q_TELL_REMIND_LATE = "⚠️ مهلت پاسخ به پرسش {id} رو به پایان است: {left} ({deadline}).\n\n{text}"

# Notices to the journalist.
Q_TELL_CLAIMED = "✋ «{org}» بررسی پرسش {id} شما را آغاز کرد. مهلت پاسخ: {deadline}."
Q_TELL_ANSWERED = (
    "✅ پاسخ «{org}» به پرسش {id}:\n\n{text}\n\n"
    "پرسش دیگری دربارهٔ همین موضوع دارید؟ به همین پیام پاسخ دهید. اگر پاسخ کافی است، پرسش را ببندید."
)
Q_TELL_DECLINED = "⛔️ «{org}» پرسش {id} شما را رد کرد.\nدلیل: {reason}"
Q_TELL_FORWARDED = (
    "↪️ «{org}» پرسش {id} شما را به «{target}» ارجاع داد.\nدلیل: {reason}\nمهلت پاسخ «{target}»: {deadline}."
)
Q_TELL_REASSIGNED = "↪️ روابط عمومی استانداری پرسش {id} شما را به «{target}» سپرد. مهلت پاسخ: {deadline}."
Q_TELL_EXPIRED_JOURNALIST = (
    "⌛️ «{org}» در مهلت تعیین‌شده به پرسش {id} شما پاسخ نداد. روابط عمومی استانداری در جریان قرار گرفت تا پیگیری کند."
)
Q_TELL_EXPIRED_CLAIMER = (
    "⌛️ مهلت پاسخ به پرسش {id}، که پاسخ آن را بر عهده گرفته بودید، گذشت و موضوع به اطلاع روابط عمومی استانداری رسید. "
    "هنوز هم می‌توانید پاسخ دهید: /answer {id}"
)
Q_CLOSED_BY_ADMIN = "پرسش {id} شما را روابط عمومی استانداری بست."

# Notices to the admins (every admin and the admin chat).
Q_TELL_EXPIRED_ADMIN = (
    "🚨 «{org}» در مهلت {hours} ساعت به پرسش {id} از {journalist} پاسخ نداد (مهلت {deadline} بود).\n\n{text}\n\n"
    "سپردن به دستگاه دیگر یا همان دستگاه با مهلت تازه: /reassign {id} شناسهٔ دستگاه"
)

# A release a question is about was corrected or retracted: to the journalist and the officers.
Q_CHANGE_NAMES = {"corrected": "اصلاح شد", "retracted": "پس گرفته شد"}
Q_TELL_RELEASE_CHANGED = "📝 خبر {release} «{title}» که پرسش {id} دربارهٔ آن است {change}."

# Lines the bot adds to a thread.
Q_SYSTEM_FORWARDED = "«{org}» پرسش را به «{target}» ارجاع داد. دلیل: {reason}"
Q_SYSTEM_REASSIGNED = "روابط عمومی استانداری پرسش را به «{target}» سپرد."
Q_SYSTEM_DECLINED = "«{org}» پرسش را رد کرد. دلیل: {reason}"
Q_SYSTEM_EXPIRED = "«{org}» در مهلت پاسخ نداد؛ روابط عمومی استانداری در جریان قرار گرفت."
Q_SYSTEM_RELEASE_CHANGED = "خبر {release} «{title}» که این پرسش دربارهٔ آن است {change}."

# -- The Telegram layer: commands, buttons, listings and threads (bot/telegram/handlers/questions.py,
# bot/telegram/views/questions.py). Listings and threads are HTML: values typed by users are escaped.
# This module's second half keeps its own list, so that the two halves are changed apart.
__all__ += [
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
    "Q_CARD_TITLE_ALONE",
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
]

BUTTON_Q_CLOSE_YES = "✅ بله، بسته شود"
BUTTON_Q_CLOSE_NO = "نه، باز بماند"

# Journalists: the profile.
Q_PROFILE_USAGE = (
    "نام و رسانهٔ خود را با «|» جدا کنید:\n/profile نام و نام خانوادگی | نام رسانه\n"
    "مثلاً: /profile مریم احمدی | ایلام‌نیوز"
)
Q_PROFILE_NONE = (
    "هنوز خودتان را معرفی نکرده‌اید. پیش از پرسیدن، یک بار نام و رسانهٔ خود را بفرستید؛"
    " دستگاه آن را کنار پرسش شما می‌بیند:\n/profile نام و نام خانوادگی | نام رسانه\n"
    "مثلاً: /profile مریم احمدی | ایلام‌نیوز"
)
Q_PROFILE_SHOWN = (
    "👤 دستگاه‌ها شما را این‌گونه می‌بینند:\nنام: {name}\nرسانه: {outlet}\n\n"
    "برای تغییر: /profile نام | رسانه\nبرای پرسش از یک دستگاه: /ask"
)
Q_PROFILE_BLOCKED = "\n\n⛔️ امکان پرسیدن از شما گرفته شده است. دلیل: {reason}"
Q_PROFILE_SAVED = "✅ ثبت شد. دستگاه‌ها شما را این‌گونه می‌بینند: {name} ({outlet}).\nاکنون می‌توانید بپرسید: /ask"

# Journalists: asking.
Q_ASK_USAGE = (
    "برای پرسش از یک دستگاه:\n/ask شناسهٔ دستگاه متن پرسش\nیا فقط /ask را بفرستید و دستگاه را از فهرست برگزینید."
)
Q_ASK_NO_AGENCIES = "هنوز هیچ دستگاهی در ربات ثبت نشده است."
Q_ASK_PICK = "از کدام دستگاه می‌پرسید؟ ({page} از {pages})\nیا بنویسید: /ask شناسهٔ دستگاه متن پرسش"
Q_ASK_WRITE = (
    "✍️ پرسش خود از «{org}» را در پیام بعدی بنویسید.\n"
    "منصرف شدید؟ هر دستور دیگری، مثلاً /questions، این پرسش را لغو می‌کند."
)
Q_ASK_WRITE_ABOUT_RELEASE = (
    "✍️ پرسش خود از «{org}» دربارهٔ خبر {release} را در پیام بعدی بنویسید؛ خبر همراه پرسش به دستگاه می‌رسد."
    "\nمنصرف شدید؟ هر دستور دیگری، مثلاً /questions، این پرسش را لغو می‌کند."
)
Q_ASKED = (
    "✅ پرسش {id} شما به «{org}» رسید.\n⏳ مهلت پاسخ: {deadline} ({left})\n"
    "پاسخ همین‌جا برایتان فرستاده می‌شود. پرسش‌های شما و وضعیتشان: /questions"
)

# Journalists: follow-ups and closing.
Q_FOLLOWUP_USAGE = "/followup شناسهٔ پرسش متن\nیا به پیام پاسخ دستگاه «پاسخ» (Reply) بزنید."
Q_FOLLOWUP_WAITING = (
    "✍️ پرسش تکمیلی خود دربارهٔ پرسش {id} را در پیام بعدی بنویسید.\n"
    "منصرف شدید؟ هر دستور دیگری، مثلاً /questions، این پرسش تکمیلی را لغو می‌کند."
)
Q_FOLLOWUP_SENT = "✅ پرسش تکمیلی شما در پرسش {id} به «{org}» رسید."
Q_CLOSE_USAGE = "/close شناسهٔ پرسش\nشناسهٔ پرسش‌هایتان را در /questions می‌بینید."
Q_CLOSE_CONFIRM = "پرسش {id} بسته شود؟ پس از بستن، پاسخ یا پرسش تکمیلی دیگری در آن فرستاده نمی‌شود."
Q_CLOSED_DONE = "✅ پرسش {id} بسته شد."
Q_CLOSE_KEPT = "پرسش {id} باز ماند."
Q_THREAD_USAGE = "/thread شناسهٔ پرسش\nشناسهٔ پرسش‌هایتان را در /questions می‌بینید."

# Officers.
Q_CLAIM_USAGE = "/claim شناسهٔ پرسش\nپرسش‌های بی‌پاسخ دستگاه شما: /inbox"
Q_CLAIMED_ALERT = "پاسخ به پرسش {id} با شماست."
Q_CLAIMED_DONE = (
    "✋ پاسخ به پرسش {id} با شما ثبت شد و خبرنگار باخبر شد.\n"
    "پاسخ را با «پاسخ» (Reply) روی پیام پرسش بفرستید، یا: /answer {id}"
)
Q_ANSWER_USAGE = "/answer شناسهٔ پرسش\nسپس پاسخ را در پیام بعدی بفرستید. پرسش‌های بی‌پاسخ: /inbox"
Q_ANSWER_WAITING = (
    "✍️ پاسخ پرسش {id} را در پیام بعدی بفرستید: متن، پیام صوتی، عکس، ویدیو یا فایل (توضیح را در زیرنویس بنویسید)."
    "\nمنصرف شدید؟ هر دستور دیگری، مثلاً /inbox، این پاسخ را لغو می‌کند."
)
Q_ANSWER_SENT = "✅ پاسخ شما به پرسش {id} برای خبرنگار فرستاده شد."
Q_DECLINE_USAGE = "/decline شناسهٔ پرسش دلیل\nدلیل برای خبرنگار فرستاده می‌شود."
Q_DECLINE_WAITING = (
    "دلیل رد پرسش {id} را در پیام بعدی بنویسید؛ برای خبرنگار فرستاده می‌شود."
    "\nمنصرف شدید؟ هر دستور دیگری، مثلاً /inbox، رد پرسش را لغو می‌کند."
)
Q_DECLINED_DONE = "⛔️ پرسش {id} رد شد و دلیل آن برای خبرنگار فرستاده شد."
Q_FORWARD_USAGE = (
    "/forward شناسهٔ پرسش شناسهٔ دستگاه دلیل\nیا دکمهٔ «↪️ ارجاع» زیر پیام پرسش را بزنید و دستگاه را از فهرست برگزینید."
)
Q_FORWARD_PICK = "پرسش {id} را به کدام دستگاه ارجاع می‌دهید؟ ({page} از {pages})"
Q_FORWARD_REASON_WAITING = (
    "دلیل ارجاع پرسش {id} به «{org}» را در پیام بعدی بنویسید؛ خبرنگار و آن دستگاه دلیل را می‌بینند.\n"
    "(یا: /forward {id} {org_id} دلیل)\nمنصرف شدید؟ هر دستور دیگری، مثلاً /inbox، ارجاع را لغو می‌کند."
)
Q_FORWARDED_DONE = "↪️ پرسش {id} به «{org}» ارجاع شد؛ مهلت پاسخ آن دستگاه از همین حالا شمرده می‌شود."
Q_REASON_NEEDS_TEXT = "دلیل را به‌صورت یک پیام متنی بنویسید."
Q_THREAD_ONE_FILE = "هر پیام در گفت‌وگوی پرسش یک فایل می‌پذیرد؛ فایل‌ها را یکی‌یکی بفرستید."
Q_THREAD_KINDS = "این نوع پیام در گفت‌وگوی پرسش پذیرفته نمی‌شود؛ متن، پیام صوتی، عکس، ویدیو یا فایل بفرستید."

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
Q_INBOX_NONE = "پرسش بی‌پاسخی برای «{org}» نمانده است."
Q_OPEN_HEADER = "<b>پرسش‌های باز همهٔ دستگاه‌ها</b> (مهلت‌گذشته‌ها در بالا)"
Q_OPEN_NONE = "هیچ پرسش بازی نزد هیچ دستگاهی نیست."
Q_CARD_TITLE = "<b>پرسش {id}</b> · {org}"
Q_CARD_TITLE_ALONE = "<b>پرسش {id}</b>"
Q_CARD_FROM = "از: {journalist}"
Q_CARD_ABOUT = "دربارهٔ خبر «{title}» (/release_{release})"
Q_CARD_STATUS = "وضعیت: {status}"
Q_CARD_STATUS_TIMED = "وضعیت: {status} · ⏳ {left} ({deadline})"
Q_LIST_LINK = "گفت‌وگو: /thread_{id}"

# A question's thread (HTML).
Q_THREAD_ASKED = "زمان پرسش: {asked}"
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
    "document": "فایل",
    "voice": "پیام صوتی",
    "audio": "فایل صوتی",
}
Q_TELL_NO_OFFICERS_ADMIN = (
    "❗️ پرسش {id} به «{org}» رسید، اما این دستگاه هیچ کارشناس روابط عمومی فعالی در ربات ندارد و کسی آن را "
    "نمی‌بیند. برای این دستگاه پیوند دعوت بسازید (/invite {org_id}) یا پرسش را به دستگاه دیگری بسپارید "
    "(/reassign {id} شناسهٔ دستگاه)."
)
# The question desk's refusals to someone who is no (longer an) officer.
Q_NOT_AN_OFFICER = (
    "این دستور ویژهٔ کارشناسان روابط عمومی دستگاه‌هاست. اگر خبرنگار هستید، پرسش‌هایتان و پاسخ آن‌ها را با /questions"
    " ببینید؛ اگر کارشناس روابط عمومی هستید، پیوند دعوت را از اداره کل روابط عمومی استانداری بگیرید."
)
Q_OFFICER_REVOKED = (
    "دسترسی شما به خبرها و پرسش‌های دستگاه لغو شده است. اگر اشتباهی رخ داده، با روابط عمومی استانداری تماس بگیرید."
)
