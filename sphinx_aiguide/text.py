"""Small text helpers: folded white space, slugs, lookup keys and option lists."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """*text* with every run of white space (line breaks included) made one space, trimmed.

    Text taken from a source file keeps the writer's line breaks; readers, warnings and
    exports want it as one line.
    """
    return " ".join(text.split())


def slugify(text: str) -> str:
    """Lower-case *text* and turn runs of non-word characters into ``-``.

    Unlike :func:`docutils.nodes.make_id`, letters outside ASCII are kept, so a term in
    Japanese or Greek gets a readable id that does not move when other content moves.
    A text with no word character at all gets a short checksum so the id stays stable.
    """
    normal = unicodedata.normalize("NFKC", text).lower()
    slug = _NON_WORD.sub("-", normal).strip("-_")
    if slug:
        return slug
    return f"{zlib.crc32(normal.encode('utf-8')):08x}"


def term_key(text: str) -> str:
    """The lookup key of a term or alias: case and white space do not matter."""
    return fold(unicodedata.normalize("NFKC", text)).casefold()


def did_you_mean(wanted: str, choices: Iterable[str]) -> str:
    """``; did you mean 'X'?`` naming the one of *choices* closest to *wanted*, else "".

    Case and spacing do not count, so ``reward hackin`` finds ``Reward Hacking``.
    """
    by_key = {term_key(choice): choice for choice in choices}
    found = difflib.get_close_matches(term_key(wanted), by_key, n=1)
    return f"; did you mean {by_key[found[0]]!r}?" if found else ""


def stacked_aliases(names: Sequence[str]) -> list[str]:
    """The names after the first of a glossary entry's stacked terms, as aliases.

    A name that is the first again (or an earlier alias) in another case or spacing is
    left out: it would only clash with itself.
    """
    aliases: dict[str, str] = {}
    for name in names[1:]:
        if term_key(name) != term_key(names[0]):
            aliases.setdefault(term_key(name), name)
    return list(aliases.values())


def split_list(raw: str) -> list[str]:
    """Split an option value such as ``a, b, c`` into its items, dropping empty ones.

    MyST front matter renders a YAML list as JSON (``["a", "b"]``); that form is read too,
    so ``reviewed-by: [a, b]`` works as a writer expects.
    """
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        try:
            items = json.loads(raw)
        except ValueError:
            items = None
        if isinstance(items, list):
            return [fold(str(item)) for item in items if str(item).strip()]
    items = (_unquote(fold(part)) for part in raw.split(","))
    return [item for item in items if item]


def _unquote(item: str) -> str:
    """``"Convergent goals"`` → ``Convergent goals``: quotes around an item are not part of it."""
    if len(item) >= 2 and item[0] == item[-1] and item[0] in "\"'":
        return item[1:-1].strip()
    return item

