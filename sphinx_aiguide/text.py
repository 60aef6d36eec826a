"""Small text helpers: folded white space, slugs, lookup keys, option lists and A–Z order."""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

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


#: Letters that some languages file after Z, in their order there (``sv``: Å Ä Ö).
_AFTER_Z = {"sv": "åäö", "fi": "åäö", "da": "æøå", "nb": "æøå", "nn": "æøå", "no": "æøå"}


def _tailoring(language: str | None) -> str:
    return _AFTER_Z.get((language or "").replace("-", "_").split("_")[0].lower(), "")


def collation_key(term: str, language: str | None = None) -> tuple[str, str]:
    """Sort key for A–Z listings in the reader's language.

    Accents fold onto their base letter and case is ignored, so ``Überanpassung`` sorts with
    the U's (before ``Value Alignment``) as German, English, French or Spanish readers
    expect. Swedish, Finnish, Danish and Norwegian readers find their own letters after Z
    (``Örebro`` after ``Zebra``). The second part keeps otherwise equal terms in a stable
    order; scripts without case or accents keep their code-point order.
    """
    after_z = _tailoring(language)
    folded = []
    for char in unicodedata.normalize("NFC", term).casefold():
        if char in after_z:
            folded.append(chr(0x7B + after_z.index(char)))  # just after "z"
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(folded), term


def index_letter(term: str, language: str | None = None) -> str:
    """The A–Z heading a term files under: its first letter without accents, upper-case.

    Letters a language files after Z keep their own heading (Swedish ``Ö``); terms that
    start with a digit or a symbol file under ``#``.
    """
    first = unicodedata.normalize("NFC", term.strip())[:1].casefold()
    if first and first in _tailoring(language):
        return first.upper()
    folded = collation_key(term)[0].lstrip()
    if not folded or not folded[0].isalpha():
        return "#"
    return folded[0].upper()
