"""Small text helpers shared by the directives: slugs, lookup keys and option lists."""

from __future__ import annotations

import json
import re
import unicodedata
import zlib

_NON_WORD = re.compile(r"[^\w]+")


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
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


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
            return [" ".join(str(item).split()) for item in items if str(item).strip()]
    return [" ".join(part.split()) for part in raw.split(",") if part.strip()]


def collation_key(term: str) -> tuple[str, str]:
    """Sort key for A–Z listings: accents fold onto their base letter, case is ignored.

    ``Überanpassung`` sorts with the U's (before ``Value Alignment``), as readers of
    German and English expect; the second part keeps the order of otherwise equal terms
    stable. Scripts without case or accents keep their code-point order.
    """
    decomposed = unicodedata.normalize("NFKD", term)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return base.casefold(), term


def index_letter(term: str) -> str:
    """The A–Z heading a term files under: its first letter without accents, upper-case.

    Terms that start with a digit or a symbol file under ``#``.
    """
    folded = collation_key(term)[0].lstrip()
    if not folded or not folded[0].isalpha():
        return "#"
    return folded[0].upper()
