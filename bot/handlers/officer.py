"""PR officers: joining through a one-time invite."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts
from bot.services import services_of
from storage.officers import Redemption

log = logging.getLogger(__name__)

INVITE_PREFIX = "inv_"
_REFUSALS = {
    Redemption.USED: texts.INVITE_USED,
    Redemption.EXPIRED: texts.INVITE_EXPIRED,
    Redemption.UNKNOWN: texts.INVITE_UNKNOWN,
}


async def join(update: Update, context: ContextTypes.DEFAULT_TYPE, code: str) -> None:
    """/start inv_CODE: bind the user to the invite's organization, once."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    services = services_of(context.bot_data)
    outcome, officer = await services.storage.officers.redeem_invite(code, user.id, user.full_name, user.username)
    if outcome is not Redemption.JOINED or officer is None:
        log.info("invite refused user_id=%d outcome=%s", user.id, outcome.value)
        await message.reply_text(_REFUSALS[outcome])
        return
    org = await services.storage.organizations.get(officer.organization_id)
    await services.storage.audit.record(user.id, "officer.join", "organization", officer.organization_id)
    log.info("officer joined user_id=%d organization_id=%d", user.id, officer.organization_id)
    await message.reply_text(texts.JOINED.format(name=user.first_name, org=org.name if org else "?"))
