"""Links to concepts: roles, glossary terms, intersphinx, previews, lists and the A–Z index."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from sphinx.util.inventory import InventoryFile

from .conftest import Build, body, output, warnings


def usage_links(app: object) -> list[tuple[str, str]]:
    """``(href, text)`` of every concept link in the usage page, previews left out."""
    html = body(app, "usage")  # type: ignore[arg-type]
    html = re.sub(r'<span class="aiguide-preview".*?</span>', "", html)
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in
            re.findall(r'<a [^>]*class="aiguide-ref[^"]*" href="([^"]+)">(.*?)</a>', html)]


ROOTS = ["linking", "linking-myst"]


@pytest.mark.parametrize("root", ROOTS)
def test_every_way_of_naming_a_concept_resolves(build: Build, root: str) -> None:
    app = build(root)
    assert usage_links(app) == [
        ("value-alignment.html#concept-value-alignment", "Value Alignment"),
        ("value-alignment.html#concept-value-alignment", "value ALIGNMENT"),
        ("overfitting.html#concept-überanpassung", "overfitting"),
        ("zero-shot.html#concept-zero-shot-learning", "this"),
        ("value-alignment.html#concept-value-alignment", "alignment"),
        ("value-alignment.html#concept-value-alignment", "Value Alignment"),
        ("overfitting.html#concept-überanpassung", "overfitting"),
        ("zero-shot.html#concept-zero-shot-learning", "Zero-Shot Learning"),
    ]


@pytest.mark.parametrize("root", ROOTS)
def test_unknown_concept_warns_with_location(build: Build, root: str) -> None:
    app = build(root)
    page = "usage.rst:9" if root == "linking" else "usage.md:8"
    assert warnings(app) == (
        f"{app.srcdir}/{page}: WARNING: unknown concept 'Nowhere' [aiguide.ref]\n"
    )
    assert "Unknown: Nowhere." in re.sub(r"<[^>]+>", "", body(app, "usage"))


def test_inventory_lists_concepts_aliases_and_terms(build: Build) -> None:
    app = build("linking")
    inventory = InventoryFile.loads((app.outdir / "objects.inv").read_bytes(), uri="")
    concepts = inventory.data["aiguide:concept"]
    assert sorted(concepts) == ["Value Alignment", "Zero-Shot Learning", "alignment",
                                "overfitting", "Überanpassung"]
    assert concepts["overfitting"].uri == "overfitting.html#concept-überanpassung"
    assert sorted(inventory.data["std:term"]) == ["Value Alignment", "Zero-Shot Learning",
                                                   "Überanpassung"]


def test_intersphinx_links_into_another_project(build: Build) -> None:
    project_a = build("linking")
    inventory = str(project_a.outdir / "objects.inv")
    project_b = build("intersphinx-b", confoverrides={
        "intersphinx_mapping": {"a": ("https://a.example.org/", inventory)}})
    assert warnings(project_b) == ""
    html = body(project_b, "index")
    for target in ("value-alignment.html#concept-value-alignment",
                   "zero-shot.html#concept-zero-shot-learning",
                   "overfitting.html#concept-überanpassung"):
        assert f'href="https://a.example.org/{target}"' in html, target
    assert html.count('class="reference external"') == 6
    # names match in any case, as within one project: SPEC §2
    any_case = html[html.index("In any case"):]
    assert 'href="https://a.example.org/value-alignment.html#concept-value-alignment"' in any_case
    assert 'href="https://a.example.org/overfitting.html#concept-überanpassung"' in any_case


class _LinkReader(HTMLParser):
    """Collects, for each concept link, its accessible name and its description id."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.previews: dict[str, str] = {}
        self._in_link: dict[str, str] | None = None
        self._in_preview: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "aiguide-ref" in values.get("class", ""):
            self._in_link = {"name": "", "describedby": values.get("aria-describedby", "")}
            self.links.append(self._in_link)
        if tag == "span" and "aiguide-preview" in values.get("class", "").split():
            self._in_preview = values["id"]
            self.previews[self._in_preview] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_link = None
        if tag == "span" and self._in_preview:
            self._in_preview = None

    def handle_data(self, data: str) -> None:
        if self._in_link is not None:
            self._in_link["name"] += data
        if self._in_preview:
            self.previews[self._in_preview] += data


@pytest.mark.parametrize("root", ROOTS)
def test_previews_describe_links_without_changing_their_names(build: Build, root: str) -> None:
    app = build(root)
    reader = _LinkReader()
    reader.feed(body(app, "usage"))
    assert [link["name"] for link in reader.links][:3] == [
        "Value Alignment", "value ALIGNMENT", "overfitting"]
    for link in reader.links:
        assert link["describedby"] in reader.previews
    described = {reader.previews[link["describedby"]] for link in reader.links}
    assert described == {
        "Value alignment is making a system pursue the goals its designers intend.",
        "Überanpassung is when a model learns its training data too closely to generalise.",
        "Zero-shot learning is solving a task without task-specific examples.",
    }
    assert len(reader.previews) == len(reader.links) == 8  # one id per link on the page
    assert 'role="tooltip"' in body(app, "usage")


