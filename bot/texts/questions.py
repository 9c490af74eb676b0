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
