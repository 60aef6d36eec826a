"""``aiguide_glossaries = "concepts"``: Sphinx glossaries become concepts, no link breaks."""

from __future__ import annotations

import re

import pytest
from sphinx.util.inventory import InventoryFile

from ..conftest import Build, Shared
from ..helpers import Built, entry_links, kept_links, read_page, text_of

KEEP = {"confoverrides": {"aiguide_glossaries": "keep"}}


def concepts_of(result: Built, docname: str) -> list[tuple[str, list[str], str]]:
    """``(term, aliases, summary)`` of each concept of a page, in page order."""
    return [(record["term"], record["aliases"], record["summary"])
            for record in result.data["concepts"].get(docname, [])]


def test_by_default_glossaries_stay_as_they_are(built: Shared) -> None:
    result = built("glossaries", **KEEP)
    assert result.warnings == ""
    assert result.data["concepts"] == {}
    html = result.body("terms")
    assert '<dl class="simple glossary">' in html
    assert 'aiguide-concept' not in html


def test_each_entry_becomes_a_concept(built: Shared) -> None:
    result = built("glossaries")
    assert result.warnings == ""
    # sorted as the glossary asks; the first term names it, stacked terms are aliases
    assert concepts_of(result, "terms") == [
        ("Embedding", ["vector representation"],
         "A list of numbers that stands for a piece of text."),
        ("Tokenization", [], "Splitting text into the units a model reads."),
        ("Zero-shot learning", [], "Solving a task without any example of it."),
        ("Context window", [], "How much text a model reads at once."),
    ]
    assert concepts_of(result, "markdown") == [
        ("Attention", ["Self-attention"],
         "Weighing each part of an input by its relevance to the others."),
        ("Prompt", [], "The text a model is given to continue."),
    ]
    html = result.body("terms")
    concept = html[html.index('id="concept-embedding"'):html.index('id="concept-tokenization"')]
    assert '<h2 class="aiguide-term rubric">Embedding</h2>' in concept
    summary = concept[concept.index("aiguide-summary"):concept.index("aiguide-indepth")]
    assert "A list of numbers that stands for a piece of text." in summary
    indepth = concept[concept.index("aiguide-indepth"):]
    # the index entry written in the entry stays, and so does the rest of the definition
    assert '<span class="target" id="index-0"></span><p>Similar texts get similar numbers.' \
        in indepth
    assert "The page goes on after its glossaries." in html
    assert "Reviewed by AI Guide Editors · Last reviewed" in html
    assert "The page goes on after its glossary." in result.body("markdown")


def test_old_term_anchors_stay_on_the_concepts(built: Shared) -> None:
    result = built("glossaries")
    page = read_page(result.read("terms.html"))
    anchors = [str(element.attrs["id"]) for element in page.elements if element.attrs.get("id")]
    for term_id in ("term-Embedding", "term-vector-representation", "term-Tokenization",
                    "term-Zero-shot-learning", "term-Context-window"):
        assert term_id in anchors
    html = result.body("terms")
    assert ('<div class="aiguide-concept" id="concept-embedding">\n'
            '<span id="term-Embedding"></span><span id="term-vector-representation"></span>'
            ) in html
    before = entry_links(built("glossaries", **KEEP).outdir)
    assert sum(map(len, before.values())) == 16  # 8 on the usage page, 8 in the index
    kept, lost = kept_links(before, entry_links(result.outdir))
    assert (kept, lost) == (16, [])


def test_term_links_become_concept_links_with_previews(built: Shared) -> None:
    page = read_page(built("glossaries").body("usage"))
    links = [(str(link.attrs["href"]), link.text) for link in page.find_all("a", "aiguide-ref")]
    assert links == [
        ("markdown.html#concept-prompt", "prompt"),
        ("terms.html#concept-embedding", "embeddings"),
        ("terms.html#concept-embedding", "vector\nrepresentation"),
        ("markdown.html#concept-attention", "Attention"),
        ("markdown.html#concept-attention", "self-attention"),
        ("terms.html#concept-zero-shot-learning", "zero-shot learning"),
        ("terms.html#concept-context-window", "context window"),
        ("terms.html#concept-tokenization", "tokenization"),
    ]
    # one preview per concept on the page: Embedding and Attention are linked twice
    assert len(page.find_all("span", "aiguide-preview")) == 6


