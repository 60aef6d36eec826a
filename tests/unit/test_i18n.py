"""Translations: every reader-facing string in five languages, code and theme templates alike.

The messages are extracted the way ``pybabel extract`` does (Python's ``_()``, the
templates' ``_()`` and ``{% trans %}``); a reader-facing string written outside of them,
in code or in a template, fails too.
"""

from __future__ import annotations

import ast
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sphinx_aiguide.i18n import LOCALE_DIR
from sphinx_aiguide.theme import SPHINX_LABELS

from ..helpers import PACKAGE

LANGUAGES = ["de", "es", "fr", "ja", "zh_CN"]
TEMPLATES = PACKAGE / "theme"
#: Placeholders and markup a translation must keep: ``{date}``, ``%(last_updated)s``, tags.
KEPT = re.compile(r"\{\w+\}|%\(\w+\)s|<[^>]+>")
#: Attributes whose value a reader sees or hears.
READER_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "value"}


def extracted(folder: Path, method: str) -> set[str]:
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}}
    return {message for _file, _line, message, _comments, _context in extract_from_dir(
        folder, method_map=[(f"**.{'py' if method == 'python' else 'html'}", method)],
        options_map=options)}


def messages() -> set[str]:
    """Every message of the package: ``_()`` in its code and its theme's templates, and the
    labels of Sphinx's own that the theme's pages need translated."""
    return extracted(PACKAGE, "python") | extracted(TEMPLATES, "jinja2") | set(SPHINX_LABELS)


def catalog(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "sphinx_aiguide.po"


def test_templates_have_their_own_messages() -> None:
    assert {"Skip to content", "Colour scheme: automatic", "Concepts from A to Z",
            "Last updated on %(last_updated)s."} <= extracted(TEMPLATES, "jinja2")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    with catalog(language).open("rb") as handle:
        found = read_po(handle)
    translated = {message.id: message.string for message in found if message.id}
    assert set(translated) == messages()
    assert all(translated.values())
    for msgid, msgstr in translated.items():
        assert sorted(KEPT.findall(msgid)) == sorted(KEPT.findall(str(msgstr))), (msgid, msgstr)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    """Regenerate with ``pybabel compile -d sphinx_aiguide/locale -D sphinx_aiguide``."""
    with catalog(language).open("rb") as handle:
        found = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, found)
    assert catalog(language).with_suffix(".mo").read_bytes() == compiled.getvalue()


def test_template_lists_every_message() -> None:
    with (LOCALE_DIR / "sphinx_aiguide.pot").open("rb") as handle:
        template = read_po(handle)
    assert {message.id for message in template if message.id} == messages()


# -- strings written outside the catalog ----------------------------------------------

#: Jinja that prints translated text or nothing a reader reads as words.
_JINJA = re.compile(r"\{#.*?#\}|\{%-?\s*trans\b.*?endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}",
                    re.S)


class _Words(HTMLParser):
    """Collects the text and the reader-facing attribute values of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._code = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._code += tag in {"script", "style"}
        for name, value in attrs:
            if value and (name in READER_ATTRIBUTES or name.startswith("data-label")):
                self.words.append(f"{tag}[{name}]={value!r}")

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in {"script", "style"}

    def handle_data(self, data: str) -> None:
        if not self._code and any(char.isalpha() for char in data):
            self.words.append(data.strip())


def untranslated_in_template(source: str) -> list[str]:
    """Words of *source* that reach readers without passing through the catalog."""
    parser = _Words()
    parser.feed(_JINJA.sub("", source))
    parser.close()
    return [word for word in parser.words if any(char.isalpha() for char in word)]


def test_the_template_check_finds_a_plain_label() -> None:
    assert untranslated_in_template('<a href="#x">{{ _("Next") }}</a>') == []
    assert untranslated_in_template(
        '<button aria-label="Close">+</button><p>{{ x }} Next</p>') == [
        "button[aria-label]='Close'", "Next"]


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_write_no_untranslated_words(path: Path) -> None:
    assert untranslated_in_template(path.read_text(encoding="utf-8")) == []


#: Calls whose positional text arguments end up on the page.
_NODE_MODULES = {"nodes", "addnodes"}


def untranslated_in_code(source: str) -> list[str]:
    """String literals with letters that the code hands to a node or a label as text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        module = func.value.id if isinstance(func, ast.Attribute) \
            and isinstance(func.value, ast.Name) else ""
        if module in _NODE_MODULES or name.startswith("aiguide_") or name == "make_label":
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant)
                     and isinstance(arg.value, str)]
        elif name == "append" and "body" in ast.unparse(func):
            # HTML and LaTeX visitors: the text between tags and commands
            texts = [re.sub(r"<[^>]*>|\\[A-Za-z@]+", "", arg.value) for arg in node.args
                     if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        else:
            continue
        found += [f"line {node.lineno}: {text!r}" for text in texts
                  if any(char.isalpha() for char in text)]
    return found


def test_the_code_check_finds_a_plain_label() -> None:
    assert untranslated_in_code('make_label(str(_("Concept")))\nnodes.Text(" · ")') == []
    assert untranslated_in_code('self.body.append(r"\\mbox{")') == []
    assert untranslated_in_code('self.body.append(r"\\textbf{Concept}")') == [
        "line 1: '{Concept}'"]
    assert untranslated_in_code(
        'make_label("Concept")\nself.body.append("<p>See also</p>")') == [
        "line 1: 'Concept'", "line 2: 'See also'"]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_code_writes_no_untranslated_words(path: Path) -> None:
    assert untranslated_in_code(path.read_text(encoding="utf-8")) == []
