"""The model entry of the SPEC, in reST and MyST, through every builder."""

from __future__ import annotations

import pytest

from ..conftest import Shared
from ..helpers import text_of

ROOTS = ["example-rst", "example-myst"]
QUESTIONS = [
    "Does this mean an AI system wants to take over the world?",
    "Why would a system resist being switched off?",
    "How do I keep an agent from acting in unexpected ways?",
    "Is instrumental convergence a sign of consciousness?",
]
BYLINE = "Reviewed by AI Guide Editors · Last reviewed 21 April 2026"
#: Where each builder writes the entry (text found in one of these files counts).
OUTPUTS = {
    "html": "instrumental-convergence.html",
    "dirhtml": "instrumental-convergence/index.html",
    "singlehtml": "index.html",
    "epub": "instrumental-convergence.xhtml",
    "latex": "aiguide.tex",
    "text": "instrumental-convergence.txt",
    "man": "aiguide.1",
    "texinfo": "aiguide.texi",
    "xml": "instrumental-convergence.xml",
}


@pytest.mark.parametrize("root", ROOTS)
def test_html_entry_reads_like_the_model(built: Shared, root: str) -> None:
    result = built(root)
    assert result.warnings == ""
    html = result.body("instrumental-convergence")
    assert '<h1>Instrumental Convergence<a class="headerlink"' in html
    assert '<div class="aiguide-concept" id="concept-instrumental-convergence">' in html
    assert '<div class="aiguide-summary">\n<h2 class="aiguide-label rubric">Concept</h2>' in html
    assert '<h2 class="aiguide-label rubric">In Depth</h2>' in html
    assert html.count('<h2 class="aiguide-label rubric">Frequently Asked Questions</h2>') == 1
    for question in QUESTIONS:
        assert f'<summary class="aiguide-faq-question">{question}</summary>' in html
    assert html.count('<details class="aiguide-faq-item"') == 4
    assert 'id="faq-does-this-mean-an-ai-system-wants-to-take-over-the-world"' in html
    assert html.count('class="aiguide-byline') == 1
    assert ('<p class="aiguide-byline aiguide-page-byline">Reviewed by AI Guide Editors · '
            'Last reviewed <time datetime="2026-04-21">21 April 2026</time></p>') in html
    # The byline closes the page: nothing of the entry comes after it.
    assert html.split("</time></p>")[-1].lstrip().startswith("</section>")
    assert '<h2 class="aiguide-label rubric">Related concepts</h2>' in html
    assert 'href="orthogonality-thesis.html#concept-orthogonality-thesis"' in html


def test_rst_and_myst_render_the_same_html(built: Shared) -> None:
    rst, myst = built("example-rst"), built("example-myst")
    for docname in ("instrumental-convergence", "orthogonality-thesis", "reward-hacking"):
        assert rst.body(docname) == myst.body(docname)


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("builder", sorted(OUTPUTS))
def test_every_builder_shows_labels_questions_and_byline(
    built: Shared, root: str, builder: str
) -> None:
    result = built(root, builder)
    assert result.warnings == ""
    text = result.read(OUTPUTS[builder])
    if builder == "man":
        text = text.replace("\\-", "-").replace("\\(aq", "'")
    if OUTPUTS[builder].endswith(("html", ".xml")):
        text = text_of(text)
    for expected in ("Concept", "In Depth", "Frequently Asked Questions", *QUESTIONS,
                     "Reviewed by AI Guide Editors", "Last reviewed 21 April 2026",
                     "Related concepts", "keeping themselves running"):
        assert expected in " ".join(text.split()), expected


@pytest.mark.parametrize("root", ROOTS)
def test_non_html_builders_print_the_question_in_bold(built: Shared, root: str) -> None:
    text = built(root, "text").read("instrumental-convergence.txt")
    assert f"**{QUESTIONS[0]}**\n\nNo. The claim is narrower" in text
    assert "-[ Concept ]-\n\nInstrumental convergence is the idea" in text
    assert text.rstrip().endswith(BYLINE)


@pytest.mark.parametrize("root", ROOTS)
def test_gettext_extracts_summary_and_questions_not_labels(built: Shared, root: str) -> None:
    result = built(root, "gettext")
    assert result.warnings == ""
    pot = result.read("instrumental-convergence.pot")
    assert 'msgid "Instrumental convergence is the idea that capable goal-directed AI' in pot
    for question in QUESTIONS:
        assert f'msgid "{question}"' in pot
    for label in ("Concept", "In Depth", "Frequently Asked Questions", "Related concepts"):
        assert f'msgid "{label}"' not in pot
    assert "Reviewed by" not in pot


@pytest.mark.parametrize("root", ROOTS)
def test_css_only_for_html_builders(built: Shared, root: str) -> None:
    html = built(root, "html")
    assert (html.outdir / "_static" / "aiguide.css").is_file()
    assert 'href="_static/aiguide.css' in html.read("instrumental-convergence.html")
    latex = built(root, "latex")
    assert not list(latex.outdir.rglob("aiguide.css"))


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_the_question_script_goes_to_pages_with_questions_only(built: Shared,
                                                               builder: str) -> None:
    result = built("example-rst", builder)
    with_questions = OUTPUTS[builder]
    assert result.read(with_questions).count('_static/aiguide-questions.js?v=') == 1
    if builder != "singlehtml":  # there the home page is the page with questions
        assert "aiguide-questions.js" not in result.read("index.html")
    # the package's own file, configured by nothing
    script = (result.outdir / "_static" / "aiguide-questions.js").read_text(encoding="utf-8")
    assert "hashchange" in script and "faq-" not in script.split("*/", 1)[1]


def test_e_books_get_no_question_script(built: Shared) -> None:
    result = built("example-rst", "epub")
    assert "aiguide-questions.js" not in result.read(OUTPUTS["epub"])


def test_the_spec_configuration_gives_the_described_page(built: Shared) -> None:
    """The SPEC's own conf.py (aiguide theme, title template) and its reST page."""
    result = built("example-spec")
    assert result.warnings == ""
    page = result.read("instrumental-convergence.html")
    assert ("<title>Instrumental Convergence: What It Is and Why It Matters | AI Guide"
            "</title>") in page
    assert ('<p class="aiguide-byline aiguide-page-byline">Reviewed by AI Guide Editors · '
            'Last reviewed <time datetime="2026-04-21">21 April 2026</time></p>') in page
    assert '<h2 class="aiguide-label rubric">Concept</h2>' in page