def test_every_concept_and_alias_has_a_main_index_entry(built: Shared) -> None:
    for result in (built("glossaries"), built("linking")):
        genindex = result.read("genindex.html")
        for record in (r for records in result.data["concepts"].values() for r in records):
            for name in [record["term"], *record["aliases"]]:
                assert re.search(rf'<a href="{record["docname"]}\.html#[^"]+"><strong>'
                                 rf'{re.escape(name)}</strong></a>', genindex), name


def test_latex_keeps_index_entries_and_labels(built: Shared) -> None:
    result = built("glossaries", "latex")
    assert result.warnings == ""
    tex = result.read("glossaries.tex")
    assert r"\index{Embedding@\spxentry{Embedding}|spxpagem}" in tex
    assert r"\index{vector representation@\spxentry{vector representation}|spxpagem}" in tex
    assert r"\label{\detokenize{terms:term-Embedding}}" in tex
    assert r"\label{\detokenize{terms:concept-embedding}}" in tex
    # the glossary that only HTML shows stays out of the PDF, as a glossary would
    assert "How much text a model reads at once" not in tex


@pytest.mark.parametrize("builder", ["epub", "text", "singlehtml", "dirhtml"])
def test_other_builders_build_clean(built: Shared, builder: str) -> None:
    assert built("glossaries", builder).warnings == ""


def test_parallel_reading_records_the_same(built: Shared) -> None:
    assert built("glossaries", parallel=2).data == built("glossaries").data


def test_a_translated_glossary_makes_translated_concepts(built: Shared) -> None:
    result = built("glossaries", confoverrides={"language": "de"})
    assert result.warnings == ""
    # translated before being sorted: E, L, T
    assert [term for term, _, _ in concepts_of(result, "terms")] == [
        "Einbettung", "Lernen ohne Beispiele", "Tokenization", "Context window"]
    assert concepts_of(result, "terms")[0] == (
        "Einbettung", ["Vektordarstellung"],
        "Eine Liste von Zahlen, die für ein Stück Text steht.")
    html = result.body("terms")
    assert '<span id="term-Embedding"></span>' in html  # the anchor does not move
    assert '<h3 class="aiguide-label rubric">Konzept</h3>' in html


def test_catalogs_offer_the_glossary_as_written(built: Shared) -> None:
    """Translators see every stacked term, whichever way the project shows its glossary."""
    concepts = built("glossaries", "gettext").read("terms.pot")
    keep = built("glossaries", "gettext", **KEEP).read("terms.pot")
    messages = re.compile(r'^msgid "(.*)"$', re.MULTILINE)
    assert messages.findall(concepts) == messages.findall(keep)
    assert 'msgid "vector representation"' in concepts


EXPECTED_BAD = [
    "index.rst:37: WARNING: duplicate term description of Twice, other instance in index",
    "index.rst:16: WARNING: glossary entry 'Starts with a list' starts with a list, not a "
    "paragraph: its concept has no summary [aiguide.concept]",
    "index.rst:20: WARNING: glossary entry 'Starts with code' starts with a code block, not "
    "a paragraph: its concept has no summary [aiguide.concept]",
    "index.rst:40: WARNING: glossary entry 'No definition' has no definition: its concept "
    "has no summary [aiguide.concept]",
    "index.rst:46: WARNING: glossary entry has no term text to name a concept by; it stays "
    "a glossary entry [aiguide.concept]",
    "notes.md:7: WARNING: glossary entry 'Listed' starts with a list, not a paragraph: its "
    "concept has no summary [aiguide.concept]",
    "index.rst:13: WARNING: concept name 'twice' is defined twice: here and in index.rst, "
    "line 10 [aiguide.duplicate]",
    "index.rst:37: WARNING: concept name 'Twice' is defined twice: here and in index.rst, "
    "line 10 [aiguide.duplicate]",
]


