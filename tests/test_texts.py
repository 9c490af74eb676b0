"""The strings under bot/texts against the code that uses them.

* every ``texts.NAME`` (and ``from bot.texts import NAME``) names a string that exists;
* every ``TEMPLATE.format(...)`` passes exactly the template's ``{placeholders}`` by keyword: a missing
  one raises KeyError only when that message is sent, an extra one is silently dropped;
* every template with placeholders is formatted somewhere in bot/ or bench/ (or listed in
  ``FORMATTED_ELSEWHERE`` with the names the code passes), and never sent as it is;
* every module under bot/texts lists what it defines in ``__all__`` (the package re-exports those);
* no Latin digit stands in Persian prose where a Persian one belongs.

The call sites are found by walking the syntax tree of every .py file under bot/, bench/ and tests/:
``texts.NAME.format(...)``, ``NAME.format(...)`` after ``from bot.texts import NAME``, and the same
through a local variable, a conditional expression or a tuple (``unit[1].format(...)``).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import os
import pickle
import pkgutil
import re
import string
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest

from bot import texts

ROOT = Path(__file__).resolve().parent.parent
TEXTS_DIR = ROOT / "bot" / "texts"
# Call sites in these count as "formatted somewhere"; tests/ is checked for mismatches and names too.
PRODUCT_DIRS = ("bot", "bench")
CHECKED_DIRS = (*PRODUCT_DIRS, "tests")

# Templates filled by code this test cannot follow: name -> (the keywords that code passes, where).
FORMATTED_ELSEWHERE: dict[str, tuple[frozenset[str], str]] = {}

TEXT_MODULES: dict[str, ModuleType] = {
    info.name: importlib.import_module(f"bot.texts.{info.name}") for info in pkgutil.iter_modules(texts.__path__)
}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def _public(module: ModuleType) -> dict[str, object]:
    return {name: getattr(module, name) for name in module.__all__}


STRINGS: dict[str, object] = {
    name: value for module in TEXT_MODULES.values() for name, value in _public(module).items()
}
TEMPLATES: dict[str, str] = {name: value for name, value in STRINGS.items() if isinstance(value, str)}


def fields(template: str) -> list[str]:
    """The replacement fields of ``template`` as ``str.format`` sees them: "" for ``{}``, "0" for ``{0}``."""
    found: list[str] = []
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            found.append(re.split(r"[.\[]", name, maxsplit=1)[0])
            found.extend(fields(spec or ""))
    return found


def placeholders(template: str) -> frozenset[str]:
    return frozenset(fields(template))


# -- the call sites ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """``texts.NAME`` or an imported ``NAME`` in the code."""

    where: str
    name: str


@dataclass(frozen=True)
class FormatCall:
    """``<template>.format(...)`` (or ``format_map``) where <template> resolves to one or more names."""

    where: str
    names: frozenset[str]
    positional: int
    keywords: frozenset[str] | None  # None: a ``**mapping`` this test cannot see into
    call: str


@dataclass
class Uses:
    references: list[Reference] = field(default_factory=list)
    calls: list[FormatCall] = field(default_factory=list)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
Bindings = dict[str, list[ast.expr]]


def _bind(target: ast.expr, value: ast.expr, out: Bindings) -> None:
    if isinstance(target, ast.Name):
        out[target.id].append(value)
    elif isinstance(target, ast.Tuple | ast.List) and isinstance(value, ast.IfExp):
        _bind(target, value.body, out)
        _bind(target, value.orelse, out)
    elif (
        isinstance(target, ast.Tuple | ast.List)
        and isinstance(value, ast.Tuple | ast.List)
        and len(target.elts) == len(value.elts)
    ):
        for sub_target, sub_value in zip(target.elts, value.elts, strict=True):
            _bind(sub_target, sub_value, out)


def _bindings(body: Iterable[ast.AST]) -> Bindings:
    """Names assigned in one scope (not in functions or classes nested in it), with every value.

    ``for a, b in PAIRS`` binds a and b to each item of PAIRS when PAIRS is a literal or a name set to one.
    """
    out: Bindings = defaultdict(list)
    loops: list[tuple[ast.expr, ast.expr]] = []
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                _bind(target, node.value, out)
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            _bind(node.target, node.value, out)
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            loops.append((node.target, node.iter))
        stack.extend(ast.iter_child_nodes(node))
    for target, iterable in loops:
        literals = [iterable] if isinstance(iterable, ast.Tuple | ast.List) else []
        if isinstance(iterable, ast.Name):
            literals = [value for value in out.get(iterable.id, []) if isinstance(value, ast.Tuple | ast.List)]
        for literal in literals:
            for item in literal.elts:
                _bind(target, item, out)
    return out


def _parameter_bindings(tree: ast.Module) -> dict[str, Bindings]:
    """What the calls in this file pass to the parameters of the functions and methods it defines.

    By simple name (``helper(...)``, ``self.helper(...)``), so that a template handed to a helper that
    formats it (``_pick(args, options, texts.FILTER_UNKNOWN_TOPICS)``) is checked where it is formatted.
    """
    functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = defaultdict(list)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions[node.name].append(node)
    out: dict[str, Bindings] = defaultdict(lambda: defaultdict(list))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        for function in functions.get(name or "", []):
            params = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
            if isinstance(node.func, ast.Attribute) and params[:1] in (["self"], ["cls"]):
                params = params[1:]
            for param, arg in zip(params, node.args, strict=False):
                if not isinstance(arg, ast.Starred):
                    out[function.name][param].append(arg)
            for keyword in node.keywords:
                if keyword.arg is not None:
                    out[function.name][keyword.arg].append(keyword.value)
    return out


class _Collector(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.Module) -> None:
        self.path = path
        self.uses = Uses()
        self.modules: set[str] = set()  # local names of the bot.texts package (``from bot import texts``)
        self.imported: dict[str, str] = {}  # local name -> string name (``from bot.texts import NAME``)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "bot":
                self.modules |= {alias.asname or alias.name for alias in node.names if alias.name == "texts"}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot.texts"):
                for alias in node.names:
                    self.imported[alias.asname or alias.name] = alias.name
                    self.uses.references.append(Reference(self._where(node), alias.name))
            elif isinstance(node, ast.Import):
                self.modules |= {alias.asname for alias in node.names if alias.name == "bot.texts" and alias.asname}
        self.scopes: list[Bindings] = [_bindings(tree.body)]
        self.parameters = _parameter_bindings(tree)

    def _where(self, node: ast.AST) -> str:
        return f"{self.path}:{getattr(node, 'lineno', 0)}"

    def _lookup(self, name: str) -> list[ast.expr]:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return []

    def _literal_items(self, node: ast.expr, depth: int) -> list[ast.expr]:
        """The tuple or list literals ``node`` may stand for (itself, or what a variable was set to)."""
        if isinstance(node, ast.Tuple | ast.List):
            return [node]
        if isinstance(node, ast.Name) and depth < 8:
            return [item for value in self._lookup(node.id) for item in self._literal_items(value, depth + 1)]
        return []

    def resolve(self, node: ast.expr, depth: int = 0) -> set[str]:
        """The string names ``node`` may evaluate to."""
        if depth > 8:
            return set()
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in self.modules:
            return {node.attr}
        if isinstance(node, ast.Name):
            if node.id in self.imported and not self._lookup(node.id):
                return {self.imported[node.id]}
            return {name for value in self._lookup(node.id) for name in self.resolve(value, depth + 1)}
        if isinstance(node, ast.IfExp):
            return self.resolve(node.body, depth + 1) | self.resolve(node.orelse, depth + 1)
        if isinstance(node, ast.BoolOp):
            return {name for value in node.values for name in self.resolve(value, depth + 1)}
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            index = node.slice.value
            if isinstance(index, int):
                return {
                    name
                    for literal in self._literal_items(node.value, depth + 1)
                    if isinstance(literal, ast.Tuple | ast.List) and -len(literal.elts) <= index < len(literal.elts)
                    for name in self.resolve(literal.elts[index], depth + 1)
                }
        return set()

    def _scoped(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        body: list[ast.AST] = [node.body] if isinstance(node, ast.Lambda) else list(node.body)
        scope = _bindings(body)
        if not isinstance(node, ast.Lambda):
            for param, values in self.parameters.get(node.name, {}).items():
                scope[param] = [*values, *scope.get(param, [])]
        self.scopes.append(scope)
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _scoped

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and node.value.id in self.modules and not node.attr.startswith("__"):
            self.uses.references.append(Reference(self._where(node), node.attr))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("format", "format_map"):
            names = self.resolve(func.value)
            if names:
                self.uses.calls.append(self._format_call(node, func.attr, frozenset(names)))
        self.generic_visit(node)

    def _format_call(self, node: ast.Call, method: str, names: frozenset[str]) -> FormatCall:
        keywords: set[str] | None = set()
        positional = 0
        if method == "format_map":
            mappings = list(node.args)
        else:
            positional = sum(1 for arg in node.args if not isinstance(arg, ast.Starred))
            if any(isinstance(arg, ast.Starred) for arg in node.args):
                positional += 1
            mappings = [kw.value for kw in node.keywords if kw.arg is None]
            keywords = {kw.arg for kw in node.keywords if kw.arg is not None}
        for mapping in mappings:  # a dict literal or dict(...) with plain keys can be checked
            keys = self._mapping_keys(mapping)
            keywords = None if keys is None or keywords is None else keywords | keys
        return FormatCall(
            self._where(node),
            names,
            positional,
            None if keywords is None else frozenset(keywords),
            ast.unparse(node)[:160],
        )

    def _mapping_keys(self, node: ast.expr) -> set[str] | None:
        if isinstance(node, ast.Dict) and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys
        ):
            return {k.value for k in node.keys if isinstance(k, ast.Constant)}
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
            and not node.args
            and all(kw.arg is not None for kw in node.keywords)
        ):
            return {kw.arg for kw in node.keywords if kw.arg is not None}
        return None


def collect(source: str, path: str = "<source>") -> Uses:
    tree = ast.parse(source)
    collector = _Collector(path, tree)
    collector.visit(tree)
    return collector.uses


def _files(dirs: Iterable[str]) -> Iterator[Path]:
    for top in dirs:
        for path in sorted((ROOT / top).rglob("*.py")):
            if TEXTS_DIR not in path.parents:
                yield path


def _collect_all(dirs: Iterable[str]) -> dict[str, Uses]:
    found = {}
    for path in _files(dirs):
        relative = str(path.relative_to(ROOT))
        found[relative] = collect(path.read_text(encoding="utf-8"), relative)
    return found


@functools.cache
def _uses() -> dict[str, Uses]:
    """Every checked file's uses, read when a test first needs them (not at collection: each of the suite's
    workers collects this module, and most never run its tests).

    Parsing every file takes seconds, and the suite's workers share this module's tests: the first worker
    keeps what it read in a file named by a digest of every checked file's path and contents, and the
    others read that. Any change to any checked file (this one included) names another file.
    """
    digest = hashlib.sha256()
    for path in _files(CHECKED_DIRS):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    cached = ROOT / ".pytest_cache" / "texts-uses" / f"{digest.hexdigest()}.pickle"
    try:
        found: dict[str, Uses] = pickle.loads(cached.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        found = _collect_all(CHECKED_DIRS)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}")
        partial.write_bytes(pickle.dumps(found))
        partial.replace(cached)  # whole or absent, whichever worker writes last
        for old in cached.parent.glob("*.pickle"):
            if old != cached:
                old.unlink(missing_ok=True)  # what earlier sources left
    return found


def _in(dirs: Iterable[str]) -> list[Uses]:
    return [uses for path, uses in _uses().items() if path.split("/", 1)[0] in dirs]


# -- the checks, as functions so that tests below can run them on made-up code -----------------------


def unknown_names(uses: Iterable[Uses], strings: Mapping[str, object] = STRINGS) -> list[str]:
    return [
        f"{ref.where}: texts.{ref.name} does not exist"
        for group in uses
        for ref in group.references
        if ref.name not in strings
    ]


def mismatches(uses: Iterable[Uses], strings: Mapping[str, object] = STRINGS) -> list[str]:
    problems = []
    for group in uses:
        for call in group.calls:
            for name in sorted(call.names):
                template = strings.get(name)
                if not isinstance(template, str):
                    if name in strings:
                        problems.append(f"{call.where}: {name} is not a string but is formatted: {call.call}")
                    continue  # unknown_names reports it
                wanted = placeholders(template)
                if call.positional and any(not f.isdigit() for f in fields(template) if f):
                    problems.append(
                        f"{call.where}: {name} has named fields {sorted(wanted)} but gets positional arguments"
                    )
                if call.keywords is None:
                    problems.append(
                        f"{call.where}: {name} is formatted from a **mapping this test cannot read; "
                        f"pass its fields {sorted(wanted)} by keyword: {call.call}"
                    )
                elif call.keywords != wanted and not call.positional:
                    missing, extra = sorted(wanted - call.keywords), sorted(call.keywords - wanted)
                    problems.append(f"{call.where}: {name} missing {missing}, extra {extra}: {call.call}")
    return problems


def unformatted(uses: Iterable[Uses], strings: Mapping[str, object] = STRINGS) -> list[str]:
    """Templates with placeholders that nothing formats, or that a file uses without formatting them."""
    groups = list(uses)
    templates = {name: value for name, value in strings.items() if isinstance(value, str) and placeholders(value)}
    formatted = {name for group in groups for call in group.calls for name in call.names}
    problems = [
        f"{name} has placeholders {sorted(placeholders(template))} but is never formatted in bot/ or bench/"
        for name, template in templates.items()
        if name not in formatted and name not in FORMATTED_ELSEWHERE
    ]
    for group in groups:
        here = {name for call in group.calls for name in call.names}
        problems += [
            f"{ref.where}: {ref.name} has placeholders but this file never formats it"
            for ref in group.references
            if ref.name in templates and ref.name not in here and ref.name not in FORMATTED_ELSEWHERE
        ]
    return problems


# -- tests ------------------------------------------------------------------------------------------


def test_every_name_the_code_uses_exists() -> None:
    assert not unknown_names(_uses().values()), "\n".join(unknown_names(_uses().values()))


def test_every_template_gets_exactly_its_placeholders() -> None:
    problems = mismatches(_uses().values())
    assert not problems, "\n".join(problems)


def test_every_template_with_placeholders_is_formatted() -> None:
    problems = unformatted(_in(PRODUCT_DIRS))
    assert not problems, "\n".join(problems)


def test_templates_formatted_elsewhere_are_documented_right() -> None:
    """The list above agrees with the templates, and names none that this test can follow after all."""
    followed = {name for group in _uses().values() for call in group.calls for name in call.names}
    for name, (passed, where) in FORMATTED_ELSEWHERE.items():
        assert name in TEMPLATES, name
        assert placeholders(TEMPLATES[name]) == passed, (name, where)
        assert name not in followed, f"{name} is formatted where this test can see it; drop it from the list"


def test_the_call_sites_are_found() -> None:
    """A sanity check on the walk itself: the package's templates are formatted in many places."""
    calls = [call for group in _in(PRODUCT_DIRS) for call in group.calls]
    assert len(calls) > 200
    assert {"SIZE_MEGABYTES", "SIZE_KILOBYTES", "APPROVAL_ON", "APPROVAL_OFF"} <= {n for c in calls for n in c.names}


