"""Approval before publishing: the administrators' side and the officers' side of it."""

from __future__ import annotations

__all__ = [
    "ADMIN_NEW_PENDING",
    "ADMIN_UNNAMED",
    "APPROVAL_NOTICE_ACTIONS",
    "APPROVAL_NOTICE_DETAILS",
    "APPROVAL_OFF",
    "APPROVAL_ON",
    "APPROVAL_USAGE",
    "APPROVED_ADMIN",
    "APPROVED_OFFICER",
    "APPROVE_USAGE",
    "BUTTON_APPROVE",
    "BUTTON_REJECT",
    "BUTTON_SEE_FULL",
    "DECIDED_APPROVED",
    "DECIDED_REJECTED",
    "FULL_TEXT_HEADER",
    "JUST_APPROVED",
    "JUST_REJECTED",
    "NOT_PENDING",
    "PENDING_EMPTY",
    "PENDING_HEADER",
    "PENDING_HEADER_SOME",
    "PENDING_MORE",
    "REASON_PLACEHOLDER",
    "REJECTED_ADMIN",
    "REJECTED_OFFICER",
    "REJECT_REASON_PROMPT",
    "REJECT_USAGE",
    "RELEASE_FOR_ADMINS",
    "REPLY_REASON_IS_APPROVAL",
    "REPLY_REASON_NOT_TEXT",
    "SUBMITTED",
]

# The officers' side is SUBMITTED, APPROVED_OFFICER and REJECTED_OFFICER; the rest is the administrators'.
APPROVAL_USAGE = "شکل درست: /approval شناسهٔ دستگاه on یا off"
APPROVAL_ON = "از این پس خبرهای «{org}» پیش از انتشار به تأیید مدیران می‌رسد."
APPROVAL_OFF = "خبرهای «{org}» از این پس بدون تأیید منتشر می‌شود."
SUBMITTED = "📨 خبر {id} برای تأیید به اداره کل روابط عمومی استانداری فرستاده شد؛ نتیجه را همین‌جا خبر می‌دهیم."
# The notice every admin gets (bot/services/approval.py): the headline, the details, the actions. Once an
# admin decides, every admin's notice is edited: DECIDED_* replaces the headline, the actions go.
ADMIN_NEW_PENDING = "📨 خبر {id} از «{org}» منتظر تأیید است:\n«{title}»"
APPROVAL_NOTICE_DETAILS = (
    "فرستنده: {author}\nموضوع‌ها: {topics} · شهرستان: {county}\nگیرندگان: {reach} گفت‌وگو\n\n{excerpt}"
)
APPROVAL_NOTICE_ACTIONS = (
    "«👁 متن کامل» خبر را همان‌طور که به خبرنگاران می‌رسد نشان می‌دهد.\n"
    "تأیید: دکمهٔ «✅ تأیید و انتشار» یا /approve {id}\n"
    "رد: دلیل را در پاسخ (Reply) به همین پیام بنویسید، یا /reject {id} دلیل"
)
DECIDED_APPROVED = "✅ خبر {id} از «{org}» را {admin} در {when} تأیید کرد؛ برای {count} گفت‌وگو فرستاده شد."
DECIDED_REJECTED = "❌ خبر {id} از «{org}» را {admin} در {when} رد کرد.\nدلیل: {reason}"
ADMIN_UNNAMED = "مدیر {id}"
BUTTON_SEE_FULL = "👁 متن کامل"
BUTTON_APPROVE = "✅ تأیید و انتشار"
BUTTON_REJECT = "❌ رد"
FULL_TEXT_HEADER = "👁 متن کامل خبر {id}، همان‌طور که به خبرنگاران می‌رسد:"
# /release ID for an admin: a release readers do not have (a draft, awaiting approval, retracted ...).
RELEASE_FOR_ADMINS = (
    "🔒 خبر {id} — وضعیت: {status}. این خبر در آرشیو خبرنگاران نیست؛ متن زیر را همان‌طور که به آن‌ها می‌رسد"
    " می‌بینید. وضعیت کامل: /status {id}"
)
PENDING_EMPTY = "خبری در انتظار تأیید نیست."
PENDING_HEADER = "<b>{count} خبر در انتظار تأیید</b> — هر کدام در پیامی جدا در زیر، با دکمه‌هایش (قدیمی‌ترین اول)."
PENDING_HEADER_SOME = (
    "<b>{count} خبر در انتظار تأیید</b> — {shown} خبر قدیمی‌تر هر کدام در پیامی جدا در زیر، با دکمه‌هایش."
)
PENDING_MORE = "پس از تصمیم دربارهٔ این‌ها، /pending را دوباره بفرستید تا بقیه را ببینید."
APPROVE_USAGE = "شکل درست: /approve شناسه‌خبر"
REJECT_USAGE = "شکل درست: /reject شناسه‌خبر دلیل\nدلیل برای کارشناس فرستاده می‌شود."
NOT_PENDING = "خبر {id} در انتظار تأیید نیست (وضعیت: {status})."
# Two admins deciding on the same release at the same moment: the one who came second is told.
JUST_APPROVED = "خبر {id} همین حالا تأیید و منتشر شد."
JUST_REJECTED = "خبر {id} همین حالا رد شد و منتشر نمی‌شود."
APPROVED_ADMIN = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
APPROVED_OFFICER = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
REJECTED_ADMIN = "❌ خبر {id} رد شد و دلیل برای کارشناس فرستاده شد."
REJECTED_OFFICER = (
    "❌ خبر {id} («{title}») تأیید نشد. دلیل: {reason}\nمی‌توانید متن اصلاح‌شده را به‌عنوان خبر تازه بفرستید."
)
# «❌ رد» asks for the reason, which goes to the officer; a reply to this prompt (or to the notice) is it.
REJECT_REASON_PROMPT = (
    "✍️ دلیل رد خبر {id} را در پاسخ (Reply) به همین پیام بنویسید؛ برای کارشناس فرستاده می‌شود.\nیا: /reject {id} دلیل"
)
REASON_PLACEHOLDER = "دلیل رد خبر"
REPLY_REASON_NOT_TEXT = "دلیل رد خبر {id} را به‌صورت متن در پاسخ به پیام آن بنویسید."
# A reply of «تأیید» (or «ok») to a notice is no reason to reject: the admin is told how to approve.
REPLY_REASON_IS_APPROVAL = (
    "پاسخ به این پیام دلیل رد خبر {id} است. برای تأیید، دکمهٔ «✅ تأیید و انتشار» را بزنید یا /approve {id} را بفرستید."
)
