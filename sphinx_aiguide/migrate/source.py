"""Glossaries as written in a source file, and the text that replaces them.

A glossary block is read line by line with the rules of Sphinx's ``Glossary`` directive
(unindented lines are terms, stacked terms share the indented definition below them, a
``..`` line at term level starts a comment), so each entry keeps its exact lines: a
converted entry's definition moves into a ``concept`` directive unchanged but for its
indentation, and an entry left as it is keeps every byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Syntax = Literal["rst", "md"]

_RST_START = re.compile(r"(?P<indent>[ \t]*)\.\.[ \t]+glossary::[ \t]*")
_MD_START = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})\{glossary\}[ \t]*")
_OPTION = re.compile(r":[\w-]+:.*")
#: The tab stops docutils and MyST expand tabs to.
TAB = 8


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


@dataclass
class Entry:
    """One entry: its term lines and definition as Sphinx reads them, its lines as written."""

    #: Index (0-based) of the first term's line in the file.
    first: int
    terms: list[str]
    #: The definition, dedented as Sphinx dedents it.
    definition: list[str] = field(default_factory=list)
    #: Every line of the entry as it is in the file, trailing blank lines included.
    raw: list[str] = field(default_factory=list)
    #: A comment between its terms, or a definition line indented less than the first.
    irregular: str = ""


@dataclass
class Comment:
    """A comment at term level, which Sphinx leaves out of the glossary."""

    #: The comment as written, dedented to the glossary's content.
    text: list[str]
    raw: list[str]


@dataclass
class Block:
    """One glossary directive: where it is, how it is written, and what it holds."""

    syntax: Syntax
    #: Indices of its first line (the directive) and of the line after its last.
    start: int
    end: int
    indent: str
    #: The option lines as written.
    options: list[str]
    chunks: list[Entry | Comment]
    #: MyST: the fence that opens the directive (backticks or colons).
    fence: str = ""

    @property
    def entries(self) -> list[Entry]:
        return [chunk for chunk in self.chunks if isinstance(chunk, Entry)]


def _md_end(lines: list[str], start: int, fence: str) -> int | None:
    """Index of the line that closes the MyST fence opened at *start*."""
    closing = re.compile(rf"[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
    for index in range(start + 1, len(lines)):
        if closing.fullmatch(lines[index]):
            return index
    return None


def parse_block(lines: list[str], start: int, syntax: Syntax) -> Block | None:
    """The glossary whose directive is on line *start* (0-based), or ``None`` if none is."""
    first = lines[start].expandtabs(TAB) if start < len(lines) else ""
    if syntax == "rst":
        match = _RST_START.fullmatch(first)
        if match is None:
            return None
        end = start + 1
        while end < len(lines) and (not lines[end].strip()
                                    or _indent(lines[end].expandtabs(TAB)) > len(match["indent"])):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        body, fence, close = lines[start + 1:end], "", end
    else:
        match = _MD_START.fullmatch(first)
        found = _md_end(lines, start, match["fence"]) if match else None
        if match is None or found is None:
            return None
        body, fence, close, end = lines[start + 1:found], match["fence"], found, found + 1
    expanded = [line.expandtabs(TAB) for line in body]
    options: list[str] = []
    if expanded and expanded[0].strip().startswith(":"):
        while len(options) < len(expanded) and _OPTION.fullmatch(expanded[len(options)].strip()):
            options.append(body[len(options)])
    elif syntax == "md" and expanded and expanded[0].strip() == "---":
        closing = next((i for i in range(1, len(expanded)) if expanded[i].strip() == "---"), None)
        if closing is None:
            return None
        options = body[:closing + 1]
    content = list(range(start + 1 + len(options), close))
    filled = [_indent(lines[i].expandtabs(TAB)) for i in content if lines[i].strip()]
    if syntax == "rst":
        filled += [_indent(line.expandtabs(TAB)) for line in options]
        dedent = min(filled, default=0)
    else:
        dedent = min(len(match["indent"]), min(filled, default=0))
    chunks = _chunks([(i, lines[i].expandtabs(TAB)[dedent:]) for i in content], lines)
    return Block(syntax, start, end, match["indent"], options, chunks, fence)


def _chunks(content: list[tuple[int, str]], lines: list[str]) -> list[Entry | Comment]:
    """Entries and comments, by the line rules of Sphinx's ``Glossary.run``."""
    chunks: list[Entry | Comment] = []
    current: Entry | None = None
    in_definition, in_comment, indent = True, False, 0
    for index, line in content:
        raw = lines[index]
        if not line.strip():
            if chunks:
                chunks[-1].raw.append(raw)
            if in_definition and current is not None:
                current.definition.append("")
            continue
        if not line[0].isspace():
            if line.startswith(".. "):
                in_comment = True
                if current is not None and not in_definition:
                    current.irregular = "a comment sits between its terms"
                    current.raw.append(raw)
                else:
                    chunks.append(Comment([line], [raw]))
                continue
            in_comment = False
            if in_definition or current is None:
                current = Entry(index, [line], raw=[raw])
                chunks.append(current)
                in_definition = False
            else:
                current.terms.append(line)
                current.raw.append(raw)
        elif in_comment:
            chunk = chunks[-1]
            chunk.raw.append(raw)
            if isinstance(chunk, Comment):
                chunk.text.append(line)
        elif current is not None:
            if not in_definition:
                in_definition, indent = True, _indent(line)
            elif _indent(line) < indent:
                current.irregular = "its definition is indented less than its first line"
            current.definition.append(line[indent:])
            current.raw.append(raw)
    for chunk in chunks:
        if isinstance(chunk, Entry):
            while chunk.definition and not chunk.definition[-1].strip():
                chunk.definition.pop()
    return chunks