def test_every_template_parses_with_named_fields_only() -> None:
    """No ``{}`` or ``{0}`` (call sites pass keywords), and strings in dicts and tuples have no fields."""
    for name, value in STRINGS.items():
        for text in _strings(value):
            found = fields(text)  # raises ValueError on a lone { or }
            assert all(f and not f.isdigit() for f in found), (name, found)
            if not isinstance(value, str):
                assert not found, f"{name} is not a template but holds one: {text!r}"


def test_every_module_lists_what_it_defines_and_nothing_twice() -> None:
    seen: dict[str, str] = {}
    for module_name, module in TEXT_MODULES.items():
        tree = ast.parse((TEXTS_DIR / f"{module_name}.py").read_text(encoding="utf-8"))
        defined = [
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name) and target.id != "__all__"
        ]
        assert sorted(module.__all__) == sorted(defined), module_name
        assert len(set(defined)) == len(defined), f"{module_name} assigns a name twice"
        for name in defined:
            assert name not in seen, f"{name} is in both {seen[name]} and {module_name}"
            seen[name] = module_name
        assert all(getattr(texts, name) is getattr(module, name) for name in defined)


# The checks on made-up code and made-up templates: they must catch what they are for.
MADE_UP = {
    "ONE": "خبر {id}",
    "TWO": "خبر {id} برای {count}",
    "ORG": "«{org}»",
    "TOPIC": "«{label}» ({slug})",
    "SIZE": "{value} مگابایت",
    "LISTED": "{values}\n{options}",
    "VERSIONS": "{versions}",
    "PLAIN": "بدون جای خالی",
    "NAMES": {"a": "الف"},
}


