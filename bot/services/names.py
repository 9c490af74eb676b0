"""Topics, counties and agencies named in a command, read with ``bot.domain.names``: keys, or a UserError.

Every command that takes them reads them here, so ``/topics``, ``/settopics``, ``/setcounty``, ``/addorg``,
``/agencies``, ``/invite``, ``/ask`` … accept the same slugs, ids and Persian names, and refuse the same
way: a piece that names nothing is quoted as typed with the options, a name several agencies share
is answered with those agencies and their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot import texts
from bot.domain.digits import fa, to_persian_digits
from bot.domain.names import Resolved, resolve, resolve_leading
from bot.errors import InvalidInput
from storage import Storage

MAX_VALUES = 50
AMBIGUOUS_SHOWN = 15  # a word many agencies share («ایلام») lists this many, so the reply stays one message

Options = Sequence[tuple[str, str]]


def option_lines(options: Options) -> str:
    """One «slug — label» line per option, as the usage replies list them."""
    return "\n".join(f"{slug} — {label}" for slug, label in options)


def _refuse_ambiguous(resolved: Resolved, options: Options, *, ids: bool) -> None:
    if not resolved.ambiguous:
        return
    typed, keys = resolved.ambiguous[0]
    names = dict(options)
    lines = [((to_persian_digits(key) if ids else key), names[key]) for key in keys[:AMBIGUOUS_SHOWN]]
    listed = option_lines(lines)
    if len(keys) > AMBIGUOUS_SHOWN:
        listed += "\n" + texts.NAME_AMBIGUOUS_MORE.format(count=fa(len(keys) - AMBIGUOUS_SHOWN))
    raise InvalidInput(texts.NAME_AMBIGUOUS.format(typed=typed, options=listed))


def pick(text: str, options: Options, unknown: Callable[[Sequence[str]], str], *, ids: bool = False) -> list[str]:
    """The keys of the options named in ``text``, in the typed order; ``unknown(pieces)`` words the refusal.

    ``ids``: the keys are numbers, shown in Persian digits when a name is ambiguous.
    """
    resolved = resolve(text, options)
    _refuse_ambiguous(resolved, options, ids=ids)
    if resolved.unknown:
        raise InvalidInput(unknown(resolved.unknown))
    if len(resolved.keys) > MAX_VALUES:
        raise InvalidInput(texts.TOO_MANY_VALUES.format(limit=fa(MAX_VALUES)))
    return list(resolved.keys)


def pick_one(text: str, options: Options, unknown: Callable[[str], str], *, too_many: str) -> str:
    """The one option named in ``text``; ``unknown(typed)`` words the refusal, ``too_many`` when several are named."""
    keys = pick(text, options, lambda pieces: unknown(texts.LIST_SEPARATOR.join(pieces)))
    if len(keys) != 1:
        raise InvalidInput(too_many if keys else unknown(text))
    return keys[0]


async def agency_options(storage: Storage) -> list[tuple[str, str]]:
    """Organization ids (as text) and names."""
    return [(str(o.id), o.name) for o in await storage.organizations.list_all()]


async def agency_named(storage: Storage, typed: str, *, listing: str) -> int:
    """The id of the one agency ``typed`` names (by id or name); an id is returned as typed, checked later.

    ``listing``: the command that lists the agencies for this user («/orgs», «/agencies»).
    """
    options = await agency_options(storage)
    return int(
        pick_one(
            typed,
            options,
            lambda name: texts.AGENCY_UNKNOWN_NAME.format(name=name, listing=listing),
            too_many=texts.AGENCY_UNKNOWN_NAME.format(name=typed, listing=listing),
        )
    )


async def leading_agency(storage: Storage, typed: str) -> tuple[int, str] | None:
    """The agency named at the start of ``typed`` and the rest (``/ask NAME TEXT``); None when none is named."""
    options = await agency_options(storage)
    keys, rest = resolve_leading(typed, options)
    if not keys:
        return None
    if len(keys) > 1:
        _refuse_ambiguous(Resolved((), (), ((typed[: len(typed) - len(rest)].strip(), keys),)), options, ids=True)
    return int(keys[0]), rest
