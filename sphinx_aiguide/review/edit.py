"""Recording a review in a source file, changing no other byte of it.

``sphinx-aiguide reviewed`` sets ``last-reviewed`` (and ``reviewed-by``) where an entry's
review data is written: the options of a ``concept`` directive (reST or MyST), the field
list at the top of a reST file, or MyST front matter. The text is edited line by line:
every line but the fields being set keeps its bytes, line ends (CRLF included) and all; a
new line takes the line end of the line before it. Whatever the editor cannot read with
certainty is an :class:`EditError`, and the text is left as it was.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sphinx_aiguide.review import yamltext

#: How each field the command sets may be spelt in file-wide metadata (as the build reads it).
SPELLINGS: dict[str, tuple[str, ...]] = {"reviewed-by": ("reviewed-by", "reviewed_by"),
             "last-reviewed": ("last-reviewed", "last_reviewed")}

_RST_CONCEPT = re.compile(r"(?P<indent>[ \t]*)\.\.[ \t]+concept::(?:[ \t]|$)")
_MYST_CONCEPT = re.compile(r"(?P<indent>[ \t]*)(?:`{3,}|~{3,}|:{3,})\{concept\}")
#: ``:name: value``: a reST field, or a directive option in either syntax.
_FIELD = re.compile(r"[ \t]*:(?P<name>[^:\s][^:]*?):(?:[ \t]|$)")
#: ``name: value``: a YAML key.
_YAML_KEY = re.compile(r"(?P<name>[A-Za-z0-9_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")
_FENCE = "---"


class EditError(ValueError):
    """Why a text cannot be edited safely."""


class Change(NamedTuple):
    """One field set: its name, its old value ("" when it is new), its line in the new text."""

    name: str
    old: str
    line: int


class _Fields(NamedTuple):
    """The fields of a run of lines and where new ones go."""

    #: lower-case name -> (first line, last line), continuation lines included
    spans: dict[str, tuple[int, int]]
    #: index new field lines are inserted at
    insert_at: int
    #: leading white space of new field lines
    indent: str
    #: ``rst`` or ``myst`` (``:name: value``), or ``yaml`` (``name: value``)
    style: str


def split_lines(text: str) -> list[str]:
    """*text* as lines that keep their line ends; only ``\\n`` ends a line.

    Unlike :meth:`str.splitlines`, form feeds and Unicode separators stay inside a line.
    """
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _body(line: str) -> str:
    return line.rstrip("\r\n")


def _blank(line: str) -> bool:
    return not _body(line).strip()


def _leading(line: str) -> str:
    body = _body(line)
    return body[:len(body) - len(body.lstrip(" \t"))]


def _line_end(lines: list[str], index: int) -> str:
    """The line end of ``lines[index]``, else the file's first one, else ``\\n``."""
    for line in (lines[index], *lines) if lines else ():
        if line.endswith("\n"):
            return "\r\n" if line.endswith("\r\n") else "\n"
    return "\n"


def _field_run(lines: list[str], start: int, pattern: re.Pattern[str]) -> tuple[
        dict[str, tuple[int, int]], int]:
    """The fields of the run of lines from *start*: spans by name, and the index after it.

    Fields share one indentation; a line indented deeper continues the field above it.
    The run ends at a blank line or at the first line that is neither.
    """
    spans: dict[str, tuple[int, int]] = {}
    indent: int | None = None
    last = ""
    index = start
    while index < len(lines) and not _blank(lines[index]):
        depth = len(_leading(lines[index]))
        match = pattern.match(_body(lines[index])[depth:] if pattern is _YAML_KEY
                              else _body(lines[index]))
        if match and indent in (None, depth):
            indent, last = depth, match["name"].lower()
            if last in spans:
                raise EditError(f"line {index + 1}: {match['name']!r} is written twice")
            spans[last] = (index, index)
        elif last and indent is not None and depth > indent:
            spans[last] = (spans[last][0], index)
        else:
            break
        index += 1
    return spans, index


