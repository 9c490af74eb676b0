"""Approval before publishing: the administrators' side and the officers' side of it."""

from __future__ import annotations

__all__ = [
    "ADMIN_NEW_PENDING",
    "APPROVAL_OFF",
    "APPROVAL_ON",
    "APPROVAL_USAGE",
    "APPROVED_ADMIN",
    "APPROVED_OFFICER",
    "APPROVE_USAGE",
    "BUTTON_APPROVE",
    "BUTTON_REJECT",
    "JUST_APPROVED",
    "JUST_REJECTED",
    "NOT_PENDING",
    "PENDING_EMPTY",
    "PENDING_HEADER",
    "PENDING_LINE",
    "REJECTED_ADMIN",
    "REJECTED_OFFICER",
    "REJECT_BUTTON_HINT",
    "REJECT_USAGE",
    "SUBMITTED",
]

# The officers' side is SUBMITTED, APPROVED_OFFICER and REJECTED_OFFICER; the rest is the administrators'.
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
# Two admins deciding on the same release at the same moment: the one who came second is told.
JUST_APPROVED = "خبر {id} همین حالا تأیید و منتشر شد."
JUST_REJECTED = "خبر {id} همین حالا رد شد و منتشر نمی‌شود."
APPROVED_ADMIN = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
APPROVED_OFFICER = "✅ خبر {id} تأیید شد و برای {count} گفت‌وگو در صف ارسال است."
REJECTED_ADMIN = "❌ خبر {id} رد شد و دلیل برای کارشناس فرستاده شد."
REJECTED_OFFICER = (
    "❌ خبر {id} («{title}») تأیید نشد. دلیل: {reason}\nمی‌توانید متن اصلاح‌شده را به‌عنوان خبر تازه بفرستید."
)
REJECT_BUTTON_HINT = "برای رد خبر {id} دلیل را بنویسید: /reject {id} دلیل"