def _trimmed(raw: list[str]) -> list[str]:
    end = len(raw)
    while end and not raw[end - 1].strip():
        end -= 1
    return raw[:end]


def render_concept(block: Block, term: str, aliases: list[str], entry: Entry) -> list[str]:
    """The ``concept`` directive an entry becomes, at the glossary's indentation."""
    ind = block.indent
    if block.syntax == "rst":
        lines = [f"{ind}.. concept:: {term}"]
        if aliases:
            lines.append(f"{ind}   :aliases: {', '.join(aliases)}")
        lines.append("")
        lines += [f"{ind}   {line}" if line.strip() else "" for line in entry.definition]
        return lines
    fence = _fence_for(block.fence, entry.definition)
    lines = [f"{ind}{fence}{{concept}} {term}"]
    if aliases:
        lines.append(f"{ind}:aliases: {', '.join(aliases)}")
    lines.append("")
    lines += [f"{ind}{line}" if line.strip() else "" for line in entry.definition]
    lines.append(f"{ind}{fence}")
    return lines


def _fence_for(fence: str, body: list[str]) -> str:
    """A fence longer than any fence of the same character inside *body*."""
    longest = 0
    for line in body:
        run = re.match(rf"[ ]{{0,3}}({re.escape(fence[0])}{{3,}})", line)
        if run:
            longest = max(longest, len(run[1]))
    return fence[0] * max(len(fence), longest + 1)


def render_comment(block: Block, comment: Comment) -> list[str]:
    """A comment at term level, as a comment in the page at the glossary's indentation."""
    text = _trimmed(comment.text)
    if block.syntax == "rst":
        return [f"{block.indent}{line}" if line.strip() else "" for line in text]
    # MyST has no indented comment block: each line becomes a "%" comment line
    first = text[0][3:] if text and text[0].startswith(".. ") else ""
    rest = [line.strip() for line in text[1:]]
    return [f"{block.indent}% {line}".rstrip() for line in [first, *rest]]


def render_glossary(block: Block, entries: list[Entry]) -> list[str]:
    """A glossary of *entries*, written as they were, with the block's directive and options."""
    if block.syntax == "rst":
        lines = [f"{block.indent}.. glossary::", *block.options, ""]
    else:
        lines = [f"{block.indent}{block.fence}{{glossary}}", *block.options]
    for entry in entries:
        if lines[-1].strip():
            lines.append("")
        lines += entry.raw
    lines = _trimmed(lines)
    if block.syntax == "md":
        lines.append(f"{block.indent}{block.fence}")
    return lines