def _yaml_block(lines: list[str], start: int) -> _Fields:
    """The keys between the ``---`` line at *start* and the next ``---``."""
    indent = _leading(lines[start])
    spans: dict[str, tuple[int, int]] = {}
    last = ""
    index = start + 1
    while index < len(lines) and _body(lines[index]).strip() != _FENCE:
        body = _body(lines[index])[len(indent):]
        match = _YAML_KEY.match(body)
        if match:
            last = match["name"].lower()
            if last in spans:
                raise EditError(f"line {index + 1}: {match['name']!r} is written twice")
            spans[last] = (index, index)
        elif last and body[:1] in {" ", "\t", "-"}:
            spans[last] = (spans[last][0], index)
        else:
            last = ""
        index += 1
    if index == len(lines):
        raise EditError(f"the block that starts on line {start + 1} with --- never ends")
    return _Fields(spans, index, indent, "yaml")


def _split_field(line: str, indent: str, style: str) -> tuple[str, str]:
    """``(name as written, value text)`` of the field that starts on *line*."""
    body = _body(line)[len(indent):] if style == "yaml" else _body(line)
    match = (_YAML_KEY if style == "yaml" else _FIELD).match(body)
    assert match is not None
    return match["name"], body[match.end():].strip()


def _render(style: str, name: str, written: str, value: str) -> str:
    """The text of field *name* (spelt *written*) set to *value*.

    MyST reads its ``:name: value`` options as YAML-like text (quotes stripped, `` #``
    a comment): a value it would misread is quoted, as in YAML blocks.
    """
    if style != "rst" and name != "last-reviewed":
        value = yamltext.scalar(value)
    return f"{written}: {value}" if style == "yaml" else f":{written}: {value}"


def _apply(lines: list[str], fields: _Fields, values: dict[str, str],
           spellings: dict[str, tuple[str, ...]]) -> list[Change]:
    """Set every field of *values* in *fields*: in place where it is written, else added."""
    replaced: list[tuple[int, int, str, str, str]] = []  # first, last, text, name, old
    added: list[tuple[str, str]] = []  # name, text
    for name, value in values.items():
        spelt = next((s for s in spellings.get(name, (name,)) if s in fields.spans), None)
        if spelt is None:
            added.append((name, _render(fields.style, name, name, value)))
            continue
        first, last = fields.spans[spelt]
        written, old = _split_field(lines[first], fields.indent, fields.style)
        for more in lines[first + 1:last + 1]:
            old = f"{old} {_body(more).strip()}".strip()
        replaced.append((first, last, _render(fields.style, name, written, value), name, old))
    replaced.sort()
    changes: list[Change] = []
    removed = 0
    for first, last, _text, name, old in replaced:
        changes.append(Change(name, old, first - removed + 1))
        removed += last - first
    for first, last, text, _name, _old in reversed(replaced):
        lines[first:last + 1] = [_leading(lines[first]) + text + _line_end(lines, last)]
    at = fields.insert_at - removed
    if added and at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += _line_end(lines, at - 1)  # the file's last line had no line end
    end = _line_end(lines, max(at - 1, 0))
    for offset, (name, text) in enumerate(added):
        lines.insert(at + offset, fields.indent + text + end)
        changes.append(Change(name, "", at + offset + 1))
    return sorted(changes, key=lambda change: change.line)


def _new_block(lines: list[str], values: dict[str, str], syntax: str) -> list[Change]:
    """Put the fields at the top of a file that has no file-wide metadata yet."""
    end = _line_end(lines, 0)
    style = "yaml" if syntax == "md" else "rst"
    block = [_render(style, name, name, value) + end for name, value in values.items()]
    lines[0:0] = [_FENCE + end, *block, _FENCE + end] if syntax == "md" else [*block, end]
    first = 2 if syntax == "md" else 1
    return [Change(name, "", first + offset) for offset, name in enumerate(values)]


def _rst_options(lines: list[str], index: int) -> _Fields:
    """The options of the reST ``concept`` directive on line *index*."""
    match = _RST_CONCEPT.match(_body(lines[index]))
    if match is None:
        raise EditError(f"line {index + 1} does not start a concept directive")
    marker = len(match["indent"])
    start = index + 1

    def inside(at: int) -> bool:
        return at < len(lines) and not _blank(lines[at]) and len(_leading(lines[at])) > marker

    while inside(start) and not _FIELD.match(_body(lines[start])):
        start += 1  # the term, when it runs on over several lines
    spans, end = _field_run(lines, start, _FIELD) if inside(start) else ({}, start)
    if spans:
        return _Fields(spans, end, _leading(lines[min(spans.values())[0]]), "rst")
    body = next((at for at in range(start, len(lines)) if not _blank(lines[at])), None)
    indent = _leading(lines[body]) if body is not None and inside(body) \
        else match["indent"] + "   "
    return _Fields({}, start, indent, "rst")