def test_the_checks_catch_mismatches() -> None:
    uses = collect(
        "from bot import texts\n"
        "from bot.texts import TWO as T\n"
        "texts.TWO.format(id=1)\n"  # missing count
        "T.format(id=1, count=2, extra=3)\n"  # extra
        "texts.TWO.format(1, 2)\n"  # positional
        "texts.TWO.format(**values)\n"  # not checkable
        "texts.TWO.format(**{'id': 1, 'count': 2})\n"  # fine
        "texts.NO_SUCH_STRING\n"
        "def f(c):\n"
        "    template = texts.ORG if c else texts.ONE\n"
        "    return template.format(org=1)\n"  # ONE wants id
        "def g():\n"
        "    pair = ('x', texts.SIZE)\n"
        "    return pair[1].format(size=1)\n"  # SIZE wants value
        "texts.PLAIN.format(id=1)\n"  # no fields at all
        "texts.NAMES.format()\n"  # not a string
    )
    problems = mismatches([uses], MADE_UP)
    assert len(problems) == 8, "\n".join(problems)
    assert "<source>:3: TWO missing ['count'], extra []" in problems[0]
    assert "<source>:4: TWO missing [], extra ['extra']" in problems[1]
    assert "<source>:5: TWO has named fields ['count', 'id'] but gets positional arguments" in problems[2]
    assert "<source>:6: TWO is formatted from a **mapping" in problems[3]
    assert "<source>:11: ONE missing ['id'], extra ['org']" in problems[4]
    assert "<source>:14: SIZE missing ['value'], extra ['size']" in problems[5]
    assert "<source>:15: PLAIN missing [], extra ['id']" in problems[6]
    assert "<source>:16: NAMES is not a string" in problems[7]
    assert unknown_names([uses], MADE_UP) == ["<source>:8: texts.NO_SUCH_STRING does not exist"]


