"""The aiguide theme: what its pages carry, and that it builds cleanly everywhere."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from sphinx_aiguide.assets import CSS_FILE, STATIC_DIR
from sphinx_aiguide.theme import THEME_DIR

from .conftest import Build, output, warnings

ENTRY = "instrumental-convergence.html"
#: Each stylesheet a reader downloads stays small.
CSS_BUDGET = 8 * 1024


def head(page: str) -> str:
    return page[:page.index("</head>")]


def test_title_uses_aiguide_title_then_the_site_name(build: Build) -> None:
    app = build("theme")
    assert warnings(app) == ""
    # aiguide_title arrives escaped (set by conf.py here) and is not escaped twice
    assert ("<title>Instrumental Convergence: What It Is &amp; Why It Matters | AI Guide"
            "</title>") in output(app, ENTRY)
    assert "<title>Orthogonality Thesis | AI Guide</title>" in output(
        app, "orthogonality-thesis.html")
    assert "<title>Search | AI Guide</title>" in output(app, "search.html")
    assert "<title>AI Guide</title>" in output(app, "index.html")


def test_site_name_option_replaces_the_project(build: Build) -> None:
    app = build("theme", confoverrides={"html_theme_options.site_name": "Field Guide"})
    page = output(app, "about.html")
    assert "<title>About the guide | Field Guide</title>" in page
    assert '<span class="ag-site">Field Guide</span>' in page


def test_scheme_script_runs_in_head_before_any_stylesheet(build: Build) -> None:
    page = head(output(build("theme"), ENTRY))
    script = page.index('localStorage.getItem("aiguide-scheme")')
    assert script < page.index('rel="stylesheet"')
    assert page.index("<script>") < script
    assert '<meta name="color-scheme" content="light dark" />' in page
    # the switch itself is deferred and is shown only by the script
    assert '<script defer src="_static/aiguide-theme.js"></script>' in page
    assert '<button type="button" class="ag-scheme" hidden' in output(build("theme"), ENTRY)


def test_skip_link_targets_the_main_landmark(build: Build) -> None:
    page = output(build("theme"), ENTRY)
    body = page[page.index("<body"):]
    assert body.index('<a class="ag-skip" href="#main-content">Skip to content</a>') < \
        body.index("<header")
    assert '<main class="ag-main" id="main-content" role="main">' in page
    # the byline stays the last thing of the entry, inside the main landmark
    main = page[page.index("<main"):page.index("</main>")]
    assert main.index('class="aiguide-byline aiguide-page-byline"') > main.index("aiguide-faq")


def test_theme_options_are_rendered(build: Build) -> None:
    app = build("theme")
    page = output(app, ENTRY)
    assert '<body class="ag-theme" style="--ag-accent-light: #7a2e8f; ' \
        '--ag-accent-dark: color-mix(in srgb, #7a2e8f 45%, #fff)">' in page
    assert '<img class="ag-logo" src="_static/logo.svg" alt="" />' in page
    assert '<li><a href="about.html">About the guide</a></li>' in page
    assert '<li><a href="https://example.org/ai-guide">Source</a></li>' in page
    assert '<link rel="icon" href="_static/favicon.svg"/>' in page
    assert (app.outdir / "_static" / "favicon.svg").is_file()
    assert '<form class="ag-search" action="search.html" method="get" role="search">' in page


def test_html_logo_is_used_without_the_logo_option(build: Build) -> None:
    app = build("theme", confoverrides={"html_theme_options.logo": "",
                                        "html_logo": "_static/logo.svg"})
    assert '<img class="ag-logo" src="_static/logo.svg" alt="" />' in output(app, ENTRY)


def test_a_to_z_jump_links_the_letters_that_have_concepts(build: Build) -> None:
    page = output(build("theme"), ENTRY)
    bar = page[page.index('<nav class="ag-az"'):]
    bar = bar[:bar.index("</nav>")]
    letters = re.findall(r'<a href="concepts\.html#aiguide-letter-([a-z])">([A-Z])</a>', bar)
    assert letters == [("i", "I"), ("o", "O"), ("r", "R")]  # the concepts' first letters
    empty = re.findall(r'<span class="ag-az-none">([A-Z])</span>', bar)
    assert len(empty) == 23
    assert "A" in empty and "Z" in empty
    assert 'aria-label="Concepts from A to Z"' in bar


def test_no_a_to_z_jump_without_an_index_page(build: Build) -> None:
    app = build("theme", confoverrides={"html_theme_options.concept_index_page": ""})
    assert "aiguide-letter-" not in output(app, ENTRY)


def test_navigation_holds_the_global_toctree(build: Build) -> None:
    page = output(build("theme"), "about.html")
    nav = page[page.index('<nav class="ag-nav"'):]
    for title in ("Instrumental Convergence", "Reward Hacking", "Concepts A–Z"):
        assert f">{title}</a>" in nav
    assert 'href="concepts.html" rel="prev"' in page


def test_toctree_captions_get_a_heading_level(build: Build) -> None:
    app = build("theme")
    assert '<p class="caption" role="heading" aria-level="2"><span class="caption-text">' \
        'Glossary</span></p>' in output(app, "index.html")
    assert '<p class="caption" role="heading" aria-level="3">' in output(app, ENTRY)


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_builds_warning_free_in_every_html_builder(build: Build, builder: str) -> None:
    app = build("theme", builder, warningiserror=True)
    assert warnings(app) == ""
    assert (app.outdir / "_static" / "aiguide-theme.css").is_file()


def test_dirhtml_links_letters_to_the_index_folder(build: Build) -> None:
    app = build("theme", "dirhtml")
    page = output(app, "about/index.html")
    assert 'href="../concepts/#aiguide-letter-r"' in page


def test_parallel_build_is_warning_free(build: Build) -> None:
    app = build("theme", parallel=2, warningiserror=True)
    assert warnings(app) == ""
    assert "aiguide-faq-item" in output(app, ENTRY)


def test_latex_build_of_a_project_with_the_theme(build: Build) -> None:
    app = build("theme", "latex", warningiserror=True, confoverrides={"latex_documents": [
        ("index", "guide.tex", "AI Guide", "AI Guide Editors", "manual")]})
    assert warnings(app) == ""
    assert "Reviewed by AI Guide Editors" in output(app, "guide.tex")
    assert not list(app.outdir.rglob("*.css"))


def test_committed_screenshots_stay_small() -> None:
    shots = sorted((Path(__file__).parents[1] / "docs" / "_static" / "screenshots").glob("*.png"))
    assert shots
    assert [shot.name for shot in shots if shot.stat().st_size >= 300 * 1024] == []


@pytest.mark.parametrize("stylesheet", [
    STATIC_DIR / CSS_FILE, THEME_DIR / "static" / "aiguide-theme.css",
], ids=["components", "theme"])
def test_stylesheets_stay_within_budget(stylesheet: Path) -> None:
    size = len(gzip.compress(stylesheet.read_bytes(), compresslevel=9))
    assert size <= CSS_BUDGET, f"{stylesheet.name}: {size} bytes gzipped"
