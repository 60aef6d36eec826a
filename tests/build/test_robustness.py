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
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ..conftest import Build, Shared
from ..helpers import Built, contents, current_pages, read_page, run_build, text_of

OPTIONS = ("summary", "aliases", "tags", "related", "reviewed-by", "last-reviewed",
           "review-every", "owner", "name", "class", "open", "bogus")
PIECES = st.sampled_from([
    "*", "**", "`", "``", "|x|", "[1]_", "_`t`", ":concept:`Nowhere`", "{concept}`y`",
    "<script>alert(1)</script>", "</script>", "<!--", '" onerror="x', "&amp;", "\u202e",
    "\u200b", "2026-02-30", "2026-04-21", "6 months", "-3", "::", ":", "---", ".. note::",
    "```", ":::",
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
aiguide_review_every = "1 month"
aiguide_show_due = True
aiguide_show_owner = True
aiguide_review_max_age = 30
aiguide_today = "2026-11-26"
aiguide_autolink = "all"
"""


def build_page(source: str, suffix: str) -> tuple[Built, str]:
    """Build a one-page project in a folder of its own; return the result and its page."""
    with tempfile.TemporaryDirectory(prefix="aiguide-robust-") as name:
        folder = Path(name)
        (folder / "conf.py").write_text(CONF, encoding="utf-8")
        (folder / f"index{suffix}").write_text(source, encoding="utf-8")
        result = run_build(folder)  # an exception here is the failure this test looks for
        return result, result.read("index.html")


def assert_located(result: Built) -> None:
    """Every warning of this package names a file and a line inside the project."""
    for line in result.warnings.splitlines():
        if "[aiguide." in line:
            assert re.match(rf"{re.escape(str(result.srcdir))}/index\.(rst|md):\d+: ", line), line


def assert_nothing_registered_is_lost(result: Built, html: str) -> None:
    """Every concept and question the project registered is on the page, with its anchor."""
    domain = result.domain()
    for record in domain.concepts_of("index"):
        assert f'id="{record["id"]}"' in html, record
    for faq in domain.faqs_of("index"):
        assert f'id="{faq["id"]}"' in html, faq


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(entries())
def test_any_rst_entry_builds_with_located_warnings(entry: dict[str, object]) -> None:
    result, html = build_page(as_rst(entry), ".rst")
    assert_located(result)
    assert_nothing_registered_is_lost(result, html)


@SETTINGS
@given(entries())
# a front-matter value that looks like a fence: metadata, never shown as text
@example({"title": "Entry", "reviewed_by": None, "last_reviewed": ":::{concept}`y`",
          "concepts": [], "faqs": []})
def test_any_myst_entry_builds_with_located_warnings(entry: dict[str, object]) -> None:
    result, html = build_page(as_myst(entry), ".md")
    assert_located(result)
    assert_nothing_registered_is_lost(result, html)


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


def strings(data: object) -> list[str]:
    """Every string value in parsed JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


def hostile_page(number: int, text: str) -> str:
    """A page with *text* in every field, reviewed by a reviewer named *text*."""
    line = one_line(text)
    item = line.replace(",", " ")  # one item of a list option
    return (f":reviewed-by: evil{number}, {item}\n:last-reviewed: 2026-04-21\n"
            f":owner: {line}\n:review-every: 100 years\n\n"
            f"Page\n====\n\n.. concept:: T {line}\n   :aliases: A {item}\n"
            f"   :tags: {item}\n   :related: T {item}\n\n"
            f"   Summary {line}\n\n   Depth {line}\n\n"
            f"   .. faq:: Q {line}\n\n      Answer {line}\n\n"
            f"See :concept:`T {line}`.\n\n.. concept-index::\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One project, a page for each hostile text (``hostile-N``), built once."""
    folder = tmp_path_factory.mktemp("hostile")
    reviewers = {f"evil{number}": {"name": text, "url": "javascript:" + text}
                 for number, text in enumerate(HOSTILE)}
    (folder / "conf.py").write_text(
        'extensions = ["sphinx_aiguide"]\nsmartquotes = False\naiguide_show_owner = True\n'
        'aiguide_autolink = "all"\n'
        f"aiguide_reviewers = {reviewers!r}\n", encoding="utf-8")
    (folder / "index.rst").write_text(
        "Hostile\n=======\n\n.. toctree::\n   :glob:\n\n   hostile-*\n", encoding="utf-8")
    for number, text in enumerate(HOSTILE):
        (folder / f"hostile-{number}.rst").write_text(hostile_page(number, text),
                                                      encoding="utf-8")
    return run_build(folder)


def test_hostile_text_warns_only_where_a_writer_can_act(hostile: Built) -> None:
    lines = hostile.warning_lines()
    assert lines[:len(HOSTILE)] == [
        f"WARNING: aiguide_reviewers['evil{number}']['url'] must be an http(s) or mailto "
        "address; the name is shown without a link [aiguide.reviewer]"
        for number in range(len(HOSTILE))]
    # a link ending in <…> names its target there, as in any role: an unknown concept,
    # and the warning names the term the writer wrote out in full
    assert lines[len(HOSTILE):] == [
        "hostile-0.rst:22: WARNING: unknown concept '/script><script>alert(1)</script'; did "
        "you mean 'T </script><script>alert(1)</script>'? [aiguide.ref]",
        "hostile-1.rst:22: WARNING: unknown concept '!-- <script>alert(2)</script'; did you "
        "mean 'T <!-- <script>alert(2)</script>'? [aiguide.ref]",
        "hostile-2.rst:22: WARNING: unknown concept 'img src=x onerror=alert(3)'; did you "
        "mean 'T \"><img src=x onerror=alert(3)>'? [aiguide.ref]",
    ]


@pytest.mark.parametrize("number", range(len(HOSTILE)))
def test_hostile_text_in_every_field_stays_text(hostile: Built, number: int) -> None:
    text = HOSTILE[number]
    html = hostile.read(f"hostile-{number}.html")
    page = read_page(html)
    assert page.handlers() == []
    assert not page.find_all("img")
    for script in page.scripts:  # the theme's own scripts and one JSON-LD block
        if script.attrs.get("type") == "application/ld+json":
            data = json.loads(script.text)  # strict: the block is valid JSON
            assert "<" not in script.text
            assert f"Summary {one_line(text)}" in strings(data)
        else:
            assert script.attrs.get("src") or script.text == SEARCHBOX_SCRIPT, script
    assert len(page.jsonld_blocks()) == 1
    assert "javascript:" not in html
    # the exports hold the text as data, never as markup
    glossary = json.loads(hostile.read("glossary.json"))
    (concept,) = [c for c in glossary["concepts"] if c["docname"] == f"hostile-{number}"]
    assert concept["summary"] == f"Summary {one_line(text)}"
    llms = hostile.read("llms.txt")
    assert not re.search(r"(?<!\\)<", llms)  # Markdown: every < is escaped as \<
    # nothing is lost either: the text of the page still holds every field as written
    shown = text_of(hostile.body(f"hostile-{number}"))
    for field in ("Summary", "Depth", "Q", "Answer"):
        assert f"{field} {one_line(text)}" in shown
    assert f"Owner: {one_line(text)}" in shown


def test_two_clean_builds_are_byte_identical(build: Build, built: Shared) -> None:
    first, second = built("linking"), build("linking")
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
        expected = contents(build(srcdir=clean_src, parallel=parallel).outdir)
        assert current_pages(incremental.outdir, expected) == expected, (seed, step)
