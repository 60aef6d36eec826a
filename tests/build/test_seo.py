"""What HTML pages carry in their head: description, title, Open Graph text and JSON-LD."""

from __future__ import annotations

import re
from pathlib import Path

import extruct
import pytest

from ..conftest import Build, Shared
from ..helpers import copy_root, read_page

BASE = "https://example.org/guide/"
SUMMARY = ("Overfitting is when a model learns its training data so closely that it does "
           "worse on data it has not seen.")
TITLE = "Overfitting: What It Is and Why It Matters"
#: Both extensions that write head tags of their own, beside this one.
OPENGRAPH_AND_SITEMAP = ["sphinx_aiguide", "sphinxext.opengraph", "sphinx_sitemap"]


def head(html: str) -> str:
    return html[:html.index("<body")]


@pytest.mark.parametrize("root", ["seo-rst", "seo-myst"])
def test_primary_concept_page_carries_description_title_and_graph(built: Shared,
                                                                   root: str) -> None:
    result = built(root)
    assert result.warnings == ""
    page = result.page("overfitting.html")
    assert page.metas("name", "description") == [SUMMARY]
    assert page.metas("name", "test-aiguide-title") == [TITLE]
    graph = page.graph()
    # the glossary's set is defined on the glossary page only; here it is named by its @id
    assert set(graph) == {"WebPage", "DefinedTerm", "FAQPage"}
    url = f"{BASE}overfitting.html"
    term_id = f"{url}#concept-overfitting"
    assert graph["WebPage"] == [{
        "@type": "WebPage", "@id": url, "url": url, "name": "Overfitting",
        # the summary is the DefinedTerm's description (and the meta description), once
        "inLanguage": "en", "mainEntity": {"@id": term_id},
        # the concept's own review data wins over the page's
        "reviewedBy": [
            {"@type": "Person", "name": "Harsh Desai", "url": "https://example.org/hdesai",
             "jobTitle": "Technical editor"},
            {"@type": "Person", "name": "Sam Lee"},
        ],
        "lastReviewed": "2026-05-02",
        "isPartOf": {"@id": f"{BASE}index.html#aiguide-glossary"},
    }]
    assert graph["DefinedTerm"] == [{
        "@type": "DefinedTerm", "@id": term_id, "name": "Overfitting",
        "alternateName": ["overtraining", "overfit"], "description": SUMMARY,
        "url": term_id, "inDefinedTermSet": {"@id": f"{BASE}index.html#aiguide-glossary"},
    }]
    assert graph["FAQPage"] == [{"@type": "FAQPage", "url": url, "mainEntity": [
        {"@type": "Question", "name": "How do I notice overfitting?",
         "url": f"{url}#faq-how-do-i-notice-overfitting",
         "acceptedAnswer": {"@type": "Answer", "text": (
             "Compare the score on training data with the score on held-out data.\n\n"
             "A widening gap is the sign.")}},
        {"@type": "Question", "name": "Is more data always the cure?",
         "url": f"{url}#faq-is-more-data-always-the-cure",
         "acceptedAnswer": {"@type": "Answer", "text": (
             "Often, but not always: regularisation and simpler models help too.")}},
    ]}]


def test_rst_and_myst_give_the_same_head(built: Shared) -> None:
    rst = built("seo-rst").page("overfitting.html")
    myst = built("seo-myst").page("overfitting.html")
    assert rst.jsonld() == myst.jsonld()
    assert rst.metas("name", "description") == myst.metas("name", "description")


def test_extruct_reads_the_graph(built: Shared) -> None:
    html = built("seo-rst").read("overfitting.html")
    found = extruct.extract(html, base_url=f"{BASE}overfitting.html", syntaxes=["json-ld"])
    assert found["json-ld"] == read_page(html).jsonld()


def test_template_title_reaches_the_theme_variable(built: Shared) -> None:
    result = built("seo-rst", confoverrides={"html_theme": "alabaster"})
    html = result.read("overfitting.html")
    assert read_page(html).metas("name", "test-aiguide-title") == [TITLE]
    assert f"<title>{TITLE} &#8212; AI Guide 1.0 documentation</title>" in html
    # pages without a primary concept keep their own title
    assert result.page("families.html").metas("name", "test-aiguide-title") == [""]
    assert "<title>Model Families &#8212;" in result.read("families.html")


