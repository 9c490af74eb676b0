"""Telegram's HTML subset, parsed as tdlib does: plain text and Bot API entities with UTF-16 offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

JSONDict = dict[str, Any]


class HtmlParseError(ValueError):
    """Telegram's "can't parse entities" reason, e.g. 'Unsupported start tag "p" at byte offset 0'."""


_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)
_SIMPLE_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = frozenset(" \t\r\n\v\f")
_HEX = frozenset("0123456789abcdefABCDEF")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


@dataclass
class _OpenTag:
    tag: str
    attrs: dict[str, str]
    offset: int
    begin: int
    language: str | None = None


def _decode_entity(text: str, i: int) -> tuple[str | None, int, str]:
    """Decode the character reference at ``text[i] == "&"`` like tdlib's decode_html_entity.
    Returns (character or None, index after it, the reference's name for error messages)."""
    n = len(text)
    j = i + 1
    if j < n and text[j] == "#":
        j += 1
        hexadecimal = j < n and text[j] == "x"
        if hexadecimal:
            j += 1
        start = j
        while j < n and (text[j] in _HEX if hexadecimal else "0" <= text[j] <= "9"):
            j += 1
        digits = text[start:j]
        name = text[i + 1 : j]
        if not digits or j - i >= 10:
            return None, j, name
        value = int(digits, 16 if hexadecimal else 10)
        if value == 0 or value >= 0x10FFFF:
            return None, j, name
        if 0xD800 <= value <= 0xDFFF:
            raise HtmlParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            )
        char: str | None = chr(value)
    else:
        while j < n and text[j].isascii() and text[j].isalpha():
            j += 1
        name = text[i + 1 : j]
        char = _NAMED_ENTITIES.get(name)
        if char is None:
            return None, j, name
    if j < n and text[j] == ";":
        j += 1
    return char, j, name