def test_the_checks_follow_variables_loops_and_helpers() -> None:
    uses = collect(
        "from bot import texts\n"
        "def helper(args, message):\n"
        "    return message.format(values=args)\n"  # LISTED also wants options
        "class Reader:\n"
        "    def pick(self, message):\n"
        "        return message.format(org=1)\n"
        "def f(c, reader):\n"
        "    helper([], texts.LISTED)\n"
        "    reader.pick(message=texts.ORG)\n"  # fine
        "    usage, done = (texts.PLAIN, texts.TOPIC) if c else (texts.PLAIN, texts.ONE)\n"
        "    done.format(label=1, slug=2)\n"  # ONE wants id
        "    pairs = ((texts.VERSIONS, 1), (texts.TWO, 2))\n"
        "    for template, n in pairs:\n"
        "        template.format(versions=n)\n"  # TWO wants id and count
    )
    problems = mismatches([uses], MADE_UP)
    assert len(problems) == 3, "\n".join(problems)
    assert "<source>:3: LISTED missing ['options'], extra []" in problems[0]
    assert "<source>:11: ONE missing ['id'], extra ['label', 'slug']" in problems[1]
    assert "<source>:14: TWO missing ['count', 'id'], extra ['versions']" in problems[2]


def test_the_checks_catch_templates_sent_unformatted() -> None:
    uses = collect("from bot import texts\nsend(texts.TWO)\ntexts.ONE.format(id=1)\nsend(texts.PLAIN)\n")
    problems = unformatted([uses], MADE_UP)
    assert "<source>:2: TWO has placeholders but this file never formats it" in problems
    assert "TWO has placeholders ['count', 'id'] but is never formatted in bot/ or bench/" in problems
    assert not any("ONE" in p or "PLAIN" in p for p in problems)


