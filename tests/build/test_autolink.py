"""Mentions link themselves: which words become links, where never, and what counts them."""

from __future__ import annotations

import gc
import json
import re
import weakref
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..conftest import Build, Shared
from ..helpers import Built, copy_root, read_page, run_build, text_of

ROOT = "autolink"
LLM = "llm.html#concept-large-language-model"


def links(result: Built, docname: str) -> list[tuple[str, str]]:
    """``(href, text)`` of every concept link on a page."""
    return [(str(link.attrs["href"]), link.text)
            for link in read_page(result.body(docname)).find_all("a", "aiguide-ref")]


def concepts(anchor: str) -> str:
    return f"concepts.html#concept-{anchor}"


def test_first_mentions_link_in_rst(built: Shared) -> None:
    result = built(ROOT)
    assert result.warnings == ""
    assert links(result, "prose") == [
        (LLM, "Large language models"),  # longest match, plural, any case
        (concepts("language-model"), "language model"),
        (concepts("embedding"), "Embeddings"),
        (concepts("policy"), "policies"),
        # "A/B tests" is left to the link written further down the page
        (concepts("k-nn"), "k-NN"),
        (concepts("c"), "C++"),
        (concepts("zero-shot-learning"), "zero-shot learning"),
        (concepts("過学習"), "過学習"),
        (concepts("überanpassung"), "überanpassung"),
        (concepts("a-b-test"), "the test"),
    ]
    # later mentions, "llm" (LLM only as written), "C++11" and the alias "mice" (its
    # concept is linked already) stay text
    shown = text_of(result.body("prose"))
    for text in ("LLMs are large language models too, and an llm in lower case",
                 "mentions embeddings again, and C++11 and remodelled mice."):
        assert text in shown


def test_first_mentions_link_in_myst(built: Shared) -> None:
    assert links(built(ROOT), "markdown") == [
        (LLM, "Large language models"),
        (concepts("policy"), "policies"),
        (concepts("embedding"), "embeddings"),
    ]


def test_all_links_every_mention(built: Shared) -> None:
    result = built(ROOT, confoverrides={"aiguide_autolink": "all"})
    found = links(result, "prose")
    assert [text for href, text in found if href == concepts("embedding")] == [
        "Embeddings", "embeddings"]
    assert [text for href, text in found if href == LLM] == [
        "Large language models", "LLMs", "large\nlanguage models"]
    assert (concepts("a-b-test"), "A/B tests") in found
    # a role with its link turned off stays text: ":concept:`!Language Model`"
    assert [text for href, text in found if href == concepts("language-model")] == [
        "language model"]


def test_auto_links_are_concept_links(built: Shared) -> None:
    """The same markup as ``:concept:``, preview included."""
    html = built(ROOT).body("prose")
    auto = re.search(r'<span class="aiguide-ref-wrap">(<a [^>]*>)<span class="([^"]+)">'
                     r"Embeddings</span></a>(<span [^>]*>)([^<]*)</span></span>", html)
    written = re.search(r'<span class="aiguide-ref-wrap">(<a [^>]*>)<span class="([^"]+)">'
                        r"the test</span></a>(<span [^>]*>)", html)
    assert auto and written
    assert auto.group(2) == written.group(2) == "xref aiguide aiguide-concept"
    assert re.sub(r"aiguide-preview-\d+|href=\"[^\"]+\"", "", auto.group(1)) == \
        re.sub(r"aiguide-preview-\d+|href=\"[^\"]+\"", "", written.group(1))
    assert 'class="aiguide-preview no-search"' in auto.group(3)
    assert auto.group(4) == "An embedding is a vector that stands for a token."


@pytest.mark.parametrize("mode", ["first", "all"])
@pytest.mark.parametrize("docname", ["skipped", "skipped-md"])
def test_never_in_code_titles_links_raw_or_only_blocks(built: Shared, mode: str,
                                                       docname: str) -> None:
    result = built(ROOT, confoverrides={"aiguide_autolink": mode})
    assert links(result, docname) == []
    assert "embedding in an only block" in text_of(result.body(docname)).lower()


def test_an_entry_never_links_its_own_concept(built: Shared) -> None:
    result = built(ROOT)
    # the entry and the page's own question name it four times, and link only the others
    assert links(result, "llm") == [(concepts("language-model"), "language model"),
                                    (concepts("embedding"), "embedding"),
                                    (concepts("policy"), "policy")]
    assert links(result, "concepts") == []  # each entry mentions only itself


@pytest.mark.parametrize("docname", ["quiet", "quiet-md"])
def test_a_page_can_opt_out(built: Shared, docname: str) -> None:
    result = built(ROOT)
    assert links(result, docname) == []
    page = result.read(f"{docname}.html")
    assert "aiguide-autolink" not in page
    assert "aiguide-previews.js" not in page  # no preview, no script


def test_the_preview_script_goes_only_to_pages_with_previews(built: Shared) -> None:
    result = built(ROOT)
    script = '<script defer="defer" src="_static/aiguide-previews.js?v='
    assert result.read("prose.html").count(script) == 1
    for docname in ("quiet", "skipped", "index"):
        assert "aiguide-previews.js" not in result.read(f"{docname}.html"), docname
    # a file of the package's own, configured by nothing
    assert (result.outdir / "_static" / "aiguide-previews.js").read_text(encoding="utf-8") \
        .count("aiguide-preview-closed") == 1


def test_plural_targets_resolve_in_roles(built: Shared) -> None:
    result = built(ROOT)
    assert links(result, "roles") == [
        (concepts("embedding"), "embeddings"), (concepts("policy"), "policies"),
        (LLM, "LLMs"), (LLM, "Large Language Models")]