def test_bad_entries_warn_with_file_and_line_and_lose_nothing(built: Shared) -> None:
    result = built("glossary-bad")
    assert result.warning_lines() == EXPECTED_BAD
    text = text_of(result.body("index"))
    for kept in ("The first definition.", "The second definition", "one two",
                 'print("code first") A paragraph after the code.',
                 "The rest of the page is kept.", "A third definition", "No definition",
                 "A term that shows no text."):
        assert kept in text
    # terms with markup keep it in their heading, and are found by their text
    html = result.body("index")
    assert ('<h2 class="aiguide-term rubric"><code class="docutils literal notranslate">'
            '<span class="pre">&gt;&gt;&gt;</span></code></h2>') in html
    assert '<h2 class="aiguide-term rubric"><em class="dfn">Attention</em></h2>' in html
    assert [record["term"] for record in result.data["concepts"]["index"]][4:6] == [
        ">>>", "Attention"]


def test_an_unknown_setting_warns_and_keeps_glossaries(built: Shared) -> None:
    result = built("glossaries", confoverrides={"aiguide_glossaries": "yes"})
    assert result.warning_lines() == [
        "WARNING: aiguide_glossaries must be 'keep' or 'concepts'; ignoring 'yes': "
        "glossaries are kept as they are [aiguide.concept]"]
    assert result.data["concepts"] == {}


def test_sphinx_s_own_glossary_keeps_every_link(built: Shared) -> None:
    """Sphinx's documentation (an excerpt): same pages, no new warning, all links kept."""
    unchanged = built("sphinx-docs", confoverrides={"extensions": []})
    assert unchanged.warnings == ""
    result = built("sphinx-docs", confoverrides={"aiguide_glossaries": "concepts"})
    assert result.warnings == ""
    assert {path.relative_to(unchanged.outdir) for path in unchanged.outdir.rglob("*.html")} \
        <= {path.relative_to(result.outdir) for path in result.outdir.rglob("*.html")}
    before = entry_links(unchanged.outdir)
    assert sum(map(len, before.values())) == 35
    assert len(before["genindex.html"]) == 14  # 13 entries, one with two terms
    assert kept_links(before, entry_links(result.outdir)) == (35, [])
    assert len(result.data["concepts"]["glossary"]) == 13


@pytest.mark.parametrize("builder", ["latex", "epub"])
def test_sphinx_s_own_glossary_builds_clean_elsewhere(built: Shared, builder: str) -> None:
    result = built("sphinx-docs", builder, confoverrides={"aiguide_glossaries": "concepts"})
    assert result.warnings == ""


def test_a_project_without_the_extension_links_by_term(built: Shared, build: Build) -> None:
    """Concepts and their aliases are ``std:term`` objects: plain ``:term:`` finds them."""
    linking = built("linking").outdir / "objects.inv"
    glossaries = built("glossaries").outdir / "objects.inv"
    terms = InventoryFile.loads(linking.read_bytes(), uri="").data["std:term"]
    assert terms["alignment"].uri == "value-alignment.html#concept-value-alignment"
    plain = build("intersphinx-plain", confoverrides={"intersphinx_mapping": {
        "a": ("https://a.example.org/", str(linking)),
        "g": ("https://g.example.org/", str(glossaries))}})
    assert plain.warnings == ""
    hrefs = [str(link.attrs["href"])
             for link in read_page(plain.body("index")).find_all("a", "external")]
    assert hrefs == [
        "https://a.example.org/value-alignment.html#concept-value-alignment",
        "https://a.example.org/value-alignment.html#concept-value-alignment",
        "https://a.example.org/overfitting.html#concept-überanpassung",
        "https://g.example.org/terms.html#term-Embedding",
        "https://g.example.org/terms.html#term-vector-representation",
        "https://g.example.org/markdown.html#term-Prompt",
    ]
