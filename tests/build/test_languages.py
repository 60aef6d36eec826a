"""One small glossary built in six languages: each reads the way its language writes.

Per language: the byline's date and its list of three reviewers (CLDR's long date and
list patterns), the A–Z order and letter groups of the index and of the theme's jump bar,
no English label left in HTML, LaTeX and EPUB builds without a warning, and a PDF whose
text says the same (compiled as ``make latexpdf`` compiles it, and read with pdftotext).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sphinx_aiguide import collation
from sphinx_aiguide.i18n import LOCALE_DIR

from ..conftest import Build, Shared
from ..helpers import Built, read_page, text_of
from .test_downloads import compile_pdf, guide_settings

ROOT = "languages"
LANGUAGES = ["en", "de", "es", "fr", "ja", "zh_CN"]
HDESAI = '<a class="reference external" href="https://example.org/hdesai">Harsh Desai</a>'

BYLINES = {
    "en": f"Reviewed by {HDESAI}, Jo Roe and Sam Lee · Last reviewed "
          '<time datetime="2026-04-21">21 April 2026</time>',
    "de": f"Geprüft von {HDESAI}, Jo Roe und Sam Lee · Zuletzt geprüft am "
          '<time datetime="2026-04-21">21. April 2026</time>',
    "es": f"Revisado por {HDESAI}, Jo Roe y Sam Lee · Última revisión: "
          '<time datetime="2026-04-21">21 de abril de 2026</time>',
    "fr": f"Relu par {HDESAI}, Jo Roe et Sam Lee · Dernière relecture le "
          '<time datetime="2026-04-21">21 avril 2026</time>',
    "ja": f"レビュー担当：{HDESAI}、Jo Roe、Sam Lee · 最終レビュー："
          '<time datetime="2026-04-21">2026年4月21日</time>',
    "zh_CN": f"审阅人：{HDESAI}、Jo Roe和Sam Lee · 最后审阅："
             '<time datetime="2026-04-21">2026年4月21日</time>',
}

#: The index as every language but Spanish files it: accents under their base letter,
#: "The Transformer" by its :sort-as:, kana by row, Han characters by themselves.
GROUPS = [
    ("#", ["3D Reconstruction"]),
    ("A", ["Attention"]),
    ("E", ["Embedding", "Émergence"]),
    ("N", ["Ñandú", "Neural Network"]),
    ("Q", ["强化学习"]),  # its pinyin, given with :sort-as:
    ("T", ["Tokenizer", "The Transformer"]),
    ("U", ["Überanpassung"]),
    ("た", ["大規模言語モデル", "トークン化"]),  # だいきぼ… (its :sort-as:), then とーくん…
    ("注", ["注意力机制"]),
    ("過", ["過学習"]),
]
SPANISH = [*GROUPS[:3], ("N", ["Neural Network"]), ("Ñ", ["Ñandú"]), *GROUPS[4:]]


def build(built: Shared, language: str, builder: str = "html") -> Built:
    return built(ROOT, builder, confoverrides={"language": language})


def index_groups(html: str) -> list[tuple[str, list[str]]]:
    """The letter groups of the concept index, as a reader sees them."""
    return [(text_of(label), [text_of(term) for term in re.findall(r"<dt>(.*?)</dt>", terms)])
            for label, terms in re.findall(
                r'<div class="aiguide-index-group" id="[^"]+">\s*'
                r'<h\d class="aiguide-label rubric">(.*?)</h\d>(.*?)</dl>', html, re.S)]


def jump_bar(html: str) -> list[tuple[str, str]]:
    """``(letter, link)`` of each letter of the theme's A–Z bar."""
    bar = re.search(r'<nav class="ag-az".*?</nav>', html, re.S)
    assert bar is not None
    return [(text_of(letter), link)
            for link, letter in re.findall(r'<a href="([^"]*)">(.*?)</a>', bar.group())]


