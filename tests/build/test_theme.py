"""The aiguide theme: what its pages carry, and that it builds cleanly everywhere."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.util.console import strip_colors

from ..conftest import Shared
from ..helpers import Page

ENTRY = "instrumental-convergence.html"


def head(page: str) -> str:
    return page[:page.index("</head>")]


def test_title_uses_aiguide_title_then_the_site_name(built: Shared) -> None:
    result = built("theme")
    assert result.warnings == ""
    # aiguide_title arrives escaped (set by conf.py here) and is not escaped twice
    assert ("<title>Instrumental Convergence: What It Is &amp; Why It Matters | AI Guide"
            "</title>") in result.read(ENTRY)
    assert "<title>Orthogonality Thesis | AI Guide</title>" in result.read(
        "orthogonality-thesis.html")
    assert "<title>Search | AI Guide</title>" in result.read("search.html")
    assert "<title>AI Guide</title>" in result.read("index.html")


def test_site_name_option_replaces_the_project(built: Shared) -> None:
    page = built("theme", confoverrides={"html_theme_options.site_name": "Field Guide"}).read(
        "about.html")
    assert "<title>About the guide | Field Guide</title>" in page
    assert '<span class="ag-site">Field Guide</span>' in page


def test_scheme_script_runs_in_head_before_any_stylesheet(built: Shared) -> None:
    page = head(built("theme").read(ENTRY))
    script = page.index('localStorage.getItem("aiguide-scheme")')
    assert script < page.index('rel="stylesheet"')
    assert page.index("<script>") < script
    assert '<meta name="color-scheme" content="light dark" />' in page
    # the switch itself is deferred and is shown only by the script
    assert '<script defer src="_static/aiguide-theme.js"></script>' in page
    assert '<button type="button" class="ag-scheme" hidden' in built("theme").read(ENTRY)


def test_skip_link_targets_the_main_landmark(built: Shared) -> None:
    page = built("theme").read(ENTRY)
    body = page[page.index("<body"):]
    assert body.index('<a class="ag-skip" href="#main-content">Skip to content</a>') < \
        body.index("<header")
    assert '<main class="ag-main" id="main-content" role="main">' in page
    # the byline stays the last thing of the entry, inside the main landmark
    main = page[page.index("<main"):page.index("</main>")]
    assert main.index('class="aiguide-byline aiguide-page-byline"') > main.index("aiguide-faq")


def test_theme_options_are_rendered(built: Shared) -> None:
    result = built("theme")
    page = result.read(ENTRY)
    assert '<body class="ag-theme" style="--ag-accent-light: #7a2e8f; ' \
        '--ag-accent-dark: color-mix(in srgb, #7a2e8f 45%, #fff)">' in page
    assert '<img class="ag-logo" src="_static/logo.svg" alt="" />' in page
    assert '<li><a href="about.html">About the guide</a></li>' in page
    assert '<li><a href="https://example.org/ai-guide">Source</a></li>' in page
    assert '<link rel="icon" href="_static/favicon.svg"/>' in page
    assert (result.outdir / "_static" / "favicon.svg").is_file()
    assert '<form class="ag-search" action="search.html" method="get" role="search">' in page


def test_html_logo_is_used_without_the_logo_option(built: Shared) -> None:
    result = built("theme", confoverrides={"html_theme_options.logo": "",
                                           "html_logo": "_static/logo.svg"})
    assert '<img class="ag-logo" src="_static/logo.svg" alt="" />' in result.read(ENTRY)


def jump_bar(page: str) -> list[tuple[str, str]]:
    """``(href, letter)`` of every link in the theme's A–Z bar."""
    bar = page[page.index('<nav class="ag-az"'):]
    bar = bar[:bar.index("</nav>")]
    assert 'aria-label="Concepts from A to Z"' in bar
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', bar)


def index_groups(page: str) -> list[tuple[str, str]]:
    """``(anchor, letter)`` of every letter group of the concept index on *page*."""
    return re.findall(r'<div class="aiguide-index-group[^"]*" id="([^"]+)">\s*'
                      r'<h\d class="aiguide-label rubric">([^<]*)</h\d>', page)


def test_a_to_z_jump_links_the_letters_that_have_concepts(built: Shared) -> None:
    page = built("theme").read(ENTRY)
    # the concepts' first letters, and no others
    assert jump_bar(page) == [("concepts.html#aiguide-letter-i", "I"),
                              ("concepts.html#aiguide-letter-o", "O"),
                              ("concepts.html#aiguide-letter-r", "R")]


def test_the_jump_bar_shows_exactly_the_index_groups(built: Shared) -> None:
    """Swedish files Ö after Z; terms that start with a digit share the # group."""
    result = built("theme-letters")
    assert result.warnings == ""
    groups = index_groups(result.read("index.html"))
    assert [letter for _anchor, letter in groups] == ["#", "A", "Z", "Ö"]
    for page in ("index.html", "terms.html"):
        prefix = "" if page == "index.html" else "index.html"
        assert jump_bar(result.read(page)) == [(f"{prefix}#{anchor}", letter)
                                               for anchor, letter in groups]


