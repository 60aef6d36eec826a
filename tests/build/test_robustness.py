"""Whatever a writer types, the build ends normally and every problem has a location.

Property-based tests generate directive arguments, option values and bodies in reST and
MyST; a corpus of hostile strings goes into every field; random sequences of edits check
that incremental builds always equal clean ones.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from html import unescape
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from .conftest import Build, body, warnings
from .test_incremental import contents

OPTIONS = ("summary", "aliases", "tags", "related", "reviewed-by", "last-reviewed", "name",
           "class", "open", "bogus")
PIECES = st.sampled_from([
    "*", "**", "`", "``", "|x|", "[1]_", "_`t`", ":concept:`Nowhere`", "{concept}`y`",
    "<script>alert(1)</script>", "</script>", "<!--", '" onerror="x', "&amp;", "\u202e",
    "\u200b", "2026-02-30", "2026-04-21", "::", ":", "---", ".. note::", "```", ":::",
    "Ü", "大規模", "é", " ", "a, b, , c", "{", "}", "%s", "{term}", "\\", "#",
])
LINE = st.lists(st.one_of(PIECES, st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)), max_size=6
).map("".join)
REVIEW = st.one_of(st.none(), LINE)
TITLES = ["Entry", "Überanpassung", "大規模言語モデル", "<script>x</script>", "A & B", "*Term*"]


def _options(draw: st.DrawFn) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(OPTIONS), max_size=5, unique=True))
    return {name: draw(LINE) for name in names}


@st.composite
def entries(draw: st.DrawFn) -> dict[str, object]:
    """A random entry: page review data, concepts with options and bodies, questions."""
    concepts = []
    for _ in range(draw(st.integers(0, 2))):
        concepts.append({
            "term": draw(st.one_of(st.just(""), LINE)),
            "options": _options(draw),
            "body": draw(st.lists(LINE, max_size=4)),
            "faqs": draw(st.lists(st.tuples(LINE, LINE), max_size=2)),
        })
    return {
        # Page titles are Sphinx's business (a title that is only "\\" crashes Sphinx's
        # search indexer with or without this package), so they come from a fixed set.
        "title": draw(st.sampled_from(TITLES)),
        "reviewed_by": draw(REVIEW),
        "last_reviewed": draw(REVIEW),
        "concepts": concepts,
        "faqs": draw(st.lists(st.tuples(LINE, LINE, _options_strategy()), max_size=3)),
    }


def _options_strategy() -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(OPTIONS), LINE, max_size=3)


def one_line(text: str) -> str:
    return " ".join(text.split())


def as_rst(entry: dict[str, object]) -> str:
    lines = []
    if entry["reviewed_by"] is not None:
        lines.append(f":reviewed-by: {one_line(str(entry['reviewed_by']))}")
    if entry["last_reviewed"] is not None:
        lines.append(f":last-reviewed: {one_line(str(entry['last_reviewed']))}")
    title = one_line(str(entry["title"])) or "Entry"
    lines += ["", title, "=" * (len(title) * 2 + 2), ""]
    for concept in entry["concepts"]:  # type: ignore[attr-defined]
        lines.append(f".. concept:: {one_line(concept['term'])}".rstrip())
        lines += [f"   :{name}: {one_line(value)}".rstrip()
                  for name, value in concept["options"].items()]
        lines.append("")
        for paragraph in concept["body"]:
            lines += [f"   {one_line(paragraph)}", ""]
        for question, answer in concept["faqs"]:
            lines += [f"   .. faq:: {one_line(question)}".rstrip(), "",
                      f"      {one_line(answer)}", ""]
    for question, answer, options in entry["faqs"]:  # type: ignore[attr-defined]
        lines.append(f".. faq:: {one_line(question)}".rstrip())
        lines += [f"   :{name}: {one_line(value)}".rstrip() for name, value in options.items()]
        lines += ["", f"   {one_line(answer)}", ""]
    return "\n".join(lines) + "\n"


def as_myst(entry: dict[str, object]) -> str:
    lines = ["---"]
    if entry["reviewed_by"] is not None:
        lines.append(f"reviewed-by: {one_line(str(entry['reviewed_by']))!r}")
    if entry["last_reviewed"] is not None:
        lines.append(f"last-reviewed: {one_line(str(entry['last_reviewed']))!r}")
    lines += ["---", f"# {one_line(str(entry['title'])) or 'Entry'}", ""]
    for concept in entry["concepts"]:  # type: ignore[attr-defined]
        lines.append(f"::::{{concept}} {one_line(concept['term'])}".rstrip())
        lines += [f":{name}: {one_line(value)}".rstrip()
                  for name, value in concept["options"].items()]
        lines.append("")
        for paragraph in concept["body"]:
            lines += [one_line(paragraph), ""]
        for question, answer in concept["faqs"]:
            lines += [f":::{{faq}} {one_line(question)}".rstrip(), one_line(answer), ":::", ""]
        lines += ["::::", ""]
    for question, answer, options in entry["faqs"]:  # type: ignore[attr-defined]
        lines.append(f"```{{faq}} {one_line(question)}".rstrip())
        lines += [f":{name}: {one_line(value)}".rstrip() for name, value in options.items()]
        lines += ["", one_line(answer), "```", ""]
    return "\n".join(lines) + "\n"


CONF = """\
extensions = ["myst_parser", "sphinx_aiguide"]
myst_enable_extensions = ["colon_fence"]
aiguide_reviewers = {"editors": {"name": "Editors"}}
aiguide_reviewers_strict = True
aiguide_review_max_age = 30
aiguide_today = "2026-11-26"
"""


def build_page(source: str, suffix: str) -> tuple[str, str, Path]:
    """Build a one-page project; return its warnings, its HTML and its folder."""
    folder = Path(tempfile.mkdtemp(prefix="aiguide-robust-"))
    (folder / "conf.py").write_text(CONF, encoding="utf-8")
    (folder / f"index{suffix}").write_text(source, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=folder, builddir=folder / "_build",
                        status=StringIO(), warning=StringIO())
    try:
        app.build()  # an exception here is the failure this test looks for
    finally:
        app.cleanup()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()), html, folder


def assert_located(messages: str, folder: Path) -> None:
    """Every warning of this package names a file and a line inside the project."""
    assert "Traceback" not in messages
    assert "Exception occurred" not in messages
    for line in messages.splitlines():
        if "[aiguide." in line:
            assert re.match(rf"{re.escape(str(folder))}/index\.(rst|md):\d+: ", line), line


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(entries())
def test_any_rst_entry_builds_with_located_warnings(entry: dict[str, object]) -> None:
    messages, html, folder = build_page(as_rst(entry), ".rst")
    assert_located(messages, folder)
    assert '<div class="body" role="main">' in html


@SETTINGS
@given(entries())
def test_any_myst_entry_builds_with_located_warnings(entry: dict[str, object]) -> None:
    messages, html, folder = build_page(as_myst(entry), ".md")
    assert_located(messages, folder)
    assert '<div class="body" role="main">' in html


HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- <script>alert(2)</script>",
    '"><img src=x onerror=alert(3)>',
    "' onmouseover='alert(4)' x='",
    "Tom & Jerry &amp; &lt;b&gt;",
    "\u202eevil\u202c right-to-left",
    "zero\u200bwidth\u200djoiner",
    "Long " * 400,
]


#: The one inline script of the default theme (it shows the search box).
SEARCHBOX_SCRIPT = "document.getElementById('searchbox').style.display = \"block\""


class _Markup(HTMLParser):
    """Collects what a browser would run: script elements and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.tags: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append({**dict(attrs), "text": ""})
        self.handlers += [(tag, name) for name, _ in attrs if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1]["text"] = (self.scripts[-1]["text"] or "") + data


