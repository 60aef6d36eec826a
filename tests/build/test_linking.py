"""Links to concepts: roles, glossary terms, intersphinx, previews, lists and the A–Z index."""

from __future__ import annotations

import json
import re

import pytest
from sphinx.util.inventory import InventoryFile

from ..conftest import Shared
from ..helpers import Built, read_page, text_of


def usage_links(result: Built) -> list[tuple[str, str]]:
    """``(href, text)`` of every concept link in the usage page."""
    return [(str(link.attrs["href"]), link.text)
            for link in read_page(result.body("usage")).find_all("a", "aiguide-ref")]


ROOTS = ["linking", "linking-myst"]


@pytest.mark.parametrize("root", ROOTS)
def test_every_way_of_naming_a_concept_resolves(built: Shared, root: str) -> None:
    assert usage_links(built(root)) == [
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
def test_unknown_concept_warns_with_location(built: Shared, root: str) -> None:
    result = built(root)
    page = "usage.rst:9" if root == "linking" else "usage.md:8"
    assert result.warnings == (
        f"{result.srcdir}/{page}: WARNING: unknown concept 'Nowhere' [aiguide.ref]\n"
    )
    assert "Unknown: Nowhere." in text_of(result.body("usage"))


def test_inventory_lists_concepts_aliases_and_terms(built: Shared) -> None:
    inventory = InventoryFile.loads((built("linking").outdir / "objects.inv").read_bytes(),
                                    uri="")
    concepts = inventory.data["aiguide:concept"]
    assert sorted(concepts) == ["Value Alignment", "Zero-Shot Learning", "alignment",
                                "overfitting", "Überanpassung"]
    assert concepts["overfitting"].uri == "overfitting.html#concept-überanpassung"
    # aliases too, so that projects without this extension link to them with :term:
    assert sorted(inventory.data["std:term"]) == ["Value Alignment", "Zero-Shot Learning",
                                                   "alignment", "overfitting", "Überanpassung"]


def test_intersphinx_links_into_another_project(built: Shared) -> None:
    inventory = str(built("linking").outdir / "objects.inv")
    project_b = built("intersphinx-b", confoverrides={
        "intersphinx_mapping": {"a": ("https://a.example.org/", inventory)}})
    assert project_b.warnings == ""
    html = project_b.body("index")
    for target in ("value-alignment.html#concept-value-alignment",
                   "zero-shot.html#concept-zero-shot-learning",
                   "overfitting.html#concept-überanpassung"):
        assert f'href="https://a.example.org/{target}"' in html, target
    assert html.count('class="reference external"') == 6
    # names match in any case, as within one project: SPEC §2
    any_case = html[html.index("In any case"):]
    assert 'href="https://a.example.org/value-alignment.html#concept-value-alignment"' in any_case
    assert 'href="https://a.example.org/overfitting.html#concept-überanpassung"' in any_case


@pytest.mark.parametrize("root", ROOTS)
def test_previews_describe_links_without_changing_their_names(built: Shared,
                                                              root: str) -> None:
    result = built(root)
    page = read_page(result.body("usage"))
    links = page.find_all("a", "aiguide-ref")
    previews = {span.attrs["id"]: span.text for span in page.find_all("span", "aiguide-preview")}
    assert [link.text for link in links][:3] == [
        "Value Alignment", "value ALIGNMENT", "overfitting"]
    for link in links:
        assert link.attrs.get("aria-describedby") in previews
    described = {previews[link.attrs["aria-describedby"]] for link in links}
    assert described == {
        "Value alignment is making a system pursue the goals its designers intend.",
        "Überanpassung is when a model learns its training data too closely to generalise.",
        "Zero-shot learning is solving a task without task-specific examples.",
    }
    # one preview per concept on the page, beside the first link to it; later links to
    # the same concept are described by the same element and carry none of their own
    assert len(links) == 8
    assert len(previews) == 3
    # (the preview the link names, the id of the preview right after the link, if any)
    wraps = re.findall(r'aria-describedby="([^"]+)".*?</a>(?:<span class="aiguide-preview'
                       r'[^"]*" id="([^"]+)")?', result.body("usage"))
    assert len(wraps) == 8
    seen = set()
    for named, beside in wraps:
        assert beside == ("" if named in seen else named)
        seen.add(named)
    assert 'role="tooltip"' in result.body("usage")


def test_previews_stay_out_of_the_search_index(built: Shared) -> None:
    """A page is not found by words that only its links' previews contain."""
    index_js = built("linking").read("searchindex.js")
    index = json.loads(index_js[index_js.index("(") + 1:index_js.rindex(")")])
    usage = index["docnames"].index("usage")
    found = index["terms"]["design"]  # "the goals its designers intend"
    pages = {found} if isinstance(found, int) else set(found)
    assert index["docnames"].index("value-alignment") in pages
    assert usage not in pages


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_previews_stay_out_of_other_builders(built: Shared, builder: str) -> None:
    result = built("linking", builder)
    assert result.warnings.count("WARNING") == 1  # the unknown concept only
    written = "".join(path.read_text(encoding="utf-8") for path in result.outdir.rglob("*")
                      if path.suffix in {".txt", ".tex", ".xhtml"})
    assert "aiguide-preview" not in written
    # the entry and the two A–Z listings, never a preview
    assert written.count("Value alignment is making a system pursue") == 3


@pytest.mark.parametrize("root", ROOTS)
def test_related_and_referenced_by_lists(built: Shared, root: str) -> None:
    result = built(root)
    page = result.body("overfitting")
    referenced = page[page.index("Referenced by"):]
    assert re.findall(r'href="([^"]+)"><span class="doc">([^<]+)', referenced) == [
        ("usage.html", "Usage"), ("value-alignment.html", "Value Alignment")]
    alignment = result.body("value-alignment")
    related = alignment[alignment.index("Related concepts"):alignment.index("Referenced by")]
    assert 'href="overfitting.html#concept-überanpassung"><span>Überanpassung</span>' in related
    # pages that only list concepts (A–Z indexes) do not count as referencing them
    zero_shot = result.body("zero-shot")
    referenced = zero_shot[zero_shot.index("Referenced by"):]
    assert re.findall(r'href="([^"]+)"><span class="doc">', referenced) == ["usage.html"]


def index_terms(html: str) -> list[str]:
    return re.findall(r"<dt><a [^>]*><span>([^<]+)</span></a></dt>", html)


@pytest.mark.parametrize("root", ROOTS)
def test_index_sorts_like_a_reader_and_jumps_by_letter(built: Shared, root: str) -> None:
    html = built(root).body("index")
    assert index_terms(html) == ["Überanpassung", "Value Alignment", "Zero-Shot Learning"]
    assert ('<p class="aiguide-index-jump"><a class="reference internal" '
            'href="#aiguide-letter-u">U</a> <a class="reference internal" '
            'href="#aiguide-letter-v">V</a> <a class="reference internal" '
            'href="#aiguide-letter-z">Z</a></p>') in html
    assert ('<div class="aiguide-index-group" id="aiguide-letter-u">\n'
            '<h2 class="aiguide-label rubric">U</h2>') in html
    assert ("<dd><p>Überanpassung is when a model learns its training data too closely to "
            "generalise.</p>") in html


def test_index_filters_by_tag_case_insensitively(built: Shared) -> None:
    html = built("linking").body("glossary")
    assert index_terms(html) == ["Value Alignment", "Zero-Shot Learning"]


@pytest.mark.parametrize("builder", ["singlehtml", "latex", "text"])
def test_index_in_other_builders(built: Shared, builder: str) -> None:
    result = built("linking", builder)
    written = "".join(path.read_text(encoding="utf-8") for path in result.outdir.rglob("*")
                      if path.suffix in {".html", ".tex", ".txt"})
    flat = " ".join(written.replace("\\sphinxhyphen{}", "-").split())
    for term in ("Überanpassung", "Value Alignment", "Zero-Shot Learning"):
        assert term in flat
    if builder == "singlehtml":
        assert 'href="#concept-überanpassung"' in result.read("index.html")


def test_every_latex_link_has_its_label(built: Shared) -> None:
    """PDF output: concept, question and letter anchors exist, so no link is dead."""
    tex = "".join(path.read_text(encoding="utf-8")
                  for path in built("linking", "latex").outdir.glob("*.tex"))
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]+)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]+)\}\}", tex))
    assert {t for t in targets if "concept-" in t or "aiguide-letter-" in t}
    assert targets <= labels, targets - labels