@pytest.mark.parametrize("root", ["seo-rst", "seo-myst"])
def test_own_meta_description_is_never_doubled(built: Shared, root: str) -> None:
    page = built(root).page("own-meta.html")
    assert page.metas("name", "description") == ["The page's own description."]
    # the rest still applies
    assert page.graph()["DefinedTerm"][0]["description"] == (
        "Dropout switches off random units during training.")
    assert page.metas("name", "test-aiguide-title") == [
        "Dropout: What It Is and Why It Matters"]


def test_page_title_picks_the_primary_among_several_concepts(built: Shared) -> None:
    page = built("seo-rst").page("transformer.html")
    assert page.metas("name", "description") == [
        "A transformer is a network built from attention layers."]
    graph = page.graph()
    assert graph["WebPage"][0]["mainEntity"] == {
        "@id": f"{BASE}transformer.html#concept-transformer"}
    assert [term["name"] for term in graph["DefinedTerm"]] == ["Attention", "Transformer"]


def test_page_without_primary_concept_lists_its_terms_and_questions(built: Shared) -> None:
    page = built("seo-rst").page("families.html")
    assert page.metas("name", "description") == []
    graph = page.graph()
    assert "mainEntity" not in graph["WebPage"][0]
    assert "description" not in graph["WebPage"][0]
    assert [term["name"] for term in graph["DefinedTerm"]] == ["Encoder", "Decoder"]
    assert [q["name"] for q in graph["FAQPage"][0]["mainEntity"]] == [
        "Which family do chat models belong to?"]


def test_review_data_alone_gives_a_web_page(built: Shared) -> None:
    result = built("seo-rst")
    graph = result.page("reviewed.html").graph()
    assert set(graph) == {"WebPage"}
    assert graph["WebPage"][0]["reviewedBy"] == [
        {"@type": "Person", "name": "Harsh Desai", "url": "https://example.org/hdesai",
         "jobTitle": "Technical editor"}]
    assert graph["WebPage"][0]["lastReviewed"] == "2026-03-01"
    # a question outside any concept on a page with none: FAQPage; the root document of a
    # project with no complete concept index also defines the glossary's set
    index = result.page("index.html").graph()
    assert set(index) == {"CollectionPage", "DefinedTermSet", "FAQPage"}


def test_pages_with_nothing_to_say_get_no_script(built: Shared) -> None:
    result = built("seo-rst")
    for name in ("plain.html", "genindex.html", "search.html"):
        page = result.page(name)
        assert page.jsonld() == []
        assert page.metas("name", "description") == []


def test_without_base_url_ids_are_relative_and_urls_absent(built: Shared) -> None:
    graph = built("seo-rst", confoverrides={"html_baseurl": ""}).page("overfitting.html").graph()
    page = graph["WebPage"][0]
    assert "url" not in page
    assert "@id" not in page
    assert page["mainEntity"] == {"@id": "overfitting.html#concept-overfitting"}
    assert page["isPartOf"] == {"@id": "index.html#aiguide-glossary"}
    assert "url" not in graph["DefinedTerm"][0]
    # the set lists where each concept is, relative to the glossary page
    root = built("seo-rst", confoverrides={"html_baseurl": ""}).page("index.html").graph()
    assert root["DefinedTermSet"][0]["@id"] == "index.html#aiguide-glossary"
    assert root["DefinedTermSet"][0]["url"] == "index.html"
    assert root["DefinedTermSet"][0]["hasDefinedTerm"][0]["url"] == (
        "transformer.html#concept-attention")


def test_dirhtml_urls(built: Shared) -> None:
    result = built("seo-rst", "dirhtml")
    assert result.warnings == ""
    graph = result.page("overfitting/index.html").graph()
    assert graph["WebPage"][0]["url"] == f"{BASE}overfitting/"
    assert graph["DefinedTerm"][0]["url"] == f"{BASE}overfitting/#concept-overfitting"
    question = graph["FAQPage"][0]["mainEntity"][0]
    assert question["url"] == f"{BASE}overfitting/#faq-how-do-i-notice-overfitting"
    root = result.page("index.html").graph()
    assert root["CollectionPage"][0]["url"] == BASE
    assert root["DefinedTermSet"][0]["url"] == BASE
    assert root["DefinedTermSet"][0]["hasDefinedTerm"][0]["url"] == (
        f"{BASE}transformer/#concept-attention")