def strings(data: object) -> list[str]:
    """Every string value in parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


def hostile_project(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "conf.py").write_text(
        'extensions = ["sphinx_aiguide"]\nsmartquotes = False\n'
        f"aiguide_reviewers = {{'evil': {{'name': {text!r}, "
        f"'url': {('javascript:' + text)!r}}}}}\n",
        encoding="utf-8")
    line = one_line(text)
    (folder / "index.rst").write_text(
        f":reviewed-by: evil, {line.replace(',', ' ')}\n:last-reviewed: 2026-04-21\n\n"
        f"Page\n====\n\n.. concept:: T {line}\n   :aliases: A {line.replace(',', ' ')}\n"
        f"   :tags: {line.replace(',', ' ')}\n   :related: T {line.replace(',', ' ')}\n\n"
        f"   Summary {line}\n\n   Depth {line}\n\n   .. faq:: Q {line}\n\n      Answer {line}\n\n"
        f"See :concept:`T {line}`.\n\n.. concept-index::\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_every_field_stays_text(build: Build, tmp_path: Path,
                                                text: str) -> None:
    app = build(srcdir=hostile_project(tmp_path, text))
    assert "Traceback" not in warnings(app)
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    markup = _Markup()
    markup.feed(page)
    assert markup.handlers == []
    assert "img" not in markup.tags
    for script in markup.scripts:  # the theme's own scripts and one JSON-LD block
        if script.get("type") == "application/ld+json":
            data = json.loads(script["text"] or "")  # strict: the block is valid JSON
            assert "<" not in (script["text"] or "")
            assert f"Summary {one_line(text)}" in strings(data)
        else:
            assert script.get("src") or script["text"] == SEARCHBOX_SCRIPT, script
    assert sum(s.get("type") == "application/ld+json" for s in markup.scripts) == 1
    assert "javascript:" not in page
    # the exports hold the text as data, never as markup
    glossary = json.loads((app.outdir / "glossary.json").read_text(encoding="utf-8"))
    assert glossary["concepts"][0]["summary"] == f"Summary {one_line(text)}"
    llms = (app.outdir / "llms.txt").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", llms)  # Markdown: every < is escaped as \<
    # nothing is lost either: the text of the page still holds every field as written
    shown = " ".join(unescape(re.sub(r"<[^>]+>", " ", body(app, "index"))).split())
    for field in ("Summary", "Depth", "Q", "Answer"):
        assert f"{field} {one_line(text)}" in shown


def test_two_clean_builds_are_byte_identical(build: Build) -> None:
    first, second = build("linking"), build("linking")
    files = sorted(p.relative_to(first.outdir) for p in first.outdir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.outdir)
                           for p in second.outdir.rglob("*") if p.is_file())
    for name in files:
        assert (first.outdir / name).read_bytes() == (second.outdir / name).read_bytes(), name


TERMS = ["Alpha Drift", "Beta Signal", "Gamma Policy", "Delta Reward", "Épsilon Token"]


def _random_edit(rng: random.Random, src: Path) -> None:
    """Add, edit, rename or delete a concept or a question, or add a link."""
    pages = sorted(src.glob("c-*.rst"))
    choice = rng.choice(["add", "add", "summary", "rename", "delete", "faq", "unfaq", "link"])
    if choice == "add" or not pages:
        term = rng.choice(TERMS) + f" {rng.randrange(100)}"
        target = src / f"c-{rng.randrange(10**6)}.rst"
        target.write_text(f"{term}\n{'=' * (len(term) + 2)}\n\n.. concept::\n   :tags: t\n\n"
                          f"   {term} summary.\n", encoding="utf-8")
        return
    page = rng.choice(pages)
    text = page.read_text(encoding="utf-8")
    if choice == "summary":
        page.write_text(text.replace(" summary.", f" summary {rng.randrange(99)}.", 1),
                        encoding="utf-8")
    elif choice == "rename":
        title, rest = text.split("\n", 1)
        page.write_text(f"{title} Renamed\n{rest.lstrip('=')}".replace(
            "\n\n.. concept::", "=" * (len(title) + 10) + "\n\n.. concept::", 1),
            encoding="utf-8")
    elif choice == "delete":
        page.unlink()
    elif choice == "faq":
        page.write_text(text + f"\n.. faq:: Question {rng.randrange(99)}?\n\n   Yes.\n",
                        encoding="utf-8")
    elif choice == "unfaq":
        page.write_text(text.split("\n.. faq::")[0] + "\n", encoding="utf-8")
    else:
        other = rng.choice(TERMS)
        page.write_text(text + f"\nSee :concept:`{other} {rng.randrange(100)}`.\n",
                        encoding="utf-8")


def _project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text('extensions = ["sphinx_aiguide"]\n'
                                    'suppress_warnings = ["aiguide.ref", "aiguide.duplicate"]\n',
                                    encoding="utf-8")
    (folder / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n   :glob:\n\n   c-*\n\n.. concept-index::\n",
        encoding="utf-8")
    return folder


@pytest.mark.parametrize("seed", range(8))
def test_random_edit_sequences_keep_incremental_equal_to_clean(build: Build, tmp_path: Path,
                                                               seed: int) -> None:
    rng = random.Random(seed)
    parallel = 2 if seed % 2 else 0
    src = _project(tmp_path / "src")
    for _ in range(3):
        _random_edit(rng, src)
    build(srcdir=src, parallel=parallel)
    for step in range(4):
        _random_edit(rng, src)
        incremental = build(srcdir=src, parallel=parallel)
        clean_src = tmp_path / f"clean-{step}"
        shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
        clean = build(srcdir=clean_src, parallel=parallel)
        # Sphinx leaves the output of deleted pages behind; every current page must match
        expected = contents(clean.outdir)
        found = contents(incremental.outdir)
        assert {name: found.get(name) for name in expected} == expected, (seed, step)