def test_no_a_to_z_jump_without_an_index_page(built: Shared) -> None:
    result = built("theme", confoverrides={"html_theme_options.concept_index_page": ""})
    assert "aiguide-faq-item" in result.read(ENTRY)
    assert "aiguide-letter-" not in result.read(ENTRY)


def test_navigation_holds_the_global_toctree(built: Shared) -> None:
    page = built("theme").read("about.html")
    nav = page[page.index('<nav class="ag-nav"'):]
    for title in ("Instrumental Convergence", "Reward Hacking", "Concepts A–Z"):
        assert f">{title}</a>" in nav
    assert 'href="concepts.html" rel="prev"' in page


def captions(page: Page) -> list[tuple[str | None, str | None, str]]:
    """``(role, aria-level, text)`` of every toctree caption."""
    return [(p.attrs.get("role"), p.attrs.get("aria-level"), p.text)
            for p in page.find_all("p", "caption")]


def test_toctree_captions_get_a_heading_level(built: Shared) -> None:
    result = built("theme")
    # the home page's own table of contents: headings below the page title
    assert ("heading", "2", "Glossary") in captions(result.page("index.html"))
    # the navigation: headings below its own
    assert ("heading", "3", "Glossary") in captions(result.page(ENTRY))


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_builds_warning_free_in_every_html_builder(built: Shared, builder: str) -> None:
    result = built("theme", builder)
    assert result.warnings == ""
    assert (result.outdir / "_static" / "aiguide-theme.css").is_file()


def test_dirhtml_links_letters_to_the_index_folder(built: Shared) -> None:
    page = built("theme", "dirhtml").read("about/index.html")
    assert 'href="../concepts/#aiguide-letter-r"' in page


def test_parallel_build_is_warning_free(built: Shared) -> None:
    result = built("theme", parallel=2)
    assert result.warnings == ""
    assert "aiguide-faq-item" in result.read(ENTRY)


def test_latex_build_of_a_project_with_the_theme(built: Shared) -> None:
    result = built("theme", "latex", confoverrides={"latex_documents": [
        ("index", "guide.tex", "AI Guide", "AI Guide Editors", "manual")]})
    assert result.warnings == ""
    assert "Reviewed by AI Guide Editors" in result.read("guide.tex")
    assert not list(result.outdir.rglob("*.css"))


#: Options that point at things the project does not have, as they are easily mistyped.
MISSING = {
    "html_theme_options.logo": "_static/logo.svg",  # the path, not the path below _static
    "html_theme_options.footer_links": [("About", "abuot"), ("Source", "https://example.org"),
                                        ("Home", "index"), "About"],
    "html_theme_options.concept_index_page": "concept",
}


def test_options_that_name_missing_files_or_pages_warn(built: Shared) -> None:
    result = built("theme", confoverrides=MISSING)
    assert result.warning_lines() == [
        "WARNING: html_theme_options['logo'] '_static/logo.svg' is in no folder of "
        "html_static_path; give its path below _static: 'logo.svg' [aiguide.theme]",
        "WARNING: html_theme_options['footer_links'] 'About' links to 'abuot', which is "
        "neither a page of this project nor a full URL; did you mean 'about'? "
        "[aiguide.theme]",
        "WARNING: html_theme_options['footer_links'] entry 'About' is neither {'text': …, "
        "'url': …} nor a (text, url) pair; it is left out [aiguide.theme]",
        "WARNING: html_theme_options['concept_index_page'] 'concept' is no page of this "
        "project, so the letters of the A–Z bar lead nowhere; did you mean 'concepts'? "
        "[aiguide.theme]",
    ]
    footer = result.read("about.html").split('<footer class="ag-footer">')[1]
    links = re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', footer)
    # the entry of the wrong shape is left out, not shown as its first two letters
    assert links == [("abuot.html", "About"), ("https://example.org", "Source"),
                     ("index.html", "Home")]


def test_a_logo_outside_the_static_path_warns(built: Shared) -> None:
    result = built("theme", confoverrides={"html_theme_options.logo": "logo.png"})
    assert result.warning_lines() == [
        "WARNING: html_theme_options['logo'] 'logo.png' is in no folder of html_static_path; "
        "put the image there, or give a URL [aiguide.theme]"]


def test_the_theme_checks_its_options_without_the_extension(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'html_theme = "aiguide"\n'
        'html_theme_options = {"concept_index_page": "glossry", "logo": "logo.svg"}\n',
        encoding="utf-8")
    (tmp_path / "index.rst").write_text("Guide\n=====\n\n.. toctree::\n\n   glossary\n",
                                        encoding="utf-8")
    (tmp_path / "glossary.rst").write_text("Glossary\n========\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(tmp_path),
         str(tmp_path / "_build")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    # CI=true makes Sphinx colour its output; the words are what is checked
    assert strip_colors(result.stderr).splitlines() == [
        "WARNING: html_theme_options['logo'] 'logo.svg' is in no folder of html_static_path; "
        "put the image there, or give a URL [aiguide.theme]",
        "WARNING: html_theme_options['concept_index_page'] 'glossry' is no page of this "
        "project, so the letters of the A–Z bar lead nowhere; did you mean 'glossary'? "
        "[aiguide.theme]"]