def test_singlehtml_has_one_graph_of_everything(built: Shared) -> None:
    result = built("seo-rst", "singlehtml")
    assert result.warnings == ""
    page = result.page("index.html")
    # one page holds every entry: no single concept describes it (the description
    # there is the one own-meta.rst sets with ``.. meta::``)
    assert page.metas("name", "description") == ["The page's own description."]
    graph = page.graph()
    # the one page is the glossary: its main entity is the whole set, defined here once
    assert graph["CollectionPage"][0]["url"] == f"{BASE}index.html"
    term_set = f"{BASE}index.html#aiguide-glossary"
    assert graph["CollectionPage"][0]["mainEntity"] == {"@id": term_set}
    assert [node["@id"] for node in graph["DefinedTermSet"]] == [term_set]
    terms = graph["DefinedTerm"]
    assert [term["name"] for term in terms] == [
        "Overfitting", "Dropout", "Encoder", "Decoder", "Attention", "Transformer",
        "Überanpassung", "Value Alignment"]
    assert terms[0]["url"] == f"{BASE}index.html#concept-overfitting"
    questions = [q["name"] for q in graph["FAQPage"][0]["mainEntity"]]
    assert questions == ["Who writes this guide?", "How do I notice overfitting?",
                         "Is more data always the cure?",
                         "Which family do chat models belong to?"]


