"""YAML in MyST sources, as MyST reads it: front matter and option blocks.

``sphinx-aiguide reviewed`` refuses a file whose front matter does not read, writes values
that read back as written, and checks after an edit that they do. PyYAML comes with MyST;
in a project without MyST there is no YAML to read, and these checks have nothing to do.
"""

from __future__ import annotations

import json
import re
from typing import Any

_PLAIN = re.compile(r"\w[\w .,'-]*")


def _yaml() -> Any:
    """PyYAML (a dependency of MyST), or ``None`` in a project without MyST."""
    try:
        import yaml  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        return None
    return yaml


def problem(text: str) -> str:
    """Why *text* is no YAML mapping of fields, or "" when it is one (or cannot be told).

    Line numbers count from the line after the opening ``---``.
    """
    yaml = _yaml()
    if yaml is None:
        return ""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return f"not valid YAML: {getattr(error, 'problem', None) or type(error).__name__}" \
               f"{where}"
    if data is not None and not isinstance(data, dict):
        return "not a list of 'name: value' fields"
    return ""


def reads(text: str, key: str) -> str | None:
    """What YAML reads as the text of *key* in *text*; ``None`` when it cannot tell."""
    yaml = _yaml()
    if yaml is None:
        return None
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return str(data[key]) if isinstance(data, dict) and key in data else None


def scalar(value: str) -> str:
    """*value* as a YAML scalar that reads back as the same text (quoted when needed)."""
    if _PLAIN.fullmatch(value) and reads(f"k: {value}", "k") in (value, None):
        return value
    return json.dumps(value, ensure_ascii=False)
