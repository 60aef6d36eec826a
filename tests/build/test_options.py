"""Every option of ``concept`` and ``faq``, in reST and in MyST with both fence styles."""

from __future__ import annotations

import pytest
from sphinx.util.inventory import InventoryFile

from ..conftest import Shared

ROOTS = ["options-rst", "options-colon", "options-backtick"]


def test_rst_colon_and_backtick_fences_render_the_same(built: Shared) -> None:
    pages = [built(root).body("index") for root in ROOTS]
    assert pages[0] == pages[1] == pages[2]


@pytest.mark.parametrize("root", ROOTS)
def test_summary_option_leaves_the_whole_body_in_depth(built: Shared, root: str) -> None:
    result = built(root)
    assert result.warnings == ""
    html = result.body("index")
    # named by its argument in a section called "Glossary": the term is a heading of its own
    assert ('<h2 class="aiguide-term rubric">Large Language Model</h2>\n'
            '<div class="aiguide-summary">\n<h3 class="aiguide-label rubric">Concept</h3>\n'
            '<p>A model trained on large amounts of text to predict the <em>next</em> token.</p>'
            ) in html
    assert ('<h3 class="aiguide-label rubric">In Depth</h3>\n<p>Everything in the body is in '
            'depth') in html
    record = result.domain().find("Large Language Model")
    assert record is not None
    assert record["summary"] == (
        "A model trained on large amounts of text to predict the next token."
    )


@pytest.mark.parametrize("root", ROOTS)
def test_concept_without_more_text_has_no_in_depth_label(built: Shared, root: str) -> None:
    html = built(root).body("index")
    tokenizer = html[html.index('id="concept-tokenizer"'):]
    tokenizer = tokenizer[:tokenizer.index('<section id=')]
    assert "A tokenizer splits text into tokens." in tokenizer
    assert "In Depth" not in tokenizer


@pytest.mark.parametrize("root", ROOTS)
def test_aliases_tags_and_related_are_recorded_and_resolved(built: Shared, root: str) -> None:
    result = built(root)
    domain = result.domain()
    for name in ("llm", "Foundation  Model", "LARGE LANGUAGE MODEL"):
        record = domain.find(name)
        assert record is not None
        assert record["term"] == "Large Language Model"
    record = domain.find("LLM")
    assert record is not None
    assert record["aliases"] == ["LLM", "foundation model"]
    assert record["tags"] == ["models", "nlp"]
    assert record["related"] == ["Tokenizer", "ωmega ζήτα"]
    html = result.body("index")
    # the related list shows each concept under its own term, however :related: spelt it
    assert ('class="aiguide-ref reference internal" href="#concept-ωmega-ζήτα">'
            '<span>Ωmega Ζήτα</span></a>') in html
    assert ('class="aiguide-ref reference internal" href="#concept-large-language-model">'
            '<span class="xref aiguide aiguide-concept">LLM</span></a>') in html


@pytest.mark.parametrize("root", ROOTS)
def test_reviewers_from_registry_and_plain_names(built: Shared, root: str) -> None:
    html = built(root).body("index")
    assert ('<p class="aiguide-byline">Reviewed by <a class="reference external" '
            'href="https://example.org/hdesai" title="Editor">Harsh Desai</a> and Jane Roe · '
            'Last reviewed <time datetime="2026-03-01">1 March 2026</time></p>\n</div>') in html


@pytest.mark.parametrize("root", ROOTS)
def test_name_and_class(built: Shared, root: str) -> None:
    html = built(root).body("index")
    assert ('<div class="aiguide-concept featured wide" id="concept-large-language-model">\n'
            '<span id="llm-target"></span>') in html
    assert '<a class="reference internal" href="#llm-target">' in html
    # an explicit target of a question sits on <summary>: <details> must start with it
    assert ('<details class="aiguide-faq-item" id="faq-is-an-llm-a-database" open="open">\n'
            '<summary class="aiguide-faq-question" id="llm-db">Is an LLM a database?</summary>'
            ) in html
    assert '<details class="aiguide-faq-item" id="faq-can-an-llm-browse-the-web">\n' in html


@pytest.mark.parametrize("root", ROOTS)
def test_nested_faqs_belong_to_their_concept(built: Shared, root: str) -> None:
    result = built(root)
    faqs = result.domain().faqs_of("index")
    assert [(f["question"], f["concept"], f["id"]) for f in faqs] == [
        ("Is an LLM a database?", "Large Language Model", "faq-is-an-llm-a-database"),
        ("Can an LLM browse the web?", "Large Language Model", "faq-can-an-llm-browse-the-web"),
    ]
    assert faqs[0]["answer"] == "No: it stores patterns, not records."
    html = result.body("index")
    concept = html[:html.index('id="concept-tokenizer"')]
    # both questions form one group inside the concept, after its in-depth part
    assert concept.count("Frequently Asked Questions") == 1
    assert concept.index("In Depth") < concept.index("Frequently Asked Questions")


@pytest.mark.parametrize("root", ROOTS)
def test_non_latin_terms_keep_their_letters_in_ids(built: Shared, root: str) -> None:
    result = built(root)
    html = result.body("index")
    # a concept named by its section title shows no second heading
    greek = html[html.index('id="concept-ωmega-ζήτα"'):html.index('id="concept-大規模言語モデル"')]
    assert "aiguide-term" not in greek
    assert '<h3 class="aiguide-term rubric">大規模言語モデル</h3>' in html
    assert 'id="concept-ωmega-ζήτα"' in html
    assert 'id="concept-大規模言語モデル"' in html
    record = result.domain().find("Ωmega Ζήτα")
    assert record is not None
    assert record["tags"] == ["greek"]


@pytest.mark.parametrize("root", ROOTS)
def test_sort_as_files_a_term_by_its_reading(built: Shared, root: str) -> None:
    domain = built(root).domain()
    record = domain.find("大規模言語モデル")
    assert record is not None
    assert record["sort_as"] == "だいきぼげんごもでる"
    assert [(letter, [r["term"] for r in records]) for letter, records
            in domain.letter_groups()][-1] == ("た", ["大規模言語モデル"])


@pytest.mark.parametrize("root", ROOTS)
def test_concepts_and_aliases_are_in_the_inventory(built: Shared, root: str) -> None:
    result = built(root)
    inventory = InventoryFile.loads((result.outdir / "objects.inv").read_bytes(), uri="")
    concepts = inventory.data["aiguide:concept"]
    assert concepts["Large Language Model"].uri == "index.html#concept-large-language-model"
    assert concepts["LLM"].uri == "index.html#concept-large-language-model"
    assert concepts["大規模言語モデル"].uri == "index.html#concept-大規模言語モデル"
