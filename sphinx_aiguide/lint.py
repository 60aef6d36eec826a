"""Mistakes that a build would otherwise publish without a word, each found and explained.

docutils and MyST read a slightly mistyped directive as something else, silently: MyST
without ``colon_fence`` shows ``:::{concept}`` as a paragraph, a reST ``.. concept:`` with
one colon is a comment, and a ```` ```{concept} ```` block "closed" with ``:::`` runs on
and swallows what follows. An entry that ``sphinx-aiguide new`` wrote and nobody finished
still holds its placeholder sentences. Each of these is a warning with file, line and
the fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.errors import FiletypeNotFoundError
from sphinx.transforms import SphinxTransform
from sphinx.util import get_filetype, logging

from sphinx_aiguide import priorities
from sphinx_aiguide.template import PLACEHOLDER_STARTS, is_placeholder

logger = logging.getLogger(__name__)

#: The package's directives, with the warning subtype of each.
DIRECTIVES = {"concept": "concept", "concept-index": "concept", "faq": "faq"}
_NAMES = "|".join(sorted(map(re.escape, DIRECTIVES), key=len, reverse=True))
#: A MyST colon fence read as text: ``:::{concept}`` at the start of a paragraph.
_COLON_FENCE_TEXT = re.compile(rf":{{3,}}\{{({_NAMES})\}}")
#: A reST directive written without the space after the dots: ``..concept::``.
_NO_SPACE = re.compile(rf"\.\.({_NAMES})::")
#: A reST directive written with one colon, which makes it a comment: ``.. concept:``.
_ONE_COLON = re.compile(rf"({_NAMES})\s*:(?!:)")
#: An opening or closing fence line in MyST: backticks, tildes or colons, then the info.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,}|:{3,})\s*(.*)")


def unclosed_fence(block_text: str) -> tuple[int, str] | None:
    """A fence inside a MyST directive's block that changes where the block ends.

    Returns ``(offset, fence)``: the line (counted from the directive's first line) of a
    bare ``:::`` that tries to close a block opened with backticks, or of a code fence
    that is still open when the block ends; ``None`` when every fence pairs up (and for
    reST, whose directives have no fences).
    """
    lines = block_text.splitlines()
    outer = _FENCE.fullmatch(lines[0]) if lines else None
    if outer is None:
        return None
    mark = outer.group(1)
    closing = _FENCE.fullmatch(lines[-1]) if len(lines) > 1 else None
    if closing and closing.group(1)[0] == mark[0] and len(closing.group(1)) >= len(mark) \
            and not closing.group(2):
        lines = lines[:-1]
    open_fences: list[tuple[str, int]] = []  # (fence, offset), innermost last
    for offset, line in enumerate(lines[1:], start=1):
        found = _FENCE.fullmatch(line)
        if found is None:
            continue
        fence, info = found.groups()
        if open_fences and open_fences[-1][0][0] in "`~":  # inside code: only its end counts
            inner = open_fences[-1][0]
            if fence[0] == inner[0] and len(fence) >= len(inner) and not info:
                open_fences.pop()
        elif fence[0] != ":" or info:
            open_fences.append((fence, offset))
        elif open_fences:
            open_fences.pop()
        else:
            return offset, fence
    code = [(fence, offset) for fence, offset in open_fences if fence[0] in "`~"]
    return (code[0][1], code[0][0]) if code else None


def fence_problem(name: str, block_text: str) -> tuple[int, str] | None:
    """``(offset, message)`` when a fence inside the directive's block misplaces its end."""
    found = unclosed_fence(block_text)
    if found is None:
        return None
    offset, fence = found
    opener = _FENCE.fullmatch(block_text.splitlines()[0])
    assert opener is not None
    mark = opener.group(1)
    if fence[0] == ":":
        return offset, (
            f"the '{fence}' on this line does not end the {mark}{{{name}}} block, which only "
            f"a line of {mark} ends: what follows is read as part of the {name}; close the "
            f"block with {mark}, or open it with :::{{{name}}}")
    return offset, (
        f"the '{fence}' on this line opens a code block that is still open where the "
        f"{mark}{{{name}}} block ends, so what follows it is shown as code; if it was meant "
        f"to close the {name}, write {mark}")


def _leading_text(node: nodes.Element) -> str:
    """The text a paragraph starts with, without reading all of it (white space dropped)."""
    child: nodes.Node = node
    while isinstance(child, nodes.Element) and child.children:
        child = child[0]
    return str(child).lstrip() if isinstance(child, nodes.Text) else ""


def _filetype(config: Any, source: str) -> str:
    try:
        return get_filetype(config.source_suffix, source)
    except FiletypeNotFoundError:
        return ""


def _comment_start(comment: nodes.comment, name: str) -> int | None:
    """The line where *comment* (``.. name: …``) starts.

    docutils gives a comment the line after it, blank lines included or not: the start is
    found in the source, a line or two before where its text would begin.
    """
    if not comment.line or not comment.source:
        return comment.line
    try:
        lines = Path(comment.source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return comment.line
    first = max(comment.line - comment.astext().count("\n") - 2, 0)
    start = re.compile(rf"\s*\.\.\s+{re.escape(name)}\s*:")
    for number in range(first, min(comment.line, len(lines))):
        if start.match(lines[number]):
            return number + 1
    return comment.line


class SourceCheckTransform(SphinxTransform):
    """Warn about directives that were read as text or comments, and leftover placeholders."""

    default_priority = priorities.SOURCE_CHECKS

    def apply(self, **kwargs: Any) -> None:
        source = self.document["source"]
        markdown = _filetype(self.config, source) == "markdown"
        colon_fence = "colon_fence" in (getattr(self.config, "myst_enable_extensions", None)
                                        or ())
        if not markdown:
            for comment in self.document.findall(nodes.comment):
                one_colon = _ONE_COLON.match(comment.astext().lstrip())
                if one_colon:
                    name = one_colon.group(1)
                    self._warn(comment, DIRECTIVES[name],
                               f"'.. {name}:' with one colon is a comment, so none of it is "
                               f"shown: write '.. {name}::'", _comment_start(comment, name))
        placeholders: list[nodes.Element] = []
        # file-wide fields are the page's metadata, never shown (MyST front matter's
        # values also carry no line of their own)
        fields = {id(paragraph) for docinfo in self.document.findall(nodes.docinfo)
                  for paragraph in docinfo.findall(nodes.paragraph)}
        for paragraph in self.document.findall(nodes.paragraph):
            if id(paragraph) in fields:
                continue
            lead = _leading_text(paragraph)
            if lead.startswith(PLACEHOLDER_STARTS) and is_placeholder(paragraph.astext()):
                placeholders.append(paragraph)
            if as_text := _COLON_FENCE_TEXT.match(lead):
                name = as_text.group(1)
                self._warn(paragraph, DIRECTIVES[name], self._colon_fence_text(
                    name, markdown=markdown, colon_fence=colon_fence))
            elif not markdown and (no_space := _NO_SPACE.match(lead)):
                name = no_space.group(1)
                self._warn(paragraph, DIRECTIVES[name],
                           f"'..{name}::' is shown as text: write '.. {name}::', with a "
                           "space after the two dots")
        if placeholders:
            count = len(placeholders)
            self._warn(placeholders[0], "concept",
                       f"this entry still holds {count} placeholder "
                       f"sentence{'s' if count > 1 else ''} of 'sphinx-aiguide new' (the first "
                       "here): replace them with the entry's own words before publishing")

    @staticmethod
    def _colon_fence_text(name: str, *, markdown: bool, colon_fence: bool) -> str:
        shown = f"':::{{{name}}}' is shown as text"
        if not markdown:
            return f"{shown}: it is MyST Markdown; in reStructuredText write '.. {name}::'"
        if not colon_fence:
            return (f"{shown}: MyST reads ':::' fences only with "
                    "myst_enable_extensions = [\"colon_fence\"] in conf.py "
                    f"(or write the block as ```{{{name}}} … ```)")
        return f"{shown}: a ':::{{{name}}}' fence must start a line of its own"

    def _warn(self, node: nodes.Element, subtype: str, message: str,
              line: int | None = None) -> None:
        source = node.source or self.document["source"]
        line = line or node.line
        logger.warning("%s", message, type="aiguide", subtype=subtype,
                       location=f"{source}:{line}" if line else source)