def test_mentions_count_for_referenced_by_and_exports(built: Shared) -> None:
    result = built(ROOT)
    page = result.body("llm")
    referenced = page[page.index("Referenced by"):]
    assert re.findall(r'href="([^"]+)"><span class="doc">', referenced) == [
        "markdown.html", "prose.html", "roles.html"]  # not the pages that opt out
    glossary = {c["term"]: c for c in json.loads(result.read("glossary.json"))["concepts"]}
    assert [page["docname"] for page in glossary["Large Language Model"]["referenced_by"]] \
        == ["markdown", "prose", "roles"]
    # a mention of itself in its own entry does not count
    assert glossary["Self Reference"]["referenced_by"] == []


def test_referenced_by_lists_stay_out_of_the_search_index(built: Shared) -> None:
    """A page is not found by the titles of the pages that mention it."""
    index_js = built(ROOT).read("searchindex.js")
    index = json.loads(index_js[index_js.index("(") + 1:index_js.rindex(")")])
    found = index["terms"]["markdown"]  # "Markdown Page" mentions the LLM entry
    pages = {found} if isinstance(found, int) else set(found)
    assert index["docnames"].index("llm") not in pages
    assert "Markdown Page" in built(ROOT).body("llm")


def test_unused_concepts_warn_with_their_place(built: Shared) -> None:
    result = built(ROOT, confoverrides={"aiguide_warn_unused": True})
    assert result.warning_lines() == [
        f"unused.rst:{line}: WARNING: concept {term!r} is not linked from any page "
        "[aiguide.unused]"
        for line, term in ((4, "Unused Idea"), (8, "Self Reference"), (12, "Quiet Notion"))]


def test_without_auto_links_only_written_links_count(built: Shared) -> None:
    result = built(ROOT, confoverrides={"aiguide_autolink": None,
                                        "aiguide_warn_unused": True})
    assert links(result, "prose") == [(concepts("a-b-test"), "the test")]
    unused = re.findall(r"concept '([^']+)' is not linked", result.warnings)
    assert "Zero-Shot Learning" in unused
    assert "Embedding" not in unused  # roles.rst links to it


def test_latex_auto_links_are_internal_links(built: Shared) -> None:
    result = built(ROOT, "latex")
    tex = "".join(path.read_text(encoding="utf-8") for path in result.outdir.glob("*.tex"))
    prose = tex[tex.index("write text; so does a"):]
    assert prose.startswith("write text; so does a {\\hyperref[\\detokenize"
                            "{concepts:concept-language-model}]{\\sphinxcrossref")
    assert "\\hyperref[\\detokenize{llm:concept-large-language-model}]" in tex
    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]+)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]+)\}\}", tex))
    assert targets <= labels, targets - labels


def test_single_page_links_the_first_mention_of_each_page(built: Shared) -> None:
    html = built(ROOT, "singlehtml").read("index.html")
    found = re.findall(r'href="#concept-embedding"><span class="xref aiguide aiguide-concept">'
                       r"([^<]+)<", html)
    # once in the LLM page, the prose page and the Markdown page; the roles page's own link
    assert found == ["embedding", "Embeddings", "embeddings", "embeddings"]


def test_text_output_keeps_the_words(built: Shared) -> None:
    text = built(ROOT, "text").read("prose.txt")
    assert "*Large language models* write text" in text
    assert "an llm in lower case" in text


def test_parallel_output_is_identical(build: Build, built: Shared) -> None:
    serial, parallel = built(ROOT), build(ROOT, parallel=2)
    files = sorted(p.relative_to(serial.outdir) for p in serial.outdir.rglob("*")
                   if p.is_file())
    assert files
    for name in files:
        assert (serial.outdir / name).read_bytes() == (parallel.outdir / name).read_bytes(), \
            name


def test_bad_values_warn_and_change_nothing(build: Build, tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path / "src")
    quiet = src / "quiet.rst"
    quiet.write_text(quiet.read_text(encoding="utf-8").replace(":aiguide-autolink: off",
                                                               ":aiguide-autolink: maybe"),
                     encoding="utf-8")
    result = build(srcdir=src, confoverrides={"aiguide_autolink": "sometimes"})
    assert result.warning_lines() == [
        'WARNING: aiguide_autolink must be "first", "all" or None; ignoring \'sometimes\': '
        "no mention is linked [aiguide.autolink]"]
    assert links(result, "prose") == [(concepts("a-b-test"), "the test")]
    result = run_build(src)
    assert result.warning_lines() == [
        "quiet.rst:1: WARNING: aiguide-autolink: 'maybe' is not 'off' or 'on'; mentions on "
        "this page are linked [aiguide.autolink]"]
    assert links(result, "quiet")[0] == (LLM, "large language models")


def test_a_finished_build_is_not_kept_alive_by_the_package(tmp_path: Path) -> None:
    """Mentions are linked with the builder, which the package notes for each environment:
    once the application lets go of its builder, nothing of the package may hold it (nor,
    through it, the environment and whatever other extensions hang on the application —
    a process that builds again, or a test session, would keep every one of them)."""
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_aiguide"]\n'
                                      'aiguide_autolink = "first"\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n\n.. concept:: Alpha\n\n   Alpha is a "
                                        "letter.\n\nA page about alpha.\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert "aiguide-ref-wrap" in (app.outdir / "index.html").read_text(encoding="utf-8")
    builder = weakref.ref(app.builder)
    del app.builder
    gc.collect()
    assert builder() is None