def _entity_error(text: str, i: int, end: int) -> HtmlParseError:
    where = f"at byte offset {_byte_offset(text, i)}"
    if end == i + 1:
        return HtmlParseError(f'Bare "&" {where}; escape it as "&amp;"')
    if text[end : end + 1] == ";":
        end += 1
    return HtmlParseError(f'Unsupported HTML entity "{text[i:end]}" {where}; escape "&" as "&amp;"')


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSONDict]]:
    """Parse Telegram's HTML subset into (plain text, Bot API entities with UTF-16 offsets).

    Follows tdlib's parser and its error texts; raises HtmlParseError.  With ``strict`` a bare
    ``&`` or an unknown entity is an error (Telegram keeps it literally).  The text is not
    trimmed here."""
    n = len(text)
    out: list[str] = []
    pos = 0  # UTF-16 offset of the end of ``out``
    stack: list[_OpenTag] = []
    entities: list[JSONDict] = []
    i = 0

    def at(k: int) -> str:
        return text[k] if k < n else ""

    def decode_ref(k: int) -> tuple[str, int]:
        char, after, _ = _decode_entity(text, k)
        if char is not None:
            return char, after
        if strict:
            raise _entity_error(text, k, after)
        return "&", k + 1

    while i < n:
        c = text[i]
        if c == "&":
            char, i = decode_ref(i)
            out.append(char)
            pos += 2 if ord(char) > 0xFFFF else 1
            continue
        if c != "<":
            out.append(c)
            pos += 2 if ord(c) > 0xFFFF else 1
            i += 1
            continue

        begin = i
        i += 1
        if at(i) == "/":  # an end tag
            i += 1
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {_byte_offset(text, begin)}")
            start = i
            while i < n and text[i] not in _SPACES and text[i] != ">":
                i += 1
            end_name = text[start:i].lower()
            while i < n and text[i] in _SPACES:
                i += 1
            if at(i) != ">":
                raise HtmlParseError(f"Unclosed end tag at byte offset {_byte_offset(text, begin)}")
            i += 1
            top = stack[-1]
            if end_name and end_name != top.tag:
                raise HtmlParseError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{top.tag}>", found "</{end_name}>"'
                )
            stack.pop()
            _close_tag(top, pos, "".join(out), stack, entities)
            continue

        start = i
        while i < n and text[i] not in _SPACES and text[i] != ">":
            i += 1
        if i >= n:
            raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        tag = text[start:i].lower()
        if tag not in _HTML_TAGS:
            raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, begin)}')
        unclosed_named = f'Unclosed start tag "{tag}" at byte offset {_byte_offset(text, begin)}'
        attrs: dict[str, str] = {}
        while at(i) != ">":
            while i < n and text[i] in _SPACES:
                i += 1
            if at(i) == ">":
                break
            if i >= n:
                raise HtmlParseError(unclosed_named)
            attr_start = i
            while i < n and text[i] not in _SPACES and text[i] not in "=>/\"'":
                i += 1
            attr = text[attr_start:i].lower()
            if not attr:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, begin)}'
                )
            while i < n and text[i] in _SPACES:
                i += 1
            if at(i) != "=":
                if i >= n:
                    raise HtmlParseError(unclosed_named)
                attrs[attr] = ""
                continue
            i += 1
            while i < n and text[i] in _SPACES:
                i += 1
            if i >= n:
                raise HtmlParseError(unclosed_named)
            if text[i] not in "'\"":
                token_start = i
                while i < n and ((text[i].isascii() and text[i].isalnum()) or text[i] in ".-"):
                    i += 1
                if i < n and text[i] not in _SPACES and text[i] != ">":
                    raise HtmlParseError(
                        f"Unexpected end of name token at byte offset {_byte_offset(text, token_start)}"
                    )
                attrs[attr] = text[token_start:i].lower()
            else:
                quote = text[i]
                i += 1
                value: list[str] = []
                while i < n and text[i] != quote:
                    if text[i] == "&":
                        char, i = decode_ref(i)
                        value.append(char)
                    else:
                        value.append(text[i])
                        i += 1
                if i >= n:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
                i += 1
                attrs[attr] = "".join(value)
        i += 1  # the ">"
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, begin)}')
        stack.append(_OpenTag(tag, attrs, pos, len(out)))

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_tag(open_tag: _OpenTag, pos: int, plain: str, stack: list[_OpenTag], entities: list[JSONDict]) -> None:
    length = pos - open_tag.offset
    tag = open_tag.tag
    if tag == "tg-emoji":
        emoji_id = open_tag.attrs.get("emoji-id", "")
        if not emoji_id.isdigit() or not 0 < int(emoji_id) < 2**63:
            raise HtmlParseError("Invalid custom emoji identifier specified")
    if length <= 0:
        return
    entity: JSONDict = {"offset": open_tag.offset, "length": length}
    if tag in _SIMPLE_ENTITY:
        entity["type"] = _SIMPLE_ENTITY[tag]
    elif tag == "tg-emoji":
        entity.update(type="custom_emoji", custom_emoji_id=open_tag.attrs["emoji-id"])
    elif tag == "a":
        url = open_tag.attrs.get("href") or plain[open_tag.begin :]
        if not url:
            return
        entity.update(type="text_link", url=url)
    elif tag == "code":
        language = open_tag.attrs.get("class", "")
        parent = stack[-1] if stack else None
        if parent is not None and parent.tag == "pre":
            if language.startswith("language-"):
                parent.language = language.removeprefix("language-")
            return
        entity["type"] = "code"
    elif tag == "pre":
        entity["type"] = "pre"
        if open_tag.language:
            entity["language"] = open_tag.language
    else:  # blockquote
        entity["type"] = "expandable_blockquote" if "expandable" in open_tag.attrs else "blockquote"
    entities.append(entity)


def _trim(plain: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Strip surrounding whitespace like Telegram does, moving the entities along."""
    stripped = plain.strip()
    if stripped == plain:
        return plain, entities
    lead = utf16_len(plain[: len(plain) - len(plain.lstrip())])
    size = utf16_len(stripped)
    moved: list[JSONDict] = []
    for entity in entities:
        start = max(0, entity["offset"] - lead)
        end = min(size, entity["offset"] + entity["length"] - lead)
        if end > start:
            moved.append({**entity, "offset": start, "length": end - start})
    return stripped, moved
