"""Admins of the provincial PR office: organizations, invites, officers and other admins (DESIGN §4)."""

from __future__ import annotations

import logging

from telegram import Update

from bot import texts
from bot.domain.digits import fa
from bot.errors import InvalidInput, UnknownId
from bot.telegram.args import agency_id, beyond_range, command_text, parse_id, refuse_id
from bot.telegram.commands import Menu, command, command_handlers
from bot.telegram.context import WireContext
from bot.telegram.guards import admin_request
from bot.telegram.menus import Role
from bot.telegram.views.admin import admins_text, invite_text, officers_text, organizations_text

log = logging.getLogger(__name__)


def _user_id(argument: str, usage: str) -> int:
    """A Telegram user id typed after a command (a positive number); InvalidInput with the usage if not."""
    value = parse_id(argument) if argument and len(argument.split()) == 1 else None
    if value is None or value <= 0:
        raise InvalidInput(texts.ADMIN_ID_NOT_A_NUMBER.format(value=argument, usage=usage) if argument else usage)
    return value


def _unknown_org(id_: str) -> str:
    return texts.UNKNOWN_ORG.format(id=id_)


async def add_org(update: Update, context: WireContext) -> None:
    """/addorg NAME [| county-slug]: register a government agency."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    name, _, county_slug = (part.strip() for part in command_text(message).partition("|"))
    administration = context.runtime.administration
    org = await administration.add_organization(admin.id, name, county_slug)
    county = administration.county(org.county)
    place = county.name if county else texts.PROVINCE_LEVEL
    await message.reply_text(texts.ADDORG_DONE.format(name=org.name, id=fa(org.id), county=place))


async def list_orgs(update: Update, context: WireContext) -> None:
    """/orgs: every organization with its county, officers and approval setting."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    await message.reply_html(organizations_text(await context.runtime.administration.organizations()))


async def invite(update: Update, context: WireContext) -> None:
    """/invite ORG_ID: a one-time link that makes whoever opens it an officer of that organization."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    administration = context.runtime.administration
    org_id = await agency_id(
        command_text(message), usage=texts.INVITE_USAGE, unknown=_unknown_org, named=administration.agency_named
    )
    created = await administration.create_invite(admin.id, org_id)
    await message.reply_text(
        invite_text(created, context.bot.username, context.runtime.settings.timezone), link_preview_options=None
    )


async def list_officers(update: Update, context: WireContext) -> None:
    """/officers [ORG_ID]: the officers, active first."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, _ = found
    argument, administration = command_text(message), context.runtime.administration
    org_id = None
    if argument:
        org_id = await agency_id(
            argument, usage=texts.OFFICERS_USAGE, unknown=_unknown_org, named=administration.agency_named
        )
    await message.reply_html(officers_text(await administration.officers(org_id)))


async def revoke(update: Update, context: WireContext) -> None:
    """/revoke USER_ID: remove an officer's publishing at once, and tell them."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    argument = command_text(message)
    user_id = parse_id(argument)
    if user_id is None:
        refuse_id(argument, usage=texts.REVOKE_USAGE, unknown=lambda id_: texts.REVOKE_NONE.format(user_id=id_))
    entry = await context.runtime.administration.revoke(admin.id, user_id)
    await message.reply_text(
        texts.REVOKE_DONE.format(name=entry.officer.full_name, user_id=fa(user_id), org=entry.organization_name)
    )
    # The officer may have blocked the bot; the revocation stands either way.
    await _tell(context, user_id, texts.REVOKED_NOTICE.format(org=entry.organization_name))
    await context.menus.refresh_user_menu(context.bot, context.runtime.storage, context.runtime.settings, user_id)


async def add_admin(update: Update, context: WireContext) -> None:
    """/addadmin USER_ID: make a user an admin, at once."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    user_id = _user_id(command_text(message), texts.ADDADMIN_USAGE)
    await context.runtime.administration.add_admin(admin.id, user_id)
    await message.reply_text(texts.ADDADMIN_DONE.format(user_id=fa(user_id)))
    await _refresh_menu(context, user_id, admin=True)
    await _tell(context, user_id, texts.ADDADMIN_NOTICE)


async def remove_admin(update: Update, context: WireContext) -> None:
    """/removeadmin USER_ID: take admin rights from a user added through the bot."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    argument = command_text(message)
    if (huge := beyond_range(argument)) is not None and not huge.startswith("-"):
        raise UnknownId(texts.REMOVEADMIN_NONE.format(user_id=fa(huge)))
    user_id = _user_id(argument, texts.REMOVEADMIN_USAGE)
    await context.runtime.administration.remove_admin(admin.id, user_id)
    await message.reply_text(texts.REMOVEADMIN_DONE.format(user_id=fa(user_id)))
    await _refresh_menu(context, user_id, admin=False)
    if user_id != admin.id:
        await _tell(context, user_id, texts.REMOVEADMIN_NOTICE)


async def _tell(context: WireContext, user_id: int, text: str) -> None:
    """Let the user know, if they ever started the bot; the change of their rights stands either way."""
    await context.runtime.core.ports.notices.tell(user_id, text)


async def _refresh_menu(context: WireContext, user_id: int, *, admin: bool) -> None:
    """Give the user the command menu of their role now; a failure is only logged, the change of rights stands."""
    try:
        if admin:
            await context.menus.set_user_menu(context.bot, user_id, Role.ADMIN)
        else:  # back to the officer's or everyone's menu, whichever they have now
            await context.menus.refresh_user_menu(
                context.bot, context.runtime.storage, context.runtime.settings, user_id
            )
    except Exception:  # a menu is a convenience: never fail the command over it
        log.exception("command menu not refreshed user_id=%d", user_id)


async def list_admins(update: Update, context: WireContext) -> None:
    """/admins: the admins from ADMIN_IDS, then those added through the bot."""
    found = await admin_request(update, context)
    if found is None:
        return
    message, admin = found
    configured, stored = await context.runtime.administration.admins()
    await message.reply_html(admins_text(configured, stored, admin.id, context.runtime.settings.timezone))


COMMANDS = (
    command("addorg", add_org, Menu.ADMIN),
    command("orgs", list_orgs, Menu.ADMIN),
    command("invite", invite, Menu.ADMIN),
    command("officers", list_officers, Menu.ADMIN),
    command("revoke", revoke, Menu.ADMIN),
    command("addadmin", add_admin, Menu.ADMIN),
    command("removeadmin", remove_admin, Menu.ADMIN),
    command("admins", list_admins, Menu.ADMIN),
)
HANDLERS = command_handlers(COMMANDS)