def test_epub_gets_no_structured_data(built: Shared) -> None:
    result = built("seo-rst", "epub")
    assert result.warnings == ""
    pages = list(result.outdir.rglob("*.xhtml"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "application/ld+json" not in text
        assert SUMMARY not in text.split("<body")[0]


def test_structured_data_can_be_switched_off(built: Shared) -> None:
    page = built("seo-rst", confoverrides={"aiguide_structured_data": False}).page(
        "overfitting.html")
    assert page.jsonld() == []
    assert page.metas("name", "description") == [SUMMARY]


def test_broken_title_template_warns_once_and_keeps_titles(build: Build,
                                                           tmp_path: Path) -> None:
    srcdir = copy_root("seo-rst", tmp_path / "broken")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace("{term}: What", "{term} by {author}: What"))
    result = build(srcdir=srcdir, parallel=2)
    text = result.warnings
    assert text.count("WARNING") == 1, text
    # reported once when the configuration is read, naming the setting
    assert re.search(r"WARNING: aiguide_title_template '\{term\} by \{author\}: "
                     r"What It Is and Why It Matters' "
                     r"cannot be used \(unknown placeholder \{author\}\); the placeholders "
                     r"are \{term\}, \{title\}, \{project\}; page titles are left as they "
                     r"are \[aiguide\.concept\]", text)
    html = result.read("overfitting.html")
    assert "<title>Overfitting &#8212;" in html
    assert read_page(html).metas("name", "test-aiguide-title") == [""]


@pytest.mark.parametrize("template", ["{0} x", "{term", "{term!z}", "{term:d}"])
def test_every_malformed_template_is_a_warning(built: Shared, template: str) -> None:
    result = built("seo-rst", confoverrides={"aiguide_title_template": template})
    assert result.warnings.count("WARNING") == 1, result.warnings
    assert result.warnings.count("[aiguide.concept]") == 1
    assert f"aiguide_title_template {template!r} cannot be used (" in result.warnings
    # and every page keeps its own title
    html = result.read("overfitting.html")
    assert "<title>Overfitting &#8212;" in html
    assert read_page(html).metas("name", "test-aiguide-title") == [""]


def test_hostile_text_stays_inside_the_json(built: Shared) -> None:
    result = built("seo-hostile", confoverrides={"extensions": OPENGRAPH_AND_SITEMAP})
    assert result.warnings == ""
    html = result.read("evil.html")
    page = read_page(html)
    # nothing outside the JSON string became an element or an attribute
    assert all(tag != "img" for tag, _attrs in page.tags)
    assert not [(tag, name) for tag, attrs in page.tags for name in attrs
                if name.startswith("on")]
    blocks = [script for script in page.scripts
              if script.attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    assert not [script for script in page.scripts if "alert" in script.text
                and script not in blocks]
    raw = blocks[0].text
    assert not set("<>&") & set(raw)
    # and the JSON still says exactly what the author wrote
    graph = page.graph()
    term = graph["DefinedTerm"][0]
    assert term["name"] == 'Evil </script><script>alert("term")</script> & <!-- Term'
    assert term["alternateName"] == ["</script><img src=x onerror=alert('alias')>",
                                     "\"quoted\" & 'single' <!--"]
    assert term["description"] == ("Summary </script><img src=x onerror=alert('summary')> "
                                   "\"quotes\" 'apostrophes' & <!-- -->")
    person = graph["WebPage"][0]["reviewedBy"][0]
    assert person["name"] == "Mallory </script><img src=x onerror=alert('name')> \"&amp;"
    assert person["url"] == "https://example.org/m\"><img src=x onerror=alert('url')></script>"
    question = graph["FAQPage"][0]["mainEntity"][0]
    assert question["name"] == "Is </script><!-- <img src=x onerror=alert('question')> \"safe\"?"
    assert question["acceptedAnswer"]["text"] == (
        "Answer </SCRIPT ><img src=x onerror=alert('answer')> & --> '</script'")
    term_set = result.page("index.html").graph()["DefinedTermSet"][0]
    assert term_set["name"] == "Guide </script><script>alert('project')</script>"
    # the head's attribute values are the same text, escaped
    assert page.metas("name", "description") == [term["description"]]
    assert page.metas("property", "og:description") == [term["description"]]
    title = f"{term['name']} </title><script>alert('template')</script>"
    assert page.metas("name", "test-aiguide-title") == [title]
    assert page.metas("property", "og:title") == [title]
    assert extruct.extract(html, syntaxes=["json-ld"])["json-ld"] == page.jsonld()


def test_hostile_myst_head_stays_inert(built: Shared) -> None:
    result = built("seo-hostile-myst")
    assert result.warnings == ""
    page = read_page(head(result.read("index.html")))
    assert all(tag != "img" for tag, _attrs in page.tags)
    assert [script.attrs.get("type") for script in page.scripts
            if "alert" in script.text] == ["application/ld+json"]
    graph = page.graph()
    assert graph["DefinedTerm"][0]["name"] == (
        'Evil </script><script>alert("term")</script> & <!-- Term')
    # the root document is the glossary page here
    assert graph["CollectionPage"][0]["reviewedBy"][0]["name"] == (
        "Mallory </script><img src=x onerror=alert('name')>")


@pytest.mark.parametrize("root", ["seo-rst", "seo-myst"])
def test_beside_opengraph_and_sitemap(built: Shared, root: str) -> None:
    extensions = OPENGRAPH_AND_SITEMAP
    if root == "seo-myst":
        extensions = ["myst_parser", *extensions]
    result = built(root, confoverrides={"extensions": extensions})
    assert result.warnings == ""
    assert (result.outdir / "sitemap.xml").is_file()
    for name, description in [("overfitting.html", SUMMARY),
                              ("own-meta.html", "The page's own description.")]:
        page = result.page(name)
        assert page.metas("name", "description") == [description]
        assert len(page.jsonld()) == 1
        # Sphinx 9.0 with docutils 0.22 writes the viewport tag twice on every page
        metas = [(key, attrs[key]) for tag, attrs in page.tags if tag == "meta"
                 for key in ("name", "property") if key in attrs
                 and attrs[key] != "viewport"]
        assert len(metas) == len(set(metas)), metas
    page = result.page("overfitting.html")
    assert page.metas("property", "og:description") == [SUMMARY]
    assert page.metas("property", "og:title") == [TITLE]


def test_opengraph_keeps_a_page_own_og_description(built: Shared) -> None:
    result = built("seo-rst", confoverrides={"extensions": OPENGRAPH_AND_SITEMAP})
    page = result.page("own-meta.html")
    assert page.metas("name", "description") == ["The page's own description."]
    # no concept summary is forced on a page that set its own description
    families = result.page("families.html")
    assert len(families.metas("name", "description")) == 1


def test_parallel_writes_give_the_same_heads(built: Shared) -> None:
    serial = built("seo-rst")
    heads = {p.name: head(p.read_text(encoding="utf-8")) for p in serial.outdir.glob("*.html")}
    assert len(heads) > 5
    parallel = built("seo-rst", parallel=2)
    assert parallel.warnings == ""
    for name, text in heads.items():
        assert head(parallel.read(name)) == text, name


@pytest.mark.parametrize(("theme", "changes_title"), [
    ("alabaster", True), ("furo", True), ("basic", False), ("sphinx_rtd_theme", True),
    ("pydata_sphinx_theme", True), ("sphinx_book_theme", True),
])
def test_title_template_in_popular_themes(built: Shared, theme: str,
                                          changes_title: bool) -> None:
    html = built("seo-rst", confoverrides={"html_theme": theme, "templates_path": []}).read(
        "overfitting.html")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert title.group(1).strip().startswith(TITLE if changes_title else "Overfitting")
    # the visible heading is the term in every theme
    assert re.search(r"<h1>Overfitting<a class=\"headerlink\"", html)


#: Where each theme prints the page title besides ``<title>``: breadcrumbs, or the Book
#: theme's heading of printed pages.
SHOWN_TITLE = {
    "sphinx_rtd_theme": '<li class="breadcrumb-item active">Overfitting</li>',
    "pydata_sphinx_theme": '<span class="ellipsis">Overfitting</span>',
    "sphinx_book_theme": '<div id="jb-print-docs-body" class="onlyprint"> <h1>Overfitting</h1>',
}


def without_title(html: str) -> str:
    """*html* without its ``<title>`` element, white space between tags folded."""
    return " ".join(re.sub(r"<title>.*?</title>", "", html, count=1, flags=re.DOTALL).split())


@pytest.mark.parametrize("theme", sorted(SHOWN_TITLE))
def test_title_template_changes_only_the_title_where_the_theme_shows_the_term(
    built: Shared, theme: str
) -> None:
    options = {"html_theme": theme, "templates_path": []}
    result = built("seo-rst", confoverrides=options)
    plain = built("seo-rst", confoverrides={**options, "aiguide_title_template": None})
    html = result.read("overfitting.html")
    assert re.search(rf"<title>{TITLE} (&#8212;|&mdash;) AI Guide 1.0 documentation</title>",
                     html)
    # the rest of the page, breadcrumbs and heading included, is what the theme writes
    assert SHOWN_TITLE[theme] in without_title(html)
    assert without_title(html) == without_title(plain.read("overfitting.html"))
    # pages without a primary concept keep their title
    assert re.search(r"<title>Model Families (&#8212;|&mdash;) AI Guide",
                     result.read("families.html"))
    assert result.read("families.html") == plain.read("families.html")


@pytest.mark.parametrize("theme", sorted(SHOWN_TITLE))
def test_a_project_layout_still_applies_beside_the_title_template(built: Shared,
                                                                  theme: str) -> None:
    # the root's own _templates/layout.html adds a <meta> to every page
    result = built("seo-rst", confoverrides={"html_theme": theme})
    page = result.page("overfitting.html")
    assert page.metas("name", "test-aiguide-title") == [TITLE]
    assert [element.text.strip() for element in page.find_all("title")] == [
        f"{TITLE} \u2014 AI Guide 1.0 documentation"]


def test_documented_title_block_applies_the_template_in_other_themes(built: Shared) -> None:
    result = built("seo-rst", confoverrides={"html_theme": "basic",
                                              "templates_path": ["_title_templates"]})
    html = result.read("overfitting.html")
    assert re.search(rf"<title>{TITLE} &#8212; AI Guide 1.0 documentation</title>", html)
    assert re.search(r"<title>Model Families &#8212; AI Guide", result.read("families.html"))


def test_a_title_template_that_is_not_text_is_reported_by_sphinx(built: Shared) -> None:
    result = built("seo-rst", confoverrides={"aiguide_title_template": 42})
    text = result.warnings
    assert text.count("WARNING") == 1, text
    assert "aiguide_title_template" in text
    assert result.page("overfitting.html").metas(
        "name", "test-aiguide-title") == [""]