def test_previews_stay_out_of_the_search_index(build: Build) -> None:
    """A page is not found by words that only its links' previews contain."""
    app = build("linking")
    index_js = output(app, "searchindex.js")
    index = json.loads(index_js[index_js.index("(") + 1:index_js.rindex(")")])
    usage = index["docnames"].index("usage")
    found = index["terms"]["design"]  # "the goals its designers intend"
    pages = {found} if isinstance(found, int) else set(found)
    assert index["docnames"].index("value-alignment") in pages
    assert usage not in pages


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_previews_stay_out_of_other_builders(build: Build, builder: str) -> None:
    app = build("linking", builder, confoverrides={"version": "1", "copyright": "2026"})
    assert warnings(app).count("WARNING") == 1  # the unknown concept only
    written = "".join(path.read_text(encoding="utf-8") for path in app.outdir.rglob("*")
                      if path.suffix in {".txt", ".tex", ".xhtml"})
    assert "aiguide-preview" not in written
    # the entry and the two A–Z listings, never a preview
    assert written.count("Value alignment is making a system pursue") == 3


@pytest.mark.parametrize("root", ROOTS)
def test_related_and_referenced_by_lists(build: Build, root: str) -> None:
    app = build(root)
    page = body(app, "overfitting")
    referenced = page[page.index("Referenced by"):]
    assert re.findall(r'href="([^"]+)"><span class="doc">([^<]+)', referenced) == [
        ("usage.html", "Usage"), ("value-alignment.html", "Value Alignment")]
    alignment = body(app, "value-alignment")
    related = alignment[alignment.index("Related concepts"):alignment.index("Referenced by")]
    assert 'href="overfitting.html#concept-überanpassung"><span>Überanpassung</span>' in related
    # pages that only list concepts (A–Z indexes) do not count as referencing them
    zero_shot = body(app, "zero-shot")
    referenced = zero_shot[zero_shot.index("Referenced by"):]
    assert re.findall(r'href="([^"]+)"><span class="doc">', referenced) == ["usage.html"]


def index_terms(html: str) -> list[str]:
    return re.findall(r"<dt><a [^>]*><span>([^<]+)</span></a></dt>", html)


@pytest.mark.parametrize("root", ROOTS)
def test_index_sorts_like_a_reader_and_jumps_by_letter(build: Build, root: str) -> None:
    app = build(root)
    html = body(app, "index")
    assert index_terms(html) == ["Überanpassung", "Value Alignment", "Zero-Shot Learning"]
    assert ('<p class="aiguide-index-jump"><a class="reference internal" '
            'href="#aiguide-letter-u">U</a> <a class="reference internal" '
            'href="#aiguide-letter-v">V</a> <a class="reference internal" '
            'href="#aiguide-letter-z">Z</a></p>') in html
    assert ('<div class="aiguide-index-group" id="aiguide-letter-u">\n'
            '<h2 class="aiguide-label rubric">U</h2>') in html
    assert ("<dd><p>Überanpassung is when a model learns its training data too closely to "
            "generalise.</p>") in html


def test_index_filters_by_tag_case_insensitively(build: Build) -> None:
    html = body(build("linking"), "glossary")
    assert index_terms(html) == ["Value Alignment", "Zero-Shot Learning"]


@pytest.mark.parametrize("builder", ["singlehtml", "latex", "text"])
def test_index_in_other_builders(build: Build, builder: str) -> None:
    app = build("linking", builder)
    written = "".join(path.read_text(encoding="utf-8") for path in app.outdir.rglob("*")
                      if path.suffix in {".html", ".tex", ".txt"})
    flat = " ".join(written.replace("\\sphinxhyphen{}", "-").split())
    for term in ("Überanpassung", "Value Alignment", "Zero-Shot Learning"):
        assert term in flat
    if builder == "singlehtml":
        assert 'href="#concept-überanpassung"' in output(app, "index.html")


def test_every_latex_link_has_its_label(build: Build) -> None:
    """PDF output: concept, question and letter anchors exist, so no link is dead."""
    app = build("linking", "latex")
    tex = "".join(path.read_text(encoding="utf-8") for path in app.outdir.glob("*.tex"))
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]+)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]+)\}\}", tex))
    assert {t for t in targets if "concept-" in t or "aiguide-letter-" in t}
    assert targets <= labels, targets - labels