@pytest.mark.parametrize("language", LANGUAGES)
def test_byline_date_and_three_reviewers(built: Shared, language: str) -> None:
    result = build(built, language)
    assert result.warnings == ""
    assert f'<p class="aiguide-byline">{BYLINES[language]}</p>' in result.read("index.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_to_z_order_and_letter_groups(built: Shared, language: str) -> None:
    result = build(built, language)
    expected = SPANISH if language == "es" else GROUPS
    html = result.read("index.html")
    assert index_groups(html) == expected
    # the index's own jump bar and the theme's, on every page, show the same groups
    letters = [letter for letter, _terms in expected]
    anchors = re.findall(r'<div class="aiguide-index-group" id="([^"]+)">', html)
    jump = re.search(r'<p class="aiguide-index-jump">(.*?)</p>', html, re.S)
    assert jump is not None
    assert re.findall(r'<a class="reference internal" href="#([^"]+)">(.*?)</a>',
                      jump.group(1)) == list(zip(anchors, letters, strict=True))
    assert jump_bar(html) == [(letter, f"#{anchor}")
                              for letter, anchor in zip(letters, anchors, strict=True)]
    assert jump_bar(result.read("terms.html")) == [
        (letter, f"index.html#{anchor}") for letter, anchor in zip(letters, anchors, strict=True)]
    # glossary.json lists the concepts in the same order
    exported = json.loads(result.read("glossary.json"))["concepts"]
    assert [concept["term"] for concept in exported] == [
        term for _letter, terms in expected for term in terms]


@pytest.mark.parametrize("language", ["es", "ja"])
def test_the_built_in_rules_file_the_same_without_icu(
        build: Build, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setattr(collation, "icu", None)
    result = build(ROOT, confoverrides={"language": language})
    assert result.warnings == ""
    assert index_groups(result.read("index.html")) == (SPANISH if language == "es" else GROUPS)


def english_labels(language: str) -> set[str]:
    """The package's labels whose translation into *language* differs from the English."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / "sphinx_aiguide.po").open("rb") as handle:
        messages = read_po(handle)
    return {re.split(r"\{\w+\}|%\(\w+\)s|<", message.id)[0].strip()
            for message in messages if message.id and message.string != message.id}


READER_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "value"}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_label_remains(built: Shared, language: str) -> None:
    result = build(built, language)
    labels = english_labels(language)
    assert {"Skip to content", "Colour scheme: automatic", "Reviewed by", "Concept"} & labels
    for name in ("index.html", "terms.html"):
        page = read_page(result.read(name))
        seen = [page.text] + [str(value) for element in page.elements
                              for attribute, value in element.attrs.items()
                              if attribute in READER_ATTRIBUTES
                              or attribute.startswith("data-label")]
        left = {label for label in labels for text in seen
                if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)}
        assert left == set(), (name, left)


@pytest.mark.parametrize("builder", ["latex", "epub"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_latex_and_epub_read_right(built: Shared, language: str, builder: str) -> None:
    result = build(built, language, builder)
    assert result.warnings == ""
    date = re.search(r"<time[^>]*>(.*?)</time>", BYLINES[language])
    assert date is not None
    if builder == "latex":
        text = result.read("aiguide.tex")
        headings = re.findall(r"\\subsubsection\*\{(.*?)\}", text)
        # the byline's dot is boxed, or xeCJK drops the space after it; pTeX's is not
        assert (r" \mbox{·} " in text) == (language != "ja")
    else:
        text = result.read("index.xhtml")
        headings = [text_of(h) for h in re.findall(
            r'<h\d class="aiguide-label rubric">.*?</h\d>', result.read("index.xhtml"))]
    assert date.group(1) in text
    expected = SPANISH if language == "es" else GROUPS
    letters = [letter.replace("#", r"\#") if builder == "latex" else letter
               for letter, _terms in expected]
    assert [h for h in headings if h in letters] == letters


# -- PDF ----------------------------------------------------------------------------------

#: The engine Sphinx picks for Japanese and Chinese (docs/languages.md has the table); the
#: other languages are built with the snippet's.
ENGINES = {"ja": "uplatex", "zh_CN": "xelatex"}
#: What those engines' default fonts lack, and so leave blank (docs/languages.md says so):
#: Harano Aji has no simplified 习 (of 强化学习), Fandol no katakana ー (of トークン化).
GAPS = {"ja": "习", "zh_CN": "ー"}
#: Each language with the ``conf.py`` snippet of docs/languages.md it is built with, if any:
#: the other languages need xeCJK for the glossary's Japanese and Chinese terms.
PDFS = [(language, "xeCJK") for language in ("en", "de", "es", "fr")] + [
    ("ja", None), ("zh_CN", None), ("zh_CN", "Noto Serif CJK SC")]

#: The labels of a concept in the PDF (the byline is checked whole).
PDF_LABELS = ("Concept", "In Depth", "Related concepts", "Frequently Asked Questions",
              "Referenced by")

CJK = "[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def catalog(language: str) -> dict[str, str]:
    """The package's translations into *language* (none for English)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "sphinx_aiguide.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return {str(message.id): str(message.string) for message in read_po(handle)
                if message.id and message.string}


def reading(text: str) -> str:
    """*text* as it reads: ligatures as letters, white space as one space, and none beside
    Japanese and Chinese characters (the engines set those apart by spacing, not spaces)."""
    text = " ".join(text.translate(LIGATURES).split())
    return re.sub(rf" (?={CJK})|(?<={CJK}) ", "", text)


@pytest.mark.latex
@pytest.mark.parametrize(("language", "snippet"), PDFS)
def test_the_pdf_reads_right(built: Shared, tmp_path: Path, language: str,
                             snippet: str | None) -> None:
    settings = guide_settings("languages.md", snippet) if snippet else {}
    result = built(ROOT, "latex", confoverrides={"language": language, **settings})
    assert result.warnings == ""
    compiled = compile_pdf(result, tmp_path / "latex",
                           settings.get("latex_engine") or ENGINES[language])
    gaps = "" if snippet else GAPS.get(language, "")
    assert compiled.missing() == gaps
    text = compiled.text()
    assert reading(text_of(BYLINES[language])) in reading(text)
    # the A–Z chapter: the jump bar, then each letter and its terms in order
    blank = dict.fromkeys(map(ord, gaps))
    groups = [(letter, [term.translate(blank) for term in terms])
              for letter, terms in (SPANISH if language == "es" else GROUPS)]
    expected = [line for letter, terms in groups for line in (letter, *terms)]
    lines = [reading(line) for line in text.splitlines()]
    bar = [number for number, line in enumerate(lines)
           if line.replace(" ", "") == "".join(letter for letter, _terms in groups)]
    assert len(bar) == 1
    seen = [number for number, line in enumerate(lines)
            if number > bar[0] and line in expected][:len(expected)]
    assert [lines[number] for number in seen] == expected
    # then the index at the back: every term with its page, Japanese (mendex) included
    index = "\n".join(lines[seen[-1] + 1:])
    for _letter, terms in groups:
        for term in terms:
            assert re.search(rf"^{re.escape(term)}\s*,\s*\d", index, re.M), term
    # the labels, in the language; none left in English
    translations = catalog(language)
    labels = {translations.get(label, label) for label in PDF_LABELS}
    assert labels <= set(lines)
    assert (set(PDF_LABELS) - labels) & set(lines) == set()