# -- digits ------------------------------------------------------------------------------------------

LATIN_DIGIT = re.compile(r"[0-9]")
PERSIAN_DIGIT = re.compile(r"[۰-۹]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
COMMAND = re.compile(r"^/[a-z_]+$")

# Latin digits that belong where they are, with the reason.
LATIN_DIGITS_ALLOWED: dict[str, str] = {
    "MSG_BAD_TIME_OF_DAY": "«۰۸:۳۰» یا «23:00» shows on purpose that a time typed in Latin digits is accepted too",
    "COMMAND_USAGES": "what /help shows right after a command («/quiet 23:00-07:00»), typed as it is",
}


def latin_digits_in_prose(text: str) -> list[str]:
    """Words of ``text`` with a Latin digit where a Persian one belongs.

    Left alone: a word with Latin letters (UTF-8, ISO, 2024-05-01T09:30:00Z, +2h), a word after a Latin
    word (ISO 8601), and what follows a command on its line (/quiet 23:00-07:00), since that is typed as
    it is.  A word that mixes Persian and Latin digits («+۱h30m») is always reported.
    """
    found = []
    for line in text.splitlines():
        words = line.split()
        after_command = False
        for index, word in enumerate(words):
            bare = word.strip("«»()،؛:.,")
            after_command = after_command or bool(COMMAND.match(bare.split("_", 1)[0]))
            if not LATIN_DIGIT.search(word):
                continue
            if PERSIAN_DIGIT.search(word):
                found.append(word)
                continue
            after_latin_word = index > 0 and bool(re.fullmatch(r"[A-Za-z]+", words[index - 1]))
            if LATIN_LETTER.search(word) or after_latin_word or after_command:
                continue
            found.append(word)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ساعت 10 صبح", ["10"]),
        ("مثلاً «+۱h30m»", ["«+۱h30m»"]),
        ("حداکثر ۱۰ عکس", []),
        ("/quiet 23:00-07:00 — ساعت سکوت", []),
        ("با رمزگذاری UTF-8 خوانده نشد", []),
        ("use ISO 8601 such as 2024-05-01T09:30:00Z", []),
        ("یا «+2h»", []),
        ("/release_{id}", []),
    ],
)
def test_latin_digits_in_prose_finds_clear_cases_only(text: str, expected: list[str]) -> None:
    assert latin_digits_in_prose(text) == expected


def test_no_latin_digits_in_persian_prose() -> None:
    problems = []
    for name, value in STRINGS.items():
        for text in _strings(value):
            words = latin_digits_in_prose(text)
            if words and name not in LATIN_DIGITS_ALLOWED:
                problems.append(f"{name}: {words}")
    assert not problems, "\n".join(problems)


def test_allowed_latin_digits_are_still_there() -> None:
    for name in LATIN_DIGITS_ALLOWED:
        assert any(latin_digits_in_prose(text) for text in _strings(STRINGS[name])), name
