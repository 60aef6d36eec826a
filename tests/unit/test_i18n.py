"""Translations: every label in five languages, compiled catalogs that match their sources."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sphinx_aiguide.i18n import LOCALE_DIR

from ..helpers import PACKAGE

LANGUAGES = ["de", "es", "fr", "ja", "zh_CN"]


def messages_in_code() -> set[str]:
    """Every literal passed to ``_()`` in the package."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def catalog(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "sphinx_aiguide.po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    with catalog(language).open("rb") as handle:
        messages = read_po(handle)
    translated = {message.id: message.string for message in messages if message.id}
    assert set(translated) == messages_in_code()
    assert all(translated.values())
    for msgid, msgstr in translated.items():
        for placeholder in ("{reviewers}", "{date}", "{first}", "{last}", "{owner}"):
            assert (placeholder in msgid) == (placeholder in msgstr), (msgid, msgstr)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    """Regenerate with ``pybabel compile -d sphinx_aiguide/locale -D sphinx_aiguide``."""
    with catalog(language).open("rb") as handle:
        messages = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    assert catalog(language).with_suffix(".mo").read_bytes() == compiled.getvalue()


def test_template_lists_every_message() -> None:
    with (LOCALE_DIR / "sphinx_aiguide.pot").open("rb") as handle:
        template = read_po(handle)
    assert {message.id for message in template if message.id} == messages_in_code()