def _myst_options(lines: list[str], index: int) -> _Fields:
    """The options of the MyST ``{concept}`` fence on line *index* (``:name:`` or YAML)."""
    match = _MYST_CONCEPT.match(_body(lines[index]))
    if match is None:
        raise EditError(f"line {index + 1} does not start a concept directive")
    start = index + 1
    if start < len(lines) and _body(lines[start]).strip() == _FENCE:
        return _yaml_block(lines, start)
    spans, end = _field_run(lines, start, _FIELD)
    return _Fields(spans, end if spans else start, match["indent"], "myst")


def _page_fields(lines: list[str], line: int | None, syntax: str) -> _Fields | None:
    """The file-wide metadata block (the one holding *line*), or ``None`` when there is none."""
    if syntax == "md":
        has_front_matter = bool(lines) and _body(lines[0]).strip() == _FENCE
        if line is not None and not has_front_matter:
            raise EditError("its review data is not in front matter at the top of the file")
        return _yaml_block(lines, 0) if has_front_matter else None
    if line is None:
        start = next((at for at, text in enumerate(lines) if not _blank(text)), None)
        if start is None or _leading(lines[start]) or not _FIELD.match(_body(lines[start])):
            return None
    else:
        if not 0 < line <= len(lines) or not _FIELD.match(_body(lines[line - 1])):
            raise EditError(f"line {line} holds no field")
        start = line - 1
        while start > 0 and not _blank(lines[start - 1]):
            start -= 1
    spans, end = _field_run(lines, start, _FIELD)
    if line is not None and not start < line <= end:
        raise EditError(f"line {line} is not part of the field list at the top of the file")
    return _Fields(spans, end, "", "rst")


def check_front_matter(lines: list[str]) -> None:
    """Refuse a MyST file whose front matter does not read as YAML fields."""
    if lines and _body(lines[0]).strip() == _FENCE:
        why = yamltext.problem("".join(lines[1:_yaml_block(lines, 0).insert_at]))
        if why:
            raise EditError(f"its front matter is {why}")


def _check_yaml(lines: list[str], start: int, values: dict[str, str],
                spellings: dict[str, tuple[str, ...]]) -> None:
    """After an edit: the YAML block at *start* must read back as the values just set."""
    indent = len(_leading(lines[start]))
    text = "".join(_body(line)[indent:] + "\n"
                   for line in lines[start + 1:_yaml_block(lines, start).insert_at])
    for name, value in values.items():
        read = [yamltext.reads(text, spelt) for spelt in spellings.get(name, (name,))]
        if any(found is not None for found in read) and value not in read:
            raise EditError(f"{name} would not read back as {value!r}")


def _open(text: str) -> tuple[str, list[str]]:
    """A byte order mark (kept apart, put back on writing) and the lines."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom, split_lines(text[len(bom):])


def record_in_concept(text: str, line: int, values: dict[str, str],
                      syntax: str) -> tuple[str, list[Change]]:
    """*text* with *values* set as options of the concept directive on *line*."""
    bom, lines = _open(text)
    if not 0 < line <= len(lines):
        raise EditError(f"line {line} is past the end of the file")
    if syntax == "md":
        check_front_matter(lines)
        fields = _myst_options(lines, line - 1)
    else:
        fields = _rst_options(lines, line - 1)
    changes = _apply(lines, fields, values, {})
    if fields.style == "yaml":
        _check_yaml(lines, line, values, {})
    return bom + "".join(lines), changes


def record_in_page(text: str, line: int | None, values: dict[str, str],
                   syntax: str) -> tuple[str, list[Change]]:
    """*text* with *values* set in its file-wide metadata (the block holding *line*).

    Without *line* the file has no review data yet: the fields join the metadata block at
    the top of the file, or make one.
    """
    bom, lines = _open(text)
    if syntax == "md":
        check_front_matter(lines)
    fields = _page_fields(lines, line, syntax)
    if fields is None:
        changes = _new_block(lines, values, syntax)
    else:
        changes = _apply(lines, fields, values, SPELLINGS)
    if syntax == "md":
        _check_yaml(lines, 0, values, SPELLINGS)
    return bom + "".join(lines), changes
