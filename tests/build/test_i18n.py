"""Translations in a build: labels, bylines and dates in the page's language."""

from __future__ import annotations

from ..conftest import Shared


def test_german_build_shows_german_labels_and_dates(built: Shared) -> None:
    entry = built("example-rst", confoverrides={"language": "de"}).body(
        "instrumental-convergence")
    for label in ("Konzept", "Im Detail", "Häufig gestellte Fragen", "Verwandte Konzepte"):
        assert f'<h2 class="aiguide-label rubric">{label}</h2>' in entry
    assert "Geprüft von AI Guide Editors · Zuletzt geprüft am" in entry
    html = built("review", confoverrides={"language": "de"}).body("index")
    assert ('Geprüft von <a class="reference external" href="https://example.org/hdesai">'
            'Harsh Desai</a>, Jo Roe und Sam Lee · Zuletzt geprüft am '
            '<time datetime="2026-01-10">10 Januar 2026</time>') in html


def test_japanese_build_joins_names_the_japanese_way(built: Shared) -> None:
    html = built("review", confoverrides={"language": "ja"}).body("index")
    assert "Jo Roe、Sam Lee" not in html  # the last two are joined with と
    assert "Harsh Desai</a>、Jo Roeと" in html
    # the review root names its concepts by argument: the term is the h2, labels are h3
    assert '<h3 class="aiguide-label rubric">概念</h3>' in html
